import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { remindedBackfill } from '../../src/db/migrations.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { loadedStores } from '../helpers/stores.js';

// An import rebuilds occurrence_dues and sets `reminded` (migration 14) from the plan's reminder records: found
// from those records, not by looking each of the plan's occurrences up in them, with the same values as
// migration 14's backfill of every plan gives.

describe("an import's reminded offsets", () => {
  it('are those migration 14 gives, read from the reminder records, not from every occurrence of the plan', () => {
    const stores = loadedStores();
    const planId = stores.plans.plans()[0]!.id;
    const keys = stores.db.prepare<[string], string>('SELECT occurrence_key FROM occurrence_dues WHERE plan_id = ? ORDER BY due').pluck().all(planId);
    const [a, b, c, d] = [keys[0]!, keys[1]!, keys[2]!, keys[3]!];
    const record = (key: string, kind: string, occurrenceKey: string | null, plan = planId) =>
      stores.reminders.record(
        {
          key,
          kind,
          planId: plan,
          occurrenceKey,
          activityId: occurrenceKey?.split('@')[0] ?? null,
          offsetDays: 7,
          dueDate: null,
          fireAt: '2024-01-01T09:00:00Z',
          late: false,
          channel: 'C1',
        },
        '2024-01-01T09:00:00Z',
      );
    record(`${planId}|${a}|7`, 'reminder', a);
    record(`${planId}|${a}|1`, 'reminder', a);
    record(`${planId}|${b}|2024-05-02|7`, 'reminder', b); // a postponed date's reminder: not an undated offset
    record(`${planId}|${c}|followup`, 'followup', c);
    record(`other-plan|${d}|7`, 'reminder', d, 'other-plan');
    record(`${planId}|${d}|14`, 'reminder', d);
    const r = importPlanFile(stores, defaultPlanFile, defaultDataDir, '2024-02-01T00:00:00.000Z');
    expect(r.ok).toBe(true);
    const reminded = () =>
      stores.db.prepare<[], [string, string]>("SELECT occurrence_key, reminded FROM occurrence_dues WHERE reminded <> '|' ORDER BY occurrence_key").raw().all();
    const imported = reminded();
    expect(imported).toEqual(
      [
        [a, '|7|1|'],
        [d, '|14|'],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
    // Migration 14's backfill of every plan, from nothing, gives the same.
    stores.db.transaction(() => {
      stores.db.exec("UPDATE occurrence_dues SET reminded = '|'");
      stores.db.exec(remindedBackfill(''));
      expect(reminded()).toEqual(imported);
    })();

    const plan = stores.db
      .prepare<{ planId: string }, { detail: string }>(`EXPLAIN QUERY PLAN ${remindedBackfill('@planId')}`)
      .all({ planId })
      .map((s) => s.detail);
    const occurrenceSteps = plan.filter((s) => /SEARCH occurrence_dues/.test(s));
    expect(occurrenceSteps).toEqual(['SEARCH occurrence_dues USING PRIMARY KEY (plan_id=? AND occurrence_key=?)']);
  });
});
