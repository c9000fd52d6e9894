import type { AnswerError } from '../domain/answers.js';
import { chosenPlan } from '../domain/questions.js';
import type { PlanInfo } from '../domain/types.js';
import type { UseCaseContext } from './use-case.js';

/** The plan a change acts on (the one `plan:ID` named, else the current one), or why there is none. */
export function planToChange(uc: UseCaseContext): { ok: true; plan: PlanInfo } | { ok: false; error: AnswerError } {
  return chosenPlan(uc.domain);
}
