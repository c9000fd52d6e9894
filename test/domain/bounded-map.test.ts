import { describe, expect, it } from 'vitest';
import { setBounded } from '../../src/domain/bounded-map.js';

describe('setBounded: a Map of at most `limit` entries, the oldest dropped first', () => {
  it('keeps every entry up to the limit, then drops the oldest for each new key', () => {
    const m = new Map<string, number>();
    for (const [i, k] of ['a', 'b', 'c'].entries()) setBounded(m, k, i, 3);
    expect([...m.keys()]).toEqual(['a', 'b', 'c']);
    setBounded(m, 'd', 3, 3);
    expect([...m]).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 3],
    ]);
  });

  it('a key already held is set in its place, and nothing is dropped', () => {
    const m = new Map([
      ['a', 0],
      ['b', 1],
    ]);
    setBounded(m, 'a', 9, 2);
    expect([...m]).toEqual([
      ['a', 9],
      ['b', 1],
    ]);
  });
});
