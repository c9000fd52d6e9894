import fc from 'fast-check';
import { DateTime } from 'luxon';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/config.js';
import { planOccurrences } from '../../src/domain/occurrences.js';
import { dueFollowups, dueReminders, followupWindow, occurrencesInWindow, reminderWindow, type ReminderSettings } from '../../src/domain/reminders.js';
import type { Occurrence, PlanInfo, StatusKey } from '../../src/domain/types.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { syntheticPlanYaml } from '../../src/plan/synthetic-plan.js';
import { openStores, type Stores } from '../../src/stores.js';
import { loadedStores, tempDir, zone } from '../helpers/stores.js';

// The minute's pass reads only the occurrences that can be due in its window (issue 26.4): for any plan,
// statuses, meeting dates, completions, recorded keys and instant, the reminders and follow-ups it finds must
// be exactly those found on the whole plan.

const statuses: StatusKey[] = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'];
const actor = { userId: 'U0COCHAIR', source: 'cli' };
const day = (offset: number) => DateTime.fromISO('2023-04-01', { zone: 'UTC' }).plus({ days: offset }).toISODate()!;

/** One change a co-chair can make to an occurrence, drawn at random. */
const change = fc.record({
  pick: fc.nat(),
  what: fc.constantFrom('status', 'meeting_date', 'done', 'reopen'),
  status: fc.constantFrom(...statuses),
  date: fc.integer({ min: 0, max: 730 }).map(day),
});

const settingsArb = fc.record({
  days: fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { minLength: 1, maxLength: 3 }).map((d) => d.sort((a, b) => b - a)),
  time: fc.constantFrom('00:00', '09:00', '17:30', '23:59'),
  zone: fc.constantFrom(zone, 'UTC', 'America/Mexico_City'),
});

type Change = { pick: number; what: string; status: StatusKey; date: string };

function applyChanges(stores: Stores, plan: PlanInfo, all: Occurrence[], changes: Change[]): void {
  changes.forEach((c, i) => {
    const o = all[c.pick % all.length]!;
    const at = `2024-01-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z`;
    if (c.what === 'meeting_date') stores.state.setMeetingDate(plan.id, o.activityId, o.key, c.date, actor, at);
    else if (c.what === 'done') stores.state.markDone(plan.id, o.activityId, o.key, actor, at);
    else if (c.what === 'reopen') stores.state.reopen(plan.id, o.key, actor, at);
    else {
      const date = c.status === 'postponed' ? c.date : null;
      stores.state.changeStatus({
        planId: plan.id,
        activityId: o.activityId,
        key: o.key,
        status: c.status,
        date,
        note: null,
        links: [],
        by: 'cli',
        source: 'cli',
        at,
      });
    }
  });
}

/** Records some of what the whole plan says is due (as an earlier pass did), so that keys are recorded. */
function recordSome(stores: Stores, plan: PlanInfo, now: DateTime, s: ReminderSettings, every: number): void {
  const occ = planOccurrences(stores, plan);
  const done = stores.state.completions(plan.id);
  const recorded = stores.reminders.keysOfPlan(plan.id);
  const r = dueReminders(plan.id, occ, done, recorded, now, s);
  const f = dueFollowups(plan.id, occ, done, recorded, now, s);
  const keys = [...r.post, ...r.superseded].map((x) => ({ key: x.key, o: x.occurrence, kind: 'reminder' }));
  keys.push(...[...f.post, ...f.stale].map((x) => ({ key: x.key, o: x.occurrence, kind: 'followup' })));
  keys.forEach((k, i) => {
    if (i % every !== 0) return;
    const rec = {
      key: k.key,
      kind: k.kind,
      planId: plan.id,
      occurrenceKey: k.o.key,
      activityId: k.o.activityId,
      offsetDays: null,
      dueDate: k.o.due,
      fireAt: now.toUTC().toISO()!,
      late: false,
      channel: 'C1',
    };
    stores.reminders.record(rec, now.toUTC().toISO()!, 'skipped');
  });
}

