import type { KnownBlock } from '@slack/types';
import { csvField } from '../domain/csv-cell.js';
import type { Language, AgencyDirectory } from '../domain/types.js';
import type { ChangedItem, ProgressReport, ReportItem } from '../domain/report.js';
import { formatDate, formatLabel, messages } from '../i18n/messages.js';
import { bar, clip, context, divider, esc, fitBlocks, header, limits, section } from './blocks.js';
import { agencyLabel, translationNote } from './labels.js';
import type { Message } from './message-view.js';
import { linksMrkdwn, noteMrkdwn, statusCounts } from './status-view.js';

export const reportFormats = ['md', 'csv', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const occName = (i: ReportItem, lang: Language) => (i.label ? `${i.activityId} · ${formatLabel(i.label, lang)}` : i.activityId);
const leads = (i: ReportItem, lang: Language, dir: AgencyDirectory) =>
  i.leads.length ? i.leads.map((id) => agencyLabel(id, lang, dir)).join(', ') : i.leadWording;

/** Text people wrote, in one Markdown table cell: no cell break, no HTML, on one line. */
const mdCell = (text: string | null) =>
  (text ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');

/** The note and the links of a change, in one Markdown cell. */
const noteAndLinks = (i: ChangedItem) => [mdCell(i.note), mdCell(i.links.join(' '))].filter((x) => x !== '').join(' ');

/** The note and the links of a change, for the Slack summary: escaped, clipped. */
const why = (i: ChangedItem, lang: Language) =>
  [i.note ? `\n> ${noteMrkdwn(i.note, 300).replace(/\n/g, ' ')}` : '', i.links.length ? `\n${linksMrkdwn(i.links, lang)}` : ''].join('');

/** The report as JSON: the data itself, stable keys, for other tools. */
export function reportJson(r: ProgressReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

/** The report's overdue section in Markdown: by lead agency, then those due before the period. */
function overdueMarkdown(r: ProgressReport, lang: Language, dir: AgencyDirectory): string[] {
  const m = messages(lang);
  const t = m.report;
  const c = t.columns;
  const d = (iso: string | null) => (iso ? formatDate(iso, lang) : m.noDate);
  const out: string[] = [];
  const overdueCount = r.overdue.reduce((n, g) => n + g.items.length, 0);
  out.push(`## ${t.overdue(new Set(r.overdue.flatMap((g) => g.items.map((i) => i.occurrenceKey))).size)}`, '');
  if (overdueCount === 0) out.push(t.noneOverdue);
  for (const g of r.overdue) {
    out.push(`### ${agencyLabel(g.agency, lang, dir)}`, '');
    for (const i of g.items) out.push(`- ${occName(i, lang)} (${m.dueOn(i.due ? d(i.due) : null)}): ${i.text}`);
    out.push('');
  }
  if (r.overdueBefore.length)
    out.push(
      t.overdueBefore(r.overdueBefore.length),
      '',
      ...r.overdueBefore.map((i) => `- ${occName(i, lang)} (${m.dueOn(i.due ? d(i.due) : null)}), ${c.lead}: ${leads(i, lang, dir)}`),
      '',
    );
  return out;
}

/** The report as Markdown: what the co-chairs share as the periodic update. */
export function reportMarkdown(r: ProgressReport, lang: Language, dir: AgencyDirectory): string {
  const m = messages(lang);
  const t = m.report;
  const c = t.columns;
  const d = (iso: string | null) => (iso ? formatDate(iso, lang) : m.noDate);
  const out = [
    `# ${t.title(d(r.from), d(r.to))}`,
    '',
    `${r.planTitle} (${r.planId})`,
    '',
    `## ${t.byPriority}`,
    '',
    `| ${c.priority} | ${c.activities} | ${c.occurrences} | ${t.objectives} |`,
    '| --- | --- | --- | --- |',
  ];
  for (const p of r.priorities)
    out.push(`| ${p.id} ${p.title} | ${p.activitiesDone} / ${p.activities} | ${p.occurrencesDone} / ${p.occurrences} | ${p.objectives.join(', ')} |`);
  out.push(`| **${t.total}** | **${r.totals.activitiesDone} / ${r.totals.activities}** | **${r.totals.occurrencesDone} / ${r.totals.occurrences}** | |`, '');
  out.push(`${t.statuses}: ${statusCounts(r.totals.byStatus, lang)}`, '');
  out.push(`## ${t.done(r.done.length)}`, '');
  if (r.done.length === 0) out.push(t.noneDone);
  else {
    out.push(`| ${c.occurrence} | ${c.due} | ${c.by} | ${c.when} | ${c.note} | ${c.evidence} |`, '| --- | --- | --- | --- | --- | --- |');
    for (const i of r.done)
      out.push(`| ${occName(i, lang)} | ${d(i.due)} | ${i.doneBy} | ${d(i.doneAt.slice(0, 10))} | ${mdCell(i.note)} | ${mdCell(i.links.join(' '))} |`);
  }
  out.push('', `## ${t.postponed(r.postponed.length)}`, '');
  if (r.postponed.length === 0) out.push(t.nonePostponed);
  else {
    out.push(`| ${c.occurrence} | ${c.plannedDue} | ${c.newDate} | ${c.changedBy} | ${c.when} | ${c.note} |`, '| --- | --- | --- | --- | --- | --- |');
    for (const i of r.postponed)
      out.push(`| ${occName(i, lang)} | ${d(i.plannedDue)} | ${d(i.due)} | ${i.by} | ${d(i.at.slice(0, 10))} | ${noteAndLinks(i)} |`);
  }
  out.push('', `## ${t.cancelled(r.cancelled.length)}`, '');
  if (r.cancelled.length === 0) out.push(t.noneCancelled);
  else {
    out.push(`| ${c.occurrence} | ${c.due} | ${c.changedBy} | ${c.when} | ${c.note} |`, '| --- | --- | --- | --- | --- |');
    for (const i of r.cancelled) out.push(`| ${occName(i, lang)} | ${d(i.due)} | ${i.by} | ${d(i.at.slice(0, 10))} | ${noteAndLinks(i)} |`);
  }
  out.push('', ...overdueMarkdown(r, lang, dir));
  out.push(`## ${t.next(d(r.next.from), d(r.next.to), r.next.items.length)}`, '');
  if (r.next.items.length === 0) out.push(t.noneNext);
  for (const i of r.next.items) out.push(`- ${d(i.due)}: ${occName(i, lang)}, ${c.lead}: ${leads(i, lang, dir)}`);
  // The report carries no PlanInfo: its Spanish texts are never taken for official here.
  const note = translationNote(lang, null);
  if (note) out.push('', `_${note}_`);
  return `${out.join('\n')}\n`;
}

type CsvCell = string | number | null;

/** A CSV row about one occurrence: its section, the item, the agency it is listed under, who and when (done), then `tail`. */
const itemRow = (section: string, i: ReportItem, agency: string, tail: CsvCell[], done: [CsvCell, CsvCell] = [null, null]): CsvCell[] => [
  section,
  i.priorityId,
  i.occurrenceKey,
  i.activityId,
  agency,
  i.due,
  ...done,
  null,
  null,
  null,
  null,
  null,
  ...tail,
];

/** The CSV's counts of occurrences by status (at the end of the period), after the other columns. */
const countColumns = ['done', 'in_progress', 'postponed', 'cancelled', 'planned'] as const;

/** The report as CSV, one row per fact: `section` says which part of the report a row belongs to. */
export function reportCsv(r: ProgressReport): string {
  const rows: (string | number | null)[][] = [
    [
      'section',
      'priority',
      'occurrence',
      'activity',
      'agency',
      'due',
      'done_by',
      'done_at',
      'done',
      'total',
      'occurrences_done',
      'occurrences_total',
      'objectives',
      'changed_by',
      'changed_at',
      'new_date',
      'planned_due',
      'note',
      'links',
      ...countColumns.map((k) => `status_${k}`),
    ],
  ];
  const none = Array<null>(6 + countColumns.length).fill(null);
  const change = (i: ChangedItem, newDate: string | null, plannedDue: string | null) => [
    i.by,
    i.at,
    newDate,
    plannedDue,
    i.note,
    i.links.join(' '),
    ...countColumns.map(() => null),
  ];
  const counts = (section: string, id: string | null, c: ProgressReport['totals'], objectives: string | null): CsvCell[] => [
    section,
    id,
    ...Array<null>(6).fill(null),
    c.activitiesDone,
    c.activities,
    c.occurrencesDone,
    c.occurrences,
    objectives,
    ...none.slice(countColumns.length),
    ...countColumns.map((k) => c.byStatus[k]),
  ];
  for (const p of r.priorities) rows.push(counts('priority', p.id, p, p.objectives.join(' ')));
  rows.push(counts('total', null, r.totals, null));
  const leadIds = (i: ReportItem) => i.leads.join(' ');
  for (const i of r.done) rows.push(itemRow('done', i, leadIds(i), change(i, null, null), [i.doneBy, i.doneAt]));
  for (const i of r.postponed) rows.push(itemRow('postponed', i, leadIds(i), change(i, i.due, i.plannedDue)));
  for (const i of r.cancelled) rows.push(itemRow('cancelled', i, leadIds(i), change(i, null, null)));
  for (const g of r.overdue) for (const i of g.items) rows.push(itemRow('overdue', i, g.agency, none));
  for (const i of r.overdueBefore) rows.push(itemRow('overdue_before', i, leadIds(i), none));
  for (const i of r.next.items) rows.push(itemRow('next_quarter', i, leadIds(i), none));
  return `${rows.map((row) => row.map(csvField).join(',')).join('\n')}\n`;
}

/** The report in Slack: a summary inside Slack's limits whatever the data; the full text goes in a file. */
export function reportMessage(r: ProgressReport, lang: Language, dir: AgencyDirectory, fileNote?: string): Message {
  const m = messages(lang);
  const t = m.report;
  const d = (iso: string) => formatDate(iso, lang);
  const title = t.title(d(r.from), d(r.to));
  const blocks: KnownBlock[] = [header(title), context(`${esc(r.planTitle)} · ${t.byPriority}`)];
  for (const p of r.priorities) {
    blocks.push(
      section(
        `*${p.id}* ${esc(clip(p.title, 150))}${p.objectives.length ? ` _(${t.objectives}: ${p.objectives.join(', ')})_` : ''}\n\`${bar(p.activitiesDone, p.activities)}\` ${t.priorityLine(p.activitiesDone, p.activities, p.occurrencesDone, p.occurrences)}`,
      ),
    );
  }
  blocks.push(
    context(`*${t.total}:* ${t.priorityLine(r.totals.activitiesDone, r.totals.activities, r.totals.occurrencesDone, r.totals.occurrences)}`),
    context(`${t.statuses}: ${statusCounts(r.totals.byStatus, lang)}`),
    divider(),
  );
  const who = (u: string) => (/^[UW][A-Z0-9]+$/.test(u) ? `<@${u}>` : esc(u));
  const doneLines = r.done.map((i) => `• ${occName(i, lang)} · ${who(i.doneBy)} · ${d(i.doneAt.slice(0, 10))}${why(i, lang)}`);
  blocks.push(section(clip(`*${t.done(r.done.length)}*\n${doneLines.length ? doneLines.join('\n') : t.noneDone}`, limits.sectionText)));
  const postponedLines = r.postponed.map(
    (i) =>
      `• ${occName(i, lang)} · ${i.plannedDue ? `${d(i.plannedDue)} → ` : ''}*${i.due ? d(i.due) : ''}* · ${who(i.by)} · ${d(i.at.slice(0, 10))}${why(i, lang)}`,
  );
  blocks.push(
    section(clip(`*${t.postponed(r.postponed.length)}*\n${postponedLines.length ? postponedLines.join('\n') : t.nonePostponed}`, limits.sectionText)),
  );
  const cancelledLines = r.cancelled.map((i) => `• ${occName(i, lang)} · ${who(i.by)} · ${d(i.at.slice(0, 10))}${why(i, lang)}`);
  blocks.push(
    section(clip(`*${t.cancelled(r.cancelled.length)}*\n${cancelledLines.length ? cancelledLines.join('\n') : t.noneCancelled}`, limits.sectionText)),
  );
  const overdueKeys = new Set(r.overdue.flatMap((g) => g.items.map((i) => i.occurrenceKey)));
  const groups = r.overdue.map((g) =>
    section(clip(`*${esc(agencyLabel(g.agency, lang, dir))}* (${g.items.length}): ${g.items.map((i) => occName(i, lang)).join(', ')}`, limits.sectionText)),
  );
  blocks.push(section(`*${t.overdue(overdueKeys.size)}*${groups.length ? '' : `\n${t.noneOverdue}`}`));
  const tail: KnownBlock[] = [];
  if (r.overdueBefore.length) tail.push(context(t.overdueBefore(r.overdueBefore.length)));
  tail.push(
    section(
      clip(
        `*${t.next(d(r.next.from), d(r.next.to), r.next.items.length)}*\n${r.next.items.length ? r.next.items.map((i) => `• ${i.due ? d(i.due) : ''}: ${occName(i, lang)}`).join('\n') : t.noneNext}`,
        limits.sectionText,
      ),
    ),
  );
  if (fileNote) tail.push(context(fileNote));
  const note = translationNote(lang, null);
  if (note) tail.push(context(note));
  const fitted = fitBlocks([...blocks, ...groups], limits.messageBlocks, m.andMore, tail.length);
  return { text: title, blocks: [...fitted, ...tail] };
}

/** Several plans' reports of one period as one Markdown file: a section per plan (one report: as it was). */
export function reportsMarkdown(rs: readonly ProgressReport[], lang: Language, dir: AgencyDirectory): string {
  return rs.map((r) => reportMarkdown(r, lang, dir)).join('\n---\n\n');
}

/** Several plans' reports as JSON: one report as it was, several as an array. */
export function reportsJson(rs: readonly ProgressReport[]): string {
  return rs.length === 1 ? reportJson(rs[0]!) : `${JSON.stringify(rs, null, 2)}\n`;
}

/** Several plans' reports as CSV: one header, then each plan's rows (each report's CSV without its header). */
export function reportsCsv(rs: readonly ProgressReport[]): string {
  return rs.map((r, i) => (i === 0 ? reportCsv(r) : reportCsv(r).split('\n').slice(1).join('\n'))).join('');
}

/** Several plans' summaries in one message, a section per plan (one report: as it was), inside Slack's limits. */
export function reportsMessage(rs: readonly ProgressReport[], lang: Language, dir: AgencyDirectory, fileNote?: string): Message {
  if (rs.length === 1) return reportMessage(rs[0]!, lang, dir, fileNote);
  const m = messages(lang);
  const parts = rs.map((r) => reportMessage(r, lang, dir));
  const blocks = parts.flatMap((p, i) => [...(i ? [divider()] : []), ...p.blocks]);
  const tail: KnownBlock[] = fileNote ? [context(fileNote)] : [];
  return { text: parts[0]!.text, blocks: [...fitBlocks(blocks, limits.messageBlocks, m.andMore, tail.length), ...tail] };
}
