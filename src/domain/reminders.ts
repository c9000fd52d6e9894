import { DateTime } from 'luxon';
import { occurrencesOf, parseOccurrenceKey, planOccurrences } from './occurrences.js';
import type { OccurrenceWindow, PlanReader, StateReader } from './ports.js';
import type { Completion, Occurrence, PlanInfo } from './types.js';

/** When reminders go out (GCM_REMINDER_DAYS, GCM_REMINDER_TIME, GCM_TIMEZONE). */
export interface ReminderSettings {
  /** Days before the due date, largest first: [7, 1]. */
  days: number[];
  /** HH:MM local time. */
  time: string;
  zone: string;
}

/** The keys already written (a Set, or a lookup in the records: the pass asks only about its window's). */
export interface Recorded {
  has(key: string): boolean;
}

/** One reminder the rules call for: an occurrence, an offset, the instant it fires. */
export interface ReminderSlot {
  key: string;
  occurrence: Occurrence;
  offsetDays: number;
  fireAt: DateTime;
  /** Its day is before today: posted now, it is a late (catch-up) reminder. */
  late: boolean;
}

/**
 * What a reminder key says of the due date: nothing for a plan's or a co-chair's date (keys recorded before
 * statuses stay valid), the new date for a postponed occurrence, so that it gets reminders of its own, once
 * each, and those sent for the old date stay in the history (docs/decisions/statuses.md).
 */
const dueTag = (o: Pick<Occurrence, 'due' | 'dueRule'>) => (o.dueRule === 'postponed' && o.due ? `|${o.due}` : '');

/** The unique key of a reminder: one per plan, occurrence, due date (when postponed) and offset. */
export const reminderKey = (planId: string, o: Pick<Occurrence, 'key' | 'due' | 'dueRule'>, offsetDays: number) =>
  `${planId}|${o.key}|${offsetDays}${dueTag(o)}`;

/** No reminder and no follow-up for an occurrence done or cancelled. */
const remindable = (o: Occurrence, done: ReadonlyMap<string, Completion>) => !done.has(o.key) && o.status !== 'done' && o.status !== 'cancelled';

/**
 * The instant a reminder fires: `offsetDays` before `due` at `time` in `zone`; a day that falls on a weekend
 * moves to the Friday before (the due date itself never moves). Luxon keeps 09:00 at 09:00 across DST.
 */
export function fireInstant(due: string, offsetDays: number, s: ReminderSettings): DateTime {
  const [h, m] = s.time.split(':').map(Number) as [number, number];
  let day = DateTime.fromISO(due, { zone: s.zone }).minus({ days: offsetDays });
  if (day.weekday === 6) day = day.minus({ days: 1 });
  if (day.weekday === 7) day = day.minus({ days: 2 });
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
}

/**
 * The due dates whose reminders can have come at `now`: from today (a due date passed gets none) to the
 * largest offset plus a weekend ahead (an occurrence due later cannot have one yet), in the reminders' zone;
 * for the index, only the occurrences with a reminder come (due up to the last due date whose reminder for
 * that offset has come) and not recorded for that offset: every other one has nothing to post (dueReminders
 * posts the latest reminder come, only when it is not recorded), so the pass reads the few whose time came
 * since the last pass, not the days ahead of the plan.
 */
export function reminderWindow(now: DateTime, s: ReminderSettings): OccurrenceWindow & { from: string } {
  const local = now.setZone(s.zone);
  const from = local.toISODate()!;
  const unrecordedReminders = s.days.map((offset) => ({ offset, to: lastDueCome(now, offset, s) })).filter((g) => g.to >= from);
  return { from, to: local.plus({ days: Math.max(...s.days) + 3 }).toISODate()!, unrecordedReminders };
}

/**
 * The last due date whose reminder `offset` days before has come at `now`: fireInstant never decreases as the
 * due date grows (a weekend moves it back to Friday, never past the next day's), so counting down from the
 * offset plus a weekend ahead finds it.
 */
function lastDueCome(now: DateTime, offset: number, s: ReminderSettings): string {
  let due = now
    .setZone(s.zone)
    .startOf('day')
    .plus({ days: offset + 3 });
  for (let i = 0; i < 7 && fireInstant(due.toISODate()!, offset, s) > now; i++) due = due.minus({ days: 1 });
  return due.toISODate()!;
}

