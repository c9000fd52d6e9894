import type { Db } from './open-database.js';
import { fold } from '../domain/normalize.js';
import type { Language, SearchHit } from '../domain/types.js';
import type { SearchIndexRow } from './rows.js';
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

/**
 * Whether a UTF-16 code unit is white space as a regular expression's `\s` has it: ECMAScript's WhiteSpace (tab,
 * vertical tab, form feed, U+FEFF and the Unicode category Zs) and LineTerminator (LF, CR, U+2028, U+2029).
 */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Calls `each(start, end, k)` for the `k`th word of `text` (its runs of non-space, as `split(/\s+/)` without the
 * empty ones) until it returns true; returns how many words it saw.
 */
export function eachWord(text: string, each: (start: number, end: number, k: number) => boolean): number {
  let k = 0;
  for (let i = 0; i < text.length; ) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i === text.length) break;
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    if (each(start, i, k++)) break;
  }
  return k;
}

/**
 * The words of `body` around the first word of the query found in it (`hit`), every matched word marked with `*`.
 * The body's words are counted, and made strings only up to the first hit and in the snippet's window (a body's
 * words all split out and filtered were half of what a search allocated once its matches were Buffers).
 */
function snippetOf(body: string, hit: (word: string) => boolean): string {
  let at = -1;
  const count = eachWord(body, (start, end, k) => {
    if (at < 0 && hit(body.slice(start, end))) at = k;
    return false;
  });
  const from = count <= snippetWords ? 0 : Math.max(0, Math.min(Math.max(0, at) - 6, count - snippetWords));
  const part: string[] = [];
  eachWord(body, (start, end, k) => {
    if (k < from) return false;
    const w = body.slice(start, end);
    part.push(hit(w) ? `*${clipWord(w)}*` : clipWord(w));
    return k + 1 >= from + snippetWords;
  });
  return `${from > 0 ? '…' : ''}${part.join(' ')}${from + snippetWords < count ? '…' : ''}`;
}

