import { describe, expect, it } from 'vitest';
import { coverageOf, isServed } from '../../src/domain/coverage.js';
import { contextAt, loadedStores } from '../helpers/stores.js';

const plan = 'lac-2023-2024';
const by = { userId: 'U1', source: 'test' };

describe('GCM coverage of the plan', () => {
  it('the 2023-2024 plan serves 14 objectives through its thematic priorities and leaves 9 unserved', () => {
    const stores = loadedStores();
    const ctx = contextAt(stores, '2024-04-24T10:00:00');
    const c = coverageOf(ctx, stores.plans.plan(plan)!);
    expect(c.objectives.map((o) => o.objective.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(c.objectives.filter(isServed).map((o) => o.objective.number)).toEqual([1, 5, 6, 7, 8, 9, 10, 15, 16, 17, 19, 21, 22, 23]);
    expect(c.objectives.filter((o) => !isServed(o)).map((o) => o.objective.number)).toEqual([2, 3, 4, 11, 12, 13, 14, 18, 20]);
    // Only thematic priorities serve an objective; the basic ones serve the Compact as a whole.
    expect(c.objectives.flatMap((o) => o.priorities.map((p) => p.priority.kind))).not.toContain('basic');
    expect(c.basic.map((p) => p.id)).toEqual(['B1', 'B2', 'B3', 'B4']);
    const o23 = c.objectives[22]!;
    expect(o23.priorities.map((p) => p.priority.id)).toEqual(['T1', 'T2', 'T3']);
    expect(o23.activities).toBe(8);
    stores.close();
  });

  it('counts an occurrence marked done for every objective its priority serves', () => {
    const stores = loadedStores();
    stores.state.markDone(plan, 'T1.1', 'T1.1', by, '2024-04-20T12:00:00Z');
    const c = coverageOf(contextAt(stores, '2024-04-24T10:00:00'), stores.plans.plan(plan)!);
    for (const n of [1, 8, 23]) expect(c.objectives[n - 1]!.occurrencesDone).toBe(1);
    expect(c.objectives[4]!.occurrencesDone).toBe(0);
    const t1 = c.objectives[0]!.priorities[0]!.activities.find((a) => a.activity.id === 'T1.1')!;
    expect([t1.done, t1.total]).toEqual([1, 1]);
    stores.close();
  });
});
