import { describe, expect, it } from 'vitest';
import { findAgencies } from '../../src/domain/questions.js';
import { askQuestion } from '../../src/commands/ask.js';
import type { Answer } from '../../src/domain/answers.js';
import { renderText } from '../../src/views/text-view.js';
import { contextAt, loadedStores } from '../helpers/stores.js';

function ask(text: string, now = '2024-04-24T10:00:00', lang: 'en' | 'es' = 'en'): { a: Answer; text: string } {
  const stores = loadedStores();
  const a = askQuestion(contextAt(stores, now), text, lang);
  return { a, text: renderText(a, stores.directory()) };
}

describe('objective N', () => {
  it('objective 23: the three thematic priorities and their eight activities with agencies in charge', () => {
    const { a, text } = ask('objective 23');
    expect(a.kind).toBe('objective');
    if (a.kind !== 'objective') return;
    expect(a.priorities.map((p) => p.priority.id)).toEqual(['T1', 'T2', 'T3']);
    expect(a.priorities.flatMap((p) => p.activities.map((s) => s.activity.id))).toEqual(['T1.1', 'T1.2', 'T2.1', 'T2.2', 'T2.3', 'T2.4', 'T3.1', 'T3.2']);
    expect(text).toContain('Strengthen international cooperation and global partnerships for safe, orderly and regular migration');
    expect(text).toContain('IOM, MPI, UNICEF, UNHCR and WFP');
  });

  it('objetivo 23 answers in Spanish with the official Spanish title', () => {
    const { a, text } = ask('objetivo 23');
    expect(a.lang).toBe('es');
    expect(text).toContain('Fortalecer la cooperación internacional y las alianzas mundiales para la migración segura, ordenada y regular');
    expect(text).toContain('Prioridad temática T1');
    expect(text).toContain('OIM (IOM)');
  });

  it('an objective the plan does not cite still gets its title and a plain statement', () => {
    const { a, text } = ask('objective 2');
    expect(a.kind).toBe('objective');
    expect(text).toContain('Minimize the adverse drivers');
    expect(text).toContain('No thematic priority of the Work Plan 2023-2024 names objective 2.');
  });

  it.each(['0', '24', 'abc', '-1', '2.5'])('objective %s is a helpful error', (n) => {
    const { a, text } = ask(`objective ${n}`);
    expect(a.kind).toBe('error');
    expect(text).toMatch(/numbered 1 to 23/);
  });

  it('objective alone lists the 23 with the priorities citing each', () => {
    const { a } = ask('objective');
    expect(a.kind === 'objectives' && a.objectives.find((o) => o.objective.number === 16)!.priorities).toEqual(['T2', 'T3']);
  });
});

describe('activity ID', () => {
  it.each(['B1.3', 'b1.3', 'basic 1.3', 'básica 1.3', 'BASIC 1.3'])('%s finds basic activity 1.3', (ref) => {
    const { a } = ask(`activity ${ref}`);
    expect(a.kind === 'activity' && a.items.map((i) => i.state.activity.id)).toEqual(['B1.3']);
  });

  it.each(['T2.4', 'thematic 2.4', 'temática 2.4', '2.4'])('%s finds an activity numbered 2.4', (ref) => {
    const { a } = ask(`activity ${ref}`);
    expect(a.kind === 'activity' && a.items.map((i) => i.state.activity.id)).toEqual(ref === '2.4' ? ['B2.4', 'T2.4'] : ['T2.4']);
  });

  it('a bare unique number gives that one; an ambiguous one gives both, each labelled with its priority', () => {
    const one = ask('activity 1.5').a;
    expect(one.kind === 'activity' && one.items.map((i) => i.state.activity.id)).toEqual(['B1.5']);
    const { a, text } = ask('1.1');
    expect(a.kind === 'activity' && a.items.map((i) => i.state.activity.id)).toEqual(['B1.1', 'T1.1']);
    expect(text).toContain('Basic priority B1');
    expect(text).toContain('Thematic priority T1');
  });

  it('B1.3: IOM leads, supported by the network, in April, June, September and December', () => {
    const { text } = ask('activity B1.3');
    expect(text).toContain('Led by: IOM');
    expect(text).toContain('Supported by: the Network');
    expect(text).toContain('April, June, September and December');
  });

  it('T1.2 shows the note on the ambiguous source', () => {
    expect(ask('activity T1.2').text).toMatch(/ambiguous/);
  });

  it('B9.9 and nonsense are helpful errors', () => {
    expect(ask('activity B9.9').text).toMatch(/no activity B9\.9.*B1\.1–B1\.6/);
    expect(ask('activity xyz').text).toMatch(/not an activity reference/);
    expect(ask('activity').a.kind).toBe('error');
  });
});

