import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlanCheck } from '../../src/cli/plan-check.js';
import { runPlanImport } from '../../src/cli/plan-import.js';
import { defaultDataDir } from '../../src/config.js';
import { importPlanSource } from '../../src/plan/import-plan.js';
import { openStores } from '../../src/stores.js';
import { csvPlan, expectRefused, expectSameAsYaml, importedAt } from '../helpers/plan-tables.js';
import { tempDir } from '../helpers/stores.js';

describe('the 2023-2024 plan transcribed as CSV from source 002', () => {
  it('imports to the same activities, agencies, schedules and occurrences as data/plan-2023-2024.yaml', async () => {
    await expectSameAsYaml(csvPlan);
  });

  it('says which kinds it inferred and which cells name no agency', async () => {
    const stores = openStores(':memory:');
    const r = await importPlanSource(stores, csvPlan, defaultDataDir, importedAt);
    stores.close();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const messages = (r.remarks ?? []).map((m) => m.message);
    expect(messages).toContain('B1.2: kind meeting, inferred: its text names "meetings" (fill the Kind column to choose)');
    expect(messages.filter((m) => m.includes('kind'))).toHaveLength(26);
    expect(messages.filter((m) => m.includes('no known agency')).map((m) => m.slice(0, 4))).toEqual(['B4.1', 'B4.2']);
  });
});

/** A copy of the CSV plan with one file edited. */
function editedCsv(file: string, edit: (text: string) => string): string {
  const dir = path.join(tempDir(), 'plan');
  cpSync(csvPlan, dir, { recursive: true });
  const f = path.join(dir, file);
  writeFileSync(f, edit(readFileSync(f, 'utf8')));
  return dir;
}

describe('a CSV plan is refused whole, each problem by file, sheet, row and column', () => {
  it('refuses an unknown agency with the nearest known names', async () => {
    const lines = await expectRefused(editedCsv('activities.csv', (t) => t.replace('implementation: IOM, MPI, UNICEF,', 'implementation: IOM, MPI, UNICF,')));
    expect(lines).toEqual([
      expect.stringMatching(/activities\.csv:Activities:26:D \(Entity in charge\): UNICF: unknown agency; did you mean UNICEF\? \(".*UNICF.*"\)$/),
    ]);
  });

  it('refuses an unreadable date', async () => {
    const lines = await expectRefused(editedCsv('activities.csv', (t) => t.replace('September 27-28, 2023', 'Sometime in the spring')));
    expect(lines).toEqual([expect.stringMatching(/activities\.csv:Activities:6:E \(Scheduling\): cannot read the schedule "Sometime in the spring"/)]);
  });

  it('refuses an impossible date', async () => {
    const lines = await expectRefused(editedCsv('activities.csv', (t) => t.replace('September 27-28, 2023', 'September 30-31, 2023')));
    expect(lines.join('\n')).toMatch(/Activities:6:E \(Scheduling\): 2023-09 has no day 31/);
  });

  it('refuses a missing column', async () => {
    const lines = await expectRefused(
      editedCsv('activities.csv', (t) =>
        t
          .split('\r\n')
          .map((l, i) => (i === 0 ? l.replace(',Scheduling', ',Timing') : l))
          .join('\r\n'),
      ),
    );
    expect(lines.join('\n')).toMatch(/activities\.csv:Activities:1:E \(Timing\): unknown column "Timing"/);
    expect(lines.join('\n')).toMatch(/activities\.csv:Activities:1 \(headers\): missing column "scheduling" \(or "calendario"\)/);
  });

  it('refuses an empty activity', async () => {
    const lines = await expectRefused(
      editedCsv('activities.csv', (t) =>
        t.replace('1.4. Publicize good practices in the implementation of the Global Compact to promote its replicability in the region.', '1.4.'),
      ),
    );
    expect(lines.join('\n')).toMatch(/Activities:5:B \(Activity\)/);
  });

  it('refuses two rows with one id', async () => {
    const lines = await expectRefused(editedCsv('activities.csv', (t) => t.replace('1.4. Publicize', '1.3. Publicize')));
    expect(lines).toEqual([expect.stringMatching(/activities\.csv:Activities:5:B \(Activity\): two rows with one id: B1\.3 is also on row 4/)]);
  });

  it('refuses a priority the Activities sheet names but the Priorities sheet lacks', async () => {
    const lines = await expectRefused(editedCsv('priorities.csv', (t) => t.replace(/\r\nThematic 3,[^\r]*/, '')));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/activities\.csv:Activities:26:A \(Priority\): priority T3 is not on the Priorities sheet/);
  });

  it('refuses a CSV with a broken quote', async () => {
    const lines = await expectRefused(editedCsv('activities.csv', (t) => t.replace('B1,1.2. Organize quarterly', 'B1,"1.2. Organize quarterly')));
    expect(lines.join('\n')).toMatch(/activities\.csv:Activities:\d+ \(csv\): not readable as CSV/);
  });

  it('refuses a GCM objective the Compact does not have, at its cell', async () => {
    const lines = await expectRefused(editedCsv('priorities.csv', (t) => t.replace('"1, 8, 23"', '"1, 8, 24"')));
    expect(lines).toEqual([expect.stringMatching(/priorities\.csv:Priorities:6:D \(GCM objectives\): the GCM has no objective 24/)]);
  });

  it('refuses a folder without its tables', async () => {
    const lines = await expectRefused(tempDir());
    expect(lines.join('\n')).toMatch(/no activities\.csv or actividades\.csv in the folder/);
  });
});

describe('npm run plan:check and plan:import with a CSV folder', () => {
  it('checks a table plan: exit 0 with the choices it made, exit 1 with each problem at its cell', async () => {
    const lines: string[] = [];
    expect(await runPlanCheck([csvPlan], (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toMatch(/chose: T2\.1: kind meeting, inferred: its schedule names "event"/);
    expect(lines.at(-1)).toMatch(/^OK: /);
    const bad = editedCsv('activities.csv', (t) => t.replace('July 2023', 'Julember 2023'));
    const problems: string[] = [];
    expect(await runPlanCheck([bad], (s) => problems.push(s))).toBe(1);
    expect(problems.join('\n')).toMatch(/activities\.csv:Activities:13:E \(Scheduling\): cannot read the schedule "Julember 2023"/);
  });

  it('imports through the command, printing what it chose, and rejects with the cells named', async () => {
    const db = path.join(tempDir(), 'gcm.sqlite');
    const lines: string[] = [];
    expect(await runPlanImport([csvPlan], { DATABASE_PATH: db }, (s) => lines.push(s))).toBe(0);
    expect(lines[0]).toBe('Imported plan lac-2023-2024: 7 priorities, 26 activities.');
    expect(lines).toContain(
      '  note: B4.1: the agencies in charge name no known agency; kept as wording ("Corresponding agency in reference to the message to share.")',
    );
    const refused: string[] = [];
    const bad = editedCsv('activities.csv', (t) => t.replace('IOM and ILO', 'IOM and ILX'));
    expect(await runPlanImport([bad], { DATABASE_PATH: db }, (s) => refused.push(s))).toBe(1);
    expect(refused[0]).toBe('Rejected, the database is unchanged. 1 problem:');
    expect(refused[1]).toMatch(/activities\.csv:Activities:25:D \(Entity in charge\): ILX: unknown agency; did you mean ILO\?/);
  });
});
