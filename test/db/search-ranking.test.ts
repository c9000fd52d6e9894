import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { ftsQuery, queryWords, SearchStore } from '../../src/db/search-store.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { openStores, type Stores } from '../../src/stores.js';
import { tempDir } from '../helpers/stores.js';

// The search ranks in JavaScript from the row counts kept at import (src/db/search-terms.ts), not with FTS5's
// bm25(), which counts every row of each phrase on every query. These tests hold it to FTS5's own answer, the
// statement it replaces, on generated plans: the same rows in the same order, ties and all.

/** The search statement as FTS5 ranks it (src/db/search-store.ts before the counts): the oracle. */
function fts5Refs(stores: Stores, planId: string, text: string, limit: number, plans: number): string[] {
  const words = queryWords(text);
  for (const mode of ['all', 'any'] as const) {
    const q = ftsQuery(words, mode);
    if (q === null) return [];
    const hex = (id: string) => (id === '' ? 'scopeshared' : `scope${Buffer.from(id).toString('hex')}`);
    const scoped = plans === 1 ? q : `(${q}) AND scope : (${hex(planId)} OR ${hex('')})`;
    const rows = stores.db
      .prepare<{ q: string; limit: number }, { kind: string; ref: string }>(
        `SELECT kind, ref FROM (
           SELECT kind, ref, bm25(search_index, 0, 0, 0, 0, 0, 0, 0, 1.0, 4.0, 1.5, 0) AS score
           FROM search_index WHERE search_index MATCH @q LIMIT 200)
         ORDER BY score * CASE kind WHEN 'activity' THEN 1.6 WHEN 'agency' THEN 0.7 ELSE 1.0 END, kind, ref LIMIT @limit`,
      )
      .all({ q: scoped, limit });
    if (rows.length > 0) return rows.map((r) => `${r.kind}:${r.ref}`);
  }
  return [];
}

/** A small deterministic generator (tests never depend on chance they cannot replay). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

// A vocabulary with common and rare words, words that are prefixes of others, plurals, Spanish and numbers.
const vocabulary = (
  'migrant migrants migration migrantes migratory meeting meetings reunion reuniones workshop workshops data ' +
  'return returns review network networks regional national labour pathway pathways children child women ' +
  'border borders climate trafficking smuggling 2024 2023 23 7 caribbean latin america plan plans planning'
).split(' ');

/** The bundled plan with `n` generated activities dealt to its priorities, written to a file. */
function generatedPlan(seed: number, n: number, id?: string): string {
  const next = random(seed);
  const pick = () => vocabulary[Math.floor(next() * next() * vocabulary.length)]!;
  const text = () => Array.from({ length: 3 + Math.floor(next() * 25) }, pick).join(' ');
  const p = parse(readFileSync(defaultPlanFile, 'utf8'));
  if (id) p.id = id;
  const template = p.priorities[0].activities[0];
  p.priorities.forEach((priority: { id: string; activities: unknown[] }) => {
    priority.activities = Array.from({ length: Math.ceil(n / p.priorities.length) }, (_, i) => ({
      ...template,
      text_es: undefined,
      id: `${priority.id}.${i + 1}`,
      text: `${text()}.`,
      ...(next() < 0.3 ? { text_es: `${text()}.` } : {}),
    }));
  });
  const file = path.join(tempDir(), `plan-${seed}.yaml`);
  writeFileSync(file, stringify(p, { aliasDuplicateObjects: false }));
  return file;
}

/** Queries of one to three words of the vocabulary, prefixes of them and words no row holds. */
function queries(seed: number, count: number): string[] {
  const next = random(seed);
  const word = () => {
    const w = vocabulary[Math.floor(next() * vocabulary.length)]!;
    const r = next();
    return r < 0.15 ? w.slice(0, Math.max(1, Math.ceil(w.length * 0.7))) : r < 0.2 ? `${w}zz` : w;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, word).join(' '));
}

describe('the search ranked from the counts kept at import', () => {
  it('ranks every generated query as FTS5 bm25 does: the same rows, the same order', () => {
    const stores = openStores(':memory:');
    try {
      const file = generatedPlan(7, 420);
      const planId = parse(readFileSync(file, 'utf8')).id as string;
      expect(importPlanFile(stores, file, defaultDataDir, '2024-01-01T00:00:00Z').ok).toBe(true);
      const index = new SearchStore(stores.db);
      const rankers = new Set<string>();
      for (const q of queries(11, 150)) {
        const { found, ranker } = index.matches(planId, q, 12);
        rankers.add(ranker);
        expect(
          found.map((r) => `${r.kind}:${r.ref}`),
          q,
        ).toEqual(fts5Refs(stores, planId, q, 12, 1));
      }
      // Both rankings ran: the counts for whole words, FTS5 for prefixes naming several terms.
      expect([...rankers].sort()).toEqual(['counts', 'fts5']);
    } finally {
      stores.close();
    }
  });

  it('ranks by the counts with two plans loaded, and after a plan is imported again', () => {
    const stores = openStores(':memory:');
    try {
      const first = generatedPlan(3, 140);
      const second = generatedPlan(5, 210, 'generated-two');
      for (const f of [first, second, first]) expect(importPlanFile(stores, f, defaultDataDir, '2024-01-01T00:00:00Z').ok).toBe(true);
      const index = new SearchStore(stores.db);
      const planIds = [parse(readFileSync(first, 'utf8')).id as string, 'generated-two'];
      let byCounts = 0;
      for (const planId of planIds) {
        for (const q of queries(13, 60)) {
          const { found, ranker } = index.matches(planId, q, 12);
          if (ranker === 'counts') byCounts++;
          expect(
            found.map((r) => `${r.kind}:${r.ref}`),
            q,
          ).toEqual(fts5Refs(stores, planId, q, 12, 2));
        }
      }
      expect(byCounts).toBeGreaterThanOrEqual(30);
    } finally {
      stores.close();
    }
  });

  it('keeps the rows holding each term as FTS5 counts them', () => {
    const stores = openStores(':memory:');
    try {
      expect(importPlanFile(stores, generatedPlan(17, 280), defaultDataDir, '2024-01-01T00:00:00Z').ok).toBe(true);
      const kept = stores.db
        .prepare<[], { term: string; words: number; stems: number }>(
          "SELECT term, sum(words) AS words, sum(stems) AS stems FROM search_terms WHERE term <> '' GROUP BY term",
        )
        .all();
      const count = stores.db.prepare<[string], number>('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck();
      const common = kept.filter((t) => stores.db.prepare("SELECT count(*) FROM search_terms WHERE term = ? AND plan_id <> ''").pluck().get(t.term) === 1);
      expect(common.length).toBeGreaterThan(20);
      for (const t of common) {
        expect({ term: t.term, words: t.words, stems: t.stems }).toEqual({
          term: t.term,
          words: count.get(`words : "${t.term}"`),
          stems: count.get(`{stems more_stems} : "${t.term}"`),
        });
      }
    } finally {
      stores.close();
    }
  });
});