describe('agency NAME or alias', () => {
  it('IOM by its Spanish acronym: what it leads, supports, its mandate and matrix issues', () => {
    const { a, text } = ask('agencia OIM');
    expect(a.kind).toBe('agency');
    if (a.kind !== 'agency') return;
    expect(a.agency.id).toBe('IOM');
    expect(a.leads.map((s) => s.activity.id)).toContain('B1.3');
    expect(a.marks.length).toBeGreaterThan(10);
    expect(text).toContain('Organización Internacional para las Migraciones');
    expect(text).toContain('Mandato');
  });

  it.each([
    ['CEPAL', 'ECLAC'],
    ['ACNUR', 'UNHCR'],
    ['PNUD', 'UNDP'],
    ['OIT', 'ILO'],
    ['CICR', 'ICRC'],
    ['unhabitat', 'UN-Habitat'],
    ['ONU Mujeres', 'UN Women'],
    ['Migration Policy Institute', 'MPI'],
    ['OMPI', 'WIPO'],
    ['mpi', 'MPI'],
    ['comisión económica para américa latina y el caribe', 'ECLAC'],
  ])('%s is %s', (name, id) => {
    expect(findAgencies(loadedStores().plans, name).map((x) => x.id)).toEqual([id]);
  });

  it('UNDP: lists what names it, then one line for the activities the whole Network supports', () => {
    const { a, text } = ask('agency UNDP');
    if (a.kind !== 'agency') throw new Error(a.kind);
    expect(a.leads.map((s) => s.activity.id)).toEqual(['B2.2', 'B3.1', 'B3.2', 'B3.3', 'B3.4', 'T2.2']);
    expect(text).toMatch(/It also takes part in \d+ activities supported by the whole Network\./);
  });

  it('a body 004 has no profile of is said so, not invented', () => {
    expect(ask('agency OCHA').text).toContain('has no profile of OCHA');
  });

  it('an unknown agency is a helpful error', () => {
    const { a, text } = ask('agency Starfleet');
    expect(a.kind).toBe('error');
    expect(text).toMatch(/No agency matches "Starfleet"/);
  });
});

describe('priority, search, upcoming, principles, help', () => {
  it('priority T2 lists its four activities and objectives', () => {
    const { a } = ask('priority T2');
    expect(a.kind === 'priority' && a.activities.map((s) => s.activity.id)).toEqual(['T2.1', 'T2.2', 'T2.3', 'T2.4']);
    expect(a.kind === 'priority' && a.priority.objectives).toEqual([5, 6, 9, 10, 16, 17, 19, 22, 23]);
  });

  it('priority 1 is ambiguous and lists B1 and T1', () => {
    const { a } = ask('prioridad 1');
    expect(a.kind === 'priorities' && a.priorities.map((p) => p.priority.id)).toEqual(['B1', 'T1']);
  });

  it('search ranks the missing-migrants activities and their priority first', () => {
    // The activities' index rows also hold their Spanish texts (longer rows rank lower): T1, whose title is
    // "…on missing migrants", may come before its two activities.
    const { a } = ask('search missing migrants');
    expect(
      a.kind === 'search' &&
        a.hits
          .slice(0, 3)
          .map((h) => h.ref)
          .sort(),
    ).toEqual(['T1', 'T1.1', 'T1.2']);
  });

  it('search with nothing matching is an empty answer, not an error', () => {
    const { a, text } = ask('search zzzzqqq');
    expect(a.kind).toBe('search');
    expect(text).toMatch(/Nothing/);
  });

  it('search survives FTS syntax in the query', () => {
    expect(ask('search "NEAR( OR * migrants').a.kind).toBe('search');
  });

  it('upcoming on 24 April 2024: the April pledge monitoring, then the May meetings', () => {
    const { a } = ask('upcoming');
    if (a.kind !== 'upcoming') throw new Error(a.kind);
    expect(a.items.slice(0, 5).map((i) => i.occurrence.key)).toEqual(['B1.3@2024-04', 'B1.4@2024-04', 'B1.2@2024-05', 'B2.1@2024-05', 'B3.1@2024-05']);
  });

  it('upcoming leaves out what is done', () => {
    const stores = loadedStores();
    stores.state.markDone('lac-2023-2024', 'B1.3', 'B1.3@2024-04', { userId: 'U1', source: 'test' }, '2024-04-24T12:00:00Z');
    const a = askQuestion(contextAt(stores, '2024-04-24T10:00:00'), 'upcoming', 'en');
    expect(a.kind === 'upcoming' && a.items[0]!.occurrence.key).toBe('B1.4@2024-04');
  });

  it("after the plan's period, upcoming says the plan ended and how to load the next", () => {
    const { a, text } = ask('próximo', '2026-11-23T10:00:00');
    expect(a.kind === 'upcoming' && a.ended).toBe(true);
    expect(text).toMatch(/terminó el 31 de diciembre de 2024/);
    expect(text).toMatch(/plan:import/);
  });

  it("principles lists the ten, in the keyword's language", () => {
    expect(ask('principles').text).toContain('(j) Whole-of-society approach');
    expect(ask('principios').text).toContain('(a) Centrada en las personas');
  });

  it('help and ayuda; empty text is help', () => {
    expect(ask('help').text).toContain('objective 23');
    expect(ask('ayuda').text).toContain('objetivo 23');
    expect(ask('').a.kind).toBe('help');
  });

  it('with no keyword the default language answers; keywords are accent- and case-insensitive', () => {
    expect(ask('B1.3', undefined, 'es').text).toContain('A cargo de: OIM (IOM)');
    expect(ask('PRÓXIMO').a.lang).toBe('es');
    expect(ask('Objetivo 8').a.lang).toBe('es');
  });

  it('words the bot cannot read are searched for, with a hint of the commands; nothing found is a helpful error', () => {
    expect(ask('frobnicate 3').text).toMatch(/I searched the plan for "frobnicate 3"\. For the commands, try `help`/);
    expect(ask('frobnicate').text).toMatch(/I don't know "frobnicate"\. Try `help`/);
  });

  it('progress counts activities and occurrences by priority', () => {
    const stores = loadedStores();
    stores.state.markDone('lac-2023-2024', 'B1.5', 'B1.5', { userId: 'U1', source: 'test' }, '2023-09-28T12:00:00Z');
    const a = askQuestion(contextAt(stores, '2024-04-24T10:00:00'), 'progress', 'en');
    if (a.kind !== 'progress') throw new Error(a.kind);
    expect(a.priorities[0]).toMatchObject({ activitiesDone: 1, activities: 6, occurrencesDone: 1 });
  });
});
