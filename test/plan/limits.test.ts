import { copyFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlanCheck } from '../../src/cli/plan-check.js';
import { runPlanImport } from '../../src/cli/plan-import.js';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { formatProblem, importPlanSource } from '../../src/plan/import-plan.js';
import { planLimits } from '../../src/plan/limits.js';
import { loadedStores, tempDir } from '../helpers/stores.js';
import { csvPlan } from '../helpers/plan-tables.js';

const realPlan = readFileSync(defaultPlanFile, 'utf8');

/** plan:check, plan:import and the bot's start-up import of GCM_PLAN, each on `file`; the database is one with the real plan. */
async function refusedEverywhere(file: string): Promise<{ check: string[]; imported: string[]; startup: string[] }> {
  const check: string[] = [];
  expect(await runPlanCheck([file], (s) => check.push(s), defaultDataDir)).toBe(1);

  const dbFile = path.join(tempDir(), 'gcm.sqlite');
  const stores = loadedStores(dbFile);
  const before = { plans: stores.plans.plans(), version: stores.version(), activities: stores.plans.activityCount('lac-2023-2024') };
  const startup = await importPlanSource(stores, file, defaultDataDir, '2024-04-24T14:00:00.000Z', true);
  expect(startup.ok).toBe(false);
  const imported: string[] = [];
  expect(await runPlanImport([file], { DATABASE_PATH: dbFile }, (s) => imported.push(s))).toBe(1);
  expect({ plans: stores.plans.plans(), version: stores.version(), activities: stores.plans.activityCount('lac-2023-2024') }).toEqual(before);
  return { check, imported, startup: startup.ok ? [] : startup.problems.map((p) => formatProblem(p)) };
}

/** Each refusal: one line naming the file (and line when there is one), the place and the limit; no stack trace. */
function expectOneLine(r: { check: string[]; imported: string[]; startup: string[] }, line: RegExp): void {
  expect(r.check).toEqual(['1 problem:', expect.stringMatching(line)]);
  expect(r.startup).toEqual([expect.stringMatching(line)]);
  expect(r.imported.join('\n')).toMatch(line);
  for (const text of [...r.check, ...r.imported, ...r.startup]) expect(text).not.toMatch(/\n\s+at |Error:|heap/);
}

describe('bounded plan inputs', () => {
  it('refuses the alias bomb (1 MB reusing one long string) in one line naming the line', async () => {
    const file = path.join(tempDir(), 'bomb.yaml');
    const head = `id: bomb\nlong: &s "${'A'.repeat(4000)}"\npriorities:\n  - id: B1\n    activities:\n`;
    let body = '';
    while (head.length + body.length < 1024 * 1024) body += '      - text: *s\n';
    writeFileSync(file, head + body);
    const r = await refusedEverywhere(file);
    expectOneLine(r, /bomb\.yaml:\d+ \(yaml\): anchors and aliases \(&name, \*name\) are not allowed in data files: write each value out$/);
  });

  it('refuses an anchor even without an alias, naming its line', async () => {
    const file = path.join(tempDir(), 'anchor.yaml');
    writeFileSync(file, realPlan.replace('title: Work Plan 2023-2024\n', 'title: &t Work Plan 2023-2024\n'));
    const line = realPlan.split('\n').indexOf('title: Work Plan 2023-2024') + 1;
    const r = await refusedEverywhere(file);
    expectOneLine(r, new RegExp(`anchor\\.yaml:${line} \\(yaml\\): anchors and aliases`));
  });

  it('refuses a 200 MB file by its size, before reading it', async () => {
    const file = path.join(tempDir(), 'huge.yaml');
    writeFileSync(file, '');
    truncateSync(file, 200 * 1024 * 1024); // sparse: no disk used, and reading it would be 200 MB of NULs, not this message
    const r = await refusedEverywhere(file);
    expectOneLine(r, /huge\.yaml \(file\): the file is 200\.0 MB, over the limit of 100 MB$/);
  });

  it('refuses an over-long text, naming the activity and its line', async () => {
    const file = path.join(tempDir(), 'long.yaml');
    const long = 'x'.repeat(planLimits.textChars + 1);
    const at = realPlan.indexOf('\n      - id: B1.1\n');
    const textAt = realPlan.indexOf('        text: ', at);
    const lineEnd = realPlan.indexOf('\n', textAt);
    writeFileSync(file, `${realPlan.slice(0, textAt)}        text: ${long}${realPlan.slice(lineEnd)}`);
    const line = realPlan.slice(0, textAt).split('\n').length;
    const r = await refusedEverywhere(file);
    expectOneLine(r, new RegExp(`long\\.yaml:${line} priorities\\[0\\]\\.activities\\[0\\]\\.text: a text of [\\d,]+ characters, over the limit of 5,000$`));
  });

  it('refuses a plan with too many activities, before validating them', async () => {
    const file = path.join(tempDir(), 'many.json');
    const activities = Array.from({ length: planLimits.activities + 1 }, () => 0);
    writeFileSync(file, JSON.stringify({ id: 'many', priorities: [{ id: 'B1', activities }] }));
    const r = await refusedEverywhere(file);
    expectOneLine(r, /many\.json:1 priorities: 100,001 activities, over the limit of 100,000$/);
  });

  it('refuses a plan with too many priorities', async () => {
    const file = path.join(tempDir(), 'priorities.yaml');
    writeFileSync(file, `id: p\npriorities:\n${'  - {}\n'.repeat(planLimits.priorities + 1)}`);
    const r = await refusedEverywhere(file);
    expectOneLine(r, /priorities\.yaml:3 priorities: 101 priorities, over the limit of 100$/);
  });

  it('refuses an over-long text in a CSV plan, naming its cell', async () => {
    const dir = tempDir();
    for (const name of readdirSync(csvPlan)) copyFileSync(path.join(csvPlan, name), path.join(dir, name));
    const rows = parse(readFileSync(path.join(dir, 'activities.csv'), 'utf8')) as string[][];
    rows[1]![1] = `1.1. ${'y'.repeat(planLimits.textChars + 1)}`;
    writeFileSync(path.join(dir, 'activities.csv'), stringify(rows));
    const r = await refusedEverywhere(dir);
    expectOneLine(r, /activities\.csv:Activities:2:B \(Activity\): a text of 5,001 characters, over the limit of 5,000 \("1\.1\. y{55}…"\)$/);
  });

  it('keeps search snippets short whatever a valid plan holds (a text of one 5,000-character word)', () => {
    const file = path.join(tempDir(), 'wordy.yaml');
    const at = realPlan.indexOf('\n      - id: B1.1\n');
    const textAt = realPlan.indexOf('        text: ', at);
    const lineEnd = realPlan.indexOf('\n', textAt);
    const text = `Organize ${'w'.repeat(4000)} meetings`; // the plan's two lines of text follow it
    writeFileSync(file, `${realPlan.slice(0, textAt)}        text: ${text}${realPlan.slice(lineEnd)}`);
    const stores = loadedStores(':memory:', file);
    const hits = stores.plans.search('lac-2023-2024', 'wwwww', 5);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.snippet.length).toBeLessThanOrEqual(28 * 42 + 2);
    expect(hits[0]!.snippet).toContain(`*${'w'.repeat(39)}…*`);
  });

  it('still accepts the real plan', async () => {
    const out: string[] = [];
    expect(await runPlanCheck([defaultPlanFile], (s) => out.push(s), defaultDataDir)).toBe(0);
  });
});
