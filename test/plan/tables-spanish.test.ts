import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlanImport } from '../../src/cli/plan-import.js';
import { upcomingItems } from '../../src/domain/questions.js';
import { planFileSchema } from '../../src/plan/schema.js';
import { load } from 'js-yaml';
import { csvPlan, fixtures, importedStores } from '../helpers/plan-tables.js';
import { contextAt, tempDir } from '../helpers/stores.js';

const spanishPlan = path.join(fixtures, 'lac-2025-2026-es');

describe('a small plan written in Spanish (invented, 2025-2026)', () => {
  it('reads every Spanish form of priority, agency, schedule and kind', async () => {
    const stores = await importedStores(spanishPlan);
    const plan = stores.plans.plan('lac-2025-2026')!;
    expect(plan).toMatchObject({ periodStart: '2025-06-01', periodEnd: '2026-12-31', coLeads: ['IOM', 'ECLAC'], endorsed: '2025-05-30' });
    expect(stores.plans.priorities('lac-2025-2026').map((p) => [p.id, p.objectives])).toEqual([
      ['B1', []],
      ['B2', []],
      ['T1', [1, 8, 23]],
      ['T2', [5, 6, 16, 23]],
    ]);
    const a = (id: string) => stores.plans.activity('lac-2025-2026', id)!;
    expect(a('B1.1')).toMatchObject({
      text: 'Organize the Third Regional Review of the Global Compact in a coordinated manner.',
      textEs: 'Organizar la Tercera Revisión Regional del Pacto Mundial de manera coordinada.',
      lead: { agencies: ['IOM', 'ECLAC'], wording: 'OIM y CEPAL' },
      support: { network: true, agencies: [], wording: 'Red' },
      kind: 'deadline',
      schedule: { type: 'continuous', text: 'Proceso continuo' },
    });
    expect(a('B1.2').textEs).toBe(a('B1.2').text);
    expect(a('B1.2')).toMatchObject({ kind: 'meeting', schedule: { type: 'recurring_months', months: [5, 8, 11, 2] } });
    expect(a('B1.3')).toMatchObject({ lead: { agencies: ['ILO', 'UNDP'], wording: 'OIT, PNUD (rotativo)' }, schedule: { type: 'monthly', per_month: 1 } });
    expect(a('B1.4')).toMatchObject({ kind: 'meeting', schedule: { type: 'date_range', from: '2025-09-27', to: '2025-09-28' } });
    expect(a('B1.5').schedule).toMatchObject({ type: 'month_range', from: '2026-05', to: '2026-12' });
    expect(a('B1.6')).toMatchObject({
      lead: { agencies: ['UNHCR', 'UN-Habitat'] },
      references: ['Línea de trabajo 6: Apoyo a los Estados Miembros', 'Nota de orientación'],
      workstreams: [6],
      schedule: { type: 'month_range', text: 'mayo – diciembre 2026', from: '2026-05', to: '2026-12' },
    });
    expect(a('B2.1')).toMatchObject({
      lead: { agencies: [], wording: 'Agencia correspondiente según el mensaje a compartir.' },
      schedule: { type: 'none', text: '' },
    });
    expect(a('T1.1')).toMatchObject({
      lead: { agencies: ['OHCHR', 'ICRC', 'IOM', 'UNHCR'] },
      kind: 'meeting',
      schedule: { type: 'tentative', month: '2025-08', days: [30, 31] },
    });
    expect(a('T2.1').schedule).toMatchObject({ type: 'date', date: '2026-04-25' });
    expect(a('T2.2')).toMatchObject({ kind: 'meeting', schedule: { type: 'month', text: 'Julio de 2025', month: '2025-07' } });
    stores.close();
  });

  it('lists its occurrences on the right dates with the clock inside its period', async () => {
    const stores = await importedStores(spanishPlan);
    const plan = stores.plans.plan('lac-2025-2026')!;
    const items = upcomingItems(contextAt(stores, '2025-07-15T10:00'), plan, '2025-07-15', 9);
    expect(items.map((i) => `${i.occurrence.due} ${i.activity.id}${i.occurrence.tentative ? ' (tentative)' : ''}`)).toEqual([
      '2025-07-31 B1.3',
      '2025-08-01 B1.2',
      '2025-08-30 T1.1 (tentative)',
      '2025-08-31 B1.3',
      '2025-09-28 B1.4',
      '2025-09-30 B1.3',
      '2025-10-31 B1.3',
      '2025-11-01 B1.2',
      '2025-11-30 B1.3',
    ]);
    const later = upcomingItems(contextAt(stores, '2026-04-01T10:00'), plan, '2026-04-01', 40).map((i) => `${i.occurrence.due} ${i.activity.id}`);
    expect(later).toContain('2026-04-25 T2.1');
    expect(later).toContain('2026-12-31 B1.5');
    stores.close();
  });
});

describe('npm run plan:import -- --draft', () => {
  it('writes the YAML it would load, with # CHECK on every guess, and imports nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'gcm.sqlite');
    const out = path.join(dir, 'draft.yaml');
    const lines: string[] = [];
    expect(await runPlanImport(['--draft', csvPlan, '--out', out], { DATABASE_PATH: db }, (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toMatch(/Wrote .*draft\.yaml: plan lac-2023-2024, 26 readings to check/);
    const text = readFileSync(out, 'utf8');
    expect(text.match(/# CHECK:/g)).toHaveLength(26);
    expect(text).toMatch(/kind: meeting # CHECK: B1\.2: kind meeting, inferred: its text names "meetings"/);
    expect(text).toMatch(/# NOTE: B4\.1: the agencies in charge name no known agency/);
    expect(planFileSchema.safeParse(load(text)).success).toBe(true);
  });

  it("marks a year taken from the plan's period, and prints to stdout without --out", async () => {
    const dir = path.join(tempDir(), 'plan');
    cpSync(spanishPlan, dir, { recursive: true });
    const file = path.join(dir, 'actividades.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('mayo – diciembre 2026', 'mayo – diciembre'));
    const lines: string[] = [];
    const db = path.join(tempDir(), 'gcm.sqlite');
    expect(await runPlanImport(['--draft', dir], { DATABASE_PATH: db }, (s) => lines.push(s))).toBe(0);
    const text = lines.join('\n');
    expect(text).toMatch(/# CHECK: B1\.3: kind deadline, inferred/);
    expect(text).toMatch(
      /to: 2026-12 # CHECK: B1\.6: year 2026 taken from the plan's period \("mayo – diciembre"\)|# CHECK: B1\.6: year 2026 taken from the plan's period/,
    );
    expect(existsSync(db)).toBe(false);
  });
});
