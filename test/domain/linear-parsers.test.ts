import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestMs, parserCases, repeated, worstFragments } from '../../bench/parsers.js';
import { maxCommandLength, parseCommand, splitPlanOption } from '../../src/domain/command.js';

/**
 * Every parser of people's text is linear: the time for a text four times longer is about four times the
 * time, never sixteen (quadratic). Wall time is compared between n and 4n characters of the same text on the
 * same machine (best of three runs each), not against a fixed bound, so a loaded machine slows both alike.
 * Below 25 ms for 32,000 characters a parser is not compared: there a collection of the garbage one split
 * leaves can double a time (a 4× text measured 14× once), while a quadratic parser is far above it: the old
 * `splitPlanOption` took about 1.5 s on 32,000 characters of `plan:x ` (30 s on 140,000).
 */
const small = 8_000;
const large = 4 * small;
const floorMs = 25;
const maxRatio = 10;

/**
 * How the time grows from `small` to `large` characters of `fragment`, measured up to three times: a parser
 * that is not linear grows too fast every time; a pause of the machine (other work, a collection) does not
 * come back three times in a row. Returns null when it grew linearly, else what was measured.
 */
function superlinear(fn: (text: string) => unknown, fragment: string): string | null {
  let seen = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const longer = bestMs(fn, repeated(fragment, large));
    if (longer < floorMs) return null;
    const shorter = Math.max(bestMs(fn, repeated(fragment, small)), 0.05);
    if (longer / shorter < maxRatio) return null;
    seen = `${JSON.stringify(fragment)}: ${shorter.toFixed(2)} ms for ${small} characters, ${longer.toFixed(2)} ms for ${large}`;
  }
  return seen;
}

const fragment = fc.oneof(
  fc.constantFrom(...worstFragments),
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.array(fc.constantFrom(...worstFragments, 'x', '.', ':', '-'), { minLength: 2, maxLength: 4 }).map((p) => p.join('')),
);

describe('the parsers of text people send are linear in the text', () => {
  it.each(parserCases.map(([name, fn]) => [name, fn] as const))(
    '%s: 4 times the text takes about 4 times as long, never 16',
    (_name, fn) => {
      fc.assert(
        fc.property(fragment, (f) => {
          expect(superlinear(fn, f)).toBeNull();
        }),
        // The known worst fragments always, then generated ones; no shrinking (each run of a slow parser is slow).
        { numRuns: 15, seed: 2112, examples: worstFragments.map((f) => [f] as [string]), endOnFailure: true },
      );
    },
    120_000,
  );
});

describe('command text is bounded before it is parsed', () => {
  it('`plan:x ` 20,000 times (140 kB) is refused as too long, in milliseconds, and splitPlanOption reads it in one pass', () => {
    const text = 'plan:x '.repeat(20_000);
    expect(parseCommand(text, 'en', new Map())).toEqual({ name: 'too_long', arg: String(text.length), lang: 'en' });
    expect(splitPlanOption(text)).toEqual({ rest: '', plan: 'x' });
    expect(splitPlanOption(`objective 23 plan:a ${'plan:b '.repeat(3)}plan:lac`)).toEqual({ rest: 'objective 23', plan: 'lac' });
    expect(text.length).toBeGreaterThan(maxCommandLength);
  });
});
