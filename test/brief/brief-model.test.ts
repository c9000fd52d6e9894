import { describe, expect, it } from 'vitest';
import { monthsOf } from '../../src/domain/occurrences.js';
import { STATUS_KEYS } from '../../src/domain/types.js';
import { loadedStores } from '../helpers/stores.js';
import { everyStatus, q2Brief, q2Report } from './fixture.js';

describe('the brief model of Q2 2024 with every status', () => {
  it('takes every count from the report of the same period, in both languages', () => {
    const stores = loadedStores();
    everyStatus(stores);
    for (const lang of ['en', 'es'] as const) {
      const b = q2Brief(stores, lang);
      const r = q2Report(stores, lang);
      expect(b.report).toEqual(r);
      expect(b.priorities.map((p) => p.line)).toEqual(r.priorities);
      expect(b.priorities.flatMap((p) => p.done)).toEqual(expect.arrayContaining(r.done));
      expect(b.priorities.flatMap((p) => p.done)).toHaveLength(r.done.length);
      expect(b.priorities.flatMap((p) => p.postponed)).toHaveLength(r.postponed.length);
      expect(b.priorities.flatMap((p) => p.cancelled)).toHaveLength(r.cancelled.length);
      // In progress per priority is the report's count of occurrences in progress at the end of the period.
      for (const p of b.priorities) expect(p.inProgress.length).toBe(p.line.byStatus.in_progress);
      expect(b.inProgress.map((i) => [i.occurrenceKey, i.note])).toEqual([['B2.1@2024-05', 'agenda drafted']]);
    }
  });

  it('counts occurrences due and done month by month over the plan, summing to the report’s totals', () => {
    const stores = loadedStores();
    everyStatus(stores);
    const b = q2Brief(stores);
    const t = q2Report(stores).totals;
    expect(b.months.map((m) => m.month)).toEqual(monthsOf(stores.plans.plan('lac-2023-2024')!));
    expect(b.months.reduce((n, m) => n + m.due, 0) + b.undated.due).toBe(t.occurrences);
    expect(b.months.reduce((n, m) => n + m.done, 0) + b.undated.done).toBe(t.occurrencesDone);
    expect(STATUS_KEYS.reduce((n, k) => n + t.byStatus[k], 0)).toBe(t.occurrences);
    // B1.3 April done in the period; T1.2 (due 1 September 2023) done in June; B1.4 May done after the period does not count.
    expect(b.months.find((m) => m.month === '2024-04')).toEqual({ month: '2024-04', due: 2, done: 1 });
    expect(b.months.find((m) => m.month === '2023-09')!.done).toBe(1);
    expect(b.months.find((m) => m.month === '2024-05')!.done).toBe(0);
    // B1.2 May postponed to 10 June counts in June, B1.3 June postponed to 15 July in July.
    expect(b.months.find((m) => m.month === '2024-06')!.due).toBe(2);
  });

  it('names the GCM objectives the period’s work served, with their official titles, and the plan’s coverage', () => {
    const stores = loadedStores();
    everyStatus(stores);
    const es = q2Brief(stores, 'es');
    expect(es.objectives.map((o) => [o.number, o.priorities])).toEqual([
      [1, ['T1']],
      [8, ['T1']],
      [23, ['T1']],
    ]);
    expect(es.objectives[1]!.title).toBe(stores.plans.objective(8)!.titleEs);
    expect(q2Brief(stores).objectives[1]!.title).toBe(stores.plans.objective(8)!.titleEn);
    expect(es.coverage.objectives.filter((o) => o.priorities.length === 0).map((o) => o.objective.number)).toEqual([2, 3, 4, 11, 12, 13, 14, 18, 20]);
  });

  it('with nothing changed, serves no objective and lists nothing per priority', () => {
    const stores = loadedStores();
    const b = q2Brief(stores);
    expect(b.objectives).toEqual([]);
    expect(b.inProgress).toEqual([]);
    expect(b.priorities.every((p) => p.done.length + p.postponed.length + p.cancelled.length === 0)).toBe(true);
  });
});
