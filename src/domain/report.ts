import { DateTime } from 'luxon';
import type { AnswerError } from './answers.js';
import { occurrencesOf } from './occurrences.js';
import type { Context } from './ports.js';
import { STATUS_KEYS, type Activity, type Language, type Occurrence, type PlanInfo, type Priority, type StatusChange, type StatusKey } from './types.js';

export interface ReportItem {
  occurrenceKey: string;
  activityId: string;
  priorityId: string;
  label: string | null;
  due: string | null;
  leads: string[];
  leadWording: string;
  /** The activity's text in the report's language (the plan's English where it has no Spanish text). */
  text: string;
}

/** An occurrence with the status change that put it where it stands at the end of the period: who, when, why. */
export interface ChangedItem extends ReportItem {
  by: string;
  at: string;
  note: string | null;
  links: string[];
}

export interface DoneItem extends ChangedItem {
  doneBy: string;
  doneAt: string;
}

/** A postponed occurrence: `due` is its new date, `plannedDue` the one it had before. */
export interface PostponedItem extends ChangedItem {
  plannedDue: string | null;
}

export interface PriorityLine {
  id: string;
  kind: 'basic' | 'thematic';
  title: string;
  objectives: number[];
  activities: number;
  activitiesDone: number;
  occurrences: number;
  occurrencesDone: number;
  /** Occurrences by their status at the end of the period. */
  byStatus: Record<StatusKey, number>;
}

/** The co-chairs' periodic progress report (002, "Monitoring and accountability"), as data. */
export interface ProgressReport {
  planId: string;
  planTitle: string;
  from: string;
  to: string;
  zone: string;
  priorities: PriorityLine[];
  totals: { activities: number; activitiesDone: number; occurrences: number; occurrencesDone: number; byStatus: Record<StatusKey, number> };
  /** Marked done during the period: what, who, when, with the note and the evidence (links). */
  done: DoneItem[];
  /** Postponed at the end of the period, postponed during it or planned in it: the new date, who, why. */
  postponed: PostponedItem[];
  /** Cancelled at the end of the period, cancelled during it or planned in it: who, why. */
  cancelled: ChangedItem[];
  /**
   * Due in the period (a postponed one on its new date) and neither done nor cancelled at its end, by lead
   * agency (an activity with several leads is under each).
   */
  overdue: { agency: string; items: ReportItem[] }[];
  /** Due before the period and still neither done nor cancelled at its end. */
  overdueBefore: ReportItem[];
  /** Due in the quarter after the period, neither done nor cancelled. */
  next: { from: string; to: string; items: ReportItem[] };
}

export type ReportPeriod = { ok: true; from: string; to: string } | { ok: false; error: AnswerError };

/** The last full calendar quarter before `now`. */
export function lastFullQuarter(now: DateTime): { from: string; to: string } {
  const start = now.startOf('quarter').minus({ quarters: 1 });
  return { from: start.toISODate()!, to: start.endOf('quarter').toISODate()! };
}

/** Reads FROM and TO (YYYY-MM-DD); none → the last full quarter. */
export function parseReportPeriod(from: string | undefined, to: string | undefined, now: DateTime): ReportPeriod {
  if (!from && !to) return { ok: true, ...lastFullQuarter(now) };
  for (const d of [from, to]) {
    if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d) || !DateTime.fromISO(d).isValid) return { ok: false, error: { code: 'report_dates', given: d ?? '' } };
  }
  if (from! > to!) return { ok: false, error: { code: 'report_order' } };
  return { ok: true, from: from!, to: to! };
}

/**
 * The plans a report of [from, to] covers, earliest first: every loaded plan whose period overlaps it (a
 * period spanning two plans covers both, one section each), or only the one `plan:ID` named.
 */
export function plansForPeriod(ctx: Context, from: string, to: string): { ok: true; plans: PlanInfo[] } | { ok: false; error: AnswerError } {
  const overlaps = (p: PlanInfo) => p.periodStart <= to && from <= p.periodEnd;
  if (ctx.plan !== undefined) {
    const named = ctx.plans.plan(ctx.plan);
    if (!named) return { ok: false, error: { code: 'plan_unknown', given: ctx.plan, known: ctx.plans.plans().map((p) => p.id) } };
    return overlaps(named) ? { ok: true, plans: [named] } : { ok: false, error: { code: 'report_outside', from, to } };
  }
  const plans = ctx.plans
    .plans()
    .filter(overlaps)
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  return plans.length ? { ok: true, plans } : { ok: false, error: { code: 'report_outside', from, to } };
}

