import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { importPlanFile, importPlanSource } from '../../src/plan/import-plan.js';
import { planUnchanged } from '../../src/plan/unchanged-plan.js';
import { openStores } from '../../src/stores.js';
import { tempDir } from '../helpers/stores.js';

const csvPlan = path.resolve('test/fixtures/plans/lac-2023-2024-csv');
const at = '2024-01-01T00:00:00Z';

describe("the start-up import of GCM_PLAN (the bot's start, npm run ask)", () => {
  it('never overwrites a plan imported from a spreadsheet with the unchanged default file', async () => {
    const stores = openStores(':memory:');
    try {
      // First start: the default file is imported.
      const first = importPlanFile(stores, defaultPlanFile, defaultDataDir, at, true);
      expect(first.ok && first.skipped).toBe(false);
      // The secretariat imports its spreadsheet of the same plan.
      const csv = await importPlanSource(stores, csvPlan, defaultDataDir, at);
      expect(csv.ok).toBe(true);
      expect(stores.imports.importedFrom('lac-2023-2024')).toBe(csvPlan);
      // Next start: the default file has not changed, so the spreadsheet's plan stays.
      const again = importPlanFile(stores, defaultPlanFile, defaultDataDir, at, true);
      expect(again.ok && again.skipped).toBe(true);
      expect(stores.imports.importedFrom('lac-2023-2024')).toBe(csvPlan);
    } finally {
      stores.close();
    }
  });

  it('on a new database holding only an imported spreadsheet, the default file of the same plan does not replace it', async () => {
    const stores = openStores(':memory:');
    try {
      expect((await importPlanSource(stores, csvPlan, defaultDataDir, at)).ok).toBe(true);
      const start = importPlanFile(stores, defaultPlanFile, defaultDataDir, at, true);
      expect(start.ok && start.skipped).toBe(true);
      expect(stores.imports.importedFrom('lac-2023-2024')).toBe(csvPlan);
    } finally {
      stores.close();
    }
  });

  it('imports the file again when it changed since it was last imported, and not otherwise', () => {
    const file = path.join(tempDir(), 'plan.yaml');
    const text = readFileSync(defaultPlanFile, 'utf8');
    writeFileSync(file, text);
    const stores = openStores(':memory:');
    try {
      const imported = (t: string) => {
        const r = importPlanFile(stores, file, defaultDataDir, at, true);
        if (!r.ok) throw new Error(t);
        return !r.skipped;
      };
      expect(imported('first')).toBe(true);
      expect(imported('same')).toBe(false);
      writeFileSync(file, text.replace('Organize quarterly meetings', 'Organise quarterly meetings'));
      expect(imported('edited')).toBe(true);
      expect(stores.plans.activity('lac-2023-2024', 'B1.2')!.text).toMatch(/^Organise quarterly meetings/);
      expect(imported('same again')).toBe(false);
    } finally {
      stores.close();
    }
  });

  it("the bot's quick look: an unchanged file with unchanged reference files is not read again, anything else is imported as before", async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plan.yaml');
    const dataDir = path.join(dir, 'data');
    cpSync(defaultDataDir, dataDir, { recursive: true });
    const text = readFileSync(defaultPlanFile, 'utf8');
    writeFileSync(file, text);
    const stores = openStores(':memory:');
    try {
      // Whenever the quick look says unchanged, the full start-up import leaves the plan alone too.
      const look = () => {
        const quick = planUnchanged(stores, file, dataDir);
        const full = importPlanFile(stores, file, dataDir, at, true);
        if (!full.ok) throw new Error(full.problems.map((p) => p.message).join('; '));
        if (quick) expect(full.skipped).toBe(true);
        return quick;
      };
      expect(planUnchanged(stores, file, dataDir), 'a new database').toBe(false);
      expect(look(), 'imported just now, by the look itself').toBe(false);
      expect(look(), 'unchanged').toBe(true);
      writeFileSync(file, text.replace('Organize quarterly meetings', 'Organise quarterly meetings'));
      expect(look(), 'the plan edited').toBe(false);
      expect(stores.plans.activity('lac-2023-2024', 'B1.2')!.text).toMatch(/^Organise quarterly meetings/);
      expect(look(), 'unchanged again').toBe(true);
      appendFileSync(path.join(dataDir, 'agencies.yaml'), '\n# a comment changes the file\n');
      expect(look(), 'a reference file edited').toBe(false);
      expect(look(), 'unchanged after that').toBe(true);
      // A spreadsheet of the same plan imported since: the file is read, and the full import keeps the spreadsheet's plan.
      expect((await importPlanSource(stores, csvPlan, dataDir, at)).ok).toBe(true);
      expect(planUnchanged(stores, file, dataDir)).toBe(false);
      expect(planUnchanged(stores, path.join(dir, 'missing.yaml'), dataDir), 'a missing file').toBe(false);
      expect(planUnchanged(stores, csvPlan, dataDir), 'tables').toBe(false);
    } finally {
      stores.close();
    }
  });
});
