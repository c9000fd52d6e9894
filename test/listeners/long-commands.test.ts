import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/commands/ask.js';
import { route } from '../../src/commands/table.js';
import { maxCommandLength } from '../../src/domain/command.js';
import { coChair, eventually, startBot } from '../helpers/slack.js';
import { contextAt, loadedStores } from '../helpers/stores.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `U${String(i).padStart(9, '0')}`);

describe('command text is read whole or refused whole, never cut', () => {
  it('/gcm focal IOM with 40 mentions adds all 40', async () => {
    const t = await startBot();
    const people = ids(40);
    const text = `focal IOM ${people.map((u) => `<@${u}|person-${u.toLowerCase()}>`).join(' ')}`;
    expect(text.length).toBeGreaterThan(1000);
    expect((await t.command(text, coChair)).status).toBe(200);
    await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(t.stores.state.focalPointsOf('IOM')).toEqual(people);
  });

  it('text longer than the bound is refused with its length and the bound, and nothing is stored', async () => {
    const t = await startBot();
    const people = ids(300);
    const text = `focal IOM ${people.map((u) => `<@${u}>`).join(' ')}`;
    expect(text.length).toBeGreaterThan(maxCommandLength);
    const ack = await t.command(text, coChair);
    const answer = JSON.stringify(ack.json);
    expect(answer).toContain(`This command is ${text.length.toLocaleString('en-US')} characters long`);
    expect(answer).toContain('up to 4,000 characters, so I did nothing with it');
    expect(t.stores.state.focalPointsOf('IOM')).toEqual([]);
    expect(t.standin.callsOf('users.info')).toEqual([]);
  });

  it('the bound is exact: text of maxCommandLength characters is read, one more is refused, in the keyword language', () => {
    const fill = (n: number, head: string) => `${head} ${'a'.repeat(n - head.length - 1)}`;
    expect(route(fill(maxCommandLength, 'search'), 'en').command.name).toBe('search');
    const over = route(fill(maxCommandLength + 1, 'buscar'), 'en');
    expect(over.command.name).toBe('too_long');
    expect(over.parsed.lang).toBe('es');
    const ctx = contextAt(loadedStores(), '2024-04-24T10:00:00');
    expect(askQuestion(ctx, fill(maxCommandLength + 1, 'buscar'), 'en')).toEqual({
      kind: 'error',
      lang: 'es',
      error: { code: 'too_long', length: maxCommandLength + 1, max: maxCommandLength },
    });
  });

  it('while a 140 kB text of `plan:x ` is answered, /health answers within a second, and the text is refused as too long', async () => {
    const t = await startBot();
    await t.bot.reminders.tick(); // health is 200 once a reminder pass holds the lease
    const text = 'plan:x '.repeat(20_000);
    let acked = false;
    const answer = t.command(text).finally(() => {
      acked = true;
    });
    // /health asked again and again until the command is answered: each answer within a second.
    do {
      const started = Date.now();
      const health = await fetch(`${t.baseUrl}/health`);
      expect(health.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1000);
    } while (!acked);
    const ack = await answer;
    expect(ack.status).toBe(200);
    expect(JSON.stringify(ack.json)).toContain('This command is 140,000 characters long');
  }, 90_000);
});
