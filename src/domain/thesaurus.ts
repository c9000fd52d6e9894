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
}

export const thesaurus: readonly ThesaurusEntry[] = data.entries;

/** Every alternative with its plan wording, the longest first (so `climate change` wins over `climate`). */
const pairs = thesaurus
  .flatMap((e) => e.same.map((s) => [fold(s), fold(e.plan)] as const))
  .sort((a, b) => b[0].split(' ').length - a[0].split(' ').length || b[0].length - a[0].length);

/** Folded text with every alternative the thesaurus knows replaced by the plan's wording (whole words). */
export function inPlanWords(folded: string): string {
  let t = ` ${folded} `;
  for (const [same, plan] of pairs) {
    if (same === plan || !t.includes(` ${same} `)) continue;
    t = t.split(` ${same} `).join(` ${plan} `);
  }
  return t.trim().replace(/\s+/g, ' ');
}
