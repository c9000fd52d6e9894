import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { fold } from '../../src/domain/normalize.js';
import { aboutWords, inPlanWords, thesaurus } from '../../src/domain/thesaurus.js';

/**
 * Every entry of data/thesaurus.json is checked against the project's copies of the sources: the plan (source
 * 002, with the project's Spanish), the GCM reference and the agencies reference. Its `plan` wording must be
 * there; each word people type for it is there too, or the entry says why it is a plain synonym.
 */
const data = ['data/plan-2023-2024.yaml', 'data/gcm.yaml', 'data/agencies.yaml'].map((f) => readFileSync(path.join(projectRoot, f), 'utf8'));
const corpus = ` ${fold(data.join(' '))} `;
const inData = (phrase: string) => corpus.includes(` ${fold(phrase)} `);

describe('the thesaurus (data/thesaurus.json)', () => {
  it('holds entries, each with a plan wording and words that mean the same', () => {
    expect(thesaurus.length).toBeGreaterThan(10);
    for (const e of thesaurus) expect(e.same.length, e.plan).toBeGreaterThan(0);
  });

  it("every entry's plan wording is found in the sources' data (the plan, the GCM and the agencies' references)", () => {
    expect(thesaurus.filter((e) => !inData(e.plan)).map((e) => e.plan)).toEqual([]);
  });

  it('every word people type is in the data too, or its entry documents it as a plain synonym', () => {
    const undocumented = thesaurus.filter((e) => (e.why ?? '').trim() === '' && e.same.some((s) => !inData(s)));
    expect(undocumented.map((e) => `${e.plan}: ${e.same.filter((s) => !inData(s)).join(', ')}`)).toEqual([]);
  });

  it('no word is given two meanings, and none is its own plan wording', () => {
    const all = thesaurus.flatMap((e) => e.same.map(fold));
    expect(all.filter((w, i) => all.indexOf(w) !== i)).toEqual([]);
    expect(thesaurus.filter((e) => e.same.map(fold).includes(fold(e.plan))).map((e) => e.plan)).toEqual([]);
  });

  it("every other wording an entry lists (`also`) is the data's own", () => {
    expect(thesaurus.flatMap((e) => (e.also ?? []).filter((w) => !inData(w)))).toEqual([]);
    expect(thesaurus.some((e) => (e.also ?? []).length > 0)).toBe(true);
  });

  it('counts the data’s other wordings as the same only when telling what a text is about, never in a question', () => {
    expect(aboutWords('tools for local authorities')).toBe('tools for local governments');
    expect(inPlanWords('tools for local authorities')).toBe('tools for local authorities');
    expect(aboutWords('apoyo a las autoridades locales y municipios')).toBe('apoyo a las local governments y local governments');
  });

  it('reads a question in the plan’s wording, the longest phrase first, whole words only', () => {
    expect(inPlanWords('who runs the seminar on missing migrants')).toBe('who runs the workshop on missing migrants');
    expect(inPlanWords('quien capacita a los equipos de pais')).toBe('quien capacita a los uncts');
    expect(inPlanWords('que es xenofobia cero')).toBe('que es xenophobiazero');
    expect(inPlanWords('anything on climate change')).toBe('anything on adverse drivers');
    expect(inPlanWords('seminarist')).toBe('seminarist');
  });
});
