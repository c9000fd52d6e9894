import { describe, expect, it } from 'vitest';
import { dueReminders, fireInstant, nextReminders, reminderKey } from '../../src/domain/reminders.js';
import { planOccurrences } from '../../src/domain/occurrences.js';
import { at, loadedStores, zone } from '../helpers/stores.js';

const settings = { days: [7, 1], time: '09:00', zone };

function occurrences() {
  const stores = loadedStores();
  const plan = stores.plans.plan('lac-2023-2024')!;
  return planOccurrences(stores, plan);
}

describe('when reminders fire', () => {
  it('7 and 1 days before the due date at 09:00, a weekend day moved to the Friday before', () => {
    expect(fireInstant('2024-05-01', 7, settings).toISO()).toBe('2024-04-24T09:00:00.000-04:00');
    expect(fireInstant('2024-05-01', 1, settings).toISO()).toBe('2024-04-30T09:00:00.000-04:00');
    // Due Monday 1 July 2024: the day before is a Sunday → Friday 28 June.
    expect(fireInstant('2024-07-01', 1, settings).toISODate()).toBe('2024-06-28');
    // Due Sunday 8 Sept 2024, 1 day before is Saturday → Friday 6 Sept; the due date itself never moves.
    expect(fireInstant('2024-09-08', 1, settings).toISODate()).toBe('2024-09-06');
  });

  it("stays at 09:00 local time across Santiago's DST changes", () => {
    // Chile left DST on 7 April 2024 (UTC-3 → UTC-4) and entered it on 8 September 2024 (UTC-4 → UTC-3).
    expect(fireInstant('2024-04-10', 7, settings).toUTC().toISO()).toBe('2024-04-03T12:00:00.000Z');
    expect(fireInstant('2024-04-10', 1, settings).toUTC().toISO()).toBe('2024-04-09T13:00:00.000Z');
    expect(fireInstant('2024-09-11', 7, settings).toUTC().toISO()).toBe('2024-09-04T13:00:00.000Z');
    expect(fireInstant('2024-09-11', 1, settings).toUTC().toISO()).toBe('2024-09-10T12:00:00.000Z');
  });
});

describe('which reminders are due', () => {
  it('on 24 April 2024 at 10:00: the May meetings on time, the April deadlines (missed the day before) late', () => {
    const { post, superseded } = dueReminders('lac-2023-2024', occurrences(), new Map(), new Set(), at('2024-04-24T10:00:00'), settings);
    expect(post.map((p) => `${p.occurrence.key}|${p.offsetDays}|${p.late ? 'late' : 'on time'}`).sort()).toEqual([
      'B1.2@2024-05|7|on time',
      'B1.3@2024-04|7|late',
      'B1.4@2024-04|7|late',
      'B2.1@2024-05|7|on time',
      'B3.1@2024-05|7|on time',
    ]);
    expect(superseded).toEqual([]);
  });

  it('before 09:00 the same morning, only the missed ones', () => {
    const { post } = dueReminders('lac-2023-2024', occurrences(), new Map(), new Set(), at('2024-04-24T08:59:00'), settings);
    expect(post.map((p) => p.occurrence.key).sort()).toEqual(['B1.3@2024-04', 'B1.4@2024-04']);
  });

  it('after downtime: at most one late reminder per occurrence, the latest missed one, never for a passed due date', () => {
    const { post, superseded } = dueReminders('lac-2023-2024', occurrences(), new Map(), new Set(), at('2024-04-30T10:00:00'), settings);
    const b13 = post.filter((p) => p.occurrence.key === 'B1.3@2024-04');
    expect(b13).toHaveLength(1);
    expect(b13[0]!.offsetDays).toBe(1);
    expect(superseded.map((s) => s.key)).toContain(reminderKey('lac-2023-2024', { key: 'B1.3@2024-04', due: '2024-04-30', dueRule: 'month_end' }, 7));
    // Nothing for March or earlier: their due dates have passed.
    expect(post.every((p) => p.occurrence.due! >= '2024-04-30')).toBe(true);
  });

  it('nothing already recorded, and nothing done', () => {
    const now = at('2024-04-24T10:00:00');
    const recorded = new Set([reminderKey('lac-2023-2024', { key: 'B1.2@2024-05', due: '2024-05-01', dueRule: 'month_start' }, 7)]);
    const done = new Map([
      ['B1.3@2024-04', { occurrenceKey: 'B1.3@2024-04', activityId: 'B1.3', doneBy: 'U1', doneAt: '2024-04-23T00:00:00Z', source: 'test' }],
    ]);
    const { post } = dueReminders('lac-2023-2024', occurrences(), done, recorded, now, settings);
    expect(post.map((p) => p.occurrence.key).sort()).toEqual(['B1.4@2024-04', 'B2.1@2024-05', 'B3.1@2024-05']);
  });

  it('lists the next ones to come', () => {
    const next = nextReminders('lac-2023-2024', occurrences(), new Map(), at('2024-04-24T10:00:00'), settings, 3);
    expect(next.map((n) => `${n.occurrence.key}|${n.offsetDays}`)).toEqual(['B1.3@2024-04|1', 'B1.4@2024-04|1', 'B1.2@2024-05|1']);
  });
});
