import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { openStores } from '../../src/stores.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

const plan = 'lac-2023-2024';

describe('the bilingual search (stems in English and Spanish, accents and case folded, BM25)', () => {
  it('finds the missing-migrants activities from Spanish words, before any Spanish text exists', () => {
    const stores = loadedStores();
    const refs = stores.plans.search(plan, 'migrantes desaparecidos', 10, 'es').map((h) => h.ref);
    expect(refs).toEqual(expect.arrayContaining(['T1.1', 'T1.2']));
  });

  it('stems singular and plural, folds accents and case: reunión/reuniones, meeting/meetings, MIGRANTE/migrantes', () => {
    const stores = loadedStores();
    const refs = (q: string) =>
      stores.plans
        .search(plan, q, 100)
        .map((h) => h.ref)
        .sort();
    expect(refs('meeting')).toEqual(refs('meetings'));
    expect(refs('reunión')).toEqual(refs('REUNIONES'));
    expect(refs('MIGRANTE')).toEqual(refs('migrantes'));
    expect(refs('meetings')).toContain('B1.2');
  });

  it('indexes the Spanish texts when present and shows hits in the language asked, matched words marked', () => {
    const p = parse(readFileSync(defaultPlanFile, 'utf8'));
    p.translation_es = 'project';
    const t11 = p.priorities.find((x: { id: string }) => x.id === 'T1').activities[0];
    t11.text_es = 'Organizar un taller sobre estrategias de recolección de datos de migrantes fallecidos y desaparecidos.';
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, stringify(p));
    const stores = openStores(':memory:');
    try {
      expect(importPlanFile(stores, file, defaultDataDir, '2024-01-01T00:00:00Z').ok).toBe(true);
      const es = stores.plans.search(plan, 'estrategias recolección', 5, 'es');
      expect(es[0]).toMatchObject({ kind: 'activity', ref: 'T1.1' });
      expect(es[0]!.snippet).toContain('*estrategias*');
      expect(es[0]!.snippet).not.toContain('workshop');
      const en = stores.plans.search(plan, 'estrategias', 5, 'en');
      expect(en[0]!.snippet).toContain('workshop');
    } finally {
      stores.close();
    }
  });
});
