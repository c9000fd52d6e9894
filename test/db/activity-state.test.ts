import { describe, expect, it } from 'vitest';
import { activityState, states } from '../../src/domain/questions.js';
import type { StatusChange, StatusKey } from '../../src/domain/types.js';
import { contextAt, loadedStores } from '../helpers/stores.js';

const actor = { userId: 'U0COCHAIR', source: 'test' };

function change(planId: string, activityId: string, key: string, status: StatusKey, at: string, date: string | null = null): StatusChange {
  return { planId, activityId, key, status, date, note: null, links: [], by: actor.userId, source: actor.source, at };
}

describe("one activity's state, read from its own rows", () => {
  it("reads an activity's statuses and meeting dates, the latest of each, and none of an activity whose id starts with its own", () => {
    const stores = loadedStores();
    const plan = 'lac-2023-2024';
    const s = stores.state;
    s.changeStatus(change(plan, 'X1.1', 'X1.1@2024-05', 'in_progress', '2024-04-01T12:00:00.000Z'));
    s.changeStatus(change(plan, 'X1.1', 'X1.1@2024-05', 'postponed', '2024-04-02T12:00:00.000Z', '2024-06-03'));
    s.changeStatus(change(plan, 'X1.1', 'X1.1@2024-06', 'cancelled', '2024-04-03T12:00:00.000Z'));
    s.changeStatus(change(plan, 'X1.10', 'X1.10@2024-05', 'done', '2024-04-04T12:00:00.000Z'));
    s.changeStatus(change(plan, 'X1.1.1', 'X1.1.1', 'in_progress', '2024-04-05T12:00:00.000Z'));
    s.changeStatus(change(plan, 'X1', 'X1@2024-05', 'in_progress', '2024-04-06T12:00:00.000Z'));
    s.setMeetingDate(plan, 'X1.1', 'X1.1@2024-07', '2024-07-09', actor, '2024-04-07T12:00:00.000Z');
    s.setMeetingDate(plan, 'X1.10', 'X1.10@2024-07', '2024-07-10', actor, '2024-04-07T12:00:00.000Z');
    s.setMeetingDate(plan, 'X1.1.1', 'X1.1.1', '2024-07-11', actor, '2024-04-07T12:00:00.000Z');

    const statuses = s.statusesOf(plan, 'X1.1');
    expect([...statuses.keys()].sort()).toEqual(['X1.1@2024-05', 'X1.1@2024-06']);
    expect(statuses.get('X1.1@2024-05')).toMatchObject({ status: 'postponed', date: '2024-06-03' });
    expect(statuses.get('X1.1@2024-06')).toMatchObject({ status: 'cancelled' });
    expect([...s.statusesOf(plan, 'X1.10').keys()]).toEqual(['X1.10@2024-05']);
    expect([...s.statusesOf(plan, 'X1').keys()]).toEqual(['X1@2024-05']);
    expect(s.statusesOf('another-plan', 'X1.1').size).toBe(0);
    expect([...s.meetingDatesOf(plan, 'X1.1')]).toEqual([['X1.1@2024-07', '2024-07-09']]);
    expect([...s.meetingDatesOf(plan, 'X1.1.1')]).toEqual([['X1.1.1', '2024-07-11']]);
    // The plan-wide reads hold every one of them: the activity's are a part of those.
    expect(s.statuses(plan).get('X1.1@2024-05')).toEqual(statuses.get('X1.1@2024-05'));
  });

  it("is, for every activity of the real plan, what the plan-wide read gives it, with statuses, dates and marks on other activities' occurrences", () => {
    const stores = loadedStores();
    const ctx = contextAt(stores, '2024-04-24T10:00:00');
    const plan = stores.plans.plans()[0]!;
    const all = states(ctx, plan, stores.plans.activities(plan.id));
    const keys = all.flatMap((a) => a.occurrences.map((o) => o.key));
    const statuses: StatusKey[] = ['in_progress', 'postponed', 'cancelled', 'done'];
    keys.forEach((key, i) => {
      const activityId = key.split('@')[0]!;
      if (i % 3 === 0) stores.state.markDone(plan.id, activityId, key, actor, `2024-04-0${(i % 9) + 1}T12:00:00.000Z`);
      else if (i % 3 === 1) {
        const status = statuses[i % statuses.length]!;
        stores.state.changeStatus(change(plan.id, activityId, key, status, '2024-04-10T12:00:00.000Z', status === 'postponed' ? '2024-12-02' : null));
      } else stores.state.setMeetingDate(plan.id, activityId, key, '2024-05-15', actor, '2024-04-11T12:00:00.000Z');
    });
    const activities = stores.plans.activities(plan.id);
    const wide = states(ctx, plan, activities);
    expect(wide.some((a) => a.done.size > 0 && a.statuses.size > 1)).toBe(true);
    expect(activities.map((a) => activityState(ctx, plan, a))).toEqual(wide);
  });
});
