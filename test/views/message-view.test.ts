import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/config.js';
import { askQuestion } from '../../src/commands/ask.js';
import { homeData } from '../../src/domain/home.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { syntheticPlanYaml } from '../../src/plan/synthetic-plan.js';
import { chartProblems, type MessageBlock } from '../../src/views/chart.js';
import { answerMessage } from '../../src/views/message-view.js';
import { homeView } from '../../src/views/home-view.js';
import { openStores } from '../../src/stores.js';
import { contextAt, loadedStores, tempDir } from '../helpers/stores.js';

/** Every Slack limit a message or Home must respect (platform-facts.md). */
function expectInsideLimits(blocks: MessageBlock[], maxBlocks: number) {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  // The chart block's limits (title, two a message, series, categories): src/views/chart.ts.
  expect(chartProblems(blocks, maxBlocks === 50)).toEqual([]);
  for (const b of blocks) {
    if (b.type === 'data_visualization') continue;
    if (b.type === 'section') {
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
      if (b.fields) {
        expect(b.fields.length).toBeLessThanOrEqual(10);
        for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(2000);
      }
    }
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(10);
    if (b.type === 'actions') {
      expect(b.elements.length).toBeLessThanOrEqual(25);
      for (const e of b.elements) {
        if (e.type === 'button') {
          expect(e.text.text.length).toBeLessThanOrEqual(75);
          expect((e.value ?? '').length).toBeLessThanOrEqual(2000);
          expect(e.action_id!.length).toBeLessThanOrEqual(255);
        }
      }
      const ids = b.elements.map((e) => ('action_id' in e ? e.action_id : ''));
      expect(new Set(ids).size).toBe(ids.length);
    }
    if (b.block_id) expect(b.block_id.length).toBeLessThanOrEqual(255);
  }
}

function bigStores(n: number) {
  const stores = openStores(':memory:');
  const file = path.join(tempDir(), 'plan.yaml');
  writeFileSync(file, syntheticPlanYaml(n, 'big'));
  const r = importPlanFile(stores, file, defaultDataDir, '2024-01-01T00:00:00Z');
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return stores;
}

const commands = [
  'help',
  'objective 23',
  'objective 2',
  'objective',
  'activity B1.3',
  'activity 1.1',
  'agency IOM',
  'agency UNFPA',
  'agency OCHA',
  'agency',
  'priority T1',
  'priority',
  'search migrants',
  'search zzz',
  'upcoming',
  'progress',
  'coverage',
  'cobertura plan:lac-2023-2024',
  'principles',
  'objective 99',
  'activity B9.9',
];

describe('Slack views of every answer', () => {
  it.each(commands)('"%s" on the real plan: inside Slack\'s limits, with a text fallback', (cmd) => {
    const stores = loadedStores();
    const a = askQuestion(contextAt(stores, '2024-04-24T10:00:00'), cmd, 'en');
    const msg = answerMessage(a, stores.directory(), { command: cmd, interactive: true });
    expect(msg.text.length).toBeGreaterThan(0);
    expect(msg.text.length).toBeLessThanOrEqual(300);
    expectInsideLimits(msg.blocks, 50);
  });

  it.each(['agency IOM', 'objective 23', 'priority B1', 'upcoming', 'search synthetic', 'agency UNFPA', 'coverage'])(
    '"%s" on a plan of 3,000 activities is cut with "…and N more"',
    (cmd) => {
      const stores = bigStores(3000);
      const a = askQuestion(contextAt(stores, '2024-04-24T10:00:00'), cmd, 'en');
      const msg = answerMessage(a, stores.directory(), { command: cmd, interactive: true });
      expectInsideLimits(msg.blocks, 50);
      if (cmd === 'agency IOM' || cmd === 'objective 23' || cmd === 'priority B1') expect(JSON.stringify(msg.blocks)).toMatch(/…and \d+ more/);
      if (cmd === 'agency IOM') expect(JSON.stringify(msg.blocks)).toContain('Mandate');
      stores.close();
    },
  );

  it('the App Home stays within 100 blocks on a plan of 3,000 activities, with an agency picked', () => {
    const stores = bigStores(3000);
    const ctx = contextAt(stores, '2024-04-24T10:00:00');
    const view = homeView(homeData(ctx, 'IOM', 'es'), stores.directory());
    expectInsideLimits(view.blocks as MessageBlock[], 100);
    expect(JSON.stringify(view).length).toBeLessThan(250_000);
    expect(JSON.stringify(view)).toMatch(/…y \d+ más/);
    stores.close();
  });

  it('the App Home without an agency, in English', () => {
    const stores = loadedStores();
    const view = homeView(homeData(contextAt(stores, '2024-04-24T10:00:00'), null, 'en'), stores.directory());
    const text = JSON.stringify(view);
    expect(text).toContain('Progress of the plan');
    expect(text).toContain('Pick your agency to see what it leads and supports.');
    expect(text).toContain('0 of 6 activities done');
  });

  it('after the plan ended, the App Home says so and whom to ask about the next, without a terminal command', () => {
    const stores = loadedStores();
    const view = homeView(homeData(contextAt(stores, '2026-11-23T10:00:00'), null, 'en'), stores.directory());
    expect(JSON.stringify(view)).toContain('The next plan is loaded by the co-chairs');
    expect(JSON.stringify(view)).not.toContain('plan:import');
  });

  it('a button value fits even for the longest command text', () => {
    const stores = loadedStores();
    const cmd = `activity B1.3 ${'x'.repeat(490)}`;
    const a = askQuestion(contextAt(stores, '2024-04-24T10:00:00'), 'activity B1.3', 'en');
    expectInsideLimits(answerMessage(a, stores.directory(), { command: cmd, interactive: true }).blocks, 50);
  });
});
