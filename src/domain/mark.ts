import { DateTime } from 'luxon';
import type { Actor, Language, Activity, Completion, Occurrence, PlanInfo } from './types.js';
import type { AnswerError } from './answers.js';
import { parseActivityRef, splitOccurrenceArg } from './command.js';
import { activityState } from './questions.js';
import type { ActivitySchedule, Context } from './ports.js';
import { occurrencesOf } from './occurrences.js';

/**
 * The occurrence `done` acts on when none is named (docs/decisions/occurrences.md): the earliest not yet done (nor
 * cancelled: docs/decisions/statuses.md) whose due date is on or before the end of the current month, else the
 * next one. Null when all are done or cancelled.
 */
export function currentOccurrence(occurrences: readonly Occurrence[], done: ReadonlyMap<string, unknown>, today: string): Occurrence | null {
  const open = occurrences.filter((o) => !done.has(o.key) && o.status !== 'cancelled');
  if (open.length === 0) return null;
  const endOfMonth = DateTime.fromISO(today, { zone: 'UTC' }).endOf('month').toISODate()!;
  return open.find((o) => o.due !== null && o.due <= endOfMonth) ?? open.find((o) => o.due === null || o.due > endOfMonth) ?? open[0]!;
}

/** The occurrence `reopen` acts on when none is named: the done one marked last. */
export function lastDone(occurrences: readonly Occurrence[], done: ReadonlyMap<string, Completion>): Occurrence | null {
  const marked = occurrences.filter((o) => done.has(o.key));
  marked.sort((a, b) => done.get(b.key)!.doneAt.localeCompare(done.get(a.key)!.doneAt) || (b.due ?? '').localeCompare(a.due ?? ''));
  return marked[0] ?? null;
}

/** What a mark reads of the plan and the activity (a whole PlanInfo and Activity when a command found them). */
type MarkedPlan = ActivitySchedule['plan'];
type MarkedActivity = ActivitySchedule['activity'];
/** The occurrence a mark acts on, and the others of its activity. */
type MarkTarget = { plan: MarkedPlan; activity: MarkedActivity; occurrence: Occurrence; named: boolean; others: readonly Occurrence[] };

export type Target =
  | { ok: true; plan: PlanInfo; activity: Activity; occurrence: Occurrence; named: boolean; others: Occurrence[] }
  | { ok: false; error: AnswerError };

/** Finds the activity and occurrence a `done`/`reopen` argument names: `B1.2`, `B1.2 2024-05`, `B1.2@2024-05`. */
export function resolveTarget(ctx: Context, plan: PlanInfo, arg: string, mode: 'done' | 'reopen'): Target {
  if (arg.trim() === '') return { ok: false, error: { code: 'activity_needed' } };
  const { ref, label } = splitOccurrenceArg(arg);
  const parsed = parseActivityRef(ref);
  if (!parsed) return { ok: false, error: { code: 'activity_bad', given: ref } };
  const found =
    'id' in parsed ? [ctx.plans.activity(plan.id, parsed.id)].filter((a): a is Activity => a !== null) : ctx.plans.activitiesByNumber(plan.id, parsed.number);
  if (found.length !== 1) {
    const given = 'id' in parsed ? parsed.id : parsed.number;
    return { ok: false, error: found.length === 0 ? { code: 'activity_missing', given, known: [] } : { code: 'activity_bad', given } };
  }
  const activity = found[0]!;
  const state = activityState(ctx, plan, activity);
  const others = state.occurrences;
  if (label !== null) {
    const occurrence = others.find((o) => o.label === label || o.key === `${activity.id}@${label}`);
    if (!occurrence) return { ok: false, error: { code: 'occurrence_missing', activityId: activity.id, label, known: others.map((o) => o.label ?? o.key) } };
    return { ok: true, plan, activity, occurrence, named: true, others };
  }
  const occurrence = mode === 'done' ? currentOccurrence(others, state.done, ctx.now.toISODate()!) : lastDone(others, state.done);
  if (!occurrence) {
    // Everything done (for `done`) or nothing done (for `reopen`): act on the last / first so the reply says so.
    return { ok: true, plan, activity, occurrence: mode === 'done' ? others[others.length - 1]! : others[0]!, named: false, others };
  }
  return { ok: true, plan, activity, occurrence, named: false, others };
}

/**
 * An activity's occurrences as a click sees them (meeting dates and statuses applied), from its own rows: what
 * `activityState` gives less the completion marks, which the mark reads itself in its write.
 */
export function occurrencesToMark(ctx: Context, s: ActivitySchedule): Occurrence[] {
  const { plan, activity } = s;
  return occurrencesOf(activity, plan, ctx.state.meetingDatesOf(plan.id, activity.id), ctx.state.statusesOf(plan.id, activity.id));
}

/** What a done/reopen did, for the reply and the updated message. */
export interface MarkOutcome {
  action: 'done' | 'reopen';
  lang: Language;
  plan: MarkedPlan;
  activity: MarkedActivity;
  occurrence: Occurrence;
  /** False when it was already so (a second click, a reopen of something open). */
  changed: boolean;
  /** The completion now in force (done), or the one removed (reopen), when there is one. */
  completion: Completion | null;
  named: boolean;
  recurring: boolean;
  actorId: string;
  /**
   * Another occurrence the same action could act on (the next one still open for done, another done one for
   * reopen), for the example of how to name one; null when there is none, or when the target was named.
   */
  another: Occurrence | null;
}

/** After `action` on `target`: another occurrence it could act on, or null (anotherOf in MarkOutcome). */
function anotherOf(ctx: Context, target: MarkTarget, action: 'done' | 'reopen'): Occurrence | null {
  const done = ctx.state.completionsOf(target.plan.id, target.activity.id);
  const fits = (o: Occurrence) => (action === 'done' ? !done.has(o.key) && o.status !== 'cancelled' : done.has(o.key));
  return target.others.find((o) => o.key !== target.occurrence.key && fits(o)) ?? null;
}

/**
 * Marks the target done (once: concurrent marks give one completion) or reopens it, with an audit row. The
 * other occurrence the reply's example names is looked for only when the target was not named (the reply shows
 * none otherwise: mark-view.ts).
 */
export function applyMark(ctx: Context, target: MarkTarget, action: 'done' | 'reopen', actor: Actor, lang: Language): MarkOutcome {
  // The same ISO instant as Luxon's `toUTC().toISO()`, without its objects, on every click.
  const at = new Date(ctx.now.toMillis()).toISOString();
  const base = {
    action,
    lang,
    plan: target.plan,
    activity: target.activity,
    occurrence: target.occurrence,
    named: target.named,
    recurring: target.others.length > 1,
    actorId: actor.userId,
  };
  if (action === 'done') {
    const r = ctx.state.markDone(target.plan.id, target.activity.id, target.occurrence.key, actor, at);
    return { ...base, changed: r.changed, completion: r.completion, another: target.named ? null : anotherOf(ctx, target, action) };
  }
  const removed = ctx.state.reopen(target.plan.id, target.occurrence.key, actor, at);
  return { ...base, changed: removed !== null, completion: removed, another: target.named ? null : anotherOf(ctx, target, action) };
}
