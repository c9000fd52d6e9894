import type { Language, Activity, Agency, PlanInfo } from './types.js';
import type { Context, PlanReader } from './ports.js';
import { listLimit, type Answer, type ActivityState, type AnswerError, type PriorityProgress, type UpcomingItem } from './answers.js';
import { parseActivityRef, parsePriorityRef } from './command.js';
import { containsWords, fold } from './normalize.js';
import { occurrencesOf } from './occurrences.js';
import { localizeHits } from './search-hits.js';

const err = (lang: Language, error: AnswerError): Answer => ({ kind: 'error', lang, error });

/** The plan to answer for: the one whose period contains today, else the latest. Null when none is loaded. */
export function currentPlan(plans: PlanReader, today: string): PlanInfo | null {
  const all = plans.plans();
  return all.find((p) => p.periodStart <= today && today <= p.periodEnd) ?? all[0] ?? null;
}

/** An activity's occurrences in its plan's period and its completion marks. */
export function activityState(ctx: Context, plan: PlanInfo, activity: Activity): ActivityState {
  return states(ctx, plan, [activity])[0]!;
}

function states(ctx: Context, plan: PlanInfo, activities: Activity[]): ActivityState[] {
  const dates = ctx.state.meetingDates(plan.id);
  const done = ctx.state.completions(plan.id);
  return activities.map((activity) => {
    const occurrences = occurrencesOf(activity, plan, dates);
    return { activity, occurrences, done: new Map(occurrences.flatMap((o) => (done.has(o.key) ? [[o.key, done.get(o.key)!]] : []))) };
  });
}

/** `f`'s answer on the current plan, or the error that none is loaded. */
export function onCurrentPlan(ctx: Context, lang: Language, f: (plan: PlanInfo) => Answer): Answer {
  const plan = currentPlan(ctx.plans, ctx.now.toISODate()!);
  return plan ? f(plan) : err(lang, { code: 'no_plan' });
}

export function principlesAnswer(ctx: Context, lang: Language): Answer {
  return { kind: 'principles', lang, principles: ctx.plans.principles() };
}

/** Ranked full-text search; an empty query asks what to search for. */
export function searchAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  return arg === ''
    ? err(lang, { code: 'search_needed' })
    : { kind: 'search', lang, plan, query: arg, hits: localizeHits(ctx.plans, plan.id, ctx.plans.search(plan.id, arg, 10), lang) };
}

/** The answer in `lang` that a command works in Slack only (`npm run ask -- done …`). */
export function slackOnlyAnswer(lang: Language, command: string): Answer {
  return err(lang, { code: 'slack_only', command });
}

/** No keyword: an activity id, a priority id, an objective number or an agency name; else "I don't know". */
export function bareAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  if (parseActivityRef(arg)) return activityAnswer(ctx, plan, arg, lang);
  const pref = parsePriorityRef(arg);
  if (pref && 'id' in pref) return priorityAnswer(ctx, plan, arg, lang);
  if (/^\d+$/.test(arg)) return objectiveAnswer(ctx, plan, arg, lang);
  const agencies = findAgencies(ctx.plans, arg);
  if (agencies.length > 0) return agencyAnswer(ctx, plan, arg, lang);
  return err(lang, { code: 'unknown_command', given: arg.split(' ')[0] ?? arg });
}

/** Objective N: its title, the plan's priorities citing it and their activities. Without N: all 23. */
export function objectiveAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  if (arg === '') {
    const objectives = ctx.plans.objectives();
    return {
      kind: 'objectives',
      lang,
      plan,
      objectives: objectives.map((objective) => ({ objective, priorities: ctx.plans.prioritiesForObjective(plan.id, objective.number).map((p) => p.id) })),
    };
  }
  const m = /^(?:n[o°º]\.?\s*|#)?(\d{1,6})$/i.exec(arg.trim());
  const objective = m ? ctx.plans.objective(Number(m[1])) : null;
  if (!objective) return err(lang, { code: 'objective_range', given: arg, max: ctx.plans.objectiveMax() });
  const priorities = ctx.plans.prioritiesForObjective(plan.id, objective.number).map((priority) => ({
    priority,
    activities: states(ctx, plan, ctx.plans.activitiesOfPriority(plan.id, priority.id, listLimit)),
    total: ctx.plans.countActivitiesOfPriority(plan.id, priority.id),
  }));
  return { kind: 'objective', lang, plan, objective, priorities };
}

/** Activity by id or number; a bare number shared by a basic and a thematic activity gives both. */
export function activityAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  if (arg.trim() === '') return err(lang, { code: 'activity_needed' });
  const ref = parseActivityRef(arg);
  if (!ref) return err(lang, { code: 'activity_bad', given: arg });
  const found =
    'id' in ref ? [ctx.plans.activity(plan.id, ref.id)].filter((a): a is Activity => a !== null) : ctx.plans.activitiesByNumber(plan.id, ref.number);
  if (found.length === 0) {
    return err(lang, { code: 'activity_missing', given: 'id' in ref ? ref.id : ref.number, known: activityRanges(ctx.plans.activities(plan.id)) });
  }
  return {
    kind: 'activity',
    lang,
    plan,
    today: ctx.now.toISODate()!,
    items: states(ctx, plan, found).map((state) => ({ state, priority: ctx.plans.priority(plan.id, state.activity.priorityId)! })),
  };
}

