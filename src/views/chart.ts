import type { KnownBlock } from '@slack/types';
import { clip } from './blocks.js';

/*
 * Slack's chart block, `data_visualization` (docs.slack.dev, Block Kit reference, "Data visualization
 * block", changelog 2026-06-16). @slack/types 3.2 has no type for it, so the fields the bot sends are typed
 * here and kept to the documented ones.
 */

/** One value of a series, at one of the x-axis categories. */
export interface DataPoint {
  label: string;
  value: number;
}

/** A named series of a bar, area or line chart. */
export interface DataSeries {
  name: string;
  data: DataPoint[];
}

/** The x-axis categories (the order of the bars) and the axis titles. */
export interface AxisConfig {
  categories: string[];
  x_label?: string;
  y_label?: string;
}

/** A labelled slice of a pie. */
export interface Segment {
  label: string;
  value: number;
}

export type Chart =
  | { type: 'pie'; segments: Segment[] }
  /** Several series are drawn as bars grouped by category (the reference documents no stacking option). */
  | { type: 'bar' | 'area' | 'line'; series: DataSeries[]; axis_config: AxisConfig };

export interface DataVisualizationBlock {
  type: 'data_visualization';
  title: string;
  chart: Chart;
  block_id?: string;
}

/** A block of a message or of the App Home: a block @slack/types knows, or a chart. */
export type MessageBlock = KnownBlock | DataVisualizationBlock;

/** The chart block's limits (Slack's reference). */
export const chartLimits = {
  title: 50,
  perMessage: 2,
  minSeries: 1,
  maxSeries: 6,
  /** Per series, and so the categories a chart can fill. */
  points: 20,
  /** A category, a series' name, a point's or a segment's label. */
  label: 20,
  axisLabel: 50,
} as const;

/** A bar chart: one series per entry of `series`, each with a value for every category, in order. */
export function barChart(
  title: string,
  categories: string[],
  series: { name: string; values: number[] }[],
  axis?: { x?: string; y?: string },
): DataVisualizationBlock {
  const cats = categories.slice(0, chartLimits.points).map((c) => clip(c, chartLimits.label));
  return {
    type: 'data_visualization',
    title: clip(title, chartLimits.title),
    chart: {
      type: 'bar',
      series: series.slice(0, chartLimits.maxSeries).map((s) => ({
        name: clip(s.name, chartLimits.label),
        data: cats.map((label, i) => ({ label, value: s.values[i] ?? 0 })),
      })),
      axis_config: {
        categories: cats,
        ...(axis?.x ? { x_label: clip(axis.x, chartLimits.axisLabel) } : {}),
        ...(axis?.y ? { y_label: clip(axis.y, chartLimits.axisLabel) } : {}),
      },
    },
  };
}

const isChart = (b: { type: string }): b is DataVisualizationBlock => b.type === 'data_visualization';

function axisProblems(where: string, axis: AxisConfig): string[] {
  const problems: string[] = [];
  if (new Set(axis.categories).size !== axis.categories.length) problems.push(`${where}: categories repeat`);
  for (const c of axis.categories) if (c.length > chartLimits.label) problems.push(`${where}: category "${c}" over ${chartLimits.label}`);
  for (const label of [axis.x_label, axis.y_label]) if (label && label.length > chartLimits.axisLabel) problems.push(`${where}: axis label over 50`);
  return problems;
}

function oneSeriesProblems(where: string, s: DataSeries, categories: string[]): string[] {
  const problems: string[] = [];
  if (s.name.length > chartLimits.label) problems.push(`${where}: series name "${s.name}" over ${chartLimits.label}`);
  if (s.data.length < 1 || s.data.length > chartLimits.points) problems.push(`${where}: series "${s.name}" has ${s.data.length} points (1-20)`);
  for (const p of s.data) if (!categories.includes(p.label)) problems.push(`${where}: "${p.label}" of "${s.name}" is no category`);
  return problems;
}

function seriesProblems(where: string, series: DataSeries[], axis: AxisConfig): string[] {
  const problems: string[] = [];
  if (series.length < chartLimits.minSeries || series.length > chartLimits.maxSeries) problems.push(`${where}: ${series.length} series (1-6)`);
  const names = series.map((s) => s.name);
  if (new Set(names).size !== names.length) problems.push(`${where}: series names repeat`);
  return [...problems, ...axisProblems(where, axis), ...series.flatMap((s) => oneSeriesProblems(where, s, axis.categories))];
}

function pieProblems(where: string, segments: Segment[]): string[] {
  const problems = segments.length < 1 || segments.length > chartLimits.maxSeries ? [`${where}: ${segments.length} segments (1-6)`] : [];
  for (const s of segments) if (s.value <= 0 || s.label.length > chartLimits.label) problems.push(`${where}: segment "${s.label}"`);
  return problems;
}

/**
 * What in `blocks` breaks the chart block's limits (Slack refuses the whole message then): empty when none.
 * `perMessage` is false for the App Home, whose reference states no count of charts.
 */
export function chartProblems(blocks: readonly { type: string }[], perMessage = true): string[] {
  const charts = blocks.filter(isChart);
  const problems = perMessage && charts.length > chartLimits.perMessage ? [`${charts.length} charts in one message (at most 2)`] : [];
  for (const [i, b] of charts.entries()) {
    const where = `chart ${i + 1}`;
    if (b.title.length === 0 || b.title.length > chartLimits.title) problems.push(`${where}: title of ${b.title.length} characters (1-50)`);
    problems.push(...(b.chart.type === 'pie' ? pieProblems(where, b.chart.segments) : seriesProblems(where, b.chart.series, b.chart.axis_config)));
  }
  return problems;
}

/**
 * A bar, area or line chart in words, from its own numbers: "B1: done 3, planned 2; B2: …". What screen
 * readers and the text fallback say in place of the picture.
 */
export function chartInWords(block: DataVisualizationBlock): string {
  const chart = block.chart;
  if (chart.type === 'pie') return chart.segments.map((s) => `${s.label} ${s.value}`).join(', ');
  return chart.axis_config.categories.map((c, i) => `${c}: ${chart.series.map((s) => `${s.name} ${s.data[i]?.value ?? 0}`).join(', ')}`).join('; ');
}
