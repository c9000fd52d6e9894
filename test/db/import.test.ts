import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { openStores } from '../../src/stores.js';
import { migrations } from '../../src/db/migrations.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

const planText = readFileSync(defaultPlanFile, 'utf8');
const actor = { userId: 'U0CHAIR', source: 'test' };

/** Every row of every table, as text: to prove a rejected import changed nothing. */
function dump(stores: ReturnType<typeof openStores>): string {
  const tables = stores.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index_%' ORDER BY name").all() as {
    name: string;
  }[];
  return tables.map((t) => `${t.name}:${JSON.stringify(stores.db.prepare(`SELECT * FROM "${t.name}"`).all())}`).join('\n');
}

describe('importing the plan into SQLite', () => {
  it('creates the schema through the migrations and records its version', () => {
    const stores = loadedStores();
    expect(stores.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(stores.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('loads every priority, activity, objective and agency', () => {
    const stores = loadedStores();
    expect(stores.plans.priorities('lac-2023-2024')).toHaveLength(7);
    expect(stores.plans.activityCount('lac-2023-2024')).toBe(26);
    expect(stores.plans.objectives()).toHaveLength(23);
    expect(stores.plans.principles()).toHaveLength(10);
    expect(stores.plans.agencies().length).toBeGreaterThanOrEqual(24);
  });

  it('is idempotent: importing the same file again leaves the same rows', () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    const stores = loadedStores(file);
    stores.state.markDone('lac-2023-2024', 'B1.2', 'B1.2@2024-05', actor, '2024-05-02T12:00:00.000Z');
    const before = dump(stores).replace(/"imported_at":"[^"]+"/g, '');
    const again = importPlanFile(stores, defaultPlanFile, defaultDataDir, '2024-06-01T00:00:00.000Z');
    expect(again.ok && again.report.changed).toBe(false);
    expect(dump(stores).replace(/"imported_at":"[^"]+"/g, '')).toBe(before);
  });

  it('skips an unchanged plan when asked to import only on change', () => {
    const stores = loadedStores();
    const r = importPlanFile(stores, defaultPlanFile, defaultDataDir, '2024-06-01T00:00:00.000Z', true);
    expect(r.ok && r.skipped).toBe(true);
  });

  it('keeps completions, meeting dates and audit rows across an edited plan, and reports state of removed activities', () => {
    const stores = loadedStores();
    stores.state.markDone('lac-2023-2024', 'B1.2', 'B1.2@2024-05', actor, '2024-05-02T12:00:00.000Z');
    stores.state.markDone('lac-2023-2024', 'B4.2', 'B4.2', actor, '2024-05-02T12:00:00.000Z');
    stores.state.setMeetingDate('lac-2023-2024', 'B1.2', 'B1.2@2024-08', '2024-08-14', actor, '2024-05-02T12:00:00.000Z');
    const edited = planText
      .replace(
        'Organize quarterly meetings of the Regional Network for coordination and information exchange.',
        'Organize quarterly meetings of the Regional Network (edited).',
      )
      .replace(/ {6}- id: B4\.2[\s\S]*?schedule: \{ text: "", type: none \}\n/, '');
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, edited);
    const r = importPlanFile(stores, file, defaultDataDir, '2024-06-01T00:00:00.000Z');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.report.changed).toBe(true);
    expect(r.report.removed).toEqual(['B4.2']);
    expect(r.report.orphanedState).toEqual([{ activityId: 'B4.2', occurrenceKey: 'B4.2', kind: 'completion' }]);
    expect(stores.plans.activity('lac-2023-2024', 'B1.2')!.text).toContain('(edited)');
    expect(stores.plans.activity('lac-2023-2024', 'B4.2')).toBeNull();
    expect([...stores.state.completions('lac-2023-2024').keys()].sort()).toEqual(['B1.2@2024-05', 'B4.2']);
    expect(stores.state.meetingDates('lac-2023-2024').get('B1.2@2024-08')).toBe('2024-08-14');
    expect(stores.state.auditCount()).toBe(3);
    // Put back, the activity finds its completion again.
    const back = importPlanFile(stores, defaultPlanFile, defaultDataDir, '2024-06-02T00:00:00.000Z');
    expect(back.ok && back.report.added).toEqual(['B4.2']);
    expect(stores.state.completionsOf('lac-2023-2024', 'B4.2').has('B4.2')).toBe(true);
  });

  it('rejects a bad file whole and leaves the database exactly as it was', () => {
    const dbFile = path.join(tempDir(), 'gcm.sqlite');
    const stores = loadedStores(dbFile);
    stores.state.markDone('lac-2023-2024', 'B1.3', 'B1.3@2024-04', actor, '2024-04-25T12:00:00.000Z');
    const before = dump(stores);
    const bad = planText
      .replace('Organize quarterly meetings', 'Organize QUARTERLY meetings')
      .replace('lead: { agencies: [IOM, ILO], wording: IOM and ILO }', 'lead: { agencies: [IOM, NOPE], wording: IOM and ILO }');
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, bad);
    const r = importPlanFile(stores, file, defaultDataDir, '2024-06-01T00:00:00.000Z');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['priorities[5].activities[3].lead.agencies[1]']);
    expect(dump(stores)).toBe(before);
  });

  it('rolls back the whole import when the database refuses a row midway', () => {
    const stores = loadedStores();
    const before = dump(stores);
    // A reference file with an agency listed twice passes the schema but is caught by the cross-check;
    // here the database itself refuses: a trigger makes the 20th activity insert fail.
    stores.db.exec(`CREATE TRIGGER boom BEFORE INSERT ON activities WHEN NEW.id = 'T2.1' BEGIN SELECT RAISE(ABORT, 'boom'); END;`);
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, planText.replace('Organize quarterly meetings', 'Organise quarterly meetings'));
    expect(() => importPlanFile(stores, file, defaultDataDir, '2024-06-01T00:00:00.000Z')).toThrow(/boom/);
    stores.db.exec('DROP TRIGGER boom');
    expect(dump(stores)).toBe(before);
  });

  it('holds several plans, each under its own id', () => {
    const stores = loadedStores();
    const dir = tempDir();
    const other = planText
      .replace('id: lac-2023-2024', 'id: lac-2025-2026')
      .replace('start: 2023-06-01', 'start: 2025-01-01')
      .replace('end: 2024-12-31', 'end: 2026-12-31');
    const file = path.join(dir, 'plan-2025.yaml');
    writeFileSync(file, other);
    const r = importPlanFile(stores, file, defaultDataDir, '2025-01-01T00:00:00.000Z');
    expect(r.ok).toBe(true);
    expect(stores.plans.plans().map((p) => p.id)).toEqual(['lac-2025-2026', 'lac-2023-2024']);
    expect(stores.plans.activityCount('lac-2023-2024')).toBe(26);
    // Search keeps to one plan's activities (and the shared agencies and objectives).
    const hits = stores.plans.search('lac-2023-2024', 'quarterly meetings', 10).filter((h) => h.kind === 'activity');
    expect(hits.map((h) => h.ref).sort()).toEqual(['B1.2', 'B3.1']);
  });

  it('refuses a database made by a newer version of the bot', () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    const stores = openStores(file);
    stores.db.pragma(`user_version = ${migrations.length + 1}`);
    stores.close();
    expect(() => openStores(file)).toThrow(/newer than this bot/);
  });

  it('re-imports the reference data when an agencies file changes', () => {
    const stores = loadedStores();
    const dir = tempDir();
    for (const f of ['gcm.yaml', 'matrix.yaml']) copyFileSync(path.join(defaultDataDir, f), path.join(dir, f));
    writeFileSync(
      path.join(dir, 'agencies.yaml'),
      readFileSync(path.join(defaultDataDir, 'agencies.yaml'), 'utf8').replace(
        'name_en: International Organization for Migration',
        'name_en: International Organization for Migration (UN Migration)',
      ),
    );
    const r = importPlanFile(stores, defaultPlanFile, dir, '2024-06-01T00:00:00.000Z', true);
    expect(r.ok && r.skipped).toBe(false);
    expect(stores.plans.agency('IOM')!.nameEn).toBe('International Organization for Migration (UN Migration)');
  });
});

describe('the database version answers are cached under', () => {
  it('changes when this connection writes and when another connection on the same file commits', () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    const a = loadedStores(file);
    const b = openStores(file);
    const v0 = a.version();
    expect(a.version()).toBe(v0);
    a.state.markDone('lac-2023-2024', 'B1.5', 'B1.5', actor, '2024-01-01T00:00:00Z');
    const v1 = a.version();
    expect(v1).not.toBe(v0);
    b.state.markDone('lac-2023-2024', 'B1.6', 'B1.6', actor, '2024-01-01T00:00:00Z');
    expect(a.version()).not.toBe(v1);
    b.close();
  });
});