/** The reports of [from, to], one per plan it covers (plansForPeriod). */
export function buildReports(
  ctx: Context,
  from: string,
  to: string,
  lang: Language = 'en',
): { ok: true; reports: ProgressReport[] } | { ok: false; error: AnswerError } {
  const found = plansForPeriod(ctx, from, to);
  return found.ok ? { ok: true, reports: found.plans.map((p) => buildReport(ctx, p, from, to, lang)) } : found;
}

const noStatuses = (): Record<StatusKey, number> => Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;

const changed = (base: ReportItem, c: StatusChange): ChangedItem => ({ ...base, by: c.by, at: c.at, note: c.note, links: c.links });

/** The status of each occurrence of `plan` as it stood at `endUtc` (changes made later do not count), by key. */
export function statusesAt(ctx: Context, planId: string, endUtc: string): Map<string, StatusChange> {
  const out = new Map<string, StatusChange>();
  for (const [key, current] of ctx.state.statuses(planId)) {
    const then = current.at <= endUtc ? current : ctx.state.statusHistory(planId, key).find((c) => c.at <= endUtc);
    if (then) out.set(key, then);
  }
  return out;
}

/** An occurrence as a report lists it: the activity's text in `lang`, its leads and due date. */
export function reportItem(a: Activity, o: Occurrence, lang: Language): ReportItem {
  return {
    occurrenceKey: o.key,
    activityId: a.id,
    priorityId: a.priorityId,
    label: o.label,
    due: o.due,
    leads: a.lead.agencies,
    leadWording: a.lead.wording,
    text: lang === 'es' && a.textEs ? a.textEs : a.text,
  };
}

/** The period of a report and the quarter after it, with its bounds as instants (ISO UTC) in the report's zone. */
export interface ReportWindow {
  from: string;
  to: string;
  zone: string;
  startUtc: string;
  endUtc: string;
  next: { from: string; to: string };
}

export function reportWindow(ctx: Context, from: string, to: string): ReportWindow {
  const zone = ctx.now.zoneName ?? 'UTC';
  const nextFrom = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 1 });
  return {
    from,
    to,
    zone,
    startUtc: DateTime.fromISO(from, { zone }).startOf('day').toUTC().toISO()!,
    endUtc: DateTime.fromISO(to, { zone }).endOf('day').toUTC().toISO()!,
    next: { from: nextFrom.toISODate()!, to: nextFrom.plus({ months: 3 }).minus({ days: 1 }).toISODate()! },
  };
}

/** The lists a report fills while it walks the plan's occurrences. */
interface ReportLists {
  done: DoneItem[];
  postponed: PostponedItem[];
  cancelled: ChangedItem[];
  overdueBy: Map<string, ReportItem[]>;
  overdueBefore: ReportItem[];
  next: ReportItem[];
}

/** What one walk over a plan's occurrences reads: the plan's meeting dates and statuses at the period's end. */
interface ReportWalk {
  plan: PlanInfo;
  dates: Map<string, string>;
  statuses: Map<string, StatusChange>;
  window: ReportWindow;
  lists: ReportLists;
  lang: Language;
}

const inPeriod = (w: ReportWindow, d: string | null) => d !== null && d >= w.from && d <= w.to;

function priorityLine(p: Priority, lang: Language): PriorityLine {
  const title = lang === 'es' && p.titleEs ? p.titleEs : p.title;
  return {
    id: p.id,
    kind: p.kind,
    title,
    objectives: p.objectives,
    activities: 0,
    activitiesDone: 0,
    occurrences: 0,
    occurrencesDone: 0,
    byStatus: noStatuses(),
  };
}

/** An occurrence neither done nor cancelled: overdue (by lead agency) when due in the period, before it, or next. */
function fileOpen(a: Activity, o: Occurrence, w: ReportWalk): void {
  const { window, lists, lang } = w;
  if (inPeriod(window, o.due)) {
    for (const agency of a.lead.agencies.length ? a.lead.agencies : [a.lead.wording || '—'])
      lists.overdueBy.set(agency, [...(lists.overdueBy.get(agency) ?? []), reportItem(a, o, lang)]);
  } else if (o.due && o.due < window.from) lists.overdueBefore.push(reportItem(a, o, lang));
  if (o.due && o.due >= window.next.from && o.due <= window.next.to) lists.next.push(reportItem(a, o, lang));
}

/**
 * Files one occurrence in the report's lists by its status at the period's end; true when it is done. Done,
 * postponed and cancelled ones are listed when their status changed during the period, or (postponed,
 * cancelled) when the plan had them due in it.
 */
