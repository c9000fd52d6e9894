import type { PlanReader, StateReader } from './ports.js';
import type { Activity, Occurrence, PlanInfo, StatusChange } from './types.js';

/** The plan's period as two ISO dates, inclusive. */
export type Period = Pick<PlanInfo, 'periodStart' | 'periodEnd'>;

// Plain calendar arithmetic on ISO strings: this runs for every occurrence of every activity listed, and
// date libraries cost tens of microseconds a call.
const pad = (n: number) => String(n).padStart(2, '0');
const firstDay = (ym: string) => `${ym}-01`;
const lastDay = (ym: string) => {
  const y = Number(ym.slice(0, 4));
  const m = Number(ym.slice(5, 7));
  return `${ym}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
};

/** The months (YYYY-MM) from the period's first to its last, in order. */
export function monthsOf(period: Period): string[] {
  const out: string[] = [];
  let y = Number(period.periodStart.slice(0, 4));
  let m = Number(period.periodStart.slice(5, 7));
  const endY = Number(period.periodEnd.slice(0, 4));
  const endM = Number(period.periodEnd.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${pad(m)}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * The occurrences of an activity (docs/decisions/occurrences.md). Recurring and monthly activities have one
 * occurrence per matching month inside the plan's period, keyed `B1.2@2024-05`; a one-off, continuous or
 * undated activity has exactly one, keyed by the activity id. Due dates (docs/decisions/due-dates.md): a meeting
 * month on its first day (until a co-chair sets the date, `meetingDates`), a deadline month on its last,
 * a range on its last day, a tentative date on its first candidate day, continuous work at the period's end.
 */
export function occurrencesOf(
  activity: Pick<Activity, 'id' | 'kind' | 'schedule'>,
  period: Period,
  meetingDates: ReadonlyMap<string, string> = new Map(),
  statuses: ReadonlyMap<string, StatusChange> = new Map(),
): Occurrence[] {
  const planned = datedOccurrences(activity, period, meetingDates);
  return statuses.size === 0 ? planned : planned.map((o) => withStatus(o, statuses.get(o.key)));
}

/**
 * An occurrence with its current status (docs/decisions/statuses.md): a postponed one is due on its new
 * date, whatever the plan or a co-chair's meeting date said. `o` itself when nothing changed it.
 */
function withStatus(o: Occurrence, change: StatusChange | undefined): Occurrence {
  if (!change) return o;
  if (change.status === 'postponed' && change.date) return { ...o, status: 'postponed', due: change.date, dueRule: 'postponed', tentative: false };
  return { ...o, status: change.status };
}

// The helpers below are plain functions, not closures: an objective's answer builds some 800 occurrences,
// and they are made planned at once (no copy per occurrence to add the status).
type Scheduled = Pick<Activity, 'id' | 'kind' | 'schedule'>;

/** A month of the period with its number and its first and last days, worked out once per period. */
interface PeriodMonth {
  ym: string;
  /** `@2024-05`: what follows an activity's id in the key of its occurrence that month (one concatenation a key, not two). */
  keyTail: string;
  month: number;
  first: string;
  last: string;
}

/**
 * The months of the last period asked for, with their days: every activity of a list shares its plan's
 * period, so the calendar arithmetic is done once for it rather than once per activity and month.
 */
let periodMonths: { start: string; end: string; months: PeriodMonth[]; byYm: Map<string, PeriodMonth> } = { start: '', end: '', months: [], byYm: new Map() };
function monthsOfPeriod(period: Period): PeriodMonth[] {
  if (periodMonths.start !== period.periodStart || periodMonths.end !== period.periodEnd) {
    const months = monthsOf(period).map((ym) => ({ ym, keyTail: `@${ym}`, month: Number(ym.slice(5)), first: firstDay(ym), last: lastDay(ym) }));
    periodMonths = { start: period.periodStart, end: period.periodEnd, months, byYm: new Map(months.map((m) => [m.ym, m])) };
  }
  return periodMonths.months;
}

/** A month's first and last days: the period's strings when it is one of its months (no new string), else worked out. */
function daysOf(period: Period, ym: string): Pick<PeriodMonth, 'first' | 'last'> {
  monthsOfPeriod(period);
  return periodMonths.byYm.get(ym) ?? { first: firstDay(ym), last: lastDay(ym) };
}

/** A month's occurrence: a meeting on the date a co-chair set, else on the month's first day; other work on its last. */
function byMonth(
  activity: Scheduled,
  meetingDates: ReadonlyMap<string, string>,
  month: Pick<PeriodMonth, 'first' | 'last'>,
  key: string,
  label: string | null,
): Occurrence {
  const set = activity.kind === 'meeting' ? meetingDates.get(key) : undefined;
  if (set) return { key, activityId: activity.id, label, due: set, dueRule: 'set', tentative: false, status: 'planned' };
  return activity.kind === 'meeting'
    ? { key, activityId: activity.id, label, due: month.first, dueRule: 'month_start', tentative: false, status: 'planned' }
    : { key, activityId: activity.id, label, due: month.last, dueRule: 'month_end', tentative: false, status: 'planned' };
}

/** The one occurrence of a one-off, continuous or undated activity (a meeting on the date a co-chair set). */
function single(
  activity: Scheduled,
  meetingDates: ReadonlyMap<string, string>,
  due: string | null,
  dueRule: Occurrence['dueRule'],
  tentative = false,
): Occurrence[] {
  const set = activity.kind === 'meeting' ? meetingDates.get(activity.id) : undefined;
  if (set) return [{ key: activity.id, activityId: activity.id, label: null, due: set, dueRule: 'set', tentative: false, status: 'planned' }];
  return [{ key: activity.id, activityId: activity.id, label: null, due, dueRule, tentative, status: 'planned' }];
}

/** One occurrence per month of the period (of those in `only`, when given), keyed `B1.2@2024-05`. */
function monthly(activity: Scheduled, period: Period, meetingDates: ReadonlyMap<string, string>, only: readonly number[] | null): Occurrence[] {
  const months = monthsOfPeriod(period);
  let n = 0;
  for (const m of months) if (only === null || only.includes(m.month)) n++;
  // Made at its size: pushing one by one grows the array twice or more, each time a copy left as garbage.
  const out = new Array<Occurrence>(n);
  let i = 0;
  for (const m of months) if (only === null || only.includes(m.month)) out[i++] = byMonth(activity, meetingDates, m, activity.id + m.keyTail, m.ym);
  return out;
}

// No closure made per activity: under tsx (the bench) each one costs a call to esbuild's name helper.
function datedOccurrences(activity: Scheduled, period: Period, dates: ReadonlyMap<string, string>): Occurrence[] {
  const s = activity.schedule;
  switch (s.type) {
    case 'recurring_months':
      return monthly(activity, period, dates, s.months);
    case 'monthly':
      return monthly(activity, period, dates, null);
    case 'month':
      return [byMonth(activity, dates, daysOf(period, s.month), activity.id, null)];
    case 'month_range':
      return single(activity, dates, daysOf(period, s.to).last, 'range_end');
    case 'date':
      return single(activity, dates, s.date, 'date');
    case 'date_range':
      return single(activity, dates, s.to, 'range_end');
    case 'tentative':
      if (s.days.length > 0) return single(activity, dates, `${s.month}-${String(Math.min(...s.days)).padStart(2, '0')}`, 'tentative', true);
      return single(activity, dates, activity.kind === 'meeting' ? daysOf(period, s.month).first : daysOf(period, s.month).last, 'tentative', true);
    case 'continuous':
      return single(activity, dates, period.periodEnd, 'period_end');
    case 'none':
      return single(activity, dates, null, 'none');
  }
}

/** Parses an occurrence key: `B1.2@2024-05` → { activityId: 'B1.2', label: '2024-05' }. */
export function parseOccurrenceKey(key: string): { activityId: string; label: string | null } {
  const at = key.indexOf('@');
  return at < 0 ? { activityId: key, label: null } : { activityId: key.slice(0, at), label: key.slice(at + 1) };
}

/**
 * Every occurrence of every activity of `plan`, in plan order, with the meeting dates co-chairs set and the
 * statuses (read once for the whole plan). The one way to list a plan's occurrences.
 */
export function planOccurrences(read: { plans: PlanReader; state: StateReader }, plan: PlanInfo): Occurrence[] {
  const dates = read.state.meetingDates(plan.id);
  const statuses = read.state.statuses(plan.id);
  return read.plans.activities(plan.id).flatMap((a) => occurrencesOf(a, plan, dates, statuses));
}
