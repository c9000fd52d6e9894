import type { Brief, BriefPriority } from '../domain/brief.js';
import type { ChangedItem, PriorityLine, ReportItem } from '../domain/report.js';
import type { Agency, Language, StatusKey } from '../domain/types.js';
import { messages, statusLabel } from '../i18n/messages.js';
import { agencyLabel } from '../views/labels.js';
import { statusOrder } from '../views/status-view.js';

/*
 * The update's tables (issue 23.4), once, for both files: the Word document draws some of them as tables, the
 * workbook each as a sheet, so the two hold the same data. Pure. Every count is the brief's report's
 * (`brief.report`, built by `buildReport`), so it equals `/gcm report` of the same period. Texts people wrote
 * are cells as written; dates are ISO (YYYY-MM-DD), the same in both languages.
 */

/** A cell: text, a number, or a person's evidence links (each clickable where it is a web address). */
export type Cell = string | number | { links: string[] };

export interface BriefTable {
  /** Stable: `summary`, `priorities`, `priority:B1`, `objectives`, `overdue`, `done`, `next`. */
  key: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** A line said under the table (the objectives no activity serves). */
  note?: string;
}

/** A web address a file may link to: http(s) only; anything else people typed stays text. */
export const isWebLink = (s: string): boolean => /^https?:\/\/[^\s<>"]+$/i.test(s);

interface Words {
  lang: Language;
  m: ReturnType<typeof messages>;
  dir: ReadonlyMap<string, Agency>;
}

const wordsOf = (b: Brief): Words => ({ lang: b.lang, m: messages(b.lang), dir: new Map(b.agencies.map((a) => [a.id, a])) });
const leadsOf = (i: ReportItem, w: Words): string => (i.leads.length ? i.leads.map((id) => agencyLabel(id, w.lang, w.dir)).join(', ') : i.leadWording);
const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');

/** Progress by priority: the report's lines and its totals, with the occurrences by status. */
export function prioritiesTable(b: Brief): BriefTable {
  const { m } = wordsOf(b);
  const c = m.briefFiles.columns;
  const counts = (x: { activitiesDone: number; activities: number; occurrencesDone: number; occurrences: number; byStatus: Record<StatusKey, number> }) => [
    x.activitiesDone,
    x.activities,
    x.occurrencesDone,
    x.occurrences,
    ...statusOrder.map((k) => x.byStatus[k]),
  ];
  const t = b.report.totals;
  return {
    key: 'priorities',
    title: m.briefFiles.prioritiesTable,
    columns: [
      m.report.columns.priority,
      c.title,
      c.activitiesDone,
      c.activities,
      c.occurrencesDone,
      c.occurrences,
      ...statusOrder.map((k) => statusLabel(b.lang, k)),
    ],
    rows: [...b.report.priorities.map((p) => [p.id, p.title, ...counts(p)]), [m.report.total, '', ...counts(t)]],
  };
}

const itemColumns = (w: Words): string[] => {
  const c = w.m.briefFiles.columns;
  const r = w.m.report.columns;
  return [r.occurrence, c.activity, c.status, r.due, r.lead, r.note, r.evidence];
};

const changedRow = (i: ChangedItem, status: string, w: Words): Cell[] => [
  i.occurrenceKey,
  i.text,
  status,
  day(i.due),
  leadsOf(i, w),
  i.note ?? '',
  { links: i.links },
];
const openRow = (i: ReportItem, status: string, w: Words): Cell[] => [i.occurrenceKey, i.text, status, day(i.due), leadsOf(i, w), '', { links: [] }];

/** One priority's occurrences listed for the period: done, in progress, postponed, cancelled, then overdue. */
export function priorityTable(b: Brief, p: BriefPriority): BriefTable {
  const w = wordsOf(b);
  const label = (k: StatusKey) => statusLabel(b.lang, k);
  const overdue = new Map(p.overdue.flatMap((g) => g.items).map((i) => [i.occurrenceKey, i]));
  return {
    key: `priority:${p.line.id}`,
    title: w.m.briefFiles.priorityTable(p.line.id, p.line.title),
    columns: itemColumns(w),
    rows: [
      ...p.done.map((i) => changedRow(i, label('done'), w)),
      ...p.inProgress.map((i) => changedRow(i, label('in_progress'), w)),
      ...p.postponed.map((i) => changedRow(i, label('postponed'), w)),
      ...p.cancelled.map((i) => changedRow(i, label('cancelled'), w)),
      ...[...overdue.values()]
        .filter((i) => !p.postponed.some((x) => x.occurrenceKey === i.occurrenceKey))
        .map((i) => openRow(i, w.m.briefFiles.overdueStatus, w)),
    ],
  };
}

/**
 * The plan's coverage of the GCM's 23 objectives, served or not, with the objectives no activity serves said
 * plainly. The activities serving each are the plan's; the occurrences done of total are the report's lines of
 * the priorities serving it, so they stand at the end of the period like every other number.
 */
export function objectivesTable(b: Brief): BriefTable {
  const { m } = wordsOf(b);
  const c = m.briefFiles.columns;
  const notServed = b.coverage.objectives.filter((o) => o.priorities.length === 0).map((o) => String(o.objective.number));
  const lines = new Map(b.report.priorities.map((l) => [l.id, l]));
  const sum = (o: (typeof b.coverage.objectives)[number], f: (l: PriorityLine) => number) =>
    o.priorities.reduce((n, p) => n + (lines.has(p.priority.id) ? f(lines.get(p.priority.id)!) : 0), 0);
  return {
    key: 'objectives',
    title: m.briefFiles.objectivesTable,
    columns: [c.objective, c.title, c.servedBy, c.activitiesServing, c.occurrencesDone, c.occurrences],
    rows: b.coverage.objectives.map((o) => [
      o.objective.number,
      b.lang === 'es' ? o.objective.titleEs : o.objective.titleEn,
      o.priorities.length ? o.priorities.map((p) => p.priority.id).join(', ') : m.briefFiles.notServed,
      o.priorities.flatMap((p) => p.activities.map((a) => a.activity.id)).join(', '),
      sum(o, (l) => l.occurrencesDone),
      sum(o, (l) => l.occurrences),
    ]),
    note: notServed.length ? m.briefFiles.notServedLine(m.list(notServed)) : m.coverage.allServed,
  };
}

/** What is overdue at the end of the period, by lead agency, then what is still open from before it. */
export function overdueTable(b: Brief): BriefTable {
  const w = wordsOf(b);
  const r = w.m.report.columns;
  const c = w.m.briefFiles.columns;
  return {
    key: 'overdue',
    title: w.m.briefFiles.overdueTable,
    columns: [r.agency, r.occurrence, r.due, c.status, c.activity],
    rows: [
      ...b.report.overdue.flatMap((g) =>
        g.items.map((i) => [agencyLabel(g.agency, w.lang, w.dir), i.occurrenceKey, day(i.due), w.m.briefFiles.overdueStatus, i.text]),
      ),
      ...b.report.overdueBefore.map((i) => [leadsOf(i, w), i.occurrenceKey, day(i.due), w.m.briefFiles.overdueBefore, i.text]),
    ],
  };
}

/** What was marked done in the period: who, when, the note and the evidence. */
export function doneTable(b: Brief): BriefTable {
  const w = wordsOf(b);
  const r = w.m.report.columns;
  return {
    key: 'done',
    title: w.m.report.done(b.report.done.length),
    columns: [r.occurrence, w.m.briefFiles.columns.activity, r.due, r.by, r.when, r.note, r.evidence],
    rows: b.report.done.map((i) => [i.occurrenceKey, i.text, day(i.due), i.doneBy, day(i.doneAt), i.note ?? '', { links: i.links }]),
  };
}

/** What is due in the quarter after the period. */
export function nextTable(b: Brief): BriefTable {
  const w = wordsOf(b);
  const r = w.m.report.columns;
  const n = b.report.next;
  return {
    key: 'next',
    title: w.m.report.next(n.from, n.to, n.items.length),
    columns: [r.due, r.occurrence, r.lead, w.m.briefFiles.columns.activity],
    rows: n.items.map((i) => [day(i.due), i.occurrenceKey, leadsOf(i, w), i.text]),
  };
}

/** The period, the plan and the overall counts, as item and value. */
export function summaryTable(b: Brief): BriefTable {
  const { m } = wordsOf(b);
  const c = m.briefFiles.columns;
  const t = b.report.totals;
  return {
    key: 'summary',
    title: m.brief.title(b.from, b.to),
    columns: [c.field, c.value],
    rows: [
      [c.plan, `${b.planTitle} (${b.planId})`],
      [c.from, b.from],
      [c.to, b.to],
      [c.activitiesDone, t.activitiesDone],
      [c.activities, t.activities],
      [c.occurrencesDone, t.occurrencesDone],
      [c.occurrences, t.occurrences],
      ...statusOrder.map((k): Cell[] => [statusLabel(b.lang, k), t.byStatus[k]]),
    ],
  };
}