function fileOccurrence(a: Activity, o: Occurrence, plannedDue: string | null, w: ReportWalk): boolean {
  const { window, lists, lang } = w;
  const c = w.statuses.get(o.key);
  const changedInPeriod = c !== undefined && c.at >= window.startUtc;
  if (o.status === 'done' && c) {
    if (changedInPeriod) lists.done.push({ ...changed(reportItem(a, o, lang), c), doneBy: c.by, doneAt: c.at });
    return true;
  }
  if (o.status === 'cancelled' && c) {
    if (changedInPeriod || inPeriod(window, plannedDue)) lists.cancelled.push(changed(reportItem(a, o, lang), c));
    return false;
  }
  if (o.status === 'postponed' && c && (changedInPeriod || inPeriod(window, plannedDue) || inPeriod(window, o.due))) {
    lists.postponed.push({ ...changed(reportItem(a, o, lang), c), plannedDue });
  }
  fileOpen(a, o, w);
  return false;
}

/** Counts an activity's occurrences in its priority's line and files each one. */
function fileActivity(a: Activity, line: PriorityLine, w: ReportWalk): void {
  const planned = new Map(occurrencesOf(a, w.plan, w.dates).map((o) => [o.key, o.due]));
  const occ = occurrencesOf(a, w.plan, w.dates, w.statuses);
  line.activities += 1;
  line.occurrences += occ.length;
  let all = occ.length > 0;
  for (const o of occ) {
    line.byStatus[o.status] += 1;
    if (fileOccurrence(a, o, planned.get(o.key) ?? null, w)) line.occurrencesDone += 1;
    else all = false;
  }
  if (all) line.activitiesDone += 1;
}

function totalsOf(pl: PriorityLine[]): ProgressReport['totals'] {
  return {
    activities: pl.reduce((n, p) => n + p.activities, 0),
    activitiesDone: pl.reduce((n, p) => n + p.activitiesDone, 0),
    occurrences: pl.reduce((n, p) => n + p.occurrences, 0),
    occurrencesDone: pl.reduce((n, p) => n + p.occurrencesDone, 0),
    byStatus: Object.fromEntries(STATUS_KEYS.map((k) => [k, pl.reduce((n, p) => n + p.byStatus[k], 0)])) as Record<StatusKey, number>,
  };
}

const byDue = (x: ReportItem, y: ReportItem) => (x.due ?? '').localeCompare(y.due ?? '') || x.occurrenceKey.localeCompare(y.occurrenceKey);

/** The lists in the report's order: done and cancelled by when, the others by due date. */
function sortedLists(lists: ReportLists): Pick<ProgressReport, 'done' | 'postponed' | 'cancelled' | 'overdue' | 'overdueBefore'> & { next: ReportItem[] } {
  return {
    done: lists.done.sort((x, y) => x.doneAt.localeCompare(y.doneAt) || x.occurrenceKey.localeCompare(y.occurrenceKey)),
    postponed: lists.postponed.sort(byDue),
    cancelled: lists.cancelled.sort((x, y) => x.at.localeCompare(y.at) || x.occurrenceKey.localeCompare(y.occurrenceKey)),
    overdue: [...lists.overdueBy.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([agency, items]) => ({ agency, items: items.sort(byDue) })),
    overdueBefore: lists.overdueBefore.sort(byDue),
    next: lists.next.sort(byDue),
  };
}

/**
 * Builds the report of `plan` for [from, to] (ISO dates, inclusive, in `ctx.now`'s zone). Pure over the
 * stores: statuses as they stood at the end of the period (a change made later does not count); a postponed
 * occurrence is due on its new date, a cancelled one is never overdue (docs/decisions/statuses.md).
 */
export function buildReport(ctx: Context, plan: PlanInfo, from: string, to: string, lang: Language = 'en'): ProgressReport {
  const window = reportWindow(ctx, from, to);
  const lists: ReportLists = { done: [], postponed: [], cancelled: [], overdueBy: new Map(), overdueBefore: [], next: [] };
  const walk: ReportWalk = { plan, dates: ctx.state.meetingDates(plan.id), statuses: statusesAt(ctx, plan.id, window.endUtc), window, lists, lang };
  const lines = new Map(ctx.plans.priorities(plan.id).map((p) => [p.id, priorityLine(p, lang)]));
  for (const a of ctx.plans.activities(plan.id)) fileActivity(a, lines.get(a.priorityId)!, walk);
  const pl = [...lines.values()];
  const sorted = sortedLists(lists);
  return {
    planId: plan.id,
    planTitle: lang === 'es' && plan.titleEs ? plan.titleEs : plan.title,
    from,
    to,
    zone: window.zone,
    priorities: pl,
    totals: totalsOf(pl),
    done: sorted.done,
    postponed: sorted.postponed,
    cancelled: sorted.cancelled,
    overdue: sorted.overdue,
    overdueBefore: sorted.overdueBefore,
    next: { ...window.next, items: sorted.next },
  };
}
