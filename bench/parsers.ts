/**
 * The parsers of text people send, timed on the worst inputs known for them: `npm run bench` calls
 * `benchParsers` (bench/run.ts), `node --import tsx bench/parsers.ts` runs it alone. Each parser reads text
 * the door already bounded (4,000 characters for a command); here each gets far more (`sizes`), so that a
 * parser that is not linear shows at once. The same cases feed the linear-parser test
 * (test/domain/linear-parsers.test.ts).
 */
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { route } from '../src/commands/table.js';
import { parseActivityRef, parsePriorityRef, splitOccurrenceArg, splitPlanOption } from '../src/domain/command.js';
import { languageOf, periodOf, readQuestion, topicOf } from '../src/domain/intents.js';
import { containsWords, fold } from '../src/domain/normalize.js';
import { parseOccurrenceKey } from '../src/domain/occurrences.js';
import { foldAll, queryStems, stemsOf } from '../src/db/stems.js';

const now = DateTime.fromISO('2024-04-24T10:00:00', { zone: 'America/Santiago' });

/** Every parser of people's text, as a function of one text. */
export const parserCases: readonly (readonly [string, (text: string) => unknown])[] = [
  ['parseCommand (the command table)', (t) => route(t, 'en')],
  ['splitPlanOption', splitPlanOption],
  ['splitOccurrenceArg', splitOccurrenceArg],
  ['parseActivityRef', parseActivityRef],
  ['parsePriorityRef', parsePriorityRef],
  ['parseOccurrenceKey', parseOccurrenceKey],
  ['fold', fold],
  ['containsWords', (t) => containsWords(t, 'un habitat')],
  ['readQuestion', (t) => readQuestion(t, now)],
  ['periodOf', (t) => periodOf(fold(t), now)],
  ['languageOf', (t) => languageOf(t, fold(t))],
  ['topicOf', (t) => topicOf(fold(t), true)],
  ['search stems', (t) => stemsOf(foldAll(t))],
  ['query stems', (t) => fold(t).split(' ').slice(0, 12).map(queryStems)],
];

/**
 * Fragments that, repeated, made a parser rescan its text (`plan:x `), or that the patterns of these parsers
 * backtrack on (runs of spaces, `@`, digits and dashes, dates, keywords, marks, long words).
 */
export const worstFragments: readonly string[] = [
  'plan:x ',
  'plan: ',
  ' ',
  '\t \n',
  'a ',
  'a',
  '@',
  ' @ ',
  '1',
  '1-',
  '2024-05 ',
  '2024-05-',
  'B1.2@',
  'b 1 . ',
  'objective ',
  'objective n ',
  "'s ",
  'who leads ',
  'next week ',
  'may 2024 ',
  'é\u0301',
  '¿',
  '<@U1> ',
  '%',
];

/** Best of `repeat` runs of `fn(text)`, in milliseconds: the least disturbed by other work on the machine. */
export function bestMs(fn: (text: string) => unknown, text: string, repeat = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** `fragment` repeated to `size` characters. */
export const repeated = (fragment: string, size: number): string => fragment.repeat(Math.ceil(size / fragment.length)).slice(0, size);

export interface ParserTiming {
  parser: string;
  fragment: string;
  size: number;
  ms: number;
}

/** Each parser on each worst fragment at each size; the worst time of each parser. */
export function benchParsers(sizes: readonly number[] = [4_000, 140_000]): ParserTiming[] {
  const worst: ParserTiming[] = [];
  for (const [parser, fn] of parserCases) {
    let top: ParserTiming = { parser, fragment: '', size: 0, ms: -1 };
    for (const fragment of worstFragments)
      for (const size of sizes) {
        const ms = bestMs(fn, repeated(fragment, size));
        if (ms > top.ms) top = { parser, fragment, size, ms };
      }
    worst.push(top);
  }
  return worst;
}

/** Prints the table of worst times, and the worst of all. */
export function printParsers(timings: readonly ParserTiming[]): void {
  console.log("\nParsers of people's text, worst time seen (best of 3 runs per input)");
  for (const t of timings)
    console.log(`  ${t.parser.padEnd(34)} ${t.ms.toFixed(2).padStart(8)} ms  ${JSON.stringify(t.fragment)} × ${t.size.toLocaleString('en-US')} chars`);
  const top = timings.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`  worst: ${top.parser}, ${top.ms.toFixed(2)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) printParsers(benchParsers());
