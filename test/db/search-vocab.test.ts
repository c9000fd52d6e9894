import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { migrations } from '../../src/db/migrations.js';
import { SearchStore } from '../../src/db/search-store.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { syntheticPlanYaml } from '../../src/plan/synthetic-plan.js';
import { openStores, type Stores } from '../../src/stores.js';
import { tempDir } from '../helpers/stores.js';

// A search finds the one term a word names as a prefix in search_vocab (migration 18), the terms after the
// digits kept at import, instead of in FTS5's vocabulary. The two lookups agree for every prefix after the digits
// exactly when the table holds the same terms as the index: held here after imports of two plans and the
// reference, and after a plan is imported again with other words (test/db/search-ranking.test.ts holds the
// searches that depend on it to FTS5's own answers).

/** The index's terms after the digits (first character past '9'), as FTS5's own vocabulary lists them. */
function indexTerms(stores: Stores): string[] {
  stores.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_vocab USING fts5vocab(main, search_index, row)');
  return stores.db.prepare<[], string>('SELECT term FROM temp.check_vocab WHERE unicode(term) > 57 ORDER BY term').pluck().all();
}

/** The terms search_vocab holds, each once. */
function keptTerms(stores: Stores): string[] {
  return stores.db.prepare<[], string>('SELECT DISTINCT term FROM search_vocab ORDER BY term').pluck().all();
}

function importFile(stores: Stores, file: string): void {
  const r = importPlanFile(stores, file, defaultDataDir, '2024-01-01T00:00:00Z');
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
}

describe('search_vocab holds every term of the index after the digits', () => {
  it('after imports of two plans and the reference, and after a plan is imported again with other words', () => {
    const dir = tempDir();
    const stores = openStores(':memory:');
    importFile(stores, defaultPlanFile);
    const synthetic = path.join(dir, 'synthetic.yaml');
    writeFileSync(synthetic, syntheticPlanYaml(300, 'vocab-synthetic'));
    importFile(stores, synthetic);
    const both = indexTerms(stores);
    expect(both.length).toBeGreaterThan(1000);
    expect(
      both.some((t) => t.startsWith('scope')),
      'the scope tokens are terms of the index',
    ).toBe(true);
    expect(keptTerms(stores)).toEqual(both);

    // The same plan id with fewer activities and a word of its own: the words only it had go, its new one comes.
    writeFileSync(synthetic, syntheticPlanYaml(40, 'vocab-synthetic').replace('Organize regional meetings', 'Zyzzogeton regional meetings'));
    importFile(stores, synthetic);
    const after = indexTerms(stores);
    expect(after).toContain('zyzzogeton');
    expect(after).not.toEqual(both);
    expect(keptTerms(stores)).toEqual(after);
  });
});

describe('migration 18', () => {
  it('a database counted before it ranks with FTS5 until its plan is imported again, then with the counts', () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    // A database of version 17 with the real plan imported: its import wrote what today's does, less search_vocab.
    const today = openStores(file);
    importFile(today, defaultPlanFile);
    today.db.close();
    const old = new Database(file);
    old.exec('DROP TABLE search_vocab');
    old.pragma('user_version = 17');
    expect(old.prepare("SELECT count(*) FROM search_terms WHERE term = ''").pluck().get()).toBe(2);
    old.close();

    const stores = openStores(file, { onBackup: () => {} });
    expect(stores.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(stores.db.prepare("SELECT count(*) FROM search_terms WHERE term = ''").pluck().get()).toBe(0);
    expect(new SearchStore(stores.db).matches('', 'migrants', 5).ranker).toBe('fts5');
    importFile(stores, defaultPlanFile);
    expect(new SearchStore(stores.db).matches('', 'migrants', 5).ranker).toBe('counts');
    expect(keptTerms(stores)).toEqual(indexTerms(stores));
    stores.db.close();
  });
});
