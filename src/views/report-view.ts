import type { KnownBlock } from '@slack/types';
import type { Language, AgencyDirectory } from '../domain/types.js';
import type { ProgressReport, ReportItem } from '../domain/report.js';
import { formatDate, formatLabel, messages } from '../i18n/messages.js';
import { bar, clip, context, divider, esc, fitBlocks, header, limits, section } from './blocks.js';
import { agencyLabel, translationNote } from './labels.js';
import type { Message } from './message-view.js';

export const reportFormats = ['md', 'csv', 'json'] as const;
export type ReportFormat = (typeof reportFormats)[number];

const occName = (i: ReportItem, lang: Language) => (i.label ? `${i.activityId} · ${formatLabel(i.label, lang)}` : i.activityId);
const leads = (i: ReportItem, lang: Language, dir: AgencyDirectory) =>
  i.leads.length ? i.leads.map((id) => agencyLabel(id, lang, dir)).join(', ') : i.leadWording;

/** The report as JSON: the data itself, stable keys, for other tools. */
export function reportJson(r: ProgressReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
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
  out.push(`## ${t.done(r.done.length)}`, '');
  if (r.done.length === 0) out.push(t.noneDone);
  else {
    out.push(`| ${c.occurrence} | ${c.due} | ${c.by} | ${c.when} |`, '| --- | --- | --- | --- |');
    for (const i of r.done) out.push(`| ${occName(i, lang)} | ${d(i.due)} | ${i.doneBy} | ${d(i.doneAt.slice(0, 10))} |`);
  }
  const overdueCount = r.overdue.reduce((n, g) => n + g.items.length, 0);
  out.push('', `## ${t.overdue(new Set(r.overdue.flatMap((g) => g.items.map((i) => i.occurrenceKey))).size)}`, '');
  if (overdueCount === 0) out.push(t.noneOverdue);
  for (const g of r.overdue) {
    out.push(`### ${agencyLabel(g.agency, lang, dir)}`, '');
    for (const i of g.items) out.push(`- ${occName(i, lang)} (${m.due} ${d(i.due)}): ${i.text}`);
    out.push('');
  }
  if (r.overdueBefore.length)
    out.push(
      t.overdueBefore(r.overdueBefore.length),
      '',
      ...r.overdueBefore.map((i) => `- ${occName(i, lang)} (${m.due} ${d(i.due)}), ${c.lead}: ${leads(i, lang, dir)}`),
      '',
    );
  out.push(`## ${t.next(d(r.next.from), d(r.next.to), r.next.items.length)}`, '');
  if (r.next.items.length === 0) out.push(t.noneNext);
  for (const i of r.next.items) out.push(`- ${d(i.due)}: ${occName(i, lang)}, ${c.lead}: ${leads(i, lang, dir)}`);
  // The report carries no PlanInfo: its Spanish texts are never taken for official here.
  const note = translationNote(lang, null);
  if (note) out.push('', `_${note}_`);
  return `${out.join('\n')}\n`;
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

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
    ],
  ];
  for (const p of r.priorities)
    rows.push(['priority', p.id, null, null, null, null, null, null, p.activitiesDone, p.activities, p.occurrencesDone, p.occurrences, p.objectives.join(' ')]);
  rows.push([
    'total',
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    r.totals.activitiesDone,
    r.totals.activities,
    r.totals.occurrencesDone,
    r.totals.occurrences,
    null,
  ]);
  for (const i of r.done)
    rows.push(['done', i.priorityId, i.occurrenceKey, i.activityId, i.leads.join(' '), i.due, i.doneBy, i.doneAt, null, null, null, null, null]);
  for (const g of r.overdue)
    for (const i of g.items) rows.push(['overdue', i.priorityId, i.occurrenceKey, i.activityId, g.agency, i.due, null, null, null, null, null, null, null]);
  for (const i of r.overdueBefore)
    rows.push(['overdue_before', i.priorityId, i.occurrenceKey, i.activityId, i.leads.join(' '), i.due, null, null, null, null, null, null, null]);
  for (const i of r.next.items)
    rows.push(['next_quarter', i.priorityId, i.occurrenceKey, i.activityId, i.leads.join(' '), i.due, null, null, null, null, null, null, null]);
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
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
    divider(),
  );
  const doneLines = r.done.map((i) => `• ${occName(i, lang)} · <@${i.doneBy}> · ${d(i.doneAt.slice(0, 10))}`);
  blocks.push(section(clip(`*${t.done(r.done.length)}*\n${doneLines.length ? doneLines.join('\n') : t.noneDone}`, limits.sectionText)));
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