/** What both ways find at `now`, as comparable lines. */
function dueBothWays(stores: Stores, plan: PlanInfo, now: DateTime, s: ReminderSettings) {
  const done = stores.state.completions(plan.id);
  const recorded = stores.reminders.keysOfPlan(plan.id);
  const whole = planOccurrences(stores, plan);
  const line = (key: string, at: DateTime) => `${key} ${at.toISO()}`;
  const reminders = (occ: Occurrence[]) => {
    const r = dueReminders(plan.id, occ, done, recorded, now, s);
    return { post: r.post.map((x) => line(x.key, x.fireAt)), other: r.superseded.map((x) => line(x.key, x.fireAt)).sort() };
  };
  const followups = (occ: Occurrence[]) => {
    const f = dueFollowups(plan.id, occ, done, recorded, now, s);
    return { post: f.post.map((x) => line(x.key, x.at)), other: f.stale.map((x) => line(x.key, x.at)).sort() };
  };
  return {
    whole: { reminders: reminders(whole), followups: followups(whole) },
    window: {
      reminders: reminders(occurrencesInWindow(stores, plan, reminderWindow(now, s))),
      followups: followups(occurrencesInWindow(stores, plan, followupWindow(now, s))),
    },
  };
}

const instant = fc.integer({ min: 0, max: 900 * 24 * 60 }).map((m) => DateTime.fromISO('2023-03-01T00:00:00Z').plus({ minutes: m }));

describe('the minute pass reads only the occurrences that can be due in its window', () => {
  it('finds exactly the reminders and follow-ups of the whole plan, whatever the statuses, dates, records and instant', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 25 }), instant, settingsArb, fc.integer({ min: 1, max: 4 }), (changes, now, s, every) => {
        const stores = loadedStores();
        const plan = stores.plans.plan('lac-2023-2024')!;
        applyChanges(stores, plan, planOccurrences(stores, plan), changes);
        recordSome(stores, plan, now.minus({ days: every * 3 }), s, every);
        const both = dueBothWays(stores, plan, now, s);
        expect(both.window).toEqual(both.whole);
      }),
      { numRuns: 40 },
    );
  });

  it('does so on generated plans of random sizes too', () => {
    const dir = tempDir();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.array(change, { maxLength: 10 }), instant, settingsArb, (n, changes, now, s) => {
        const file = path.join(dir, `plan-${n}.yaml`);
        writeFileSync(file, syntheticPlanYaml(n));
        const stores = openStores(':memory:');
        try {
          const r = importPlanFile(stores, file, defaultDataDir, '2024-01-01T00:00:00.000Z');
          if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
          const plan = stores.plans.plan(r.report.planId)!;
          applyChanges(stores, plan, planOccurrences(stores, plan), changes);
          recordSome(stores, plan, now.minus({ days: 2 }), s, 2);
          const both = dueBothWays(stores, plan, now, s);
          expect(both.window).toEqual(both.whole);
        } finally {
          stores.close();
        }
      }),
      { numRuns: 30 },
    );
  });

  it('reads the window from the index, not the whole plan', () => {
    const stores = loadedStores();
    const plan = stores.plans.plan('lac-2023-2024')!;
    const now = DateTime.fromISO('2024-04-24T10:00:00', { zone });
    const s = { days: [7, 1], time: '09:00', zone };
    const whole = planOccurrences(stores, plan).length;
    const window = occurrencesInWindow(stores, plan, reminderWindow(now, s));
    expect(window.length).toBeGreaterThan(0);
    expect(window.length).toBeLessThan(whole / 4);
    expect(window.every((o) => o.due! >= '2024-04-24' && o.due! <= '2024-05-04')).toBe(true);
  });

  it('once what came is recorded, reads only the occurrences whose reminder came since, not every one due soon', () => {
    const stores = loadedStores();
    const plan = stores.plans.plan('lac-2023-2024')!;
    const s = { days: [7, 1], time: '09:00', zone };
    const now = DateTime.fromISO('2024-04-24T10:00:00', { zone });
    recordSome(stores, plan, now, s, 1);
    const dueSoon = occurrencesInWindow(stores, plan, { from: '2024-04-24', to: '2024-05-04' });
    expect(dueSoon.length).toBeGreaterThan(0);
    expect(occurrencesInWindow(stores, plan, reminderWindow(now.plus({ minutes: 1 }), s))).toEqual([]);
    // A week later: exactly the occurrences with a reminder to post or to skip, those whose reminder came since.
    const later = DateTime.fromISO('2024-05-01T09:00:00', { zone });
    const whole = dueReminders(plan.id, planOccurrences(stores, plan), new Map(), stores.reminders.keysOfPlan(plan.id), later, s);
    const toDo = [...new Set([...whole.post, ...whole.superseded].map((x) => x.occurrence.key))].sort();
    expect(toDo.length).toBeGreaterThan(0);
    expect(
      occurrencesInWindow(stores, plan, reminderWindow(later, s))
        .map((o) => o.key)
        .sort(),
    ).toEqual(toDo);
  });
});
