import type { Db } from './open-database.js';
import { fold } from '../domain/normalize.js';
import type { Language, SearchHit } from '../domain/types.js';
import type { SearchIndexRow } from './rows.js';
import { binaryOrder } from './binary-order.js';
import { afterDigits } from './search-terms.js';
import { foldText, queryStems, stemsOfWord, stopWords } from './stems.js';

/** A plain term: what FTS5's tokenizer keeps as it is, and what a folded word of those characters is. */
const plain = /^[a-z0-9]+$/;

/** How many matches of a search are ranked at most (see the search statement). */
const searchCandidates = 200;

/** The longest snippet shown, in words, and the longest word in it (a plan text may be one 5,000-character "word"). */
const snippetWords = 28;
const snippetWordChars = 40;
const clipWord = (w: string) => (w.length > snippetWordChars ? `${w.slice(0, snippetWordChars - 1)}…` : w);

/**
 * Whether a word of a hit's text matches the query: it shares a stem with a query word, or starts with one (of more
 * than two letters). Each distinct word is looked at once for all the hits of a search, whose texts share most of
 * their words (foldText is fold, faster for ASCII: test/db/fold-ascii.test.ts; a word of lower-case letters and
 * digits is its own fold).
 */
function wordMatcher(terms: readonly string[], stems: ReadonlySet<string>): (word: string) => boolean {
  const prefixes = terms.filter((t) => t.length > 2);
  const stemMatches = (part: string) => part !== '' && stemsOfWord(part).some((s) => stems.has(s));
  const seen = new Map<string, boolean>();
  return (word) => {
    let h = seen.get(word);
    if (h === undefined) {
      const f = plain.test(word) ? word : foldText(word);
      h = f !== '' && (prefixes.some((t) => f.startsWith(t)) || (f === word ? stemMatches(f) : f.split(' ').some(stemMatches)));
      seen.set(word, h);
    }
    return h;
  };
}

/** The words of `body` around the first word of the query found in it (`hit`), every matched word marked with `*`. */
function snippetOf(body: string, hit: (word: string) => boolean): string {
  const words = body.split(/\s+/).filter(Boolean);
  const at = Math.max(0, words.findIndex(hit));
  const from = words.length <= snippetWords ? 0 : Math.max(0, Math.min(at - 6, words.length - snippetWords));
  const part = words.slice(from, from + snippetWords).map((w) => (hit(w) ? `*${clipWord(w)}*` : clipWord(w)));
  return `${from > 0 ? '…' : ''}${part.join(' ')}${from + snippetWords < words.length ? '…' : ''}`;
}

/** The search index's token for a plan (`''`: the reference rows every plan shares): letters and digits only. */
export function scopeToken(planId: string): string {
  return planId === '' ? 'scopeshared' : `scope${Buffer.from(planId).toString('hex')}`;
}

/** The words of a query that say something (stop words dropped unless nothing else is left), at most 12. */
export function queryWords(text: string): string[] {
  const words = fold(text)
    .split(' ')
    .filter((w) => w.length > 0);
  const meaningful = words.filter((w) => !stopWords.has(w));
  return (meaningful.length > 0 ? meaningful : words).slice(0, 12);
}

/**
 * Builds an FTS5 query from free text: each word matches through its English or Spanish stem (or a
 * glossary translation's) in `stems`, or as a prefix in `words`; quotes neutralise syntax.
 */
export function ftsQuery(words: string[], mode: 'all' | 'any'): string | null {
  if (words.length === 0) return null;
  return joinClauses(
    words.map((w) => wordClause(queryStems(w), `"${w}"*`)),
    mode,
  );
}

/** One query word's clause: any of its stems in the stems columns, or `inWords` (a quoted prefix or term) in `words`. */
const wordClause = (stems: readonly string[], inWords: string) => `({stems more_stems} : (${stems.map((s) => `"${s}"`).join(' OR ')}) OR words : ${inWords})`;

/** The words' clauses joined: every word (`all`) or any of them. */
const joinClauses = (clauses: readonly string[], mode: 'all' | 'any') => clauses.join(mode === 'all' ? ' AND ' : ' OR ');

type Found = Pick<SearchIndexRow, 'kind' | 'ref' | 'title_en' | 'title_es' | 'body_en' | 'body_es'>;

/**
 * A match of the search as the ranking in JavaScript reads it, a row as an array (no object with named keys per
 * row): its id, kind and ref, the columns BM25 weighs, and its docsize record (each column's tokens) in hex (a
 * string costs less to make than a Buffer).
 */
type Candidate = [id: number, kind: SearchHit['kind'], ref: string, words: string, stems: string, moreStems: string, sizes: string];