/**
 * The due dates whose follow-up has come at `now`: every one up to the last whose follow-up instant has come
 * (3 days after it, a weekend moved to Monday: never earlier as the due date grows, so counting down from today
 * finds it), of the occurrences whose follow-up is not recorded yet.
 */
export function followupWindow(now: DateTime, s: ReminderSettings): OccurrenceWindow {
  let due = now.setZone(s.zone).startOf('day');
  for (let i = 0; i < 7 && followupInstant(due.toISODate()!, s) > now; i++) due = due.minus({ days: 1 });
  return { from: null, to: due.toISODate()!, unrecordedFollowup: true };
}

/**
 * The occurrences of `plan` that can be due in `window`, with their meeting dates and statuses: what the
 * minute's pass reads instead of the whole plan (issue 26). From the index written at import
 * (PlanReader.indexedOccurrences) for the activities without a meeting date or a status, whose occurrences
 * are as the file dates them; every occurrence of the few activities that have one, computed as
 * planOccurrences does. The result may hold occurrences outside the window (the rules filter them) but
 * holds every one inside it, so dueReminders and dueFollowups answer on it exactly as on the whole plan
 * (test/domain/occurrences-window.test.ts). The whole plan when it has no index.
 */
export function occurrencesInWindow(read: { plans: PlanReader; state: StateReader }, plan: PlanInfo, window: OccurrenceWindow): Occurrence[] {
  const indexed = read.plans.indexedOccurrences?.(plan.id, window);
  if (!indexed) return planOccurrences(read, plan);
  const dates = read.state.meetingDates(plan.id);
  const statuses = read.state.statuses(plan.id);
  const changed = new Set([...dates.keys(), ...statuses.keys()].map((k) => parseOccurrenceKey(k).activityId));
  const out = indexed.filter((o) => !changed.has(o.activityId));
  for (const id of changed) {
    const a = read.plans.activity(plan.id, id);
    if (a) out.push(...occurrencesOf(a, plan, dates, statuses));
  }
  return out;
}

/** `f` remembered by its arguments for one pass: many occurrences share a due date, and Luxon is slow. */
function memo<A extends (string | number)[]>(f: (...args: A) => DateTime): (...args: A) => DateTime {
  const seen = new Map<string, DateTime>();
  return (...args: A) => {
    const k = args.join('|');
    let v = seen.get(k);
    if (!v) {
      v = f(...args);
      seen.set(k, v);
    }
    return v;
  };
}

/**
 * The reminders to post at `now`, given what was already recorded (`recorded`: keys of reminders written,
 * whatever their status): for each occurrence not done whose due date has not passed, the offsets whose
 * instant has come. Where several have come and none was recorded, only the latest is posted (at most one
 * catch-up per occurrence); the older ones are returned in `superseded`, to be recorded as skipped.
 */
export function dueReminders(
  planId: string,
  occurrences: readonly Occurrence[],
  done: ReadonlyMap<string, Completion>,
  recorded: Recorded,
  now: DateTime,
  s: ReminderSettings,
): { post: ReminderSlot[]; superseded: ReminderSlot[] } {
  const { from: today, to: horizon } = reminderWindow(now, s);
  const instant = memo((due: string, d: number) => fireInstant(due, d, s));
  const post: ReminderSlot[] = [];
  const superseded: ReminderSlot[] = [];
  for (const o of occurrences) {
    if (!o.due || o.due < today || o.due > horizon || !remindable(o, done)) continue;
    const come = s.days
      .map((d) => ({ d, at: instant(o.due!, d) }))
      .filter((x) => x.at <= now)
      .sort((a, b) => b.at.toMillis() - a.at.toMillis());
    if (come.length === 0) continue;
    const latest = come[0]!;
    const latestKey = reminderKey(planId, o, latest.d);
    // A later offset already recorded supersedes every earlier one.
    if (recorded.has(latestKey)) continue;
    post.push({ key: latestKey, occurrence: o, offsetDays: latest.d, fireAt: latest.at, late: latest.at.toISODate()! < today });
    for (const older of come.slice(1)) {
      const k = reminderKey(planId, o, older.d);
      if (!recorded.has(k)) superseded.push({ key: k, occurrence: o, offsetDays: older.d, fireAt: older.at, late: true });
    }
  }
  post.sort((a, b) => a.fireAt.toMillis() - b.fireAt.toMillis() || a.key.localeCompare(b.key));
  return { post, superseded };
}

