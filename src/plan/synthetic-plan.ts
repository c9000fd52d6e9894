import { stringify } from 'yaml';
import type { PlanFile } from './schema.js';

const leads = [['IOM'], ['IOM', 'ECLAC'], ['ILO', 'UNDP'], ['UNHCR', 'UNICEF', 'IOM'], ['OHCHR', 'ICRC', 'IOM', 'UNHCR'], ['UNFPA']];
const verbs = ['Organize', 'Publicize', 'Support', 'Develop', 'Strengthen', 'Promote'];
const topics = [
  'regional meetings on migration governance',
  'data on missing migrants',
  'regular pathways for migrant workers',
  'return and sustainable reintegration',
  'the pledges of Member States',
  'the inclusion of migrants in local communities',
];

/**
 * A plan of the same shape as the real one with `activities` activities (for the benchmark and for tests
 * of Slack's limits): 4 basic and 3 thematic priorities, every schedule type, long texts, many agencies.
 */
export function syntheticPlan(activities: number, id = `synthetic-${activities}`): PlanFile {
  const priorities: PlanFile['priorities'] = ['B1', 'B2', 'B3', 'B4', 'T1', 'T2', 'T3'].map((pid, i) => ({
    id: pid,
    kind: pid.startsWith('B') ? ('basic' as const) : ('thematic' as const),
    title: `Synthetic priority ${pid}`,
    text: `Synthetic priority ${pid} of a generated plan.`,
    objectives: pid.startsWith('T') ? [i, 8, 23] : [],
    activities: [],
  }));
  for (let n = 0; n < activities; n++) {
    const p = priorities[n % priorities.length]!;
    const number = p.activities.length + 1;
    const kindIndex = n % 9;
    const schedules: PlanFile['priorities'][number]['activities'][number]['schedule'][] = [
      { type: 'recurring_months', text: 'May, August, November, and February', months: [5, 8, 11, 2] },
      { type: 'month', text: 'July 2023', month: '2023-07' },
      { type: 'month_range', text: 'June – November 2023', from: '2023-06', to: '2023-11' },
      { type: 'date', text: 'April 25th 2024', date: '2024-04-25' },
      { type: 'date_range', text: 'September 27-28, 2023', from: '2023-09-27', to: '2023-09-28' },
      { type: 'tentative', text: 'To be determined August 2023 (30 or 31 TBD)', month: '2023-08', days: [30, 31] },
      { type: 'monthly', text: 'One practice per month', per_month: 1 },
      { type: 'continuous', text: 'Continuous process' },
      { type: 'none', text: '' },
    ];
    p.activities.push({
      id: `${p.id}.${number}`,
      text: `${verbs[n % verbs.length]} ${topics[n % topics.length]} (synthetic activity ${n + 1}), ${'with a long description that repeats itself to reach the size of the longest activities of the real plan; '.repeat(1 + (n % 3))}`.trim(),
      references: n % 4 === 0 ? [`Workstream ${(n % 13) + 1}: synthetic reference`] : [],
      workstreams: n % 4 === 0 ? [(n % 13) + 1] : [],
      lead: { agencies: leads[n % leads.length]!, wording: leads[n % leads.length]!.join(', ') },
      support: { network: n % 5 !== 0, agencies: n % 5 === 0 ? ['UNFPA', 'WFP'] : [], wording: n % 5 === 0 ? 'UNFPA, WFP' : 'Network' },
      kind: n % 2 === 0 ? 'meeting' : 'deadline',
      schedule: schedules[kindIndex]!,
    });
  }
  return {
    id,
    title: `Synthetic plan of ${activities} activities`,
    network: 'Synthetic network',
    co_leads: ['IOM', 'ECLAC'],
    period: { start: '2023-06-01', end: '2024-12-31' },
    priorities,
  };
}

/** The synthetic plan as YAML text, as a file would hold it. */
export function syntheticPlanYaml(activities: number, id?: string): string {
  return stringify(syntheticPlan(activities, id), { aliasDuplicateObjects: false });
}
