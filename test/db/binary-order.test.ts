import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryOrder } from '../../src/db/binary-order.js';

// binaryOrder stands in for SQLite's BINARY collation where JavaScript sorts what SQLite would (the search's ties,
// the import's counts): held to SQLite's own comparison of the same two texts.
describe('binaryOrder', () => {
  const db = new Database(':memory:');
  const sqlite = db.prepare<[string, string, string, string], number>('SELECT CASE WHEN ? < ? THEN -1 WHEN ? = ? THEN 0 ELSE 1 END').pluck();
  const order = (x: string, y: string) => sqlite.get(x, y, x, y)!;

  it('orders any two texts as SQLite does: characters beyond U+FFFF and above the surrogates, prefixes, equal texts', () => {
    // Texts of a few characters drawn from a small alphabet that straddles the surrogates, so that pairs share
    // prefixes and differ where UTF-16's order and UTF-8's part ways.
    const char = fc.constantFrom('a', 'B', 'é', '\u07ff', '\ud7ff', '\ue000', '\uffff', '😀', '\u{10000}', '\u{10ffff}');
    const text = fc.array(char, { maxLength: 5 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (x, y) => {
        expect(binaryOrder(x, y)).toBe(order(x, y));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with SQLite on any code points', () => {
    const text = fc.string({ unit: 'binary', maxLength: 8 });
    fc.assert(
      fc.property(text, text, (x, y) => void expect(binaryOrder(x, y)).toBe(order(x, y))),
      { numRuns: 5000 },
    );
  });

  it('puts U+E000 before U+1F600, as UTF-8 does and UTF-16 does not', () => {
    expect(binaryOrder('\ue000', '😀')).toBe(-1);
    expect(order('\ue000', '😀')).toBe(-1);
    expect('\ue000' < '😀').toBe(false);
  });
});
