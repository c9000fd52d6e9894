import { describe, expect, it } from 'vitest';
import { chartFontFile, chartPng, chartSvg } from '../../src/documents/chart-image.js';
import { chartOption } from '../../src/documents/chart-option.js';
import { barChart, type DataVisualizationBlock } from '../../src/views/chart.js';
import { darkPixels, decodePng } from './png.js';

const progress = barChart(
  'Progress by priority',
  ['B1', 'B2', 'T1'],
  [
    { name: 'Done', values: [3, 1, 2] },
    { name: 'In progress', values: [1, 0, 2] },
    { name: 'Planned', values: [2, 4, 0] },
  ],
  { x: 'Priority', y: 'Occurrences' },
);

const pie: DataVisualizationBlock = {
  type: 'data_visualization',
  title: 'Statuses',
  chart: {
    type: 'pie',
    segments: [
      { label: 'Done', value: 5 },
      { label: 'Planned', value: 7 },
    ],
  },
};

describe("the update's charts as images (issue 23.3)", () => {
  it("the ECharts option holds the Slack block's title, categories and series, value for value", () => {
    const o = chartOption(progress, { width: 720, height: 400, stacked: true }) as {
      title: { text: string };
      xAxis: { data: string[] };
      series: { name: string; type: string; stack?: string; data: number[] }[];
    };
    expect(o.title.text).toBe('Progress by priority');
    expect(o.xAxis.data).toEqual(['B1', 'B2', 'T1']);
    expect(o.series.map((s) => [s.name, s.type, s.stack, s.data])).toEqual([
      ['Done', 'bar', 'all', [3, 1, 2]],
      ['In progress', 'bar', 'all', [1, 0, 2]],
      ['Planned', 'bar', 'all', [2, 4, 0]],
    ]);
    const p = chartOption(pie, { width: 400, height: 300 }) as { series: { type: string; data: unknown[] }[] };
    expect(p.series[0]).toMatchObject({
      type: 'pie',
      data: [
        { name: 'Done', value: 5 },
        { name: 'Planned', value: 7 },
      ],
    });
  });

  it("the SVG is ECharts' own, drawn with the series' values", async () => {
    const svg = await chartSvg(progress, { width: 600, height: 300 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="600"');
    expect(svg).toContain('Progress by priority');
    expect(svg).toContain('In progress');
  });

  it('the PNG decodes to the size asked for, the same bytes each time, with its text drawn', async () => {
    expect(chartFontFile(), 'DejaVu Sans is missing: install fonts-dejavu-core (README, "The periodic update")').not.toBeNull();
    const a = await chartPng(progress, { width: 720, height: 400, stacked: true });
    const b = await chartPng(progress, { width: 720, height: 400, stacked: true });
    expect(a.png.equals(b.png)).toBe(true);
    const img = decodePng(a.png);
    expect([img.width, img.height, a.width, a.height]).toEqual([720, 400, 720, 400]);
    // The title's band holds dark pixels (the letters) only when the title is there: the font was found and used.
    const untitled = decodePng((await chartPng({ ...progress, title: ' ' }, { width: 720, height: 400 })).png);
    expect(darkPixels(img, 6, 30)).toBeGreaterThan(100);
    expect(darkPixels(untitled, 6, 30)).toBe(0);
    const small = decodePng((await chartPng(pie, { width: 400, height: 300 })).png);
    expect([small.width, small.height]).toEqual([400, 300]);
  });

  it('finds no font file where there is none (the system fonts are used then)', () => {
    expect(chartFontFile(['/nonexistent/DejaVuSans.ttf'])).toBeNull();
  });
});
