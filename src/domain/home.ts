import { DateTime } from 'luxon';
import type { Agency, Language, PlanInfo } from './types.js';
import type { AgencyWork, PriorityProgress, UpcomingItem } from './answers.js';
import { agencyAnswer, currentPlan, previousPlan, progressOf, upcomingItems } from './questions.js';
import type { Context } from './ports.js';

/** Everything the App Home shows one user. */
export interface HomeData {
  lang: Language;
  plan: PlanInfo | null;
  today: string;
  ended: boolean;
  /** Between two plans: the one that ended before the current one starts. */
  previous?: PlanInfo | null;
  progress: PriorityProgress[];
  due30: UpcomingItem[];
  agencies: Agency[];
  myAgency: AgencyWork | null;
}

/** The App Home of a user whose agency is `agencyId` (or none yet): progress, the next 30 days, my agency. */
export function homeData(ctx: Context, agencyId: string | null, lang: Language): HomeData {
  const today = ctx.now.toISODate()!;
  const plan = currentPlan(ctx.plans, today);
  const agencies = ctx.plans.agencies().filter((a) => a.roles.some((r) => r !== 'matrix'));
  if (!plan) return { lang, plan, today, ended: false, progress: [], due30: [], agencies, myAgency: null };
  const until = DateTime.fromISO(today, { zone: 'UTC' }).plus({ days: 30 }).toISODate()!;
  let myAgency: HomeData['myAgency'] = null;
  if (agencyId) {
    const a = agencyAnswer(ctx, plan, agencyId, lang);
    if (a.kind === 'agency') {
      const { kind: _kind, lang: _lang, plan: _plan, marks: _marks, ...work } = a;
      myAgency = work;
    }
  }
  return {
    lang,
    plan,
    today,
    ended: today > plan.periodEnd,
    previous: previousPlan(ctx.plans, plan, today),
    progress: progressOf(ctx, plan),
    due30: upcomingItems(ctx, plan, today, 50, until),
    agencies,
    myAgency,
  };
}
