import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { openStores } from '../../src/stores.js';
import { tempDir } from '../helpers/stores.js';

describe("a plan's Spanish texts", () => {
  it('a priority title and text in Spanish and who translated them are stored and read back; plans without them read null', () => {
    const plan = parse(readFileSync(defaultPlanFile, 'utf8'));
    // Without its Spanish texts first (the bundled plan has them all), then with two.
    delete plan.translation_es;
    for (const p of plan.priorities) {
      delete p.title_es;
      delete p.text_es;
    }
    const bare = path.join(tempDir(), 'bare.yaml');
    writeFileSync(bare, stringify(plan));
    plan.translation_es = 'project';
    plan.priorities[0].title_es = 'Coordinación de la Red';
    plan.priorities[0].text_es = 'Texto en español.';
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, stringify(plan));
    const stores = openStores(':memory:');
    try {
      const bundled = importPlanFile(stores, bare, defaultDataDir, '2024-01-01T00:00:00Z');
      expect(bundled.ok).toBe(true);
      expect(stores.plans.plan('lac-2023-2024')!.translationEs).toBeNull();
      expect(stores.plans.priority('lac-2023-2024', 'B1')).toMatchObject({ titleEs: null, textEs: null });
      const r = importPlanFile(stores, file, defaultDataDir, '2024-01-02T00:00:00Z');
      expect(r.ok).toBe(true);
      expect(stores.plans.plan('lac-2023-2024')!.translationEs).toBe('project');
      const b1 = stores.plans.priority('lac-2023-2024', plan.priorities[0].id)!;
      expect(b1).toMatchObject({ titleEs: 'Coordinación de la Red', textEs: 'Texto en español.', title: plan.priorities[0].title });
      expect(stores.plans.priority('lac-2023-2024', plan.priorities[1].id)).toMatchObject({ titleEs: null, textEs: null });
      // Agency profiles: the bundled ones all have their Spanish texts (the project's translation).
      const iom = stores.plans.agency('IOM')!;
      expect(iom.profile?.mandateEs).toMatch(/^Creada en 1951/);
    } finally {
      stores.close();
    }
  });
});
