import { existsSync } from 'node:fs';
import type { DataVisualizationBlock } from '../views/chart.js';
import { chartFontFamily, chartOption, type ChartStyle } from './chart-option.js';

/*
 * A Slack chart block drawn as a picture for a file (issue 23.3): ECharts' server-side SVG renderer, then
 * resvg for the PNG. Both libraries are loaded on first use (issue 23.9), never at start.
 */

/** A chart as a PNG, with its size in pixels. */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

/** The default size: fits a Word page's text width (16 cm) at about 110 dpi. */
export const chartSize = { width: 720, height: 400 } as const;

/**
 * Where DejaVu Sans is on the usual Linux distributions (Debian and Ubuntu's `fonts-dejavu-core`, Alpine's
 * `font-dejavu`, Fedora's `dejavu-sans-fonts`). The charts' text is drawn from this one file, not from whatever
 * the system's font configuration prefers, so the same chart gives the same pixels on every machine that has it.
 */
const dejavuPaths = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
];

/** The font file the charts' text is drawn with, or null when none of the known paths has it. */
export function chartFontFile(candidates: readonly string[] = dejavuPaths): string | null {
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** `block` as an SVG document drawn by ECharts (its SSR renderer); the chart instance is always disposed. */
export async function chartSvg(block: DataVisualizationBlock, style: ChartStyle = chartSize): Promise<string> {
  const echarts = await import('echarts');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: style.width, height: style.height });
  try {
    chart.setOption(chartOption(block, style));
    return chart.renderToSVGString();
  } finally {
    // Without it ECharts keeps a timer that holds the process open.
    chart.dispose();
  }
}

/**
 * `block` as a PNG: the SVG of `chartSvg` rasterised by resvg with DejaVu Sans loaded from its file (the
 * system's fonts only when that file is missing: the text then depends on what the machine has).
 */
export async function chartPng(block: DataVisualizationBlock, style: ChartStyle = chartSize, fontFile = chartFontFile()): Promise<ChartImage> {
  const svg = await chartSvg(block, style);
  const { Resvg } = await import('@resvg/resvg-js');
  const font = fontFile
    ? { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: chartFontFamily, sansSerifFamily: chartFontFamily }
    : { loadSystemFonts: true, defaultFontFamily: chartFontFamily };
  const rendered = new Resvg(svg, { font, fitTo: { mode: 'original' }, background: '#ffffff' }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
