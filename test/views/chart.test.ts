import { describe, expect, it } from 'vitest';
import { barChart, chartInWords, chartProblems, type DataVisualizationBlock } from '../../src/views/chart.js';

const bar = (over: Partial<DataVisualizationBlock> = {}): DataVisualizationBlock => ({
  ...barChart('Done by priority', ['B1', 'T1'], [{ name: 'Done', values: [1, 2] }]),
  ...over,
});

describe("Slack's chart block (data_visualization)", () => {
  it('barChart keeps any input inside the limits: title, 20 categories of 20 characters, 6 series', () => {
    const categories = Array.from({ length: 25 }, (_, i) => `category number ${i} of many`);
    const series = Array.from({ length: 8 }, (_, i) => ({ name: `series ${i}`, values: categories.map(() => i) }));
    const block = barChart(
      'A title well over the fifty characters Slack allows for it',
      categories.map((_, i) => `${i}`),
      series,
    );
    expect(block.title.length).toBeLessThanOrEqual(50);
    expect(block.chart.type === 'bar' && block.chart.series.length).toBe(6);
    expect(block.chart.type === 'bar' && block.chart.axis_config.categories.length).toBe(20);
    expect(chartProblems([block])).toEqual([]);
    const long = barChart('t', categories, series).chart;
    expect(long.type === 'bar' ? long.axis_config.categories.every((c) => c.length <= 20) : false).toBe(true);
  });

  it('says what breaks the limits: three charts, a long title, seven series, repeated names, a label off the axis, an empty pie', () => {
    expect(chartProblems([bar(), bar(), bar()])).toEqual(['3 charts in one message (at most 2)']);
    expect(chartProblems([bar(), bar(), bar()], false)).toEqual([]);
    expect(chartProblems([bar({ title: 'x'.repeat(51) })])).toEqual(['chart 1: title of 51 characters (1-50)']);
    const seven = barChart('t', ['a'], [{ name: 'x', values: [1] }]);
    if (seven.chart.type !== 'pie') seven.chart.series = Array.from({ length: 7 }, (_, i) => ({ name: `s${i}`, data: [{ label: 'a', value: 1 }] }));
    expect(chartProblems([seven])).toContain('chart 1: 7 series (1-6)');
    const twice = barChart(
      't',
      ['a'],
      [
        { name: 'Done', values: [1] },
        { name: 'Done', values: [2] },
      ],
    );
    expect(chartProblems([twice])).toContain('chart 1: series names repeat');
    const off = barChart('t', ['a'], [{ name: 'Done', values: [1] }]);
    if (off.chart.type !== 'pie') off.chart.series[0]!.data.push({ label: 'b', value: 1 });
    expect(chartProblems([off])).toContain('chart 1: "b" of "Done" is no category');
    const pie = (segments: { label: string; value: number }[]): DataVisualizationBlock => ({
      type: 'data_visualization',
      title: 'Pie',
      chart: { type: 'pie', segments },
    });
    expect(chartProblems([pie([])])).toEqual(['chart 1: 0 segments (1-6)']);
    expect(chartProblems([pie([{ label: 'none', value: 0 }])])).toEqual(['chart 1: segment "none"']);
  });

  it('says a chart in words from its own numbers', () => {
    const block = barChart(
      't',
      ['B1', 'T1'],
      [
        { name: 'Done', values: [1, 2] },
        { name: 'All', values: [3, 4] },
      ],
    );
    expect(chartInWords(block)).toBe('B1: Done 1, All 3; T1: Done 2, All 4');
  });
});
