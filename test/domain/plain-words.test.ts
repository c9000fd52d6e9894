import { beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../../src/domain/ports.js';
import type { AgencyDirectory, PlanInfo } from '../../src/domain/types.js';
import { renderText } from '../../src/views/text-view.js';
import { keywordUsedAsWord } from '../../src/domain/intents.js';
import { fold } from '../../src/domain/normalize.js';
import {
  absentSubject,
  agenciesNamed,
  agencyByNameWords,
  objectiveOfTheme,
  priorityOfTheme,
  themeWords,
  wholeAsked,
  withoutFiller,
} from '../../src/domain/plain-words.js';
import { bareAnswer, currentPlan } from '../../src/domain/questions.js';
import { contextAt, loadedStores } from '../helpers/stores.js';

/** The readers of issue 24 over the real plan and reference data (a fresh SQLite database), and answers through them. */
let ctx: Context;
let plan: PlanInfo;
let dir: AgencyDirectory;
beforeEach(() => {
  const stores = loadedStores();
  dir = stores.directory();
  ctx = contextAt(stores, '2024-04-24T10:00:00');
  plan = currentPlan(ctx.plans, '2024-04-24')!;
});
const ask = (q: string) => renderText(bareAnswer(ctx, plan, q, 'en'), dir);
const words = (q: string) => themeWords(fold(q));

describe('questions in plain words: the readers of issue 24', () => {
  it('takes greetings and filler off the front, in both languages, and nothing else', () => {
    expect(withoutFiller('hey all, one question: who leads the pledge monitoring?')).toBe('who leads the pledge monitoring?');
    expect(withoutFiller('buenas, una consulta… ¿quién lidera el taller?')).toBe('¿quién lidera el taller?');
    expect(withoutFiller('hola a todos, ¿alguien sabe qué lidera UNICEF?')).toBe('qué lidera UNICEF?');
    expect(withoutFiller('hi! quick one - when is the next meeting?')).toBe('when is the next meeting?');
    expect(withoutFiller('T2.4: who is in charge?')).toBe('T2.4: who is in charge?');
    expect(withoutFiller('la prioridad de vías regulares, ¿a qué objetivos sirve?')).toBe('la prioridad de vías regulares, ¿a qué objetivos sirve?');
  });

  it('a keyword followed by the rest of a sentence is an ordinary word; followed by its argument, a keyword', () => {
    expect(keywordUsedAsWord('of the GCM Talks?')).toBe(true);
    expect(keywordUsedAsWord('a las redes nacionales: ¿qué hay previsto?')).toBe(true);
    expect(keywordUsedAsWord('civil society meetings?')).toBe(true);
    expect(keywordUsedAsWord('B1.2 2024-05-15')).toBe(false);
    expect(keywordUsedAsWord('23')).toBe(false);
    expect(keywordUsedAsWord('IOM')).toBe(false);
  });

  it('themes lead to the GCM objective whose official title holds them, English or Spanish', () => {
    const objectives = ctx.plans.objectives();
    const n = (q: string) => objectiveOfTheme(objectives, words(q))?.number ?? null;
    expect(n('what does the network do on data?')).toBe(1);
    expect(n('anything on disasters and climate change?')).toBe(2);
    expect(n('¿qué hay sobre la diáspora?')).toBe(19);
    expect(n('reconocimiento de competencias')).toBe(18);
    expect(n('¿algo sobre protección consular?')).toBe(14);
    expect(n('what about migrants?')).toBeNull();
    expect(n('what about civil society?')).toBeNull();
  });

  it('priorities by their theme, and none when the words are not all in one priority', () => {
    const priorities = ctx.plans.priorities(plan.id);
    const id = (q: string) => priorityOfTheme(priorities, words(q))?.id ?? null;
    expect(id('the missing migrants priority')).toBe('T1');
    expect(id('la prioridad de vías regulares')).toBe('T2');
    expect(id('the national networks priority')).toBe('B2');
    expect(id('priority of the regional consultation on labour agreements')).toBeNull();
  });

  it('agencies by the words of their full names; an ordinary word alone never names one', () => {
    const agencies = ctx.plans.agencies();
    const id = (q: string) => agencyByNameWords(agencies, fold(q).split(' '))?.id ?? null;
    expect(id("what is the children's fund leading")).toBe('UNICEF');
    expect(id('el programa de asentamientos humanos')).toBe('UN-Habitat');
    expect(id('the refugee agency')).toBe('UNHCR');
    expect(id('the development programme')).toBe('UNDP');
    expect(id('what is the plan for the red cross')).toBe('ICRC');
    expect(id('que hace la red con la sociedad civil')).toBeNull();
    expect(id('human rights')).toBeNull();
    expect(agencyByNameWords(agencies, fold('what activities are about civil society').split(' '), (w) => w === 'civil')).toBeNull();
  });

  it('an acronym in capitals is an agency even when it is a question word; in lower case it stays the word', () => {
    expect(agenciesNamed(ctx.plans, 'what about the WHO?', fold('what about the WHO?')).map((a) => a.id)).toEqual(['WHO/PAHO']);
    expect(agenciesNamed(ctx.plans, 'who leads it?', fold('who leads it?'))).toEqual([]);
  });

  it('what the plan does not hold: a budget, a venue, an e-mail, a country', () => {
    expect(absentSubject(fold('what is the budget of the workshop?'))).toBe('budget');
    expect(absentSubject(fold('¿dónde se hace el encuentro?'))).toBe('venue');
    expect(absentSubject(fold('the e-mail of the IOM focal point'))).toBe('contact');
    expect(absentSubject(fold('¿qué hace la red en Colombia?'))).toBe('country');
    expect(absentSubject(fold('who leads the workshop?'))).toBeNull();
  });

  it('an exact id in brackets or punctuation outranks a guess; a fuzzy match never takes a known word', () => {
    expect(ask('status of [T2.4]?')).toMatch(/^Understood: where activity T2\.4 stands\./);
    expect(ask('T2.4: who is in charge?')).toMatch(/activity T2\.4/);
    expect(ask('what about the network?')).not.toMatch(/you wrote/);
    expect(ask('UNISEF')).toMatch(/UNICEF/);
  });

  it('two filters at once, a comparison and a yes/no question are answered by the activities that decide them', () => {
    expect(ask('what does the ILO have in August 2024?')).toMatch(/B3\.1/);
    expect(ask('what does the ILO have in August 2024?')).not.toMatch(/B1\.2/);
    const shared = ask('which activities do UNICEF and UNHCR share?');
    expect(shared).toMatch(/^2 activities name UNICEF and UNHCR:/);
    expect(shared).not.toMatch(/B2\.2|T1\.1/);
    expect(ask('does ECLAC lead the pledge monitoring?')).toMatch(/^No\.\n[\s\S]*B1\.3/);
    expect(ask('is there anything due in October 2023?')).toMatch(/^Yes\.\n[\s\S]*B1\.4/);
    expect(ask('does the plan serve objective 18?')).toMatch(/^No\./);
  });

  it('the plan does not say: plainly, with what it says, never a list of unrelated activities', () => {
    const budget = ask('what is the budget of the missing migrants workshop?');
    expect(budget).toMatch(/^The plan does not say what anything costs or who pays for it\./);
    expect(budget).toMatch(/Activity T1\.1/);
    const country = ask('what is the network doing in Colombia?');
    expect(country).toMatch(/^The plan does not say what the Network does in one country\./);
    expect(country).not.toMatch(/\b[BT]\d\.\d\b/);
    expect(ask('where was the parallel event on sustainable development?')).toMatch(/Santiago/);
  });

  it('"when is the next…" names the next occurrence first', () => {
    expect(ask('when is the next network meeting?')).toMatch(/^Understood: when activity B1\.2 happens and is due\. Next: 1 May 2024\./);
  });
  it('who works on a topic several activities are about: every one of them with its leads, in either language', () => {
    const ids = (text: string) => [...new Set(text.match(/^Activity [BT]\d\.\d/gm) ?? [])].map((l) => l.slice('Activity '.length));
    const ngos = ask('who works with NGOs?');
    expect(ngos).toMatch(/^Understood: who leads and supports the 6 activities about "ngos"\./);
    expect(ids(ngos)).toEqual(['B3.1', 'B3.2', 'B3.3', 'B3.4', 'T2.2', 'T3.2']);
    expect(ngos).not.toMatch(/numbered/);
    expect(ngos).toMatch(/Led by: ILO and UNDP/);
    // B2.3 and B2.4 say "local authorities", B3.6 "local governments": the thesaurus's `also` counts them as one.
    const es = renderText(bareAnswer(ctx, plan, '¿quién trabaja con los municipios?', 'en'), dir);
    expect(es).toMatch(/^Entendido: quién lidera y apoya las 3 actividades sobre "municipios"\./);
    expect([...new Set(es.match(/^Actividad [BT]\d\.\d/gm) ?? [])]).toEqual(['Actividad B2.3', 'Actividad B2.4', 'Actividad B3.6']);
    // One activity about it, or a thing the plan does (a meeting, a workshop): that one activity, as before.
    expect(ask('who leads the missing migrants workshop?')).toMatch(/^Understood: who leads and supports activity T1\.1\./);
    expect(ask('who organizes the quarterly meetings?')).toMatch(/^Understood: who leads and supports activity B1\.2\./);
    // When words (`cada mes`, every month) say when, not what: the activity is found by what it is about.
    expect(renderText(bareAnswer(ctx, plan, '¿quién publica las buenas prácticas cada mes?', 'en'), dir)).toMatch(
      /^Entendido: quién lidera y apoya la actividad B1\.4\./,
    );
  });

  it('who does what on a theme: the GCM objective whose title holds it, with the activities serving it', () => {
    const data = ask('who does what on data?');
    expect(data).toMatch(/^Understood: GCM objective 1, whose title holds what you asked about\./);
    expect(data).toMatch(/T1\.1/);
  });

  it('a Spanish word for one the plan writes in English (xenofobia) finds what the plan says of it, the English hashtag included', () => {
    const es = renderText(bareAnswer(ctx, plan, '¿qué se hace contra la xenofobia?', 'en'), dir);
    expect(es).toMatch(/T2\.2/);
  });
  it('a question all of whose words name one kind of thing asks for the whole list of it, or for the plan itself', () => {
    const kind = (q: string) => wholeAsked(fold(q));
    expect(kind('what are the thematic priorities?')).toBe('priorities');
    expect(kind('¿cuáles son las prioridades básicas?')).toBe('priorities');
    expect(kind('how many agencies are in the network?')).toBe('agencies');
    expect(kind('¿cuántas agencias tiene la red?')).toBe('agencies');
    expect(kind('who co-leads the network?')).toBe('agencies');
    expect(kind('what objectives does the plan serve?')).toBe('objectives');
    expect(kind('¿cuántos objetivos tiene el Pacto Mundial?')).toBe('objectives');
    expect(kind('what are the guiding principles of the GCM?')).toBe('principles');
    expect(kind('when does the plan end?')).toBe('plan');
    expect(kind('¿hasta cuándo va el plan de trabajo?')).toBe('plan');
    // Anything more than the kind (an activity, a theme, an agency, a period) is a question about that.
    expect(kind('which agencies lead the pledge monitoring?')).toBeNull();
    expect(kind('which activities serve objective 23?')).toBeNull();
    expect(kind('¿qué actividades vencen en mayo?')).toBeNull();
    expect(kind('what does the plan say about data?')).toBeNull();
    expect(ask('how many agencies are in the network?')).toMatch(/^Agencies of the Regional Network/);
    expect(renderText(bareAnswer(ctx, plan, '¿hasta cuándo va el plan de trabajo?', 'en'), dir)).toMatch(/31 de diciembre de 2024/);
  });
});
