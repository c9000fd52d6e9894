import type { DataVisualizationBlock } from '../views/chart.js';

/*
 * A Slack chart block (`src/views/chart.ts`) as an ECharts option: the same title, categories, series and
 * values, so a file's chart is the message's chart. Pure; `chart-image.ts` draws it.
 */

/** How a chart is drawn in a file: its size in pixels, and whether a bar chart's series are stacked. */
export interface ChartStyle {
  width: number;
  height: number;
  /** Bars of several series stacked in one column per category (Slack's block draws them side by side). */
  stacked?: boolean;
}

/** The font family the images' text is drawn in (`chart-image.ts` loads it as a file, for the same pixels everywhere). */
export const chartFontFamily = 'DejaVu Sans';

/**
 * Colours in the order of the series, distinct in greyscale too so a printed page still tells them apart. For
 * the statuses (in `statusOrder`: done, in progress, postponed, cancelled, planned) the last is a light grey:
 * what is merely planned recedes.
 */
export const chartPalette = ['#2f6db3', '#f28e2b', '#59a14f', '#b07aa1', '#c9c9c9', '#e15759'] as const;

const text = { fontFamily: chartFontFamily, color: '#222222' };

/** An ECharts option object (kept loose: the `echarts` types are loaded with the library, on first use). */
export type ChartOption = Record<string, unknown>;

function pieOption(block: DataVisualizationBlock & { chart: { type: 'pie' } }): ChartOption {
  return {
    series: [
      {
        type: 'pie',
        radius: ['0%', '60%'],
        center: ['50%', '55%'],
        label: { ...text, formatter: '{b}: {c}' },
        data: block.chart.segments.map((s) => ({ name: s.label, value: s.value })),
      },
    ],
  };
}

function seriesOption(block: DataVisualizationBlock & { chart: { type: 'bar' | 'area' | 'line' } }, style: ChartStyle): ChartOption {
  const { chart } = block;
  const stack = chart.type === 'bar' && style.stacked ? 'all' : undefined;
  return {
    grid: { left: 56, right: 24, top: 64, bottom: chart.axis_config.x_label ? 64 : 44, containLabel: false },
    xAxis: {
      type: 'category',
      data: chart.axis_config.categories,
      name: chart.axis_config.x_label,
      nameLocation: 'middle',
      nameGap: 30,
      nameTextStyle: text,
      axisLabel: { ...text, interval: 0, hideOverlap: false, rotate: chart.axis_config.categories.length > 8 ? 45 : 0 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: chart.axis_config.y_label,
      nameLocation: 'middle',
      nameGap: 40,
      nameTextStyle: text,
      axisLabel: text,
    },
    series: chart.series.map((s) => ({
      name: s.name,
      type: chart.type === 'bar' ? 'bar' : 'line',
      ...(stack ? { stack } : {}),
      ...(chart.type === 'area' ? { areaStyle: { opacity: 0.35 } } : {}),
      data: chart.axis_config.categories.map((c) => s.data.find((p) => p.label === c)?.value ?? 0),
    })),
  };
}

/** The ECharts option drawing `block` at `style`: title, legend, the series in their order, no animation. */
export function chartOption(block: DataVisualizationBlock, style: ChartStyle): ChartOption {
  const names = block.chart.type === 'pie' ? block.chart.segments.map((s) => s.label) : block.chart.series.map((s) => s.name);
  return {
    animation: false,
    backgroundColor: '#ffffff',
    color: [...chartPalette],
    textStyle: text,
    title: { text: block.title, left: 'center', top: 8, textStyle: { ...text, fontSize: 16, fontWeight: 'bold' } },
    legend: { data: names, top: 34, itemGap: 24, textStyle: text },
    ...(block.chart.type === 'pie'
      ? pieOption(block as DataVisualizationBlock & { chart: { type: 'pie' } })
      : seriesOption(block as DataVisualizationBlock & { chart: { type: 'bar' | 'area' | 'line' } }, style)),
  };
}
