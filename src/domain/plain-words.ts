import type { Answer, Understood } from './answers.js';
import { isKnownWord, isQuestionWord } from './intents.js';
import { fold } from './normalize.js';
import { isPeriodWord } from './periods.js';
import type { Context, PlanReader } from './ports.js';
import { aboutWords, inPlanWords } from './thesaurus.js';
import type { Activity, Agency, Language, Objective, PlanInfo, Priority, SearchHit } from './types.js';

/**
 * The kinds of plain-word questions issue 24 adds, each a small reader over the question's folded words
 * (after greetings and filler are taken off and the thesaurus has put them in the plan's wording): agencies
 * by name, themes to GCM objectives, priorities by theme, what the plan does not hold, comparisons. Pure.
 */

const fillerWords = new Set(
  (
    'hey hi hello hiya heya yo ey oye oigan saludos greetings hola holaa holis buenas buenos buen dia dias tardes noches good morning afternoon evening all everyone folks team guys people ' +
    'todos todas a equipo one quick question questions consulta consultas pregunta preguntas una un rapida rapido sorry to bother perdon la ' +
    'molestia disculpen disculpa thanks thank you in advance gracias de antemano please por favor ok so dear colleagues colegas estimados estimadas'
  ).split(' '),
);
const leadIns = [
  'does anyone know',
  'anyone know',
  'do you know',
  'can you tell me',
  'could you tell me',
  'quick question about',
  'quick question on',
  'alguien sabe',
  'saben',
  'sabes',
  'me pueden decir',
  'quisiera saber',
  'consulta rapida sobre',
  'una consulta sobre',
  'una pregunta sobre',
];

/** Drops the words of `n` folded words from the start of `text`, keeping the rest as written. */
function dropWords(text: string, n: number): string {
  const tokens = text.split(/\s+/);
  let count = 0;
  let i = 0;
  while (i < tokens.length && count < n)
    count += fold(tokens[i++]!)
      .split(' ')
      .filter((w) => w !== '').length;
  return tokens.slice(i).join(' ');
}

/** The question without its greetings and filler (`hey all, one question: who…` → `who…`), as written. */
export function withoutFiller(text: string): string {
  let t = text.trim();
  // The dashes and the ellipsis as escapes (\u2013 \u2014 \u2026): a character beyond Latin-1 in a regular expression
  // stays as it is in the bundle, and V8 then keeps the bundle's whole source at two bytes a character.
  const filler = /^([^,:;!?¿¡.\-\u2013\u2014\u2026]+)[,:;!.\-\u2013\u2014\u2026]+\s*/;
  for (let m = filler.exec(t); m; m = filler.exec(t)) {
    const words = fold(m[1]!)
      .split(' ')
      .filter((w) => w !== '');
    if (words.length === 0 || !words.every((w) => fillerWords.has(w)) || m[0].length >= t.length) break;
    t = t.slice(m[0].length);
  }
  const f = fold(t);
  const lead = leadIns.find((l) => f === l || f.startsWith(`${l} `));
  return lead ? dropWords(t.replace(/^[¿¡]/, ''), lead.split(' ').length) || t : t;
}

/** A word cut to a rough stem, enough for plurals of both languages (`diasporas`, `consulares`, `refugees`). */
const stem = (w: string) => {
  const one = w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w;
  return one.length > 5 && one.endsWith('e') && /[rlnd]e$/.test(one) && one !== w ? one.slice(0, -1) : one;
};
const stemsOf = (text: string) =>
  new Set(
    inPlanWords(fold(text))
      .split(' ')
      .filter((w) => w !== '')
      .map(stem),
  );

/** Words that say nothing about a theme: the question's own, the Network's, periods', a few more. */
const themeStop = new Set(
  'anything something algo alguna algun any about sobre on en and y e or o plan planned previsto prevista deal deals against contra with con for para in of de del el la los las what whats do does done hace hacen se hay help ayuda venza venzan vence vencen due happening happens scheduled coming network red networks redes gcm compact pacto mundial objective objectives objetivo objetivos include includes incluye incluyen tell each every cada'.split(
    ' ',
  ),
);

/** The words of a folded question that can name a theme. */
export function themeWords(folded: string): string[] {
  return inPlanWords(folded)
    .split(' ')
    .filter((w) => w !== '' && !themeStop.has(w) && !isQuestionWord(w) && !isPeriodWord(w) && !/^\d+$/.test(w));
}

/**
 * Words that name one thing the plan does (a meeting, a workshop, a note, a platform), in both languages:
 * `who organizes the quarterly meetings?` asks for the activity that is it, not for every one about it.
 */
