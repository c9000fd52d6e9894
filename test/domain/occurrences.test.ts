import { describe, expect, it } from 'vitest';
import { occurrencesOf } from '../../src/domain/occurrences.js';
import { loadedStores } from '../helpers/stores.js';

const stores = () => loadedStores();
const period = { periodStart: '2023-06-01', periodEnd: '2024-12-31' };

function occ(id: string, dates = new Map<string, string>()) {
  const a = stores().plans.activity('lac-2023-2024', id)!;
  return occurrencesOf(a, period, dates);
}

describe("occurrences inside the plan's period (docs/decisions/occurrences.md)", () => {
  it('quarterly network meetings: Aug 2023 to Nov 2024, due on the first of the month', () => {
    expect(occ('B1.2').map((o) => `${o.key}=${o.due}`)).toEqual([
      'B1.2@2023-08=2023-08-01',
      'B1.2@2023-11=2023-11-01',
      'B1.2@2024-02=2024-02-01',
      'B1.2@2024-05=2024-05-01',
      'B1.2@2024-08=2024-08-01',
      'B1.2@2024-11=2024-11-01',
    ]);
  });

  it('pledge monitoring: Jun, Sep, Dec 2023 and Apr, Jun, Sep, Dec 2024, due on the last day', () => {
    expect(occ('B1.3').map((o) => `${o.key}=${o.due}`)).toEqual([
      'B1.3@2023-06=2023-06-30',
      'B1.3@2023-09=2023-09-30',
      'B1.3@2023-12=2023-12-31',
      'B1.3@2024-04=2024-04-30',
      'B1.3@2024-06=2024-06-30',
      'B1.3@2024-09=2024-09-30',
      'B1.3@2024-12=2024-12-31',
    ]);
  });

  it('one good practice a month from June 2023 to December 2024', () => {
    const o = occ('B1.4');
    expect(o).toHaveLength(19);
    expect(o[0]!.key).toBe('B1.4@2023-06');
    expect(o[18]!.due).toBe('2024-12-31');
  });

  it('national networks twice a year', () => {
    expect(occ('B2.1').map((o) => o.key)).toEqual(['B2.1@2023-11', 'B2.1@2024-05', 'B2.1@2024-11']);
  });

  it('one-offs have one occurrence keyed by the activity id', () => {
    expect(occ('B1.5')).toEqual([
      { key: 'B1.5', activityId: 'B1.5', label: null, due: '2023-09-28', dueRule: 'range_end', tentative: false, status: 'planned' },
    ]);
    expect(occ('T1.1')[0]).toMatchObject({ key: 'T1.1', due: '2023-08-30', tentative: true });
    expect(occ('B2.2')[0]).toMatchObject({ due: '2023-11-30', dueRule: 'range_end' });
    expect(occ('B1.1')[0]).toMatchObject({ due: '2024-12-31', dueRule: 'period_end' });
    expect(occ('B3.3')[0]).toMatchObject({ key: 'B3.3', due: null });
    expect(occ('B3.2')[0]).toMatchObject({ key: 'B3.2', due: '2023-07-01', dueRule: 'month_start' });
    expect(occ('T3.2')[0]).toMatchObject({ key: 'T3.2', due: '2023-09-30', dueRule: 'month_end' });
  });

  it('a meeting date set by a co-chair replaces the first-of-month rule', () => {
    const o = occ('B1.2', new Map([['B1.2@2024-05', '2024-05-14']]));
    expect(o.find((x) => x.key === 'B1.2@2024-05')).toMatchObject({ due: '2024-05-14', dueRule: 'set' });
  });

  it("each plan's own months when plans of different periods are asked for in turn (the months are worked out once per period)", () => {
    const a = stores().plans.activity('lac-2023-2024', 'B1.2')!;
    const later = { periodStart: '2025-01-01', periodEnd: '2026-06-30' };
    const keys = (p: typeof period) => occurrencesOf(a, p).map((o) => `${o.key}=${o.due}`);
    const first = keys(period);
    expect(keys(later)).toEqual([
      'B1.2@2025-02=2025-02-01',
      'B1.2@2025-05=2025-05-01',
      'B1.2@2025-08=2025-08-01',
      'B1.2@2025-11=2025-11-01',
      'B1.2@2026-02=2026-02-01',
      'B1.2@2026-05=2026-05-01',
    ]);
    expect(keys(period)).toEqual(first);
    expect(first).toHaveLength(6);
  });
});
