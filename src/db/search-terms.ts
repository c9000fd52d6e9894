import type { Db } from './open-database.js';
import type { TermCounts } from './stems.js';

/**
 * The search index's row counts per term (migration `search_terms`), which FTS5's `bm25` needs for each phrase
 * of a query (its IDF) and counts by walking every row holding the phrase, on every query: 50,022 rows for
 * "migrant" at 100,000 activities. They are counted at import instead (`TermCounts`, src/db/stems.ts), as Lucene
 * keeps document frequencies in its term dictionary, and read here by SearchStore.
 *
 * Per section (a plan's rows, or the reference rows: plan id ''): every term of the reference rows (a few
 * hundred rows), and of a plan's rows those held by at least `commonRows` rows, which are the ones that cost
 * FTS5 a walk (a rarer term is counted by FTS5 at query time, in microseconds). A row with the term '' marks
 * the section as counted: `words` 1 when every one of its words and stems is a plain term (`[a-z0-9]+`, which
 * FTS5's tokenizer keeps as it is, so that the counts are FTS5's own), else 0.
 */
export const commonRows = 32;

const digitsOnly = /^[0-9]+$/;

export class SearchTermsWriter {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      add: db.prepare<[term: string, planId: string, words: number, stems: number]>(
        'INSERT INTO search_terms (term, plan_id, words, stems) VALUES (?, ?, ?, ?)',
      ),
      deleteOfPlan: db.prepare<[string]>('DELETE FROM search_terms WHERE plan_id = ?'),
    };
  }

  /** Replaces a section's counts (`planId` '' for the reference rows) with `counts`. */
  write(planId: string, counts: TermCounts): void {
    const s = this.s;
    s.deleteOfPlan.run(planId);
    const least = planId === '' ? 1 : commonRows;
    for (const [term, c] of counts.terms) {
      // A word of digits not counted may still be a stem of a word counted: its count would be short.
      if ((c.words >= least || c.stems >= least) && (counts.digits || !digitsOnly.test(term))) s.add.run(term, planId, c.words, c.stems);
    }
    s.add.run('', planId, counts.plain ? 1 : 0, 0);
  }

  /** Drops a section's counts (its search rows are deleted). */
  drop(planId: string): void {
    this.s.deleteOfPlan.run(planId);
  }
}