const thingWords = new Set(
  (
    'meeting meetings reunion reuniones encuentro encuentros workshop workshops taller talleres session sessions sesion sesiones ' +
    'consultation consultations consulta consultas event events evento eventos training trainings capacitacion capacitaciones ' +
    'talks conversatorio conversatorios report reports informe informes note notes nota notas guide guia guidance orientacion ' +
    'online briefing forum foro foros review examen platform plataforma initiative iniciativa campaign campana course curso ' +
    'webinar dialogue dialogo mapping mapeo study estudio toolkit tools herramientas checklist lista'
  ).split(' '),
);

/** True when a topic names one thing the plan does (`the missing migrants workshop`), not a subject (`civil society`). */
export const namesOneThing = (words: string[]): boolean => words.some((w) => thingWords.has(w));

/**
 * The activities about every one of a topic's words (`civil society`, `local governments`): their text, English
 * or Spanish, holds each word, worded as the plan words it anywhere (the thesaurus's `also`: `local authorities`
 * counts as `local governments`), plurals of either language taken as one. The plan's order.
 */
export function activitiesAbout(activities: Activity[], words: string[]): Activity[] {
  const wanted = [
    ...new Set(
      aboutWords(words.join(' '))
        .split(' ')
        .filter((w) => w !== '')
        .map(stem),
    ),
  ];
  if (wanted.length === 0) return [];
  return activities.filter((a) => {
    const s = new Set(
      aboutWords(fold(`${a.text} ${a.textEs ?? ''}`))
        .split(' ')
        .map(stem),
    );
    return wanted.every((w) => s.has(w));
  });
}

/** What a question asks for as a whole: a list of the plan's or the Compact's things, or the plan itself. */
export type Whole = 'priorities' | 'agencies' | 'objectives' | 'principles' | 'plan';

/** The words that name each kind of thing, in both languages (folded). */
const wholeWords: Record<Whole, Set<string>> = {
  // `what activities are in the plan?`: the priorities, each with how many activities it holds.
  priorities: new Set('priorities prioridades activities actividades'.split(' ')),
  agencies: new Set(
    'agencies agencias members miembros member miembro organizations organizaciones organismos co colead coleads colidera colideran coordinates coordina coordinan'.split(
      ' ',
    ),
  ),
  objectives: new Set('objectives objetivos'.split(' ')),
  principles: new Set('principles principios'.split(' ')),
  plan: new Set('plan workplan work trabajo'.split(' ')),
};
/** Words that only qualify such a list (`the thematic priorities`, `how many agencies`). */
const wholeQualifiers = new Set(
  (
    'basic basica basicas basicos thematic tematica tematicas tematicos all todas todos many much cuantas cuantos number numero ' +
    'list lista guiding rectores main principales whole names nombres make up forman conforman componen integran part parte ' +
    'son es hay tiene tienen gcm compact pacto mundial global regional un united nations naciones unidas migration migracion ' +
    'safe orderly regular segura ordenada y and e of de del'
  ).split(' '),
);
/** Words that ask which objectives the plan serves (the list shows each with the priorities serving it). */
const coverWords = new Set('serve serves served cover covers covered sirve sirven cubre cubren atiende atienden'.split(' '));
/** Words that ask about the plan's own dates (when it starts, ends, was endorsed, what period it covers). */
const planDateWords = new Set(
  'end ends ended start starts started begin begins endorsed endorse approved adopted aprobado aprobo adopto termina terminan empieza comienza inicia dura last lasts period periodo cover covers cubre vigente valid'.split(
    ' ',
  ),
);

/**
 * What a question asks for as a whole, when all its words name one kind of thing (`what are the thematic
 * priorities?`, `¿cuántas agencias tiene la red?`, `what objectives does the plan serve?`, `when does the plan
 * end?`); null when it names anything more (a theme, an activity, an agency).
 */
export function wholeAsked(folded: string): Whole | null {
  const kindsAll = Object.keys(wholeWords) as Whole[];
  // `plan` and `agencies` are also words a question carries: here they are what it asks for.
  const isKindWord = (w: string) => kindsAll.some((k) => wholeWords[k].has(w));
  const words = folded.split(' ').filter((w) => w !== '' && (isKindWord(w) || (!isQuestionWord(w) && !wholeQualifiers.has(w))));
  const kinds = kindsAll.filter((k) => words.some((w) => wholeWords[k].has(w)));
  // "the objectives of the plan", "the plan's priorities": the plan is where they are, not what is asked.
  const kind = kinds.length === 2 && kinds.includes('plan') ? kinds.find((k) => k !== 'plan')! : kinds.length === 1 ? kinds[0]! : null;
  if (!kind) return null;
  const allows = (w: string) => wholeWords[kind].has(w) || wholeWords.plan.has(w) || coverWords.has(w) || (kind === 'plan' && planDateWords.has(w));
  return words.every(allows) ? kind : null;
}

