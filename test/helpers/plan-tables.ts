import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { defaultDataDir, projectRoot } from '../../src/config.js';
import { occurrencesOf } from '../../src/domain/occurrences.js';
import { activityAnswer } from '../../src/domain/questions.js';
import type { Activity } from '../../src/domain/types.js';
import { formatProblem, importPlanSource } from '../../src/plan/import-plan.js';
import { openStores, type Stores } from '../../src/stores.js';
import { contextAt, loadedStores, tempDir } from './stores.js';

// Helpers of the tests of plans given as tables (a folder of CSV files, a workbook).

export const fixtures = path.join(projectRoot, 'test/fixtures/plans');
export const csvPlan = path.join(fixtures, 'lac-2023-2024-csv');
export const importedAt = '2024-01-01T00:00:00.000Z';

/** Text as typed from the source and as kept in the YAML: one space, straight quotes, no final period. */
const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/[“”]/g, '"').replace(/[’]/g, "'").trim().replace(/\.$/, '');

/** What an activity means for the bot: its agencies, schedule, kind and references, texts compared as words. */
function meaning(a: Activity) {
  return {
    id: a.id,
    priorityId: a.priorityId,
    number: a.number,
    text: norm(a.text),
    references: a.references.map(norm),
    workstreams: a.workstreams,
    lead: { agencies: a.lead.agencies, wording: norm(a.lead.wording) },
    support: { ...a.support, wording: norm(a.support.wording) },
    kind: a.kind,
    schedule: a.schedule,
  };
}

export async function importedStores(source: string): Promise<Stores> {
  const stores = openStores(path.join(tempDir(), 'gcm.sqlite'));
  const r = await importPlanSource(stores, source, defaultDataDir, importedAt);
  if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
  return stores;
}

export async function expectSameAsYaml(source: string) {
  const yaml = loadedStores();
  const tables = await importedStores(source);
  try {
    const planId = 'lac-2023-2024';
    const fromYaml = yaml.plans.activities(planId);
    const fromTables = tables.plans.activities(planId);
    expect(fromTables.map((a) => a.id)).toEqual(fromYaml.map((a) => a.id));
    expect(fromTables).toHaveLength(26);
    const plan = yaml.plans.plan(planId)!;
    expect(tables.plans.plan(planId)).toMatchObject({
      periodStart: plan.periodStart,
      periodEnd: plan.periodEnd,
      coLeads: plan.coLeads,
      endorsed: plan.endorsed,
    });
    expect(tables.plans.priorities(planId).map((p) => [p.id, p.kind, p.objectives])).toEqual(
      yaml.plans.priorities(planId).map((p) => [p.id, p.kind, p.objectives]),
    );
    for (const a of fromYaml) {
      const b = tables.plans.activity(planId, a.id)!;
      expect(meaning(b), a.id).toEqual(meaning(a));
      expect(occurrencesOf(b, plan), a.id).toEqual(occurrencesOf(a, plan));
      // The answer of `activity X`: the same states, occurrences and agencies (texts compared as words).
      const answer = (s: Stores) => {
        const r = activityAnswer(contextAt(s, '2023-10-02T10:00'), s.plans.plan(planId)!, a.id, 'en');
        return r.kind === 'activity' ? r.items.map((i) => ({ ...i.state, activity: meaning(i.state.activity), priority: i.priority.id })) : r;
      };
      expect(answer(tables), a.id).toEqual(answer(yaml));
    }
  } finally {
    tables.close();
  }
}

function bytes(db: string): string {
  return [db, `${db}-wal`].map((f) => (existsSync(f) ? readFileSync(f).toString('base64') : '')).join('|');
}

/** Imports `source` into a database holding the YAML plan: refused, every problem listed, not a byte changed. */
export async function expectRefused(source: string): Promise<string[]> {
  const db = path.join(tempDir(), 'gcm.sqlite');
  loadedStores(db).close();
  const before = bytes(db);
  const stores = openStores(db);
  const r = await importPlanSource(stores, source, defaultDataDir, '2024-06-01T00:00:00.000Z');
  stores.close();
  expect(r.ok).toBe(false);
  expect(bytes(db)).toBe(before);
  return r.ok ? [] : r.problems.map((p) => formatProblem(p));
}
