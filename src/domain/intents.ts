import type { DateTime } from 'luxon';
import { fold } from './normalize.js';
import { periodOf, type Period } from './periods.js';
import { inPlanWords } from './thesaurus.js';
import type { Language } from './types.js';

/**
 * Reading a question in plain words, English or Spanish, with or without question marks and accents. Pure
 * and local: a few patterns over the folded words, no service. What it finds is answered by questions.ts
 * (bareAnswer) with the regular view of the thing found, headed by one line saying what was understood.
 */

export type { Period } from './periods.js';
export { periodOf } from './periods.js';

/** What a question asks. `topic` is what is left of it once its question words are taken out. */
export type Intent =
  | { intent: 'who'; topic: string }
  /** `next`: the question asks for the next time (`next`, `próxima`): an activity still to come fits best. */
  | { intent: 'when'; topic: string; next: boolean }
  | { intent: 'status'; topic: string }
  | { intent: 'due'; period: Period }
  | { intent: 'objective'; number: number }
  | { intent: 'agency'; topic: string }
  | { intent: 'theme'; topic: string }
  | { intent: 'none'; topic: string };

export interface Reading {
  intent: Intent;
  /** The question's own language when its words tell (`¿quién…` is Spanish), else null. */
  lang: Language | null;
}

const spanishWords = new Set(
  'quien quienes que cual cuales cuando cuanto donde como se hizo hicieron hecha hecho hechas hechos esta estan ya hay vence vencen toca le lidera lideran organiza organizan participan encarga hace hacen sobre actividades red la las los el del proxima proximo semana mes agencias fue tiene tienen algo hasta desde trimestre semestre comparten comparte juntos algun alguna sirve participa'.split(
    ' ',
  ),
);
const englishWords = new Set(
  'who what when which whats is are was were has have does do did the leads lead next week month due about activities network happens happening organizes takes part done finished there anything share quarter half until since both'.split(
    ' ',
  ),
);

/** Words that only carry the question, dropped from its topic (folded, both languages). */
const questionWords = new Set(
  (
    'who whom whose which what whats when where how is are was were has have had been be does do did done finished completed complete held over yet already ' +
    'lead leads leading led organize organizes organizing organise organises in charge responsible take takes taking part participate participates involved ' +
    'agencies agency supports support run runs the a an of for on about with to s it its there any activities activity plan do doing serve serves ' +
    'next upcoming due happen happens happening scheduled planned date take place' +
    ' quien quienes que cual cuales cuando como se hizo hicieron hecha hecho hechas hechos realizo realizaron realizado realizada termino terminado terminada ' +
    'esta estan ya lidera lideran liderar organiza organizan organizar participa participan encarga encargan cargo a de del la las el los lo le les un una ' +
    'agencias agencia actividades actividad hace hacen hay sobre con en toca tocan es son fue fueron sera proxima proximo previsto prevista vence vencen ' +
    'sirven sirve cumplen cumple al por para su sus tell me show give list please dime muestrame hablame dame lista por favor ' +
    'until since long hasta desde dura duran corre van schedule fecha progress avance status estado va coming up proximas proximos we us our ' +
    'works working trabaja trabajan trabajando'
  ).split(' '),
);

/** Words that name the Network itself: part of an activity's description, not of a theme. */
const networkWords = new Set(['network', 'networks', 'red']);

/** The topic of a question: its folded words without the question's own words (and the Network's, for a theme). */
export function topicOf(folded: string, theme = false): string {
  return folded
    .split(' ')
    .filter((w) => w !== '' && !questionWords.has(w) && !(theme && networkWords.has(w)))
    .join(' ');
}

/** The question's language, from its words: null when they do not tell. */
export function languageOf(text: string, folded: string): Language | null {
  if (/[¿¡ñ]/.test(text)) return 'es';
  let es = 0;
  let en = 0;
  for (const w of folded.split(' ')) {
    if (spanishWords.has(w)) es++;
    if (englishWords.has(w)) en++;
  }
  return es > en ? 'es' : en > es ? 'en' : null;
}

const startsWith = (t: string, ...heads: string[]) => heads.some((h) => t === h || t.startsWith(`${h} `));

