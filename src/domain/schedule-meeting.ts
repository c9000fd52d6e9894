import { DateTime } from 'luxon';
import type { Actor, Activity, Occurrence, PlanInfo } from './types.js';
import type { AnswerError } from './answers.js';
import { parseActivityRef } from './command.js';
import { enteredDateProblem } from './date-rule.js';
import { activityState } from './questions.js';
import type { Context } from './ports.js';

export type ScheduleTarget = { ok: true; activity: Activity; occurrence: Occurrence; date: string } | { ok: false; error: AnswerError };

/**
 * Reads `/gcm schedule B1.2 2024-05-14` (or `B1.2@2024-05 2024-05-14`): a meeting, optionally its
 * occurrence, and the real date. Without an occurrence, a recurring meeting's is the one of the date's month.
 */
export function resolveScheduleTarget(ctx: Context, plan: PlanInfo, arg: string): ScheduleTarget {
  const split = splitDateWord(arg);
  if (!split.ok) return split;
  const { refText, dateText } = split;
  // The same rule as the Update modal's new date (date-rule.ts), with a meeting's own: its occurrence's month
  // (said before "outside every plan", being the more helpful of the two).
  const problem = enteredDateProblem(ctx, dateText);
  if (problem === 'date_before_today') return { ok: false, error: { code: 'date_rule', given: dateText, problem } };
  const [ref, label] = refText.split('@').map((s) => s.trim()) as [string, string | undefined];
  const parsed = parseActivityRef(ref);
  if (!parsed) return { ok: false, error: { code: 'activity_bad', given: ref } };
  const found =
    'id' in parsed ? [ctx.plans.activity(plan.id, parsed.id)].filter((a): a is Activity => a !== null) : ctx.plans.activitiesByNumber(plan.id, parsed.number);
  if (found.length !== 1)
    return { ok: false, error: found.length === 0 ? { code: 'activity_missing', given: ref, known: [] } : { code: 'activity_bad', given: ref } };
  const activity = found[0]!;
  if (activity.kind !== 'meeting') return { ok: false, error: { code: 'not_meeting', activityId: activity.id } };
  const occurrences = activityState(ctx, plan, activity).occurrences;
  const wanted = label ?? (occurrences.length > 1 ? dateText.slice(0, 7) : null);
  const occurrence = wanted === null ? occurrences[0] : occurrences.find((o) => o.label === wanted);
  if (!occurrence)
    return {
      ok: false,
      error: { code: 'occurrence_missing', activityId: activity.id, label: wanted ?? dateText, known: occurrences.map((o) => o.label ?? o.key) },
    };
  const months = occurrenceMonths(activity, occurrence);
  const month = dateText.slice(0, 7);
  if (months && (month < months.from || month > months.to))
    return { ok: false, error: { code: 'date_outside_occurrence', given: dateText, occurrence: occurrence.key, ...months } };
  if (problem === 'date_outside_plans') return { ok: false, error: { code: 'date_rule', given: dateText, problem } };
  return { ok: true, activity, occurrence, date: dateText };
}

/**
 * `B2.1@2024-05 2024-05-14` → the reference and the date (the last word), or the error to answer. The date is
 * found from the end (no pattern that backtracks over the text), linear in it; luxon reads only a string
 * already shaped as a date.
 */
function splitDateWord(arg: string): { ok: true; refText: string; dateText: string } | { ok: false; error: AnswerError } {
  const text = arg.trim();
  const last = /\s(\S+)$/.exec(text);
  if (!last) return { ok: false, error: text ? { code: 'bad_date', given: text } : { code: 'activity_needed' } };
  const dateText = last[1]!;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dateText) || !DateTime.fromISO(dateText, { zone: 'UTC' }).isValid)
    return { ok: false, error: { code: 'bad_date', given: dateText } };
  return { ok: true, refText: text.slice(0, last.index).trim(), dateText };
}

/**
 * The months (YYYY-MM, inclusive) an occurrence's real date may fall in: the month its label names (`2024-05`,
 * or the month of `2023-08-30`), else the months of the activity's schedule (a month, a range, a date, a
 * tentative month). Null when the plan gives no month (continuous, none): any valid date.
 */
export function occurrenceMonths(activity: Activity, occurrence: Occurrence): { from: string; to: string } | null {
  if (occurrence.label) return { from: occurrence.label.slice(0, 7), to: occurrence.label.slice(0, 7) };
  const s = activity.schedule;
  switch (s.type) {
    case 'month':
    case 'tentative':
      return { from: s.month, to: s.month };
    case 'date':
      return { from: s.date.slice(0, 7), to: s.date.slice(0, 7) };
    case 'month_range':
    case 'date_range':
      return { from: s.from.slice(0, 7), to: s.to.slice(0, 7) };
    default:
      return null;
  }
}

/** Sets the real date of a meeting occurrence (an audit row with it). */
export function setMeetingDate(ctx: Context, plan: PlanInfo, target: Extract<ScheduleTarget, { ok: true }>, actor: Actor): void {
  ctx.state.setMeetingDate(plan.id, target.activity.id, target.occurrence.key, target.date, actor, ctx.now.toUTC().toISO()!);
}
