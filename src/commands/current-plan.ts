import type { AnswerError } from '../domain/answers.js';
import { currentPlan } from '../domain/questions.js';
import type { PlanInfo } from '../domain/types.js';
import type { UseCaseContext } from './use-case.js';

/** The plan a change acts on (the current one), or the error that none is loaded. */
export function planToChange(uc: UseCaseContext): { ok: true; plan: PlanInfo } | { ok: false; error: AnswerError } {
  const plan = currentPlan(uc.domain.plans, uc.domain.now.toISODate()!);
  return plan ? { ok: true, plan } : { ok: false, error: { code: 'no_plan' } };
}
