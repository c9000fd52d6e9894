import type { AnswerError, Coverage } from './answers.js';
import { coverageOf } from './coverage.js';
import { monthsOf, occurrencesOf } from './occurrences.js';
import type { Context } from './ports.js';
import {
  buildReport,
  plansForPeriod,
  reportItem,
  reportWindow,
  statusesAt,
  type ChangedItem,
  type DoneItem,
  type PostponedItem,
  type PriorityLine,
  type ProgressReport,
  type ReportItem,
} from './report.js';
import type { Agency, Language, PlanInfo, StatusChange } from './types.js';

/** One month of the plan's period: the occurrences due in it (all statuses) and how many of those are done. */
export interface BriefMonth {
  /** YYYY-MM. */
  month: string;
  due: number;
  done: number;
}

/** An occurrence in progress at the end of the period, with the change that put it there (who, when, note, links). */
export type InProgressItem = ChangedItem;

/** One priority in the brief: the report's line and what the period's lists hold for it. */
export interface BriefPriority {
  line: PriorityLine;
  done: DoneItem[];
  inProgress: InProgressItem[];
  postponed: PostponedItem[];
  cancelled: ChangedItem[];
  /** Due in the period and open at its end, by lead agency (as the report's `overdue`, kept to this priority). */
  overdue: { agency: string; items: ReportItem[] }[];
}

/** A GCM objective the period's work served: cited by a thematic priority with an occurrence done in the period or in progress at its end. */
export interface ServedObjective {
  number: number;
  /** The official title in the brief's language (reference/gcm.yaml). */
  title: string;
  /** The priorities whose work served it (ids, in the plan's order). */
  priorities: string[];
}

/**
 * The co-chairs' periodic update (issue 23), as data. Every count is the report's of the same period
 * (`report`, from `buildReport`); the rest says what the report's lists hold per priority, the month-by-month
 * series over the plan and the plan's coverage of the GCM.
 */
export interface Brief {
  lang: Language;
  planId: string;
  planTitle: string;
  /** The plan's own period (ISO dates), over which `months` runs. */
  planPeriod: { start: string; end: string };
  from: string;
  to: string;
  zone: string;
  /** The report of the same plan and period: the source of every count. */
  report: ProgressReport;
  /** Per priority, in the plan's order. */
  priorities: BriefPriority[];
  /** Every occurrence in progress at the end of the period (its count per priority is the report's `byStatus.in_progress`). */
  inProgress: InProgressItem[];
  /**
   * Month by month over the plan's period, by each occurrence's due date as it stood at the end of the period (a
   * postponed one on its new date): due (every status) and done. Sums: `due` + `undated` = the report's
   * `totals.occurrences`; `done` + the undated done = `totals.occurrencesDone`.
   */
  months: BriefMonth[];
  /** Occurrences with no due date (not in `months`): how many, and how many of them are done. */
  undated: { due: number; done: number };
  /** The GCM objectives the period's work served, by number. */
  objectives: ServedObjective[];
  /** The plan's coverage of the GCM's 23 objectives (`/gcm coverage`, counted as it stands now). */
  coverage: Coverage;
  /** The agencies the brief names (lead agencies of its items), so every surface can name them in either language. */
  agencies: Agency[];
}

const forPriority = <T extends ReportItem>(items: readonly T[], id: string): T[] => items.filter((i) => i.priorityId === id);

/** The month-by-month series and the undated count, from each occurrence's status at the end of the period. */
function monthSeries(ctx: Context, plan: PlanInfo, statuses: ReadonlyMap<string, StatusChange>): Pick<Brief, 'months' | 'undated'> {
  const months = new Map(monthsOf(plan).map((month) => [month, { month, due: 0, done: 0 }]));
  const undated = { due: 0, done: 0 };
  const dates = ctx.state.meetingDates(plan.id);
  for (const a of ctx.plans.activities(plan.id))
    for (const o of occurrencesOf(a, plan, dates, statuses)) {
      // An occurrence due outside the plan's months (none should be) is counted with the undated, so the sums hold.
      const slot = (o.due && months.get(o.due.slice(0, 7))) || undated;
      slot.due += 1;
      if (o.status === 'done') slot.done += 1;
    }
  return { months: [...months.values()], undated };
}