/** "B1.1–B1.6" for each priority: what to suggest when an id is unknown. */
function activityRanges(activities: Activity[]): string[] {
  const byPriority = new Map<string, string[]>();
  for (const a of activities) byPriority.set(a.priorityId, [...(byPriority.get(a.priorityId) ?? []), a.id]);
  return [...byPriority.values()].map((ids) => (ids.length === 1 ? ids[0]! : `${ids[0]}–${ids[ids.length - 1]}`));
}

/**
 * Agencies matching a name: an exact name, acronym or alias first (case and accents ignored), else those
 * with a name containing the words as whole words (`MPI` never matches inside `OMPI`).
 */
export function findAgencies(plans: PlanReader, query: string): Agency[] {
  const q = fold(query);
  if (q === '') return [];
  const exact = plans.agencyIdsByName(q);
  if (exact.length > 0) return exact.map((id) => plans.agency(id)!);
  const ids = new Set(
    plans
      .agencyNames()
      .filter((n) => containsWords(n.name, q))
      .map((n) => n.agencyId),
  );
  return plans.agencies().filter((a) => ids.has(a.id));
}

export function agencyAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  if (arg.trim() === '') return { kind: 'agencies', lang, agencies: ctx.plans.agencies().filter((a) => a.roles.some((r) => r !== 'matrix')), query: '' };
  const found = findAgencies(ctx.plans, arg);
  if (found.length === 0) return err(lang, { code: 'agency_missing', given: arg });
  if (found.length > 1) return { kind: 'agencies', lang, agencies: found, query: arg };
  const agency = found[0]!;
  const member = agency.roles.includes('member') || agency.roles.includes('co_lead');
  return {
    kind: 'agency',
    lang,
    plan,
    agency,
    leads: states(ctx, plan, ctx.plans.activitiesOfAgency(plan.id, agency.id, 'lead', listLimit)),
    leadsTotal: ctx.plans.countActivitiesOfAgency(plan.id, agency.id, 'lead'),
    supports: states(ctx, plan, ctx.plans.activitiesOfAgency(plan.id, agency.id, 'support', listLimit)),
    supportsTotal: ctx.plans.countActivitiesOfAgency(plan.id, agency.id, 'support'),
    networkSupported: member ? ctx.plans.networkSupportedCount(plan.id, agency.id) : 0,
    member,
    marks: ctx.plans.matrixMarks(agency.id),
  };
}

export function priorityAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  const all = ctx.plans.priorities(plan.id);
  if (arg.trim() === '') {
    return {
      kind: 'priorities',
      lang,
      plan,
      priorities: all.map((priority) => ({ priority, activities: ctx.plans.countActivitiesOfPriority(plan.id, priority.id) })),
    };
  }
  const ref = parsePriorityRef(arg);
  const matches = !ref ? [] : 'id' in ref ? all.filter((p) => p.id === ref.id) : all.filter((p) => p.id.slice(1) === ref.number);
  if (matches.length === 0) return err(lang, { code: 'priority_missing', given: arg, known: all.map((p) => p.id) });
  if (matches.length > 1) {
    return {
      kind: 'priorities',
      lang,
      plan,
      priorities: matches.map((priority) => ({ priority, activities: ctx.plans.countActivitiesOfPriority(plan.id, priority.id) })),
    };
  }
  const priority = matches[0]!;
  return {
    kind: 'priority',
    lang,
    plan,
    priority,
    activities: states(ctx, plan, ctx.plans.activitiesOfPriority(plan.id, priority.id, listLimit)),
    total: ctx.plans.countActivitiesOfPriority(plan.id, priority.id),
  };
}

/** The next dated occurrences not yet done, due today or later, earliest first. */
export function upcomingItems(ctx: Context, plan: PlanInfo, today: string, limit: number, until?: string): UpcomingItem[] {
  const items: UpcomingItem[] = [];
  for (const s of states(ctx, plan, ctx.plans.activities(plan.id))) {
    for (const o of s.occurrences) {
      if (o.due && o.due >= today && (!until || o.due <= until) && !s.done.has(o.key)) items.push({ occurrence: o, activity: s.activity });
    }
  }
  items.sort((a, b) => a.occurrence.due!.localeCompare(b.occurrence.due!) || a.occurrence.key.localeCompare(b.occurrence.key));
  return items.slice(0, limit);
}

export function upcomingAnswer(ctx: Context, plan: PlanInfo, lang: Language, limit: number): Answer {
  const today = ctx.now.toISODate()!;
  return {
    kind: 'upcoming',
    lang,
    plan,
    today,
    items: upcomingItems(ctx, plan, today, limit),
    ended: today > plan.periodEnd,
    notStarted: today < plan.periodStart,
  };
}

/** Done out of total per priority: activities (all occurrences done) and occurrences. */
export function progressOf(ctx: Context, plan: PlanInfo): PriorityProgress[] {
  const all = states(ctx, plan, ctx.plans.activities(plan.id));
  return ctx.plans.priorities(plan.id).map((priority) => {
    const mine = all.filter((s) => s.activity.priorityId === priority.id);
    return {
      priority,
      activities: mine.length,
      activitiesDone: mine.filter((s) => s.occurrences.every((o) => s.done.has(o.key))).length,
      occurrences: mine.reduce((n, s) => n + s.occurrences.length, 0),
      occurrencesDone: mine.reduce((n, s) => n + s.done.size, 0),
    };
  });
}

export function progressAnswer(ctx: Context, plan: PlanInfo, lang: Language): Answer {
  return { kind: 'progress', lang, plan, priorities: progressOf(ctx, plan), today: ctx.now.toISODate()! };
}
