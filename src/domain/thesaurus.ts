import data from '../../data/thesaurus.json' with { type: 'json' };
import { fold } from './normalize.js';

/**
 * Words that mean the same (data/thesaurus.json): a question's words are read in the plan's own wording before
 * anything is looked up (`seminar` → `workshop`, `equipos de país` → `UNCTs`, `xenofobia cero` →
 * `#XenophobiaZero`). Each entry is checked against the plan and the reference data by a test.
 */
export interface ThesaurusEntry {
  /** The plan's (or the reference's) wording, folded. */
  plan: string;
  /** What people type for it, folded. */
  same: string[];
  /** Why a word of `same` that the data does not hold means the same (a plain synonym), else null. */
  why: string | null;
  /**
   * Other wordings the data itself uses for the same thing (`local authorities` beside `local governments`):
   * never put in place of a question's words, only counted as the same when telling which activities are
   * about something (`aboutWords`).
   */
  also?: string[];
}

export const thesaurus: readonly ThesaurusEntry[] = data.entries;

type Pair = readonly [string, string];
const longestFirst = (a: Pair, b: Pair) => b[0].split(' ').length - a[0].split(' ').length || b[0].length - a[0].length;

/** Every alternative with its plan wording, the longest first (so `climate change` wins over `climate`). */
const pairs = thesaurus.flatMap((e) => e.same.map((s): Pair => [fold(s), fold(e.plan)])).sort(longestFirst);

/** As `pairs`, with each entry's `also` wordings too. */
const relatedPairs = [...pairs, ...thesaurus.flatMap((e) => (e.also ?? []).map((s): Pair => [fold(s), fold(e.plan)]))].sort(longestFirst);

/** Folded text with every alternative the thesaurus knows replaced by the plan's wording (whole words). */
export function inPlanWords(folded: string): string {
  return replaced(folded, pairs);
}

/**
 * Folded text with every wording of a thing, the data's other wordings (`also`) included, replaced by the one
 * wording of its entry: what a text is about, to compare a question's topic with an activity's text.
 */
export function aboutWords(folded: string): string {
  return replaced(folded, relatedPairs);
}

function replaced(folded: string, list: readonly Pair[]): string {
  let t = ` ${folded} `;
  for (const [same, plan] of list) {
    if (same === plan || !t.includes(` ${same} `)) continue;
    t = t.split(` ${same} `).join(` ${plan} `);
  }
  return t.trim().replace(/\s+/g, ' ');
}
