import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlanImport } from '../../src/cli/plan-import.js';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { openStores } from '../../src/stores.js';
import { tempDir } from '../helpers/stores.js';

const actor = { userId: 'U0COCHAIR', source: 'test' };

/** The bundled plan with five edits: B1.2's text, B1.3's agencies, B1.4's schedule, B2.4 removed, B2.5 added. */
function editedPlan(dir: string): string {
  let y = readFileSync(defaultPlanFile, 'utf8');
  const edit = (from: string, to: string, after = 0) => {
    const i = y.indexOf(from, after);
    if (i < 0) throw new Error(`not in the plan: ${from}`);
    y = y.slice(0, i) + to + y.slice(i + from.length);
  };
  edit('coordination and information exchange.', 'coordination, information exchange and joint planning.');
  edit('lead: { agencies: [IOM], wording: IOM }', 'lead: { agencies: [IOM, UNHCR], wording: IOM and UNHCR }', y.indexOf('- id: B1.3'));
  edit(
    'schedule: { text: One practice per month, type: monthly, per_month: 1 }',
    'schedule: { text: March and September, type: recurring_months, months: [3, 9] }',
  );
  const b24 = y.indexOf('      - id: B2.4');
  const end = y.indexOf('\n\n  - id: B3', b24);
  y = `${y.slice(0, b24)}      - id: B2.5
        text: Hold a regional exchange of national networks on local migration governance.
        references: []
        workstreams: []
        lead: { agencies: [IOM], wording: IOM }
        support: { network: true, agencies: [], wording: Network }
        kind: meeting
        schedule: { text: October 2024, type: month, month: 2024-10 }${y.slice(end)}`;
  const file = path.join(dir, 'plan-edited.yaml');
  writeFileSync(file, y);
  return file;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function plannedDatabase(dir: string): string {
  const db = path.join(dir, 'gcm.sqlite');
  const stores = openStores(db);
  const r = importPlanFile(stores, defaultPlanFile, defaultDataDir, '2024-01-01T00:00:00.000Z');
  if (!r.ok) throw new Error('import failed');
  const at = '2024-04-20T12:00:00.000Z';
  stores.state.markDone('lac-2023-2024', 'B1.2', 'B1.2@2024-02', actor, at); // kept
  stores.state.markDone('lac-2023-2024', 'B1.4', 'B1.4@2023-07', actor, at); // its occurrence disappears
  stores.state.markDone('lac-2023-2024', 'B2.4', 'B2.4', actor, at); // its activity is removed
  stores.state.setMeetingDate('lac-2023-2024', 'B1.2', 'B1.2@2024-05', '2024-05-14', actor, at); // kept
  stores.state.changeFocalPoints('IOM', ['U0ANA'], [], actor, at);
  stores.close();
  return db;
}

async function run(args: string[], db: string) {
  const out: string[] = [];
  const code = await runPlanImport(args, { DATABASE_PATH: db }, (s) => out.push(s));
  return { code, out };
}

describe('plan:import --dry-run', () => {
  it('names exactly the edits and the state they keep or leave behind, and leaves the database byte for byte unchanged', async () => {
    const dir = tempDir();
    const db = plannedDatabase(dir);
    const edited = editedPlan(dir);
    const before = sha(db);
    const r = await run(['--dry-run', edited], db);
    expect(r.code).toBe(0);
    expect(sha(db)).toBe(before);
    const lines = r.out.map((l) => l.trim());
    expect(lines[0]).toBe('Dry run: importing would change plan lac-2023-2024 as follows; nothing was changed.');
    expect(lines).toContain('activities added: B2.5');
    expect(lines).toContain('activities removed: B2.4');
    const changed = lines.filter((l) => /^[BT]\d\.\d+ (text|agencies|schedule|kind):/.test(l));
    expect(changed).toEqual([
      'B1.2 text: Organize quarterly meetings of the Regional Network for coordination and information exchange. → Organize quarterly meetings of the Regional Network for coordination, information exchange and joint planning.',
      'B1.3 agencies: lead IOM; support Network → lead IOM, UNHCR; support Network',
      'B1.4 schedule: One practice per month → March and September',
    ]);
    expect(lines).toContain('occurrences that appear: B2.5');
    const gone = lines.find((l) => l.startsWith('occurrences that disappear: '))!;
    expect(gone).toContain('B1.4@2023-06');
    expect(gone).toContain('B2.4');
    expect(gone).not.toContain('B1.4@2023-09');
    expect(gone).not.toMatch(/B1\.2/);
    expect(lines).toContain('kept: 1 completion mark');
    expect(lines).toContain('kept: 1 meeting date');
    expect(lines).toContain('left without an activity (kept, not shown): the completion mark of B1.4@2023-07');
    expect(lines).toContain('left without an activity (kept, not shown): the completion mark of B2.4');
    // A second dry run says the same: nothing was written.
    expect((await run(['--dry-run', edited], db)).out).toEqual(r.out);
  });

  it('the real import prints the same summary, changes the plan, and records the summary with the import', async () => {
    const dir = tempDir();
    const db = plannedDatabase(dir);
    const edited = editedPlan(dir);
    const dry = (await run(['--dry-run', edited], db)).out.slice(1);
    const real = await run([edited], db);
    expect(real.code).toBe(0);
    expect(real.out[0]).toMatch(/^Imported plan lac-2023-2024: 7 priorities, 26 activities\.$/);
    for (const line of dry) expect(real.out).toContain(line);
    const stores = openStores(db);
    try {
      expect(stores.plans.activity('lac-2023-2024', 'B2.5')).not.toBeNull();
      expect(stores.plans.activity('lac-2023-2024', 'B2.4')).toBeNull();
      const imports = stores.plans.importsOf('lac-2023-2024');
      expect(imports.at(-1)!.changes!.added).toEqual(['B2.5']);
      expect(stores.state.completions('lac-2023-2024').has('B2.4')).toBe(true);
    } finally {
      stores.close();
    }
    // Now the file is loaded, a dry run finds nothing to change.
    expect((await run(['--dry-run', edited], db)).out).toContain('  No change to the activities or occurrences of lac-2023-2024.');
  });

  it('with no database yet, says the plan is new and creates no database', async () => {
    const db = path.join(tempDir(), 'none', 'gcm.sqlite');
    const r = await run(['--dry-run', defaultPlanFile], db);
    expect(r.code).toBe(0);
    expect(r.out).toContain('  New plan lac-2023-2024: 2023-06-01 to 2024-12-31.');
    expect(existsSync(db)).toBe(false);
  });

  it('a rejected file is reported and changes nothing', async () => {
    const dir = tempDir();
    const db = plannedDatabase(dir);
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(defaultPlanFile, 'utf8').replace('lead: { agencies: [IOM], wording: IOM }', 'lead: { agencies: [XYZ], wording: XYZ }'));
    const before = sha(db);
    const r = await run(['--dry-run', bad], db);
    expect(r.code).toBe(1);
    expect(r.out.join('\n')).toMatch(/XYZ: unknown agency/);
    expect(sha(db)).toBe(before);
  });
});
