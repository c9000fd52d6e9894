import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStores } from '../../src/stores.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

const plan = 'lac-2023-2024';
const actor = { userId: 'U0COCHAIR', source: 'test' };

describe('what a Mark done click reads', () => {
  it("an activity's schedule and its plan's period, as the whole reads give them; null for an activity or plan not stored", () => {
    const stores = loadedStores();
    for (const id of ['B1.2', 'B1.5', 'T1.1']) {
      const whole = stores.plans.activity(plan, id)!;
      const info = stores.plans.plan(plan)!;
      expect(stores.plans.activitySchedule(plan, id)).toEqual({
        plan: { id: plan, periodStart: info.periodStart, periodEnd: info.periodEnd },
        activity: { id, kind: whole.kind, schedule: whole.schedule },
      });
    }
    expect(stores.plans.activitySchedule(plan, 'B9.9')).toBeNull();
    expect(stores.plans.activitySchedule('another-plan', 'B1.2')).toBeNull();
  });

  it('a mark already there is answered while another connection holds the write lock; a new mark still waits for it', () => {
    const file = path.join(tempDir(), 'bot.sqlite');
    const stores = loadedStores(file);
    expect(stores.state.markDone(plan, 'B1.5', 'B1.5', actor, '2024-04-24T10:00:00.000Z').changed).toBe(true);
    const other = openStores(file);
    other.db.pragma('busy_timeout = 0');
    stores.db.pragma('busy_timeout = 0');
    other.db.prepare('BEGIN IMMEDIATE').run();
    try {
      const again = stores.state.markDone(plan, 'B1.5', 'B1.5', { ...actor, userId: 'U0OTHER' }, '2024-04-24T11:00:00.000Z');
      expect(again).toEqual({ changed: false, completion: expect.objectContaining({ doneBy: 'U0COCHAIR', doneAt: '2024-04-24T10:00:00.000Z' }) });
      // A mark not there takes the lock to write: it is refused while the other holds it, and nothing is written.
      expect(() => stores.state.markDone(plan, 'B1.2', 'B1.2@2024-05', actor, '2024-04-24T11:00:00.000Z')).toThrow(/locked|busy/i);
    } finally {
      other.db.prepare('ROLLBACK').run();
    }
    expect(stores.state.completions(plan).has('B1.2@2024-05')).toBe(false);
    expect(stores.state.auditCount()).toBe(1);
    other.close();
  });
});
