import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/domain/normalize.js';
import { foldText } from '../../src/db/stems.js';

// The import folds every text of the plan for the search index; its ASCII shortcut must fold exactly as fold.
describe('foldText folds as fold does', () => {
  it('on any text, ASCII or not', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    const words = fc.array(fc.constantFrom('Migración', 'UN-Habitat', 'IOM', 'B1.3', '  x  ', 'Ñandú', 'ÉTÉ', '2024-05', '\t\n', 'ǅ', 'ﬁ'), { maxLength: 8 });
    fc.assert(
      fc.property(
        fc.oneof(
          ascii,
          fc.string(),
          words.map((w) => w.join(' ')),
        ),
        (t) => {
          expect(foldText(t)).toBe(fold(t));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on the words a plan has', () => {
    expect(foldText('  Regional Network on Migration (RNM), 2024-25: UN-Habitat!  ')).toBe('regional network on migration rnm 2024 25 un habitat');
    expect(foldText('Próximo paso')).toBe('proximo paso');
  });
});
