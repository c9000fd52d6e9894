import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemEs } from '@orama/stemmers/spanish';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stemsOf, stemsOfWord } from '../../src/db/stems.js';

// The import gives a word of digits its own self as its stems, without the stemmers: exactly what they give.
const byStemmers = (w: string) => [...new Set([stemEn(w), stemEs(w)])];

describe('the stems of a number', () => {
  it('are what the English and Spanish stemmers give, for any number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,12}$/), (w) => {
        expect(stemsOfWord(w)).toEqual(byStemmers(w));
      }),
      { numRuns: 2000 },
    );
  });

  it('in a text, come in the same place as the stemmers would put them', () => {
    const textWords = fc.array(fc.oneof(fc.stringMatching(/^[0-9]{1,6}$/), fc.constantFrom('migrantes', 'meetings', 'b1', '2024', 'x9', 'reunion')), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(textWords, textWords, (a, b) => {
        const texts = [a.join(' '), b.join(' ')];
        const words = texts.flatMap((t) => t.split(' ').filter((w) => w !== ''));
        const expected = [...new Set(words.flatMap(byStemmers))].join(' ');
        expect(stemsOf(texts)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
