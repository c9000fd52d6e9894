import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAsk } from '../../src/cli/ask.js';
import { tempDir } from '../helpers/stores.js';

/** `npm run ask -- …` in-process: what it wrote on stdout. */
function ask(words: string[]): string {
  const out: string[] = [];
  const code = runAsk(
    words,
    { DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'), GCM_NOW: '2024-04-24T10:00:00' },
    (s) => out.push(s),
    () => undefined,
  );
  expect(code).toBe(0);
  return out.join('');
}

describe('what the bot says about dates and languages is true', () => {
  it.each([
    ['en', ['activity', 'B4.1'], 'B4.1: no date in the plan'],
    ['es', ['actividad', 'B4.1'], 'B4.1: sin fecha en el plan'],
  ])('an occurrence with no date says "no date in the plan", never "Due no date" (%s)', (_lang, words, expected) => {
    const text = ask(words);
    expect(text).toContain(expected);
    expect(text).not.toMatch(/Due no date|Vence sin fecha/);
  });

  it('the Spanish help says what Spanish answers do: the activity texts in Spanish when the plan has them', () => {
    const help = ask(['ayuda']);
    const activity = ask(['actividad', 'B1.3']);
    // The bundled plan has the project's Spanish texts, and a Spanish answer shows them...
    expect(activity).toContain('Traducción no oficial');
    // ...so the help may not say the texts are in English.
    expect(help).not.toContain('El texto de las actividades está en inglés');
    expect(help).toContain('traducción no oficial del proyecto');
  });
});
