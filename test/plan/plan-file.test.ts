import { describe, expect, it } from 'vitest';
import { defaultPlanFile } from '../../src/config.js';
import { loadBundle } from '../../src/plan/load.js';
import { defaultDataDir } from '../../src/config.js';

// Typed in from the Work Plan 2023-2024 (source 002), row by row: the agencies in charge, the supporting
// agencies ("Network" = all members), and the scheduling cell. Independent of data/plan-2023-2024.yaml.
const expected: [id: string, lead: string[], support: 'Network' | string, schedule: string][] = [
  ['B1.1', ['IOM', 'ECLAC'], 'Network', 'continuous'],
  ['B1.2', ['IOM', 'ECLAC'], 'Network', 'months 5,8,11,2'],
  ['B1.3', ['IOM'], 'Network', 'months 4,6,9,12'],
  ['B1.4', ['IOM', 'ECLAC'], 'Network', 'monthly 1'],
  ['B1.5', ['IOM'], 'Network', 'dates 2023-09-27..2023-09-28'],
  ['B1.6', ['IOM', 'ECLAC'], 'as established in the global workstreams', 'months 2023-05..2023-12'],
  ['B2.1', ['IOM', 'ECLAC'], 'Network', 'months 5,11'],
  ['B2.2', ['ECLAC', 'DCO', 'IOM', 'ILO', 'UNDP', 'UNHCR'], 'Network', 'months 2023-06..2023-11'],
  ['B2.3', ['IOM'], 'Network', 'months 2023-06..2023-12'],
  ['B2.4', ['IOM'], 'Network', 'months 2023-07..2023-12'],
  ['B3.1', ['ILO', 'UNDP'], 'Network', 'months 5,8,11,2'],
  ['B3.2', ['ECLAC', 'IOM', 'ILO', 'UNDP', 'OHCHR', 'UNFPA'], 'Network', 'month 2023-07'],
  ['B3.3', ['ECLAC', 'IOM', 'ILO', 'UNDP'], 'Network', 'none'],
  ['B3.4', ['ECLAC', 'IOM', 'ILO', 'UNDP'], 'Network', 'months 2023-04..2023-07'],
  ['B3.5', ['IOM'], 'Network', 'none'],
  ['B3.6', ['IOM', 'UN-Habitat', 'UNFPA'], 'Network', 'none'],
  ['B4.1', [], 'Network', 'none'],
  ['B4.2', [], 'Network', 'none'],
  ['T1.1', ['OHCHR', 'ICRC', 'IOM', 'UNHCR'], 'Network', 'tentative 2023-08 30,31'],
  ['T1.2', ['OHCHR', 'ICRC', 'IOM', 'UNHCR'], 'Network', 'tentative 2023-09 '],
  ['T2.1', ['IOM', 'ECLAC'], 'Network', 'date 2023-04-25'],
  ['T2.2', ['IOM', 'ILO', 'UNDP'], 'Network', 'none'],
  ['T2.3', ['IOM'], '', 'none'],
  ['T2.4', ['IOM', 'ILO'], 'Network', 'none'],
  ['T3.1', ['IOM', 'MPI', 'UNICEF', 'UNHCR', 'WFP'], 'Network', 'month 2023-08'],
  ['T3.2', ['IOM', 'UNICEF', 'MPI', 'UNHCR'], 'Network', 'month 2023-09'],
];

const bundle = loadBundle(defaultPlanFile, defaultDataDir);
if (!bundle.ok) throw new Error(JSON.stringify(bundle.problems));
const plan = bundle.value.plan;
const activities = plan.priorities.flatMap((p) => p.activities);

function scheduleKey(s: (typeof activities)[number]['schedule']): string {
  switch (s.type) {
    case 'recurring_months':
      return `months ${s.months.join(',')}`;
    case 'month_range':
      return `months ${s.from}..${s.to}`;
    case 'date_range':
      return `dates ${s.from}..${s.to}`;
    case 'month':
      return `month ${s.month}`;
    case 'date':
      return `date ${s.date}`;
    case 'tentative':
      return `tentative ${s.month} ${s.days.join(',')}`;
    case 'monthly':
      return `monthly ${s.per_month}`;
    default:
      return s.type;
  }
}

