import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachWord, isSpace } from '../../src/db/search-store.js';

// A snippet's words are found without splitting the whole text (src/db/search-store.ts, snippetOf): these hold
// that scan to what it replaces, `text.split(/\s+/).filter(Boolean)`.

/** The words eachWord finds, as strings. */
function scanned(text: string): string[] {
  const words: string[] = [];
  eachWord(text, (start, end) => {
    words.push(text.slice(start, end));
    return false;
  });
  return words;
}

describe('the words of a snippet', () => {
  it('takes as space every UTF-16 code unit a regular expression`s \\s matches, and no other', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  it('finds the words split(/\\s+/) finds, for texts of words, every kind of space, surrogates and empty runs', () => {
    const parts = [
      'migrants',
      'niños',
      'a',
      '—',
      '😀',
      '\ud83d',
      'B1.2',
      ' ',
      '  ',
      '\t',
      '\n',
      '\r\n',
      '\u00a0',
      '\u2003',
      '\u2028',
      '\u3000',
      '\ufeff',
      '\u200b',
      '\u180e',
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.constantFrom(...parts), { maxLength: 12 }).map((p) => p.join('')),
          fc.string(),
        ),
        (text) => {
          expect(scanned(text)).toEqual(text.split(/\s+/).filter(Boolean));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('stops at the word the caller stops at, having counted it', () => {
    const seen: number[] = [];
    const count = eachWord(' one two  three four ', (_start, _end, k) => {
      seen.push(k);
      return k === 2;
    });
    expect([seen, count]).toEqual([[0, 1, 2], 3]);
  });
});
