import { describe, expect, it } from 'vitest';
import { loadedStores } from '../helpers/stores.js';

describe("a priority's activities as a list reads them (objective and priority answers)", () => {
  it('each is the activity as stored, without its references, workstreams and supporting agencies, in plan order', () => {
    const { plans } = loadedStores();
    const plan = 'lac-2023-2024';
    for (const priority of plans.priorities(plan)) {
      const listed = plans.activitiesOfPriority(plan, priority.id);
      const full = plans.activities(plan).filter((a) => a.priorityId === priority.id);
      expect(listed.length).toBeGreaterThan(0);
      expect(listed).toEqual(full.map(({ references: _r, workstreams: _w, support: _s, ...shown }) => shown));
    }
  });

  it('at most `limit` of them, the first in plan order', () => {
    const { plans } = loadedStores();
    const all = plans.activitiesOfPriority('lac-2023-2024', 'B1');
    expect(all.length).toBeGreaterThan(2);
    expect(plans.activitiesOfPriority('lac-2023-2024', 'B1', 2)).toEqual(all.slice(0, 2));
  });
});
