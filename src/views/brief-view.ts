import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Brief, BriefMonth } from '../domain/brief.js';
import type { Language } from '../domain/types.js';
import { messages, statusLabel } from '../i18n/messages.js';
import { clip, context, esc, fitBlocks, header, limits, section } from './blocks.js';
import type { Narrative, NarrativeParagraph, NarrativeRun, NarrativeSection } from './brief-narrative.js';
import { barChart, chartInWords, chartLimits, type DataVisualizationBlock, type MessageBlock } from './chart.js';
import type { Message } from './message-view.js';
import { noteShown, statusOrder } from './status-view.js';

/*
 * The co-chairs' update in Slack (issue 23): the summary, two charts with their text alternatives, and the
 * narrative, within Slack's limits (50 blocks, 3000 characters a section, two charts a message with a title of
 * at most 50 characters, 1 to 6 series of at most 20 points). The full narrative goes as a file beside it.
 */

/** Progress by priority, one series per status (Slack groups several series by category): the report's `byStatus` at the period's end. */
export function briefStatusChart(brief: Brief, lang: Language): DataVisualizationBlock {
  const b = messages(lang).brief;
  const lines = brief.report.priorities;
  return barChart(
    b.chartStatusTitle,
    lines.map((p) => p.id),
    statusOrder.map((k) => ({ name: statusLabel(lang, k), values: lines.map((p) => p.byStatus[k]) })),
    { x: b.chartStatusAxis },
  );
}

/** `Jun 2023` / `jun 2023`: a month short enough for a chart's category (at most 20 characters). */
const shortMonth = (ym: string, lang: Language) => `${messages(lang).months[Number(ym.slice(5, 7)) - 1]!.slice(0, 3)} ${ym.slice(0, 4)}`;

/**
 * The months of the plan as a chart's points: one per month when they fit (at most 20), else one per calendar
 * quarter (a plan of up to five years), else the last 20 quarters. Sums are kept: a quarter adds its months.
 */
export function briefChartPeriods(months: readonly BriefMonth[], lang: Language): { label: string; due: number; done: number }[] {
  if (months.length <= chartLimits.points) return months.map((m) => ({ label: shortMonth(m.month, lang), due: m.due, done: m.done }));
  const quarters = new Map<string, { label: string; due: number; done: number }>();
  for (const m of months) {
    const q = Math.floor((Number(m.month.slice(5, 7)) - 1) / 3) + 1;
    const label = messages(lang).brief.quarter(q, Number(m.month.slice(0, 4)));
    const slot = quarters.get(label) ?? { label, due: 0, done: 0 };
    slot.due += m.due;
    slot.done += m.done;
    quarters.set(label, slot);
  }
  return [...quarters.values()].slice(-chartLimits.points);
}

/** Occurrences due and done, month by month over the plan (as the brief's `months`). */
export function briefMonthsChart(brief: Brief, lang: Language): DataVisualizationBlock {
  const b = messages(lang).brief;
  const points = briefChartPeriods(brief.months, lang);
  return barChart(
    b.chartMonthsTitle,
    points.map((p) => p.label),
    [
      { name: b.chartDue, values: points.map((p) => p.due) },
      { name: b.chartDone, values: points.map((p) => p.done) },
    ],
    { x: b.chartMonthsAxis },
  );
}

/** Each chart with its text alternative (what screen readers and the fallback say), from the chart's own numbers. */
export function briefCharts(brief: Brief, lang: Language): { chart: DataVisualizationBlock; inWords: string }[] {
  const b = messages(lang).brief;
  const status = briefStatusChart(brief, lang);
  const months = briefMonthsChart(brief, lang);
  return [
    { chart: status, inWords: b.chartStatusInWords(chartInWords(status)) },
    { chart: months, inWords: b.chartMonthsInWords(chartInWords(months)) },
  ];
}

/**
 * A run in mrkdwn: escaped (it never pings or links as typed), a person's words clipped to `written` characters
 * (a note as lists show it; the co-chairs' own words nearly whole), a link as its address (Slack links it).
 */
function mrkdwnRun(r: NarrativeRun, written: number): string {
  if (r.kind === 'link') return esc(clip(r.text, 300));
  const t = esc(r.written ? clip(r.text, written) : r.text).replace(/\n+/g, ' ');
  return r.strong && t.trim() ? t.replace(/^(\s*)(.*?)(\s*)$/, '$1*$2*$3') : t;
}

const mrkdwnParagraph = (p: NarrativeParagraph, written = noteShown) => `${p.bullet ? '• ' : ''}${p.runs.map((r) => mrkdwnRun(r, written)).join('')}`;

/** A section's heading and paragraphs as sections of at most 3000 characters each (a paragraph never split unless alone too long). */
function sectionBlocks(s: NarrativeSection): KnownBlock[] {
  const texts: string[] = [];
  let current = `*${esc(s.heading)}*`;
  for (const p of s.paragraphs) {
    // The co-chairs' paragraph is theirs: shown up to what one section holds.
    const line = mrkdwnParagraph(p, s.byCoChairs ? limits.sectionText - 100 : noteShown);
    const sep = p.bullet ? '\n' : '\n\n';
    if (current.length + sep.length + line.length > limits.sectionText) {
      texts.push(current);
      current = line;
    } else current = `${current}${sep}${line}`;
  }
  texts.push(current);
  return texts.map((t) => section(t));
}

/** What the message shows beside the narrative: a note under the title (the file's line) and the extra row of buttons. */
export interface BriefMessageOptions {
  /** A line at the end: where the full update went, or that it could not be attached. */
  note?: string;
  /** A row of buttons at the end (Edit, Publish: added by the draft's flow). */
  actions?: ActionsBlock;
}

/**
 * The co-chair's private answer for `brief`: the title, the summary (overall progress), the two charts each
 * with its text alternative, then the narrative's sections; when they do not fit Slack's 50 blocks, the last
 * ones give way to a line saying the file has the rest. Pure.
 */
export function briefMessage(brief: Brief, narrative: Narrative, options: BriefMessageOptions = {}): Message {
  const lang = narrative.lang;
  const b = messages(lang).brief;
  const [overview, ...rest] = narrative.sections.filter((s) => s.key !== 'intro');
  const intro = narrative.sections.filter((s) => s.key === 'intro');
  const charts: MessageBlock[] = briefCharts(brief, lang).flatMap(({ chart, inWords }) => [chart, context(esc(inWords))]);
  const head: MessageBlock[] = [header(narrative.title), context(esc(b.summary(`${brief.planTitle} (${brief.planId})`)))];
  const tail: MessageBlock[] = [...(options.note ? [context(options.note)] : []), ...(options.actions ? [options.actions] : [])];
  const body: KnownBlock[] = [...intro.flatMap(sectionBlocks), ...(overview ? sectionBlocks(overview) : [])];
  const after = rest.flatMap(sectionBlocks);
  const room = limits.messageBlocks - head.length - body.length - charts.length - tail.length;
  const overviewText =
    overview?.paragraphs
      .slice(1, 2)
      .map((p) => mrkdwnParagraph(p))
      .join(' ') ?? '';
  return {
    text: clip(`${narrative.title}. ${overviewText}`, limits.fallbackText),
    // Within 50 blocks: the sections after the overview give way first, to a line saying the file has them.
    blocks: [...head, ...body, ...charts, ...fitBlocks(after, Math.max(room, 1), () => b.cut), ...tail].slice(0, limits.messageBlocks),
  };
}
