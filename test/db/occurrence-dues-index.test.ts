import { describe, expect, it } from 'vitest';
import { PlanStore } from '../../src/db/plan-store.js';
import { loadedStores } from '../helpers/stores.js';

// occurrence_dues, which an import rebuilds (344,447 rows at 100,000 activities), has one index besides its primary
// key (migration 16), built once at each import; every read of the minute's pass searches it or the key, none
// reads the whole plan's occurrences.

/** The statements a new PlanStore prepares on `stores.db` that read occurrence_dues, once the pass's reads ran. */
function passStatements(): { sql: string[]; db: ReturnType<typeof loadedStores>['db']; planId: string } {
  const stores = loadedStores();
  const db = stores.db;
  const planId = stores.plans.plans()[0]!.id;
  const sql: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    sql.push(source);
    return prepare(source);
  }) as typeof db.prepare;
  const plans = new PlanStore(db);
  const window = { from: '2024-04-24', to: '2024-05-08' };
  plans.indexedOccurrences(planId, window);
  plans.indexedOccurrences(planId, { from: null, to: '2024-04-24', unrecordedFollowup: true });
  for (const n of [1, 2, 3]) {
    const gaps = Array.from({ length: n }, (_, i) => ({ offset: 7 - i, to: '2024-05-01' }));
    plans.indexedOccurrences(planId, { ...window, unrecordedReminders: gaps });
  }
  db.prepare = prepare;
  return { sql: sql.filter((s) => /FROM occurrence_dues/.test(s) && !/^\s*UPDATE/.test(s)), db, planId };
}

describe("occurrence_dues' index", () => {
  it('is one, on the plan, whether the follow-up is recorded, the due date and the reminders recorded', () => {
    const stores = loadedStores();
    const indexes = stores.db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'occurrence_dues' AND sql IS NOT NULL",
      )
      .all();
    expect(indexes.map((i) => i.name)).toEqual(['occurrence_dues_window']);
    expect(indexes[0]!.sql).toContain('(plan_id, followup_recorded, due, reminded)');
  });

  it("is searched by every read of the minute's pass, which never reads the plan's occurrences whole", () => {
    const { sql, db, planId } = passStatements();
    // the occurrences due in a window, the follow-ups not recorded, and the reminders not recorded for 1 to 3 offsets
    expect(sql).toHaveLength(5);
    const values = { planId, from: '2024-04-24', to: '2024-05-08', g0: '|7|', g1: '|6|', g2: '|5|', to0: '2024-05-01', to1: '2024-05-01', to2: '2024-05-01' };
    for (const source of sql) {
      const params = Object.fromEntries(Object.entries(values).filter(([k]) => source.includes(`@${k}`)));
      const plan = db
        .prepare<Record<string, string>, { detail: string }>(`EXPLAIN QUERY PLAN ${source}`)
        .all(params)
        .map((r) => r.detail)
        .filter((d) => /occurrence_dues/.test(d));
      expect(plan.length, source).toBeGreaterThan(0);
      for (const step of plan) {
        expect(step, source).toMatch(
          /^SEARCH occurrence_dues USING (COVERING )?INDEX occurrence_dues_window \(plan_id=\? AND followup_recorded=\? AND due>\? AND due<\?\)$|^SEARCH occurrence_dues USING PRIMARY KEY \(plan_id=\? AND occurrence_key=\?\)$/,
        );
      }
    }
  });
});
