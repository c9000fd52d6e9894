import type { Db } from './open-database.js';
import { fold } from '../domain/normalize.js';
import type { Language, SearchHit } from '../domain/types.js';
import type { SearchIndexRow } from './rows.js';
import { queryStems, stemsOfWord, stopWords } from './stems.js';

/** How many matches of a search are ranked at most (see the search statement). */
const searchCandidates = 200;

/** The longest snippet shown, in words, and the longest word in it (a plan text may be one 5,000-character "word"). */
const snippetWords = 28;
const snippetWordChars = 40;
const clipWord = (w: string) => (w.length > snippetWordChars ? `${w.slice(0, snippetWordChars - 1)}…` : w);

/**
 * The words of `body` around the first word of the query found in it, every matched word marked with `*`
 * (a word matches when it shares a stem with a query word, or starts with one).
 */
function snippetOf(body: string, terms: string[], stems: Set<string>): string {
  const words = body.split(/\s+/).filter(Boolean);
  const hit = (w: string) => {
    const f = fold(w);
    if (f === '') return false;
    return terms.some((t) => t.length > 2 && f.startsWith(t)) || f.split(' ').some((p) => p !== '' && stemsOfWord(p).some((s) => stems.has(s)));
  };
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
function queryWords(text: string): string[] {
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
function ftsQuery(words: string[], mode: 'all' | 'any'): string | null {
  if (words.length === 0) return null;
  const clause = (w: string) => {
    const stems = queryStems(w).map((s) => `"${s}"`);
    return `({stems more_stems} : (${stems.join(' OR ')}) OR words : "${w}"*)`;
  };
  return words.map(clause).join(mode === 'all' ? ' AND ' : ' OR ');
}

type Found = Pick<SearchIndexRow, 'kind' | 'ref' | 'title_en' | 'title_es' | 'body_en' | 'body_es'>;

/**
 * The full-text search over the search index (FTS5), which the plan import fills: the plans' activities and
 * priorities, the agencies and the objectives, in English and in Spanish. Ranked by BM25 over the stems
 * (and the words), activities first among equals (what people look for), agencies' long profiles last. Statements are prepared once.
 */
export class SearchStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      search: db.prepare<{ q: string; limit: number }, Found>(
        // Ranking every match of a common word costs milliseconds on a large plan: only the first
        // searchCandidates matches are ranked (on plans of the real size, that is every match).
        `SELECT kind, ref, title_en, title_es, body_en, body_es FROM (
           SELECT kind, ref, title_en, title_es, body_en, body_es, bm25(search_index, 0, 0, 0, 0, 0, 0, 0, 1.0, 4.0, 1.5, 0) AS score
           FROM search_index WHERE search_index MATCH @q LIMIT ${searchCandidates})
         ORDER BY score * CASE kind WHEN 'activity' THEN 1.6 WHEN 'agency' THEN 0.7 ELSE 1.0 END, kind, ref LIMIT @limit`,
      ),
      planCount: db.prepare<[], number>('SELECT count(*) FROM plans').pluck(),
    };
  }

  /**
   * Ranked full-text search over the plan's activities and priorities, the agencies and the objectives:
   * every word first, else any of them. Hits show the text in `lang` (English where there is no Spanish).
   */
  search(planId: string, text: string, limit: number, lang: Language = 'en'): SearchHit[] {
    const words = queryWords(text);
    const stems = new Set(words.flatMap(queryStems));
    for (const mode of ['all', 'any'] as const) {
      const q = ftsQuery(words, mode);
      if (q === null) return [];
      // With one plan every row is in scope. With several, the indexed scope column keeps the plan's rows and
      // the shared ones (agencies, objectives); it costs a pass over the plan's rows, so only then.
      const scoped = this.s.planCount.get() === 1 ? q : `(${q}) AND scope : (${scopeToken(planId)} OR ${scopeToken('')})`;
      const hits = this.s.search.all({ q: scoped, limit }).map((r): SearchHit => {
        const body = lang === 'es' && r.body_es !== '' ? r.body_es : r.body_en;
        return { kind: r.kind, ref: r.ref, title: lang === 'es' && r.title_es !== '' ? r.title_es : r.title_en, snippet: snippetOf(body, words, stems) };
      });
      if (hits.length > 0) return hits;
    }
    return [];
  }
}
