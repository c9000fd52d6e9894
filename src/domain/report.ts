import { DateTime } from 'luxon';
import type { AnswerError } from './answers.js';
import { occurrencesOf } from './occurrences.js';
import type { Context } from './ports.js';
import type { Activity, Language, Occurrence, PlanInfo } from './types.js';

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

export interface DoneItem extends ReportItem {
  doneBy: string;
  doneAt: string;
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
}

/** The co-chairs' periodic progress report (002, "Monitoring and accountability"), as data. */
export interface ProgressReport {
  planId: string;
  planTitle: string;
  from: string;
  to: string;
  zone: string;
  priorities: PriorityLine[];
  totals: { activities: number; activitiesDone: number; occurrences: number; occurrencesDone: number };
  /** Marked done during the period: what, who, when. */
  done: DoneItem[];
  /** Due in the period and not done at its end, by lead agency (an activity with several leads is under each). */
  overdue: { agency: string; items: ReportItem[] }[];
  /** Due before the period and still not done at its end. */
  overdueBefore: ReportItem[];
  /** Due in the quarter after the period, not done. */
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
 * stores: counts as of the end of the period (a mark made later does not count).
 */
export function buildReport(ctx: Context, plan: PlanInfo, from: string, to: string, lang: Language = 'en'): ProgressReport {
  const zone = ctx.now.zoneName ?? 'UTC';
  const endUtc = DateTime.fromISO(to, { zone }).endOf('day').toUTC().toISO()!;
  const startUtc = DateTime.fromISO(from, { zone }).startOf('day').toUTC().toISO()!;
  const nextFrom = DateTime.fromISO(to, { zone: 'UTC' }).plus({ days: 1 });
  const next = { from: nextFrom.toISODate()!, to: nextFrom.plus({ months: 3 }).minus({ days: 1 }).toISODate()!, items: [] as ReportItem[] };
  const dates = ctx.state.meetingDates(plan.id);
  const completions = ctx.state.completions(plan.id);
  const doneBy = (key: string) => {
    const c = completions.get(key);
    return c && c.doneAt <= endUtc ? c : null;
  };
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
      },
    ]),
  );
  const done: DoneItem[] = [];
  const overdueBy = new Map<string, ReportItem[]>();
  const overdueBefore: ReportItem[] = [];
  for (const a of ctx.plans.activities(plan.id)) {
    const occ = occurrencesOf(a, plan, dates);
    const line = lines.get(a.priorityId)!;
    line.activities += 1;
    line.occurrences += occ.length;
    let all = occ.length > 0;
    for (const o of occ) {
      const c = doneBy(o.key);
      if (c) {
        line.occurrencesDone += 1;
        if (c.doneAt >= startUtc) done.push({ ...item(a, o, lang), doneBy: c.doneBy, doneAt: c.doneAt });
      } else {
        all = false;
        if (o.due && o.due >= from && o.due <= to) {
          for (const agency of a.lead.agencies.length ? a.lead.agencies : [a.lead.wording || '—'])
            overdueBy.set(agency, [...(overdueBy.get(agency) ?? []), item(a, o, lang)]);
        } else if (o.due && o.due < from) overdueBefore.push(item(a, o, lang));
      }
      const open = !completions.has(o.key) || completions.get(o.key)!.doneAt > endUtc;
      if (open && o.due && o.due >= next.from && o.due <= next.to) next.items.push(item(a, o, lang));
    }
    if (all) line.activitiesDone += 1;
  }
  const byDue = (x: ReportItem, y: ReportItem) => (x.due ?? '').localeCompare(y.due ?? '') || x.occurrenceKey.localeCompare(y.occurrenceKey);
  done.sort((x, y) => x.doneAt.localeCompare(y.doneAt) || x.occurrenceKey.localeCompare(y.occurrenceKey));
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
    },
    done,
    overdue: [...overdueBy.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([agency, items]) => ({ agency, items: items.sort(byDue) })),
    overdueBefore,
    next,
  };
}
