import { describe, expect, it } from 'vitest';
import { homeData } from '../../src/domain/home.js';
import { statusLabel } from '../../src/i18n/messages.js';
import { chartProblems, type MessageBlock } from '../../src/views/chart.js';
import { homeView } from '../../src/views/home-view.js';
import { contextAt, loadedStores } from '../helpers/stores.js';

const plan = 'lac-2023-2024';
const by = { userId: 'U1', source: 'test' };
const text = (b: MessageBlock) => (b.type === 'section' ? (b.text?.text ?? '') : '');

describe("the App Home's progress chart", () => {
  it.each(['en', 'es'] as const)('sits above the rows of text and shows the numbers they say in words (%s)', (lang) => {
    const stores = loadedStores();
    stores.state.markDone(plan, 'T1.1', 'T1.1', by, '2024-04-20T12:00:00Z');
    stores.state.markDone(plan, 'B1.3', 'B1.3@2024-04', by, '2024-04-20T12:00:00Z');
    const d = homeData(contextAt(stores, '2024-04-24T10:00:00'), null, lang);
    const blocks = homeView(d, stores.directory()).blocks as MessageBlock[];
    expect(chartProblems(blocks, false)).toEqual([]);
    const at = blocks.findIndex((b) => b.type === 'data_visualization');
    const chart = blocks[at]!;
    if (chart.type !== 'data_visualization' || chart.chart.type !== 'bar') throw new Error('no bar chart on the Home');
    expect(chart.chart.axis_config.categories).toEqual(d.progress.map((p) => p.priority.id));
    const done = chart.chart.series.find((s) => s.name === statusLabel(lang, 'done'))!;
    expect(done.data.find((p) => p.label === 'T1')!.value).toBe(1);
    expect(done.data.find((p) => p.label === 'B1')!.value).toBe(1);
    for (const [i, p] of d.progress.entries()) {
      const row = blocks.findIndex((b) => text(b).startsWith(`*${p.priority.id}* `));
      expect(row).toBeGreaterThan(at);
      for (const s of chart.chart.series) expect(text(blocks[row]!)).toContain(`${s.name} ${s.data[i]!.value}`);
    }
    stores.close();
  });
});