/** The occurrences in progress at the end of the period, by due date then key. */
function inProgressAt(ctx: Context, plan: PlanInfo, statuses: ReadonlyMap<string, StatusChange>, lang: Language): InProgressItem[] {
  const dates = ctx.state.meetingDates(plan.id);
  const out: InProgressItem[] = [];
  for (const a of ctx.plans.activities(plan.id))
    for (const o of occurrencesOf(a, plan, dates, statuses)) {
      const c = statuses.get(o.key);
      if (o.status === 'in_progress' && c) out.push({ ...reportItem(a, o, lang), by: c.by, at: c.at, note: c.note, links: c.links });
    }
  return out.sort((x, y) => (x.due ?? '').localeCompare(y.due ?? '') || x.occurrenceKey.localeCompare(y.occurrenceKey));
}

function servedObjectives(ctx: Context, plan: PlanInfo, worked: ReadonlySet<string>, lang: Language): ServedObjective[] {
  const priorities = ctx.plans.priorities(plan.id).filter((p) => p.kind === 'thematic' && worked.has(p.id));
  return ctx.plans
    .objectives()
    .map((o) => ({
      number: o.number,
      title: lang === 'es' ? o.titleEs : o.titleEn,
      priorities: priorities.filter((p) => p.objectives.includes(o.number)).map((p) => p.id),
    }))
    .filter((o) => o.priorities.length > 0);
}

function briefPriority(r: ProgressReport, line: PriorityLine, inProgress: InProgressItem[]): BriefPriority {
  const id = line.id;
  return {
    line,
    done: forPriority(r.done, id),
    inProgress: forPriority(inProgress, id),
    postponed: forPriority(r.postponed, id),
    cancelled: forPriority(r.cancelled, id),
    overdue: r.overdue.map((g) => ({ agency: g.agency, items: forPriority(g.items, id) })).filter((g) => g.items.length > 0),
  };
}

function namedAgencies(ctx: Context, r: ProgressReport, inProgress: InProgressItem[]): Agency[] {
  const items = [...r.done, ...r.postponed, ...r.cancelled, ...r.overdue.flatMap((g) => g.items), ...r.overdueBefore, ...r.next.items, ...inProgress];
  const ids = new Set([...items.flatMap((i) => i.leads), ...r.overdue.map((g) => g.agency)]);
  return [...ids]
    .sort()
    .map((id) => ctx.plans.agency(id))
    .filter((a): a is Agency => a !== null);
}

/**
 * Builds the co-chairs' update of `plan` for [from, to] (ISO dates, inclusive, in `ctx.now`'s zone) in `lang`.
 * Pure over the stores. Every count comes from `buildReport` of the same plan and period, so each number
 * equals the report's; statuses are as they stood at the end of the period, as the report reads them.
 */
export function buildBrief(ctx: Context, plan: PlanInfo, from: string, to: string, lang: Language): Brief {
  const report = buildReport(ctx, plan, from, to, lang);
  const statuses = statusesAt(ctx, plan.id, reportWindow(ctx, from, to).endUtc);
  const inProgress = inProgressAt(ctx, plan, statuses, lang);
  const priorities = report.priorities.map((line) => briefPriority(report, line, inProgress));
  const worked = new Set([...report.done, ...inProgress].map((i) => i.priorityId));
  return {
    lang,
    planId: report.planId,
    planTitle: report.planTitle,
    planPeriod: { start: plan.periodStart, end: plan.periodEnd },
    from,
    to,
    zone: report.zone,
    report,
    priorities,
    inProgress,
    ...monthSeries(ctx, plan, statuses),
    objectives: servedObjectives(ctx, plan, worked, lang),
    coverage: coverageOf(ctx, plan),
    agencies: namedAgencies(ctx, report, inProgress),
  };
}

/** The briefs of [from, to], one per plan the period overlaps (earliest first), or only the one `plan:ID` named (as `buildReports`). */
export function buildBriefs(ctx: Context, from: string, to: string, lang: Language): { ok: true; briefs: Brief[] } | { ok: false; error: AnswerError } {
  const found = plansForPeriod(ctx, from, to);
  return found.ok ? { ok: true, briefs: found.plans.map((p) => buildBrief(ctx, p, from, to, lang)) } : found;
}