/** A phrase of the FTS5 query as BM25 sees it: a stem in the stems columns, or a word's prefix in `words`. */
interface Phrase {
  column: 'stems' | 'words';
  /** The stem, or the one term of the index starting with the prefix (null: none does). */
  term: string | null;
  idf: number;
}

/** FTS5's `bm25` constants, and the statement's column weights (words, stems, more_stems). */
const k1 = 1.2;
const b = 0.75;
const weights = { words: 1.0, stems: 4.0, moreStems: 1.5 };

/** A match's score is multiplied by its kind's factor: activities first among equals, agencies' long profiles last. */
const kindFactors: Readonly<Record<string, number>> = { activity: 1.6, agency: 0.7 };
const kindFactor = (kind: string) => kindFactors[kind] ?? 1.0;

/** The weights and factors above as the search statement writes them (`4.0`, `0.7`): one source for both rankings. */
const real = (x: number) => x.toFixed(1);
const bm25Sql = `bm25(search_index, 0, 0, 0, 0, 0, 0, 0, ${real(weights.words)}, ${real(weights.stems)}, ${real(weights.moreStems)}, 0)`;
const kindFactorSql = `CASE kind ${Object.entries(kindFactors)
  .map(([kind, f]) => `WHEN '${kind}' THEN ${real(f)}`)
  .join(' ')} ELSE ${real(1)} END`;

/** How many times `term` is a token of `text`, plain terms joined by spaces (no tokenizer needed for those). */
function hitsOf(text: string, term: string | null): number {
  if (term === null) return 0;
  let hits = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
    const end = i + term.length;
    if ((i === 0 || text.charCodeAt(i - 1) === 32) && (end === text.length || text.charCodeAt(end) === 32)) hits++;
  }
  return hits;
}

/**
 * The full-text search over the search index (FTS5), which the plan import fills: the plans' activities and
 * priorities, the agencies and the objectives, in English and in Spanish. Ranked by BM25 over the stems
 * (and the words), activities first among equals (what people look for), agencies' long profiles last. Statements are prepared once.
 */
export class SearchStore {
  private readonly s;
  private readonly vocab;

