import { foldAll, stemsOf, TermCounts, wordsOf } from './stems.js';

/**
 * The texts of a search index row: those shown (the title and body in each language, '' where there is none)
 * and `more` (names, references, wording), matched but ranked lower.
 */
export interface SearchTexts {
  titleEn: string;
  titleEs: string;
  bodyEn: string;
  bodyEs: string;
  more: (string | null | undefined)[];
}

/** The matching columns of a search index row, in the order of the table: `words`, `stems`, `more_stems`. */
export type MatchColumns = [words: string, stems: string, moreStems: string];

/**
 * A row's matching columns: the folded words of all its texts, the English and Spanish stems of the shown
 * texts and those of `more`, its words and stems counted in `counts` (a row of its section).
 */
export function matchColumns(t: SearchTexts, counts: TermCounts): MatchColumns {
  const main = foldAll(t.titleEn, t.titleEs, t.bodyEn, t.bodyEs);
  const more = foldAll(...t.more);
  counts.row();
  return [wordsOf([...main, ...more]), stemsOf(main, counts), stemsOf(more, counts)];
}

/**
 * A section's term counts as plain data, what a worker thread can send back (structured clone keeps no class):
 * per term, its rows in the words column and in the stems columns.
 */
export interface SectionCounts {
  digits: boolean;
  plain: boolean;
  terms: [term: string, words: number, stems: number][];
}

/** The matching columns of a whole section's rows, in order, with its term counts (`digits`: see TermCounts). */
export function sectionColumns(rows: readonly SearchTexts[], digits: boolean): { columns: MatchColumns[]; counts: SectionCounts } {
  const counts = new TermCounts(digits);
  const columns = rows.map((r) => matchColumns(r, counts));
  return { columns, counts: { digits, plain: counts.plain, terms: [...counts.terms].map(([t, c]) => [t, c.words, c.stems]) } };
}

/** The counts of `sectionColumns` as the TermCounts the search terms' writer takes. */
export function termCountsOf(s: SectionCounts): TermCounts {
  const counts = new TermCounts(s.digits);
  counts.plain = s.plain;
  for (const [term, words, stems] of s.terms) counts.terms.set(term, { words, stems, wordsRow: 0, stemsRow: 0 });
  return counts;
}