describe('the bundled plan file', () => {
  it("holds the plan's period, four basic and three thematic priorities, and 26 activities", () => {
    expect(plan.id).toBe('lac-2023-2024');
    expect(plan.period).toEqual({ start: '2023-06-01', end: '2024-12-31' });
    expect(plan.priorities.map((p) => `${p.id}:${p.kind}`)).toEqual([
      'B1:basic',
      'B2:basic',
      'B3:basic',
      'B4:basic',
      'T1:thematic',
      'T2:thematic',
      'T3:thematic',
    ]);
    expect(activities.map((a) => a.id)).toEqual(expected.map((e) => e[0]));
  });

  it('gives each thematic priority the GCM objectives the plan lists', () => {
    expect(plan.priorities.filter((p) => p.kind === 'thematic').map((p) => p.objectives)).toEqual([
      [1, 8, 23],
      [5, 6, 9, 10, 16, 17, 19, 22, 23],
      [7, 15, 16, 21, 23],
    ]);
    expect(plan.priorities.filter((p) => p.kind === 'basic').every((p) => p.objectives.length === 0)).toBe(true);
  });

  it.each(expected)('%s has the agencies and schedule of the source', (id, lead, support, schedule) => {
    const a = activities.find((x) => x.id === id)!;
    expect(a.lead.agencies).toEqual(lead);
    const supportKey = a.support.network ? 'Network' : a.support.wording;
    expect(supportKey).toBe(support);
    expect(scheduleKey(a.schedule)).toBe(schedule);
    expect(a.text.length).toBeGreaterThan(40);
  });

  it("keeps the plan's own wording where it says more than agency ids", () => {
    const byId = (id: string) => activities.find((a) => a.id === id)!;
    expect(byId('B3.1').lead.wording).toContain('rotating');
    expect(byId('B4.1').lead.wording).toBe('Corresponding agency in reference to the message to share.');
    expect(byId('T1.1').lead.wording).toBe('OHCHR, CICR, OIM, UNHCR');
    expect(byId('B1.3').text).toContain('form and promote the continual development');
    expect(byId('T1.2').note).toMatch(/ambiguous/);
    expect(byId('B1.2').schedule.text).toBe('May, August, November, and February');
  });

  it('marks meetings and deadlines as docs/decisions/due-dates.md reads them', () => {
    const kinds = Object.fromEntries(activities.map((a) => [a.id, a.kind]));
    expect(kinds['B1.2']).toBe('meeting');
    expect(kinds['B2.1']).toBe('meeting');
    expect(kinds['B3.1']).toBe('meeting');
    expect(kinds['B1.3']).toBe('deadline');
    expect(kinds['B1.4']).toBe('deadline');
  });
});

describe('the reference files', () => {
  const ref = bundle.value.reference;
  it('hold the 23 GCM objectives and 10 guiding principles', () => {
    expect(ref.gcm.objectives.map((o) => o.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(ref.gcm.guiding_principles).toHaveLength(10);
  });

  it('hold the 19 members of the Regional Network, its two co-leads among them', () => {
    const members = ref.agencies.agencies.filter((a) => a.roles.includes('member') || a.roles.includes('co_lead'));
    expect(members).toHaveLength(19);
    expect(ref.agencies.agencies.filter((a) => a.roles.includes('co_lead')).map((a) => a.id)).toEqual(['IOM', 'ECLAC']);
    expect(
      ref.agencies.agencies
        .filter((a) => a.roles.includes('excom'))
        .map((a) => a.id)
        .sort(),
    ).toEqual(['DESA', 'ILO', 'IOM', 'OHCHR', 'UNDP', 'UNHCR', 'UNICEF', 'UNODC']);
  });

  it('hold the 004 matrix: 29 issues by 26 organizations', () => {
    expect(ref.matrix.issues).toHaveLength(29);
    expect(ref.matrix.columns).toHaveLength(26);
    expect(ref.matrix.issues[0]!.marks).toEqual({
      UNHCR: 'x',
      DESA: 'x',
      OHCHR: 'x',
      'SR-MIGRANTS': 'xx',
      IOM: 'xx',
      ILO: 'x',
      UNODC: 'x',
      UNESCO: 'x',
      UNFPA: 'x',
    });
  });

  it('say so where 004 has no profile, and never invent one', () => {
    const none = ref.agencies.agencies.filter((a) => a.profile === null).map((a) => a.id);
    expect(none).toEqual(expect.arrayContaining(['OCHA', 'UNIDO', 'UNOPS', 'ICRC', 'DCO']));
    expect(ref.agencies.agencies.find((a) => a.id === 'IOM')!.profile).not.toBeNull();
  });
});
