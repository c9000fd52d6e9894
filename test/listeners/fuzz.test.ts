import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { member, startBot } from '../helpers/slack.js';

const words = [
  'objective',
  'objetivo',
  'activity',
  'actividad',
  'agency',
  'agencia',
  'priority',
  'search',
  'buscar',
  'upcoming',
  'próximo',
  'progress',
  'principles',
  'help',
  'done',
  'hecho',
  'reopen',
  'B1.3',
  'T2.4',
  '1.1',
  '23',
  '0',
  '-1',
  'IOM',
  'OIM',
  '@',
  '*',
  '"',
  '<@U1>',
  '&amp;',
  '\u0000',
  '💥',
  ' ',
];

describe('fuzzing the command text through the real app', () => {
  it('no input makes the app throw, answer late or show a stack trace', async () => {
    const t = await startBot();
    const text = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((w) => w.join(' ')),
      fc.tuple(fc.constantFrom(...words), fc.string({ maxLength: 40 })).map(([a, b]) => `${a} ${b}`),
      fc.string({ minLength: 400, maxLength: 4000 }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const started = Date.now();
        const res = await t.command(input, member);
        const elapsed = Date.now() - started;
        expect(res.status).toBe(200);
        // Slack's protocol deadline: an acknowledgement after 3 s is a failure the user sees.
        expect(elapsed).toBeLessThan(3000);
        expect(res.body).not.toMatch(/\n\s+at [\w.<>]+ \(|Error:|TypeError|undefined is not/);
        const json = res.json as { text?: string; blocks?: unknown[] } | null;
        if (json) {
          expect(typeof json.text).toBe('string');
          expect(json.blocks!.length).toBeLessThanOrEqual(50);
        }
      }),
      { numRuns: 150, seed: 20240424 },
    );
    expect(t.logs.filter((l) => l.includes(' ERROR '))).toEqual([]);
  }, 60_000);
});
