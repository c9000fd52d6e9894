import { DateTime } from 'luxon';
import type { AnswerError } from './answers.js';
import { occurrencesOf } from './occurrences.js';
import type { Context } from './ports.js';
import { STATUS_KEYS, type Activity, type Language, type Occurrence, type PlanInfo, type StatusChange, type StatusKey } from './types.js';

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
function statusesAt(ctx: Context, planId: string, endUtc: string): Map<string, StatusChange> {
  const out = new Map<string, StatusChange>();
  for (const [key, current] of ctx.state.statuses(planId)) {
    const then = current.at <= endUtc ? current : ctx.state.statusHistory(planId, key).find((c) => c.at <= endUtc);
    if (then) out.set(key, then);
  }
  return out;
}

function item(a: Activity, o: Occurrence, lang: Language): ReportItem {
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

/**
 * Builds the report of `plan` for [from, to] (ISO dates, inclusive, in `ctx.now`'s zone). Pure over the
 * stores: statuses as they stood at the end of the period (a change made later does not count); a postponed
 * occurrence is due on its new date, a cancelled one is never overdue (docs/decisions/statuses.md).
 */
export function buildReport(ctx: Context, plan: PlanInfo, from: string, to: string, lang: Language = 'en'): ProgressReport {
  const zone = ctx.now.zoneName ?? 'UTC';
  const endUtc = DateTime.fromISO(to, { zone }).endOf('day').toUTC().toISO()!;
  const startUtc = DateTime.fromISO(from, { zone }).startOf('day').toUTC().toISO()!;
  const nextFrom = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 1 });
  const next = { from: nextFrom.toISODate()!, to: nextFrom.plus({ months: 3 }).minus({ days: 1 }).toISODate()!, items: [] as ReportItem[] };
  const dates = ctx.state.meetingDates(plan.id);
  const statuses = statusesAt(ctx, plan.id, endUtc);
  const priorities = ctx.plans.priorities(plan.id);
  const lines = new Map<string, PriorityLine>(
    priorities.map((p) => [
      p.id,
      {
        id: p.id,
        kind: p.kind,
        title: lang === 'es' && p.titleEs ? p.titleEs : p.title,
        objectives: p.objectives,
        activities: 0,
        activitiesDone: 0,
        occurrences: 0,
        occurrencesDone: 0,
        byStatus: noStatuses(),
      },
    ]),
  );
  const done: DoneItem[] = [];
  const postponed: PostponedItem[] = [];
  const cancelled: ChangedItem[] = [];
  const overdueBy = new Map<string, ReportItem[]>();
  const overdueBefore: ReportItem[] = [];
  const inPeriod = (d: string | null) => d !== null && d >= from && d <= to;
  for (const a of ctx.plans.activities(plan.id)) {
    const planned = new Map(occurrencesOf(a, plan, dates).map((o) => [o.key, o.due]));
    const occ = occurrencesOf(a, plan, dates, statuses);
    const line = lines.get(a.priorityId)!;
    line.activities += 1;
    line.occurrences += occ.length;
    let all = occ.length > 0;
    for (const o of occ) {
      const c = statuses.get(o.key);
      line.byStatus[o.status] += 1;
      // Listed when it changed during the period, or (postponed, cancelled) when the plan had it due in it.
      const changedInPeriod = c !== undefined && c.at >= startUtc;
      if (o.status === 'done' && c) {
        line.occurrencesDone += 1;
        if (changedInPeriod) done.push({ ...changed(item(a, o, lang), c), doneBy: c.by, doneAt: c.at });
        continue;
      }
      all = false;
      if (o.status === 'cancelled' && c) {
        if (changedInPeriod || inPeriod(planned.get(o.key) ?? null)) cancelled.push(changed(item(a, o, lang), c));
        continue;
      }
      if (o.status === 'postponed' && c && (changedInPeriod || inPeriod(planned.get(o.key) ?? null) || inPeriod(o.due))) {
        postponed.push({ ...changed(item(a, o, lang), c), plannedDue: planned.get(o.key) ?? null });
      }
      if (inPeriod(o.due)) {
        for (const agency of a.lead.agencies.length ? a.lead.agencies : [a.lead.wording || '—'])
          overdueBy.set(agency, [...(overdueBy.get(agency) ?? []), item(a, o, lang)]);
      } else if (o.due && o.due < from) overdueBefore.push(item(a, o, lang));
      if (o.due && o.due >= next.from && o.due <= next.to) next.items.push(item(a, o, lang));
    }
    if (all) line.activitiesDone += 1;
  }
  const byDue = (x: ReportItem, y: ReportItem) => (x.due ?? '').localeCompare(y.due ?? '') || x.occurrenceKey.localeCompare(y.occurrenceKey);
  done.sort((x, y) => x.doneAt.localeCompare(y.doneAt) || x.occurrenceKey.localeCompare(y.occurrenceKey));
  postponed.sort(byDue);
  cancelled.sort((x, y) => x.at.localeCompare(y.at) || x.occurrenceKey.localeCompare(y.occurrenceKey));
  next.items.sort(byDue);
  overdueBefore.sort(byDue);
  const pl = [...lines.values()];
  return {
    planId: plan.id,
    planTitle: lang === 'es' && plan.titleEs ? plan.titleEs : plan.title,
    from,
    to,
    zone,
    priorities: pl,
    totals: {
      activities: pl.reduce((n, p) => n + p.activities, 0),
      activitiesDone: pl.reduce((n, p) => n + p.activitiesDone, 0),
      occurrences: pl.reduce((n, p) => n + p.occurrences, 0),
      occurrencesDone: pl.reduce((n, p) => n + p.occurrencesDone, 0),
      byStatus: Object.fromEntries(STATUS_KEYS.map((k) => [k, pl.reduce((n, p) => n + p.byStatus[k], 0)])) as Record<StatusKey, number>,
    },
    done,
    postponed,
    cancelled,
    overdue: [...overdueBy.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([agency, items]) => ({ agency, items: items.sort(byDue) })),
    overdueBefore,
    next,
  };
}
