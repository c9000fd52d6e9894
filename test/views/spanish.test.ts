import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runAsk } from '../../src/cli/ask.js';
import { defaultPlanFile } from '../../src/config.js';
import { startBot } from '../helpers/slack.js';
import { tempDir, zone } from '../helpers/stores.js';
import { words } from './visible.js';

/**
 * A Spanish answer is Spanish throughout: the plan's and the profiles' Spanish texts (the project's translation)
 * where they exist, one title per objective, and once, in small print, that the translation is not official.
 */

const note = 'Traducción no oficial del proyecto';
const count = (text: string, part: string) => text.split(part).length - 1;

function ask(words: string, extra: Record<string, string> = {}) {
  const out: string[] = [];
  const code = runAsk(
    words.split(' '),
    { DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'), GCM_NOW: '2024-04-24T10:00:00', GCM_TIMEZONE: zone, ...extra },
    (s) => out.push(s),
    () => {},
  );
  return { code, out: out.join('\n') };
}

interface Case {
  words: string;
  /** Spanish texts the answer shows. */
  es: string[];
  /** English texts of the plan or the profile it must not show. */
  notEn: string[];
}

const cases: Case[] = [
  {
    words: 'agencia OIT',
    es: ['Creada en 1919, la OIT', 'Su trabajo en migración se basa', 'Organizar una consulta regional', 'La migración en el mandato'],
    notEn: ['Created in 1919', 'Its migration work builds', 'Organize a regional consultation', 'resumen en inglés', 'Migration in the mandate'],
  },
  {
    words: 'objetivo 8',
    es: ['Salvar vidas y emprender iniciativas internacionales coordinadas', 'Organizar un taller sobre estrategias'],
    notEn: ['Save lives and establish', 'Organize a data collection', 'Objective 8', 'Work Plan 2023-2024'],
  },
  {
    words: 'actividad T1.1',
    es: ['Organizar un taller sobre estrategias de recopilación de datos', 'Prioridad temática T1: Salvar vidas', 'parece ser una sola celda'],
    notEn: ['Organize a data collection', 'Save lives and establish', 'appears to be one cell'],
  },
  {
    words: 'prioridad T1',
    es: ['Salvar vidas y emprender', 'Organizar una sesión informativa sobre el Proyecto Migrantes Desaparecidos'],
    notEn: ['Save lives and establish', 'Organize an informative session'],
  },
];

describe('a Spanish answer is Spanish throughout', () => {
  for (const c of cases) {
    it(`in the terminal: ask ${c.words}`, () => {
      const r = ask(c.words);
      expect(r.code).toBe(0);
      for (const w of c.es) expect(r.out).toContain(w);
      for (const w of c.notEn) expect(r.out).not.toContain(w);
      expect(count(r.out, note)).toBe(1);
    });

    it(`in Slack: /gcm ${c.words}`, async () => {
      const t = await startBot();
      const res = await t.command(c.words);
      expect(res.status).toBe(200);
      const all = words(res.json);
      for (const w of c.es) expect(all).toContain(w);
      for (const w of c.notEn) expect(all).not.toContain(w);
      expect(count(all, note)).toBe(1);
      // The note is small print: a context block, the last before the Share button.
      const blocks = (res.json as { blocks: { type: string; elements?: { text?: string }[] }[] }).blocks;
      const noted = blocks.filter((b) => b.type === 'context' && b.elements?.some((e) => e.text?.startsWith(note)));
      expect(noted).toHaveLength(1);
    });
  }

  it('a search hit of an objective shows its Spanish title once', () => {
    const r = ask('buscar salvar');
    expect(r.out).toContain('Objetivo 8: Salvar vidas y emprender iniciativas internacionales coordinadas');
    expect(r.out).not.toContain('Objective 8');
    expect(r.out).not.toContain('Save lives');
  });

  it("the plan's title in Spanish", () => {
    const r = ask('avance');
    expect(r.out).toContain('Plan de Trabajo 2023-2024');
    expect(r.out).not.toContain('Work Plan');
  });

  it('English answers show the English texts and no note', () => {
    const r = ask('agency ILO');
    expect(r.out).toContain('Created in 1919');
    expect(r.out).not.toContain('Creada en 1919');
    expect(r.out).not.toContain(note);
  });

  it('a plan without Spanish texts still answers in Spanish, with its English texts and the note', () => {
    const plan = parse(readFileSync(defaultPlanFile, 'utf8'));
    delete plan.translation_es;
    for (const p of plan.priorities) {
      delete p.title_es;
      delete p.text_es;
      for (const a of p.activities) delete a.text_es;
    }
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, stringify(plan));
    const r = ask('prioridad T1', { GCM_PLAN: file });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Prioridad temática T1: Save lives and establish');
    expect(r.out).toContain('Organize a data collection');
    expect(count(r.out, note)).toBe(1);
  });
});