/** The search index's token for a plan (`''`: the reference rows every plan shares): letters and digits only. */
export function scopeToken(planId: string): string {
  if (planId !== lastScope.planId) lastScope = { planId, token: planId === '' ? 'scopeshared' : `scope${Buffer.from(planId).toString('hex')}` };
  return lastScope.token;
}
/** The last plan's token: an import asks for it once per row. */
let lastScope = { planId: '', token: 'scopeshared' };

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
 * The matches of a search as the ranking in JavaScript reads them (`readMatches`), in three Buffers, whose bytes lie
 * outside V8's heap, so that ranking a search does not fill the young generation with 200 rows' words and stems
 * (about 250 KB an answer when each was a string): `heads`, for each match its id and the byte lengths of its six
 * fields, each number followed by a space, then its docsize record (FTS5's varints), kind and ref; `words`, their
 * words columns one after another; `stems`, their stems and more_stems columns one after another.
 */
interface Matches {
  heads: Buffer;
  words: Buffer;
  stems: Buffer;
  count: number;
  /** Per match, `fields` numbers: its id, then where each field starts and ends (in its Buffer). */
  at: Int32Array;
}

const fields = 10;
/**
 * A field's place in `Matches.at`; it ends at the next place: the docsize, kind and ref in `heads`, the words
 * (ending at 6) in `words`, the stems and more_stems in `stems`.
 */
const [idAt, sizeAt, kindAt, refAt, wordsAt, stemsAt, moreStemsAt] = [0, 1, 2, 3, 5, 7, 8];
const space = 0x20;
const none = Buffer.alloc(0);

/** The search's matches (the candidates statement's three values) with where each field of each lies. */
function readMatches(heads: Buffer, words: Buffer, stems: Buffer): Matches {
  const at = new Int32Array(searchCandidates * fields);
  let i = 0;
  /** The decimal number at `i`, up to the next space; `i` moves past the space. */
  const decimal = () => {
    let v = 0;
    for (; heads[i] !== space; i++) v = v * 10 + heads[i]! - 48;
    i++;
    return v;
  };
  let count = 0;
  let inWords = 0;
  let inStems = 0;
  for (; i < heads.length; count++) {
    const r = count * fields;
    at[r + idAt] = decimal();
    // The lengths: docsize, kind and ref (here), words, stems and more_stems (in the other two).
    const size = decimal();
    const kind = decimal();
    const ref = decimal();
    at[r + wordsAt + 1] = decimal();
    at[r + moreStemsAt] = decimal();
    at[r + moreStemsAt + 1] = decimal();
    at[r + sizeAt] = i;
    at[r + kindAt] = i + size;
    at[r + refAt] = i + size + kind;
    i += size + kind + ref;
    at[r + refAt + 1] = i;
    at[r + wordsAt] = inWords;
    inWords += at[r + wordsAt + 1]!;
    at[r + wordsAt + 1] = inWords;
    at[r + stemsAt] = inStems;
    inStems += at[r + moreStemsAt]!;
    at[r + moreStemsAt] = inStems;
    inStems += at[r + moreStemsAt + 1]!;
    at[r + moreStemsAt + 1] = inStems;
  }
  return { heads, words, stems, count, at };
}

/** A difference of two keys as the sort reads it: its sign, 0 for NaN (`NaN || x` is x, as before). */
const byKey = (d: number) => (d < 0 ? -1 : d > 0 ? 1 : 0);

/** Orders two matches by a field of `heads` (kind, ref) as SQLite's BINARY collation orders texts (memcmp, then the shorter first). */
function bytesOrder(m: Matches, i: number, j: number, field: number): number {
  const { heads: bytes, at } = m;
  let x = at[i * fields + field]!;
  let y = at[j * fields + field]!;
  const xEnd = at[i * fields + field + 1]!;
  const yEnd = at[j * fields + field + 1]!;
  for (; x < xEnd && y < yEnd; x++, y++) if (bytes[x] !== bytes[y]) return bytes[x]! - bytes[y]!;
  return xEnd - x - (yEnd - y);
}

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

/** The weights and factors above as the search statement writes them (`4.0`, `0.7`): one source for both rankings. */
const real = (x: number) => x.toFixed(1);
const bm25Sql = `bm25(search_index, 0, 0, 0, 0, 0, 0, 0, ${real(weights.words)}, ${real(weights.stems)}, ${real(weights.moreStems)}, 0)`;
const kindFactorSql = `CASE kind ${Object.entries(kindFactors)
  .map(([kind, f]) => `WHEN '${kind}' THEN ${real(f)}`)
  .join(' ')} ELSE ${real(1)} END`;

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
      totals: db.prepare<[], Buffer>('SELECT block FROM search_index_data WHERE id = 1').pluck(),
      ln: db.prepare<[number], number>('SELECT ln(?)').pluck(),
      // The matches' columns from FTS5's own tables (its content: c0 kind, c1 ref, c3-c6 the texts, c7 words, c8
      // stems, c9 more_stems; its docsize: each column's tokens), read in one statement: through the virtual
      // table, FTS5 runs a statement per row and column read (0.74 ms for 200 matches at 100,000 activities
      // against 0.37). test/db/search-ranking.test.ts holds the ranking to FTS5's own.
      candidates: db
        .prepare<[string], [heads: Buffer | null, words: Buffer | null, stems: Buffer | null]>(
          `SELECT
             CAST(group_concat(concat(concat_ws(' ', c.id, octet_length(d.sz), octet_length(c.c0), octet_length(c.c1), octet_length(c.c7),
               octet_length(c.c8), octet_length(c.c9), ''), d.sz, c.c0, c.c1), '') AS BLOB),
             CAST(group_concat(c.c7, '') AS BLOB),
             CAST(group_concat(concat(c.c8, c.c9), '') AS BLOB)
           FROM search_index_content c JOIN search_index_docsize d ON d.id = c.id
           WHERE c.id IN (SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ${searchCandidates})`,
        )
        .raw(),
      found: db.prepare<[number], Found>(
        'SELECT c0 AS kind, c1 AS ref, c3 AS title_en, c4 AS title_es, c5 AS body_en, c6 AS body_es FROM search_index_content WHERE id = ?',
      ),
    };
    // The index's terms in order, to find those a prefix names (no counting: one row per occurrence, read one).
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_index, instance)');
    this.vocab = db.prepare<[string], string>('SELECT term FROM temp.search_vocab WHERE term >= ? LIMIT 1').pluck();
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
    const [heads, inWords, inStems] = s.candidates.get(scope === '' ? q : `(${q})${scope}`) ?? [];
    const m = readMatches(heads ?? none, inWords ?? none, inStems ?? none);
    // Each match's key once, in an array of doubles; the matches' positions sorted by it (a stable sort, as before).
    const keys = bm25s(m, phrases, totals.avgdl);
    const order: number[] = [];
    for (let i = 0; i < m.count; i++) order.push(i);
    // The comparison's result a small integer, not the keys' difference (a double V8 boxes at each call).
    order.sort((i, j) => byKey(keys[i]! - keys[j]!) || bytesOrder(m, i, j, kindAt) || bytesOrder(m, i, j, refAt));
    return order.slice(0, limit).map((i) => s.found.get(m.at[i * fields]!)!);
  }

  /** The one term of the index that starts with `prefix`; null when none does; undefined when several do. */
  private prefixTerm(prefix: string): string | null | undefined {
    const first = this.vocab.get(prefix);
    if (first === undefined || !first.startsWith(prefix)) return null;
    // No term holds a control character: the next term after `first`, if any, is at or after first + \x01.
    const next = this.vocab.get(`${first}\x01`);
    return next?.startsWith(prefix) ? undefined : first;
  }

  /** The index's row count and average row size in tokens, from FTS5's averages record (as `bm25` reads them). */
  private totals(): { rows: number; avgdl: number } {
    const record = this.s.totals.get();
    if (record === undefined) return { rows: 0, avgdl: 0 };
    // Its first value is the row count, the others each column's tokens.
    const rows = varintsSum(record, 0, record.length, 0, 1);
    return { rows, avgdl: varintsSum(record, 0, record.length, 1) / rows };
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

/**
 * The sum of the values of a record of SQLite's variable-length integers (FTS5's records) in `bytes` from `from`
 * to `to`, the `take` after the first `skip`, in their order: a docsize record sums to its row's tokens.
 */
function varintsSum(bytes: Buffer, from: number, to: number, skip = 0, take = Number.POSITIVE_INFINITY): number {
  let sum = 0;
  let i = from;
  for (let k = 0; i < to && k < skip + take; k++) {
    let v = 0;
    for (let n = 0; ; n++) {
      const byte = bytes[i++]!;
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

/** Each kind's factor (kindFactors) with its name's bytes, to find a match's without making its kind a string. */
const kindFactorBytes = Object.entries(kindFactors).map(([kind, f]) => [Buffer.from(kind), f] as const);

function kindFactorAt(m: Matches, i: number): number {
  const from = m.at[i * fields + kindAt]!;
  const to = m.at[i * fields + kindAt + 1]!;
  for (const [kind, f] of kindFactorBytes) if (kind.length === to - from && m.heads.compare(kind, 0, kind.length, from, to) === 0) return f;
  return 1.0;
}

/** The BM25 weight of an occurrence in a field of `Matches.at`: words, stems, more_stems. */
const fieldWeights: Readonly<Record<number, number>> = { [wordsAt]: weights.words, [stemsAt]: weights.stems, [moreStemsAt]: weights.moreStems };

/**
 * Adds to `freq` each match's weighted occurrences of `term` as a token of its fields `first` to `last` (held one
 * after another in `bytes`, a match's after the previous one's): one pass over the term's occurrences in `bytes`,
 * each found in the match and field it falls in, a token where a space or the field's edge lies on both sides
 * (as FTS5's tokenizer splits the plain terms these columns hold).
 */
function addHits(m: Matches, bytes: Buffer, first: number, last: number, term: Buffer, freq: Float64Array): void {
  const at = m.at;
  let r = 0;
  for (let x = bytes.indexOf(term); x >= 0; x = bytes.indexOf(term, x + 1)) {
    while (x >= at[r * fields + last + 1]!) r++;
    const end = x + term.length;
    for (let f = first; f <= last; f++) {
      const to = at[r * fields + f + 1]!;
      if (x >= to) continue;
      const from = at[r * fields + f]!;
      if (end <= to && (x === from || bytes[x - 1] === space) && (end === to || bytes[end] === space)) freq[r]! += fieldWeights[f]!;
      break;
    }
  }
}

/**
 * FTS5's `bm25` of each match (`fts5Bm25Function`) times its kind's factor: per phrase, its IDF times the saturated
 * frequency of its weighted occurrences in the row's size against the average, summed in the phrases' order;
 * negated. The same operations in the same order as for one match at a time: the same doubles.
 */
function bm25s(m: Matches, phrases: readonly Phrase[], avgdl: number): Float64Array {
  const score = new Float64Array(m.count);
  const freq = new Float64Array(m.count);
  const norm = new Float64Array(m.count);
  for (let i = 0; i < m.count; i++) norm[i] = k1 * (1 - b + (b * varintsSum(m.heads, m.at[i * fields + sizeAt]!, m.at[i * fields + sizeAt + 1]!)) / avgdl);
  for (const p of phrases) {
    freq.fill(0);
    if (p.term !== null) {
      const term = Buffer.from(p.term, 'latin1');
      if (p.column === 'words') addHits(m, m.words, wordsAt, wordsAt, term, freq);
      else addHits(m, m.stems, stemsAt, moreStemsAt, term, freq);
    }
    for (let i = 0; i < m.count; i++) score[i]! += p.idf * ((freq[i]! * (k1 + 1.0)) / (freq[i]! + norm[i]!));
  }
  for (let i = 0; i < m.count; i++) score[i] = -1.0 * score[i]! * kindFactorAt(m, i);
  return score;
}
