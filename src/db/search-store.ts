import type { Db } from './open-database.js';
import { fold } from '../domain/normalize.js';
import type { SearchHit } from '../domain/types.js';
import type { SearchIndexRow } from './rows.js';

/** How many matches of a search are ranked at most (see the search statement). */
const searchCandidates = 200;

/**
 * About 16 words of `body` around the first word of the query found in it, the words marked with `*`
 * (FTS5's snippet() costs too much when many rows match; this runs on the few shown).
 */
function snippetOf(body: string, query: string): string {
  const terms = fold(query)
    .split(' ')
    .filter((w) => w.length > 1);
  const words = body.split(/\s+/).filter(Boolean);
  const hit = (w: string) => terms.some((t) => fold(w).startsWith(t));
  const at = Math.max(0, words.findIndex(hit));
  const from = Math.max(0, at - 6);
  const part = words.slice(from, from + 16).map((w) => (hit(w) ? `*${w}*` : w));
  return `${from > 0 ? '…' : ''}${part.join(' ')}${from + 16 < words.length ? '…' : ''}`;
}

/** The search index's token for a plan (`''`: the reference rows every plan shares): letters and digits only. */
export function scopeToken(planId: string): string {
  return planId === '' ? 'scopeshared' : `scope${Buffer.from(planId).toString('hex')}`;
}

/** Builds an FTS5 query from free text: every word must appear (prefix match); quotes neutralise syntax. */
function ftsQuery(text: string, mode: 'all' | 'any'): string | null {
  const words = fold(text)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(mode === 'all' ? ' AND ' : ' OR ');
}

/**
 * The full-text search over the search index (FTS5), which the plan import fills: the plans' activities and
 * priorities, the agencies and the objectives. Statements are prepared once.
 */
export class SearchStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      search: db.prepare<{ q: string; limit: number }, Pick<SearchIndexRow, 'kind' | 'ref' | 'title' | 'body'>>(
        // Ranking every match of a common word costs milliseconds on a large plan: only the first
        // searchCandidates matches are ranked (on plans of the real size, that is every match).
        `SELECT kind, ref, title, body FROM (
           SELECT kind, ref, title, body, bm25(search_index, 0, 0, 0, 4.0, 1.0, 0) AS score
           FROM search_index WHERE search_index MATCH @q LIMIT ${searchCandidates})
         ORDER BY score, kind, ref LIMIT @limit`,
      ),
      planCount: db.prepare<[], number>('SELECT count(*) FROM plans').pluck(),
    };
  }

  /** Ranked full-text search over the plan's activities and priorities, the agencies and the objectives. */
  search(planId: string, text: string, limit: number): SearchHit[] {
    for (const mode of ['all', 'any'] as const) {
      const q = ftsQuery(text, mode);
      if (q === null) return [];
      // With one plan every row is in scope. With several, the indexed scope column keeps the plan's rows and
      // the shared ones (agencies, objectives); it costs a pass over the plan's rows, so only then.
      const scoped = this.s.planCount.get() === 1 ? q : `(${q}) AND scope : (${scopeToken(planId)} OR ${scopeToken('')})`;
      const hits = this.s.search
        .all({ q: scoped, limit })
        .map((r): SearchHit => ({ kind: r.kind, ref: r.ref, title: r.title, snippet: snippetOf(r.body, text) }));
      if (hits.length > 0) return hits;
    }
    return [];
  }
}