/** How a question about where an activity stands opens: "¿se hizo…?", "status of…". */
const statusHeads = (
  'se hizo|se hicieron|se realizo|se realizaron|ya se|esta hecha|esta hecho|estan hechas|estan hechos|se termino|se completo|' +
  'status of|progress on|progress of|avance de|avance del|estado de|como va|como van'
).split('|');
/** How a question about who does an activity opens. */
const whoHeads = (
  'who|quien|quienes|which agencies|what agencies|que agencias|cuales agencias|cual agencia|which agency|what agency|' +
  'agency in charge|agencia a cargo|priority of|prioridad de la|prioridad del'
).split('|');
/** How a question about when opens (with no period in it). */
const whenHeads = (
  'when|cuando|what date|que fecha|en que fecha|until when|since when|how long|hasta cuando|desde cuando|cuanto dura|' +
  'schedule|fecha|next|upcoming|proxima|proximo|proximas|proximos'
).split('|');
/** "what's the next pledge monitoring?", "¿cuál es la próxima reunión?": asks when, as "when is the next…". */
const whatNext =
  /^(?:what|whats|which|cual|cuales|que)(?: is| are| es| son| sera)?(?: the| la| el| las| los)? (?:next|upcoming|proxima|proximo|proximas|proximos|siguiente)\b/;

/** The state of an activity: "is B1.2 done?", "¿se hizo el taller…?" */
const asksStatus = (t: string) =>
  (startsWith(t, 'is', 'are', 'was', 'were', 'has', 'have', 'did') && / (done|finished|completed|complete|held|over|happened|carried out)\b/.test(`${t} `)) ||
  startsWith(t, ...statusHeads);

/** Reads a question in plain words: what it asks and in which language. */
export function readQuestion(text: string, now: DateTime): Reading {
  const t = inPlanWords(fold(text.replace(/'s\b/g, ' is')));
  const lang = languageOf(text, t);
  const topic = topicOf(t);
  const objective = /\b(?:objective|objetivo|objectives|objetivos|obj)\s+(?:n[o°º]?\s*)?(\d{1,3})\b/.exec(t);
  if (asksStatus(t)) return { intent: { intent: 'status', topic }, lang };
  if (startsWith(t, ...whoHeads)) return { intent: { intent: 'who', topic }, lang };
  const period = periodOf(t, now);
  if ((whatNext.test(t) || startsWith(t, ...whenHeads)) && !period) {
    return { intent: { intent: 'when', topic, next: / (next|upcoming|proxima|proximo|proximas|proximos|siguiente) /.test(` ${t} `) }, lang };
  }
  if (period) return { intent: { intent: 'due', period }, lang };
  if (objective) return { intent: { intent: 'objective', number: Number(objective[1]) }, lang };
  if (
    startsWith(t, 'what', 'whats', 'which', 'que', 'de que', 'cuales', 'cual', 'en que') ||
    / (lead|leads|do|does|doing|lidera|toca|hace|encarga) /.test(` ${t} `)
  ) {
    // "what does UNICEF lead?" names an agency (questions.ts looks for one in the topic); else a theme.
    const theme = / (network|red) /.test(` ${t} `) || / (activities|actividades) /.test(` ${t} `);
    return { intent: { intent: theme ? 'theme' : 'agency', topic: topicOf(t, true) }, lang };
  }
  return { intent: { intent: 'none', topic }, lang };
}

/** Damerau-Levenshtein distance (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/** How far a word may be from a known one to be taken for it: none under 4 letters, 1 under 7, else 2. */
export function tolerance(word: string): number {
  return word.length < 4 ? 0 : word.length < 7 ? 1 : 2;
}

/** The known words closest to `word` within its tolerance (all of them when several are as close). */
export function closest(word: string, known: Iterable<string>): string[] {
  const max = tolerance(word);
  if (max === 0) return [];
  let best = max + 1;
  let found: string[] = [];
  for (const k of known) {
    if (k === word) return [k];
    const dist = editDistance(word, k, max);
    if (dist < best) {
      best = dist;
      found = [k];
    } else if (dist === best && dist <= max) found.push(k);
  }
  return best <= max ? found : [];
}

/** Words that open the rest of a sentence: after a keyword, they make it an ordinary word (`schedule of…`). */
const openers = new Set('of for on in about with to the a an by which that shared de del al para sobre con en la el las los que'.split(' '));

/**
 * True when what follows a keyword reads as the rest of a question, not as the keyword's argument: it opens
 * with a preposition or article (`agency in charge of…`, `ayuda a las redes…`), or it is several words ending
 * with a question mark and naming no activity (`upcoming civil society meetings?`).
 */
export function keywordUsedAsWord(arg: string): boolean {
  const words = fold(arg)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return false;
  if (openers.has(words[0]!) && words.length > 1) return true;
  return words.length > 1 && /\?\s*$/.test(arg) && !/\b[bt]\s?\d{1,3}\.\d{1,3}\b/i.test(arg);
}

/** True for a word that only carries a question (`who`, `qué`, `lidera`…), in either language. */
export const isQuestionWord = (w: string): boolean => questionWords.has(w) || networkWords.has(w);

/** True for a word of either language the reader knows (question words, and the language's common words). */
export const isKnownWord = (w: string): boolean => questionWords.has(w) || spanishWords.has(w) || englishWords.has(w) || networkWords.has(w);
