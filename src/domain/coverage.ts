import type { ActivityCoverage, Answer, Coverage, ObjectiveCoverage } from './answers.js';
import type { Context } from './ports.js';
import type { Language, PlanInfo } from './types.js';
import { states } from './questions.js';

/** Whether any priority of the plan serves `o`. */
export const isServed = (o: ObjectiveCoverage): boolean => o.priorities.length > 0;

/**
 * The plan's coverage of the GCM's objectives: an objective is served when a thematic priority cites it
 * (the plan gives objectives for its thematic priorities only; its basic priorities serve the Compact as a
 * whole and are listed apart). For each objective in order, the priorities and activities serving it with
 * occurrences done out of total (counted as `/gcm progress` counts them). Reads every activity's state once.
 */
export function coverageOf(ctx: Context, plan: PlanInfo): Coverage {
  const priorities = ctx.plans.priorities(plan.id);
  const thematic = priorities.filter((p) => p.kind === 'thematic');
  const byPriority = new Map<string, ActivityCoverage[]>();
  for (const s of states(ctx, plan, ctx.plans.activities(plan.id))) {
    const list = byPriority.get(s.activity.priorityId) ?? [];
    list.push({ activity: s.activity, done: s.done.size, total: s.occurrences.length });
    byPriority.set(s.activity.priorityId, list);
  }
  const objectives = ctx.plans.objectives().map((objective): ObjectiveCoverage => {
    const serving = thematic
      .filter((p) => p.objectives.includes(objective.number))
      .map((priority) => ({ priority, activities: byPriority.get(priority.id) ?? [] }));
    const all = serving.flatMap((p) => p.activities);
    return {
      objective,
      priorities: serving,
      activities: all.length,
      occurrencesDone: all.reduce((n, a) => n + a.done, 0),
      occurrences: all.reduce((n, a) => n + a.total, 0),
    };
  });
  return { objectives, basic: priorities.filter((p) => p.kind === 'basic') };
}

/** `/gcm coverage`'s answer for a plan. */
export function coverageAnswer(ctx: Context, plan: PlanInfo, lang: Language): Answer {
  return { kind: 'coverage', lang, plan, ...coverageOf(ctx, plan) };
}
