import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/config.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { syntheticPlan } from '../../src/plan/synthetic-plan.js';
import { openStores, type Stores } from '../../src/stores.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

// An agency's profile reads its counts from agency_counts, which the import counts as it writes the activities:
// they must be what the activities' agency rows say, whatever an activity names in both roles or with the
// whole Network's support.
const fromLinks = `SELECT aa.agency_id, count(DISTINCT CASE WHEN aa.role = 'lead' THEN aa.activity_id END) AS leads,
    count(DISTINCT CASE WHEN aa.role = 'support' THEN aa.activity_id END) AS supports,
    count(DISTINCT CASE WHEN a.support_network = 1 THEN aa.activity_id END) AS network_named
  FROM activity_agencies aa JOIN activities a ON a.plan_id = aa.plan_id AND a.id = aa.activity_id
  WHERE aa.plan_id = ? GROUP BY aa.agency_id ORDER BY aa.agency_id`;
const stored = 'SELECT agency_id, leads, supports, network_named FROM agency_counts WHERE plan_id = ? ORDER BY agency_id';

function expectCountsOfLinks(stores: Stores, planId: string): void {
  const counts = stores.db.prepare(stored).all(planId);
  expect(counts.length).toBeGreaterThan(5);
  expect(counts).toEqual(stores.db.prepare(fromLinks).all(planId));
}

// A priority's count of activities and the plan's count of those the whole Network supports, counted as the
// activities are written: what the aggregates over the activities' rows give, and no index left on the flag.
const priorityCounts = 'SELECT plan_id, priority_id, activities FROM priority_counts WHERE plan_id = ? ORDER BY rowid';
const priorityAggregate = 'SELECT plan_id, priority_id, count(*) AS activities FROM activities WHERE plan_id = ? GROUP BY priority_id ORDER BY priority_id';
const networkSupported = 'SELECT network_supported FROM plans WHERE id = ?';
const networkAggregate = 'SELECT count(*) FROM activities WHERE plan_id = ? AND support_network = 1';

describe("the priorities' and the Network's counts an import writes", () => {
  it("are the aggregates of the plan's activities, with no index of the activities by the Network's support", () => {
    const plan = syntheticPlan(130, 'counts');
    plan.priorities.forEach((p, i) => {
      p.activities.forEach((a, j) => {
        a.support = { ...a.support, network: (i + j) % 3 === 0 };
      });
    });
    // A priority with no activity has no count, as the aggregate gives none.
    plan.priorities[1]!.activities = [];
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, stringify(plan, { aliasDuplicateObjects: false }));
    for (const stores of [loadedStores(), openStores(':memory:')]) {
      try {
        const r = importPlanFile(stores, file, defaultDataDir, '2024-01-01T00:00:00.000Z');
        expect(r.ok).toBe(true);
        const ids = stores.db.prepare<[], string>('SELECT id FROM plans ORDER BY id').pluck().all();
        expect(ids.length).toBeGreaterThan(0);
        for (const id of ids) {
          const counts = stores.db.prepare(priorityCounts).all(id);
          expect(counts.length).toBeGreaterThan(1);
          expect(counts).toEqual(stores.db.prepare(priorityAggregate).all(id));
          const network = stores.db.prepare(networkSupported).pluck().get(id);
          expect(network).toBe(stores.db.prepare(networkAggregate).pluck().get(id));
        }
        expect(stores.db.prepare('SELECT network_supported FROM plans WHERE id = ?').pluck().get('counts')).toBeGreaterThan(0);
        const onFlag = stores.db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '%support_network%'").pluck().all();
        expect(onFlag).toEqual([]);
      } finally {
        stores.close();
      }
    }
  });
});

describe("the agencies' counts an import writes", () => {
  it('are those of the real plan’s agency rows', () => {
    const stores = loadedStores();
    const [plan] = stores.db.prepare<[], string>('SELECT id FROM plans').pluck().all();
    expectCountsOfLinks(stores, plan!);
  });

  it('count an activity once per role and once among the Network-supported, whatever it names twice', () => {
    const plan = syntheticPlan(120, 'counts');
    plan.priorities.forEach((p, i) => {
      const a = p.activities[i]!;
      a.support = { network: i % 2 === 0, agencies: [a.lead.agencies[0]!, 'WFP'], wording: 'both' };
    });
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, stringify(plan, { aliasDuplicateObjects: false }));
    const stores = openStores(':memory:');
    try {
      const r = importPlanFile(stores, file, defaultDataDir, '2024-01-01T00:00:00.000Z');
      expect(r.ok).toBe(true);
      expectCountsOfLinks(stores, 'counts');
      // IOM leads in 4 of every 6 synthetic activities: a count the aggregate above could get wrong only with the rows.
      const iom = stores.db.prepare<[], { leads: number }>("SELECT leads FROM agency_counts WHERE plan_id = 'counts' AND agency_id = 'IOM'").get();
      expect(iom?.leads).toBe(80);
    } finally {
      stores.close();
    }
  });
});
