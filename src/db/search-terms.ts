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
 *
 * With them, every term of the section after the digits, uncounted, and its scope token (search_vocab, migration
 * 18): where a search finds the term a word names as a prefix, by a seek in a table of a few thousand rows.
 */
export const commonRows = 32;

const digitsOnly = /^[0-9]+$/;

/**
 * Whether a term (or a prefix) starts after the digits, where search_vocab holds every term of the index (migration
 * 18): the terms of digits are not all counted (`TermCounts.digits`), so those from '0' to '9' are FTS5's to find.
 */
export const afterDigits = (term: string): boolean => term.charCodeAt(0) > 57;

export class SearchTermsWriter {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      add: db.prepare<[term: string, planId: string, words: number, stems: number]>(
        'INSERT INTO search_terms (term, plan_id, words, stems) VALUES (?, ?, ?, ?)',
      ),
      deleteOfPlan: db.prepare<[string]>('DELETE FROM search_terms WHERE plan_id = ?'),
      addVocab: db.prepare<[term: string, planId: string]>('INSERT INTO search_vocab (term, plan_id) VALUES (?, ?)'),
      deleteVocabOfPlan: db.prepare<[string]>('DELETE FROM search_vocab WHERE plan_id = ?'),
    };
  }

  /**
   * Replaces a section's counts (`planId` '' for the reference rows) with `counts`, and its terms after the digits
   * (search_vocab) with those counted and `scope`, the token of its rows' scope column, a term of the index too.
   */
  write(planId: string, counts: TermCounts, scope: string): void {
    const s = this.s;
    this.drop(planId);
    const least = planId === '' ? 1 : commonRows;
    for (const [term, c] of counts.terms) {
      // A word of digits not counted may still be a stem of a word counted: its count would be short.
      if ((c.words >= least || c.stems >= least) && (counts.digits || !digitsOnly.test(term))) s.add.run(term, planId, c.words, c.stems);
      if (afterDigits(term) && term !== scope) s.addVocab.run(term, planId);
    }
    s.addVocab.run(scope, planId);
    s.add.run('', planId, counts.plain ? 1 : 0, 0);
  }

  /** Drops a section's counts and terms (its search rows are deleted). */
  drop(planId: string): void {
    this.s.deleteOfPlan.run(planId);
    this.s.deleteVocabOfPlan.run(planId);
  }
}
