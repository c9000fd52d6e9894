import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stemsOf, stemsOfWord } from '../../src/db/stems.js';

// The search row's stems: every stem of every word of the texts, each once, in the order first met, whatever
// the words repeat, share a stem (`migrant`, `migrants`) or follow one another in calls (the import keeps marks
// on its cached words and stems instead of a set per row).
const wordsOf = (texts: string[]) => texts.flatMap((t) => t.split(' ').filter((w) => w !== ''));
const byDefinition = (texts: string[]) => [...new Set(wordsOf(texts).flatMap(stemsOfWord))].join(' ');

describe('stemsOf', () => {
  it('is each stem of the words once, in order, for any words and any sequence of calls', () => {
    const word = fc.oneof(
      fc.constantFrom('migrant', 'migrants', 'migrantes', 'meeting', 'meetings', 'reunion', 'reuniones', '2s', '2', '10s', '10', 'b1', 'x9'),
      fc.stringMatching(/^[a-z0-9]{1,8}$/),
    );
    const text = fc.array(word, { maxLength: 15 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 4 }), { minLength: 1, maxLength: 4 }), (calls) => {
        for (const texts of calls) expect(stemsOf(texts)).toBe(byDefinition(texts));
      }),
      { numRuns: 2000 },
    );
  });
});