  constructor(db: Db) {
    this.s = {
      search: db.prepare<{ q: string; limit: number }, Found>(
        // Ranking every match of a common word costs milliseconds on a large plan: only the first
        // searchCandidates matches are ranked (on plans of the real size, that is every match).
        `SELECT kind, ref, title_en, title_es, body_en, body_es FROM (
           SELECT kind, ref, title_en, title_es, body_en, body_es, ${bm25Sql} AS score
           FROM search_index WHERE search_index MATCH @q LIMIT ${searchCandidates})
         ORDER BY score * ${kindFactorSql}, kind, ref LIMIT @limit`,
      ),
      planCount: db.prepare<[], number>('SELECT count(*) FROM plans').pluck(),
      // The ranking in JavaScript (rankedMatches): the same matches, BM25 from the counts kept at import.
      counted: db
        .prepare<[], number>("SELECT count(*) FROM search_terms WHERE term = '' AND words = 1 AND (plan_id = '' OR plan_id IN (SELECT id FROM plans))")
        .pluck(),
      termRows: db.prepare<[string], { plan_id: string; words: number; stems: number }>('SELECT plan_id, words, stems FROM search_terms WHERE term = ?'),
      matchCount: db.prepare<[string], number>('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck(),
      totals: db.prepare<[], string>('SELECT hex(block) FROM search_index_data WHERE id = 1').pluck(),
      ln: db.prepare<[number], number>('SELECT ln(?)').pluck(),
      // The matches' columns from FTS5's own tables (its content: c0 kind, c1 ref, c3-c6 the texts, c7 words, c8
      // stems, c9 more_stems; its docsize: each column's tokens), read in one statement: through the virtual
      // table, FTS5 runs a statement per row and column read (0.74 ms for 200 matches at 100,000 activities
      // against 0.37). test/db/search-ranking.test.ts holds the ranking to FTS5's own.
      candidates: db
        .prepare<[string], Candidate>(
          `SELECT c.id, c.c0, c.c1, c.c7, c.c8, c.c9, hex(d.sz)
           FROM search_index_content c JOIN search_index_docsize d ON d.id = c.id
           WHERE c.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ${searchCandidates})`,
        )
        .raw(),
      texts: db.prepare<[number], Omit<Found, 'kind' | 'ref'>>(
        'SELECT c3 AS title_en, c4 AS title_es, c5 AS body_en, c6 AS body_es FROM search_index_content WHERE id = ?',
      ),
    };
    // The index's terms in order, to find those a prefix names (no counting: one row per occurrence, read one).
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_index_vocab USING fts5vocab(main, search_index, instance)');
    this.vocab = {
      fts5: db.prepare<[string], string>('SELECT term FROM temp.search_index_vocab WHERE term >= ? LIMIT 1').pluck(),
      // The terms after the digits, kept at import (migration 18): complete for every section counted.
      from: db.prepare<[string], string>('SELECT term FROM search_vocab WHERE term >= ? ORDER BY term LIMIT 1').pluck(),
      after: db.prepare<[string], string>('SELECT term FROM search_vocab WHERE term > ? ORDER BY term LIMIT 1').pluck(),
    };
  }

  /**
   * Ranked full-text search over the plan's activities and priorities, the agencies and the objectives:
   * every word first, else any of them. Hits show the text in `lang` (English where there is no Spanish).
   */
  search(planId: string, text: string, limit: number, lang: Language = 'en'): SearchHit[] {
    const words = queryWords(text);
    const hit = wordMatcher(words, new Set(words.flatMap(queryStems)));
    return this.matchesOf(planId, words, limit).found.map((r): SearchHit => {
      const body = lang === 'es' && r.body_es !== '' ? r.body_es : r.body_en;
      return { kind: r.kind, ref: r.ref, title: lang === 'es' && r.title_es !== '' ? r.title_es : r.title_en, snippet: snippetOf(body, hit) };
    });
  }

  /**
   * The rows a search finds, best first (every word first, else any of them), and which ranking gave them:
   * `counts` (rankedMatches, the counts kept at import) or `fts5` (the statement's `bm25`), the same order.
   */
  matches(planId: string, text: string, limit: number): { found: Found[]; ranker: 'counts' | 'fts5' } {
    return this.matchesOf(planId, queryWords(text), limit);
  }

  /** `matches` of the query's words (queryWords), the plans counted once for the whole search. */
  private matchesOf(planId: string, words: string[], limit: number): { found: Found[]; ranker: 'counts' | 'fts5' } {
    const plans = this.s.planCount.get() ?? 0;
    // The counts kept at import rank only when every section is counted (src/db/search-terms.ts).
    const counted = this.s.counted.get() === plans + 1;
    let ranker: 'counts' | 'fts5' = 'counts';
    for (const mode of ['all', 'any'] as const) {
      const q = ftsQuery(words, mode);
      if (q === null) break;
      // With one plan every row is in scope. With several, the indexed scope column keeps the plan's rows and
      // the shared ones (agencies, objectives); it costs a pass over the plan's rows, so only then.
      const scope = plans === 1 ? '' : ` AND scope : (${scopeToken(planId)} OR ${scopeToken('')})`;
      let found = counted ? this.rankedMatches(words, mode, scope, limit, plans) : null;
      if (found === null) {
        ranker = 'fts5';
        found = this.s.search.all({ q: scope === '' ? q : `(${q})${scope}`, limit });
      }
      if (found.length > 0) return { found, ranker };
    }
    return { found: [], ranker };
  }

  /**
   * The search statement's answer, ranked in JavaScript by FTS5's own BM25 formula (`fts5Bm25Function`,
   * SQLite's fts5_aux.c) with each phrase's row count from the counts kept at import (src/db/search-terms.ts)
   * instead of FTS5's walk over every row holding it: the same first matches, the same scores to the bit (the
   * logarithm is SQLite's), the same order (test/db/search-ranking.test.ts checks it against FTS5). Null when
   * that cannot be vouched for, and the statement ranks: a word that is not a plain term, a prefix naming
   * several terms (their union's count is FTS5's to make). Its caller has checked every section is counted.
   */
  private rankedMatches(words: string[], mode: 'all' | 'any', scope: string, limit: number, plans: number): Found[] | null {
    const s = this.s;
    const clauses: string[] = [];
    const phrases: Phrase[] = [];
    for (const w of words) {
      const stems = queryStems(w);
      const prefix = this.prefixTerm(w);
      if (prefix === undefined || !plain.test(w) || !stems.every((t) => plain.test(t))) return null;
      for (const t of stems) phrases.push({ column: 'stems', term: t, idf: 0 });
      phrases.push({ column: 'words', term: prefix, idf: 0 });
      clauses.push(wordClause(stems, prefix === null ? `"${w}"*` : `"${prefix}"`));
    }
    const totals = this.totals();
    for (const p of phrases) p.idf = this.idf(p, totals.rows, plans);
    const q = joinClauses(clauses, mode);
    const found = s.candidates.all(scope === '' ? q : `(${q})${scope}`);
    // Each match's key once, in an array of doubles; the matches' positions sorted by it (a stable sort, as before).
    const keys = new Float64Array(found.length);
    for (let i = 0; i < found.length; i++) keys[i] = bm25(found[i]!, phrases, totals.avgdl) * kindFactor(found[i]![1]);
    const order: number[] = [];
    for (let i = 0; i < found.length; i++) order.push(i);
    order.sort((i, j) => {
      const x = found[i]!;
      const y = found[j]!;
      return keys[i]! - keys[j]! || binaryOrder(x[1], y[1]) || binaryOrder(x[2], y[2]);
    });
    return order.slice(0, limit).map((i) => {
      const [id, kind, ref] = found[i]!;
      return { kind, ref, ...s.texts.get(id)! };
    });
  }

  /**
   * The one term of the index that starts with `prefix`; null when none does; undefined when several do. Only
   * with every section counted (rankedMatches), whose terms after the digits search_vocab holds: a prefix after
   * the digits is looked up there, the others in FTS5's vocabulary.
   */
  private prefixTerm(prefix: string): string | null | undefined {
    const kept = afterDigits(prefix);
    const first = kept ? this.vocab.from.get(prefix) : this.vocab.fts5.get(prefix);
    if (first === undefined || !first.startsWith(prefix)) return null;
    // No term holds a control character: the next term after `first`, if any, is at or after first + \x01.
    const next = kept ? this.vocab.after.get(first) : this.vocab.fts5.get(`${first}\x01`);
    return next?.startsWith(prefix) ? undefined : first;
  }

  /** The index's row count and average row size in tokens, from FTS5's averages record (as `bm25` reads them). */
  private totals(): { rows: number; avgdl: number } {
    const record = this.s.totals.get();
    if (record === undefined) return { rows: 0, avgdl: 0 };
    // Its first value is the row count, the others each column's tokens.
    const rows = hexVarintsSum(record, 0, 1);
    return { rows, avgdl: hexVarintsSum(record, 1) / rows };
  }

  /** A phrase's IDF as `bm25` works it out, from the rows holding it in its columns (`plans`: the plans stored). */
  private idf(p: Phrase, rows: number, plans: number): number {
    const hits = p.term === null ? 0 : this.rowsHolding(p.term, p.column, plans);
    const idf = this.s.ln.get((rows - hits + 0.5) / (hits + 0.5)) ?? 0;
    return idf <= 0 ? 1e-6 : idf;
  }

  /**
   * How many rows hold `term` in the words column or in the stems columns: the counts kept at import when every
   * plan has it among its common terms (the reference rows keep all theirs), else FTS5's count, a short walk
   * for a term no plan has often.
   */
  private rowsHolding(term: string, column: Phrase['column'], plans: number): number {
    const rows = this.s.termRows.all(term);
    if (rows.filter((r) => r.plan_id !== '').length === plans) {
      return rows.reduce((sum, r) => sum + (column === 'words' ? r.words : r.stems), 0);
    }
    return this.s.matchCount.get(column === 'words' ? `words : "${term}"` : `{stems more_stems} : "${term}"`) ?? 0;
  }
}

/** A hexadecimal digit's value (SQLite's `hex()` writes 0-9 and A-F). */
const hexDigit = (c: number) => (c <= 57 ? c - 48 : (c & 0xdf) - 55);

/**
 * The sum of the values of a record of SQLite's variable-length integers (FTS5's records) given in hexadecimal
 * (`hex()`: a string costs less to make than a Buffer), the `take` after the first `skip`, in their order: a docsize
 * record sums to its row's tokens.
 */
function hexVarintsSum(hex: string, skip = 0, take = Number.POSITIVE_INFINITY): number {
  let sum = 0;
  let i = 0;
  for (let k = 0; i < hex.length && k < skip + take; k++) {
    let v = 0;
    for (let n = 0; ; n++) {
      const byte = hexDigit(hex.charCodeAt(i)) * 16 + hexDigit(hex.charCodeAt(i + 1));
      i += 2;
      if (n === 8) {
        v = v * 256 + byte;
        break;
      }
      v = v * 128 + (byte & 0x7f);
      if (byte < 0x80) break;
    }
    if (k >= skip) sum += v;
  }
  return sum;
}

/**
 * FTS5's `bm25` of a match (`fts5Bm25Function`): per phrase, its IDF times the saturated frequency of its
 * weighted occurrences in the row's size against the average, summed in the phrases' order; negated.
 */
function bm25(c: Candidate, phrases: Phrase[], avgdl: number): number {
  const words = c[3];
  const stems = c[4];
  const moreStems = c[5];
  const size = hexVarintsSum(c[6]);
  let score = 0;
  for (const p of phrases) {
    const freq =
      p.column === 'words' ? hitsOf(words, p.term) * weights.words : hitsOf(stems, p.term) * weights.stems + hitsOf(moreStems, p.term) * weights.moreStems;
    score += p.idf * ((freq * (k1 + 1.0)) / (freq + k1 * (1 - b + (b * size) / avgdl)));
  }
  return -1.0 * score;
}
