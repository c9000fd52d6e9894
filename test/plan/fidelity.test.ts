import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';

const agencies = parse(readFileSync(path.join(defaultDataDir, 'agencies.yaml'), 'utf8')).agencies as {
  id: string;
  aliases: string[];
  profile: { mandate: string; migration_work: string; mandate_es?: string; migration_work_es?: string } | null;
}[];
const plan = parse(readFileSync(defaultPlanFile, 'utf8'));
const profile = (id: string) => agencies.find((a) => a.id === id)!.profile!;

describe('the data says what the sources say (audit against 004 and 002)', () => {
  it("UNDP's joint stance is the Global Migration Group's, with IOM", () => {
    expect(profile('UNDP').migration_work).toContain('joint stance of the Global Migration Group');
  });
  it("UNHCR's extended mandate keeps 'and under certain circumstances'", () => {
    expect(profile('UNHCR').mandate).toContain('with other agencies and under certain circumstances');
  });
  it('UNODC published the first bi-annual report on trafficking in 2012', () => {
    expect(profile('UNODC').migration_work).toContain('in 2012');
    expect(profile('UNODC').migration_work).toContain('published the first bi-annual report');
  });
  it("IOM's place outside the UN System is said in the past, and its joining in 2016 as a later fact", () => {
    expect(profile('IOM').mandate).toContain('When the 2014 document was written it did not belong to the UN System');
    expect(profile('IOM').mandate).toContain('in 2016: a fact recorded after the document, not in it');
  });
  it('UNPF, a spelling in the 2014 text, is no alias of UNFPA', () => {
    expect(agencies.flatMap((a) => a.aliases)).not.toContain('UNPF');
  });
  it("thematic 1.2's note says its blank reference cell may share thematic 1.1's", () => {
    const t12 = plan.priorities.flatMap((p: { activities: { id: string; note?: string }[] }) => p.activities).find((a: { id: string }) => a.id === 'T1.2');
    expect(t12.note).toContain('may share thematic 1.1');
  });
});

describe("the project's Spanish texts", () => {
  it('every activity and priority has one (and every note), and the plan says they are the project translation', () => {
    expect(plan.translation_es).toBe('project');
    for (const p of plan.priorities) {
      expect(p.title_es, p.id).toBeTruthy();
      expect(p.text_es, p.id).toBeTruthy();
      if (p.note) expect(p.note_es, p.id).toBeTruthy();
      for (const a of p.activities) {
        expect(a.text_es, a.id).toBeTruthy();
        if (a.note) expect(a.note_es, a.id).toBeTruthy();
      }
    }
  });
  it('the plan has a Spanish title and every 2014 matrix issue a Spanish name', () => {
    expect(plan.title_es).toBe('Plan de Trabajo 2023-2024');
    const matrix = parse(readFileSync(path.join(defaultDataDir, 'matrix.yaml'), 'utf8'));
    for (const i of matrix.issues) expect(i.issue_es, String(i.number)).toBeTruthy();
  });
  it('every profile has its mandate and migration work in Spanish, keeping its years', () => {
    for (const a of agencies.filter((x) => x.profile)) {
      const p = a.profile!;
      expect(p.mandate_es, a.id).toBeTruthy();
      expect(p.migration_work_es, a.id).toBeTruthy();
      const years = (s: string) => [...new Set(s.match(/\b(19|20)\d\d\b/g) ?? [])].sort();
      expect(years(`${p.mandate_es} ${p.migration_work_es}`), a.id).toEqual(years(`${p.mandate} ${p.migration_work}`));
    }
  });
});