/** The next reminders to come after `now`, earliest first (for `/gcm reminders`). */
export function nextReminders(
  planId: string,
  occurrences: readonly Occurrence[],
  done: ReadonlyMap<string, Completion>,
  now: DateTime,
  s: ReminderSettings,
  limit: number,
): ReminderSlot[] {
  const out: ReminderSlot[] = [];
  for (const o of occurrences) {
    if (!o.due || !remindable(o, done)) continue;
    for (const d of s.days) {
      const at = fireInstant(o.due, d, s);
      if (at > now) out.push({ key: reminderKey(planId, o, d), occurrence: o, offsetDays: d, fireAt: at, late: false });
    }
  }
  return out.sort((a, b) => a.fireAt.toMillis() - b.fireAt.toMillis() || a.key.localeCompare(b.key)).slice(0, limit);
}

/** The instant of the weekly digest in the week of `now` (weekday 1 = Monday), or null when it is off. */
export function digestInstant(now: DateTime, digest: { weekday: number; time: string } | 'off', zone: string): DateTime | null {
  if (digest === 'off') return null;
  const [h, m] = digest.time.split(':').map(Number) as [number, number];
  const local = now.setZone(zone);
  return local.set({ weekday: digest.weekday as 1, hour: h, minute: m, second: 0, millisecond: 0 });
}

/** Days after the due date an overdue occurrence gets its one follow-up. */
export const followupDays = 3;
/** How late a follow-up may still go out (after downtime); older ones are recorded as skipped. */
export const followupGraceDays = 3;

/** The unique key of an occurrence's follow-up (one per due date once postponed, as reminders). */
export const followupKey = (planId: string, o: Pick<Occurrence, 'key' | 'due' | 'dueRule'>) => `${planId}|${o.key}|followup${dueTag(o)}`;

/** The instant of a follow-up: 3 days after the due date at the reminder time; a weekend moves to Monday. */
export function followupInstant(due: string, s: ReminderSettings): DateTime {
  const [h, m] = s.time.split(':').map(Number) as [number, number];
  let day = DateTime.fromISO(due, { zone: s.zone }).plus({ days: followupDays });
  if (day.weekday === 6) day = day.plus({ days: 2 });
  if (day.weekday === 7) day = day.plus({ days: 1 });
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
}

/**
 * The follow-ups due at `now`: one per overdue occurrence (due date passed, neither done nor cancelled), at its instant or
 * up to `followupGraceDays` later; older ones come back in `stale`, to be recorded as skipped, so that a
 * first start never floods the channel with the whole past.
 */
export function dueFollowups(
  planId: string,
  occurrences: readonly Occurrence[],
  done: ReadonlyMap<string, Completion>,
  recorded: Recorded,
  now: DateTime,
  s: ReminderSettings,
): { post: { key: string; occurrence: Occurrence; at: DateTime }[]; stale: { key: string; occurrence: Occurrence; at: DateTime }[] } {
  const post: { key: string; occurrence: Occurrence; at: DateTime }[] = [];
  const stale: typeof post = [];
  const oldest = now.setZone(s.zone).startOf('day').minus({ days: followupGraceDays });
  const instant = memo((due: string) => followupInstant(due, s));
  for (const o of occurrences) {
    if (!o.due || !remindable(o, done)) continue;
    const key = followupKey(planId, o);
    if (recorded.has(key)) continue;
    const at = instant(o.due);
    if (at > now) continue;
    (at >= oldest ? post : stale).push({ key, occurrence: o, at });
  }
  post.sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.key.localeCompare(b.key));
  return { post, stale };
}

/** How many days after its instant a quarterly report may still go out (downtime, failures); then no more. */
export const reportLateDays = 7;

/**
 * The quarterly report due in the quarter of `now`: the previous quarter's, on the first business day after
 * it ended, at the reminder time. Posted late for up to a week after that (downtime), then no more.
 */
export function quarterlyReportDue(now: DateTime, s: ReminderSettings): { at: DateTime; from: string; to: string } | null {
  const local = now.setZone(s.zone);
  const [h, m] = s.time.split(':').map(Number) as [number, number];
  let day = local.startOf('quarter');
  while (day.weekday > 5) day = day.plus({ days: 1 });
  const at = day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  if (at > now || now > at.plus({ days: reportLateDays })) return null;
  const prev = local.startOf('quarter').minus({ quarters: 1 });
  return { at, from: prev.toISODate()!, to: prev.endOf('quarter').toISODate()! };
}