/** Words too common among the objectives' titles to name one alone. */
const objectiveCommon = new Set(['migrant', 'migrante', 'migrantes', 'migration', 'migracion', 'international', 'internacional', 'all', 'toda', 'todo']);

/**
 * The GCM objective whose official title (or short label) holds every word of a theme (`data`, `social
 * protection`, `diáspora`), English or Spanish: one objective, or the one whose short label holds them when
 * several titles do; null when none or too many.
 */
export function objectiveOfTheme(objectives: Objective[], words: string[]): Objective | null {
  const wanted = [...new Set(words.map(stem))];
  if (wanted.length === 0 || wanted.every((w) => objectiveCommon.has(w))) return null;
  const holds = (text: string) => {
    const s = stemsOf(text);
    return wanted.every((w) => s.has(w));
  };
  const found = objectives.filter((o) => holds(`${o.titleEn} ${o.titleEs} ${o.shortEn} ${o.shortEs}`));
  if (found.length === 1) return found[0]!;
  const short = found.filter((o) => holds(`${o.shortEn} ${o.shortEs}`));
  return short.length === 1 ? short[0]! : null;
}

/** The priority whose title and text hold every word of a theme (`missing migrants`, `vías regulares`), else null. */
export function priorityOfTheme(priorities: Priority[], words: string[]): Priority | null {
  const wanted = [...new Set(words.map(stem))].filter((w) => w !== 'priority' && w !== 'prioridad' && w !== 'prioridade');
  if (wanted.length === 0) return null;
  const found = priorities.filter((p) => {
    const s = stemsOf(`${p.title} ${p.titleEs ?? ''} ${p.text} ${p.textEs ?? ''}`);
    return wanted.every((w) => s.has(w));
  });
  return found.length === 1 ? found[0]! : null;
}

/** Words of agencies' names that name none alone. */
const nameCommon = new Set('united nations naciones unidas un onu the of for and on de del la las los el para y e sobre contra a'.split(' '));

/**
 * The agency a question names by the words of its full name, English or Spanish (`the children's fund`, `el
 * Programa de Asentamientos Humanos`): the one whose name holds the most of the question's words, when only
 * one does and it holds two of them, or one of five letters or more that no other agency's name has and that is
 * no ordinary word (`ordinary`: the plan's own words, so `civil society` never names Civil Aviation).
 */
export function agencyByNameWords(agencies: Agency[], words: string[], ordinary: (w: string) => boolean = () => false): Agency | null {
  const asked = new Set(words.filter((w) => !nameCommon.has(w) && (w === 'red' || !isQuestionWord(w))).map(stem));
  const names = agencies.map((a) => ({ a, words: stemsOf(`${a.nameEn} ${a.nameEs ?? ''}`) }));
  const owners = (w: string) => names.filter((n) => n.words.has(w)).length;
  const scored = names
    .map((n) => ({ a: n.a, hits: [...asked].filter((w) => !nameCommon.has(w) && n.words.has(w)) }))
    .sort((x, y) => y.hits.length - x.hits.length);
  const [best, second] = scored;
  if (!best || best.hits.length === 0 || (second && second.hits.length === best.hits.length)) return null;
  return best.hits.length >= 2 || best.hits.some((w) => w.length >= 5 && owners(w) === 1 && !isKnownWord(w) && !ordinary(w)) ? best.a : null;
}

/**
 * Every agency a question names exactly, in order: a word in capitals that is an acronym (`WHO`, even though
 * `who` is a question word), then names and acronyms among its words (the longest first).
 */
export function agenciesNamed(plans: PlanReader, text: string, folded: string): Agency[] {
  const ids: string[] = [];
  for (const token of text.match(/\b[A-Z][A-Z/-]{1,}[A-Z]\b/g) ?? []) for (const id of plans.agencyIdsByName(fold(token))) if (!ids.includes(id)) ids.push(id);
  for (const id of phraseAgencies(
    plans,
    folded.split(' ').filter((w) => w !== ''),
  ))
    if (!ids.includes(id)) ids.push(id);
  return ids.map((id) => plans.agency(id)).filter((a): a is Agency => a !== null);
}

/** The agencies named by runs of words (the longest runs first, each word in one run); a question word alone names none. */
function phraseAgencies(plans: PlanReader, words: string[]): string[] {
  const ids: string[] = [];
  const used = new Set<number>();
  const free = (i: number, n: number) => [...Array(n).keys()].every((k) => !used.has(i + k));
  for (let n = Math.min(8, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n);
      if (!free(i, n) || (n === 1 && (isQuestionWord(phrase[0]!) || phrase[0]!.length < 2))) continue;
      const found = plans.agencyIdsByName(phrase.join(' '));
      if (found.length !== 1) continue;
      for (let k = 0; k < n; k++) used.add(i + k);
      ids.push(found[0]!);
    }
  }
  return ids;
}

/** Does an activity name the agency, as a lead or as a supporter by name (not only as "the Network")? */
export const names = (a: Activity, agencyId: string, role: 'lead' | 'any' = 'any'): boolean =>
  a.lead.agencies.includes(agencyId) || (role === 'any' && a.support.agencies.includes(agencyId));

/** Activities as a list of search hits (the plan's order): how a list of activities is shown. */
export function activityHits(activities: Activity[], lang: Language): SearchHit[] {
  return activities.map((a) => ({ kind: 'activity', ref: a.id, title: a.id, snippet: lang === 'es' && a.textEs ? a.textEs : a.text }));
}

/** What the plan does not hold, by the words that ask for it. */
const absentWords: Record<Exclude<Extract<Understood, { what: 'absent' }>['subject'], 'country'>, string[]> = {
  budget:
    'budget budgets cost costs money funding funded pay pays paid finance financed financing presupuesto presupuestos costo costos cuesta cuestan dinero financia financian financiamiento financiacion paga pagan fondos'.split(
      ' ',
    ),
  venue: 'where venue venues location place donde lugar sede'.split(' '),
  contact: 'email mail contact contacts phone telephone correo contacto telefono whatsapp'.split(' '),
};
/** Countries and places of the region, folded (both languages), and a few cities. */
export const places = new Set(
  (
    'argentina bolivia brazil brasil chile colombia costa rica cuba dominican republic republica dominicana ecuador el salvador guatemala haiti ' +
    'honduras jamaica mexico nicaragua panama paraguay peru uruguay venezuela belize belice guyana suriname trinidad tobago barbados bahamas ' +
    'santiago lima bogota quito caracas buenos aires montevideo asuncion la paz brasilia havana habana'
  ).split(' '),
);
const countries = new Set(
  [...places]
    .filter(
      (p) =>
        ![
          'santiago',
          'lima',
          'bogota',
          'quito',
          'caracas',
          'buenos',
          'aires',
          'montevideo',
          'asuncion',
          'la',
          'paz',
          'brasilia',
          'havana',
          'habana',
          'costa',
          'rica',
          'el',
          'salvador',
          'republic',
          'republica',
          'dominicana',
          'dominican',
          'trinidad',
          'tobago',
        ].includes(p),
    )
    .concat(['costa rica', 'el salvador', 'trinidad']),
);

/** The subject a question asks about that the plan does not hold (a budget, a venue, an e-mail, a country), else null. */
export function absentSubject(folded: string): Extract<Understood, { what: 'absent' }>['subject'] | null {
  const words = ` ${folded.replace(/\be mail\b/g, 'email')} `;
  for (const [subject, list] of Object.entries(absentWords) as [keyof typeof absentWords, string[]][])
    if (list.some((w) => words.includes(` ${w} `))) return subject;
  return [...countries].some((c) => words.includes(` ${c} `)) ? 'country' : null;
}

/** The words of a question that ask for what the plan does not hold (taken out of its topic). */
export const isAbsentWord = (w: string): boolean =>
  Object.values(absentWords).some((l) => l.includes(w)) || w === 'much' || w === 'many' || w === 'cuanto' || w === 'cuanta';

/** True when the text names a place of the region (the plan says where for one activity: Santiago de Chile). */
export const namesPlace = (text: string): boolean =>
  fold(text)
    .split(' ')
    .some((w) => places.has(w) && w !== 'la' && w !== 'el');

/** A search answer listing activities (the plan's order), headed by what was understood. */
export function listed(lang: Language, plan: PlanInfo, u: Understood, query: string, activities: Activity[]): Answer {
  return { kind: 'understood', lang, understood: u, answer: { kind: 'search', lang, plan, query, hits: activityHits(activities, lang) } };
}

/** Every activity of the plan naming each agency (a comparison: `which activities do IOM and ILO share?`). */
export function sharedActivities(ctx: Context, plan: PlanInfo, agencies: Agency[]): Activity[] {
  return ctx.plans.activities(plan.id).filter((a) => agencies.every((g) => names(a, g.id)));
}
