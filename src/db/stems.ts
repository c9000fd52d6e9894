import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemEs } from '@orama/stemmers/spanish';
import { fold } from '../domain/normalize.js';

/**
 * Stemming for the search index, in db only (FTS5 cannot call JS, so the stems are computed at import and
 * stored; the query is stemmed the same way here). Every folded word gives its English and its Spanish
 * Snowball stem: `migrantes` → `migrant`, `reuniones` → `reunion`, `meetings` → `meet`. A word of either
 * language finds the other spelling of the same root without knowing which language it is.
 */

/** Words that say nothing about what is looked for, in either language (folded). */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a an the of and or to in on for by with at from as is are was be been it its this that these those what which who whom when where how ' +
    'do does did done has have had will would can could should next any all about into than then there their our your my me i you we they ' +
    'el la los las lo un una unos unas de del al y o u en por para con sin sobre que cual cuales quien quienes cuando donde como es son fue ' +
    'ser esta este estos estas ese esa eso hay se su sus le les mi tu nos ya mas muy hace hacen'
  ).split(' '),
);

/**
 * A few words of the plan's subject, Spanish → English (folded), so that a Spanish question finds the
 * plan's English texts before their Spanish translation is in the data. Once `text_es` is there the
 * Spanish stems match it directly; this only adds alternatives.
 */
const glossary: Readonly<Record<string, string>> = {
  desaparecido: 'missing',
  desaparecidos: 'missing',
  desaparecida: 'missing',
  desaparecidas: 'missing',
  fallecidos: 'deceased',
  reunion: 'meeting',
  reuniones: 'meetings',
  encuentro: 'encounter',
  taller: 'workshop',
  talleres: 'workshops',
  retorno: 'return',
  reintegracion: 'reintegration',
  readmision: 'readmission',
  consulta: 'consultation',
  acuerdo: 'agreement',
  acuerdos: 'agreements',
  laboral: 'labour',
  laborales: 'labour',
  trabajo: 'labour',
  trimestral: 'quarterly',
  trimestrales: 'quarterly',
  red: 'network',
  redes: 'networks',
  nacional: 'national',
  nacionales: 'national',
  compromiso: 'pledge',
  compromisos: 'pledges',
  seguimiento: 'monitoring',
  monitoreo: 'monitoring',
  buenas: 'good',
  practica: 'practice',
  practicas: 'practices',
  vias: 'pathways',
  regulares: 'regular',
  regularizacion: 'regularization',
  inclusion: 'inclusion',
  revision: 'review',
  examen: 'review',
  regional: 'regional',
  sociedad: 'society',
  civil: 'civil',
  mecanismo: 'mechanism',
  dialogo: 'dialogue',
  dialogos: 'dialogues',
  plataforma: 'platform',
  declaraciones: 'declarations',
  declaracion: 'declarations',
  comunicacion: 'communication',
  material: 'material',
  autoridades: 'authorities',
  locales: 'local',
  gobiernos: 'governments',
  herramientas: 'tools',
  capacitacion: 'training',
  capacitaciones: 'trainings',
  formacion: 'training',
  campeones: 'champion',
  paises: 'countries',
  desarrollo: 'development',
  sostenible: 'sustainable',
  datos: 'data',
  recoleccion: 'collection',
  sesion: 'session',
  informativa: 'informative',
  corredor: 'corridor',
  centroamericano: 'central',
  capacidades: 'capacities',
  lista: 'checklist',
  verificacion: 'checklist',
  guia: 'guidance',
  nota: 'note',
  vulnerabilidad: 'vulnerability',
  narrativa: 'narrative',
  cambio: 'change',
  personal: 'personnel',
  evidencia: 'evidence',
  mesas: 'tables',
  charlas: 'talks',
  pacto: 'compact',
  mundial: 'global',
  vidas: 'lives',
  salvar: 'save',
  migracion: 'migration',
  migrante: 'migrant',
  migrantes: 'migrants',
};

// Stemming is most of an import's time, and a plan repeats a small vocabulary: stems are kept per word,
// the cache emptied when it grows past this many words (a plan of 100,000 activities has far fewer).
const stemCacheMax = 200_000;

/**
 * A stem as the rows' stems gather it: its text, whether it is all digits, and the last `stemsOf` call that
 * took it (so that a row takes each stem once without a set of its own). One object per distinct stem.
 */
interface Stem {
  text: string;
  digits: boolean;
  taken: number;
}

/**
 * A cached word: its stems' texts (what stemsOfWord gives), their objects, and the last `stemsOf` call that met
 * it; and, for the import counting terms now (`TermCounts`), their counters.
 */
interface CachedWord {
  texts: string[];
  stems: Stem[];
  met: number;
  /** The `TermCounts` whose counters `word` and `stemTerms` are (its `id`), 0 for none yet. */
  counts: number;
  word: TermCount | null;
  stemTerms: TermCount[];
}

const stemCache = new Map<string, CachedWord>();
const stemsByText = new Map<string, Stem>();
/** The number of the current `stemsOf` call: a word or a stem marked with it is already in that row. */
let call = 0;

/**
 * A folded word of digits only: both stemmers give it back as it is (test/db/stems-numbers.test.ts), so it is
 * neither stemmed nor cached (a plan of 100,000 activities numbers each one: as many words that would fill the
 * cache for nothing).
 */
const digitsOnly = /^[0-9]+$/;

/** Empties the caches when full: only between calls of `stemsOf`, whose marks live on the cached objects. */
function makeRoom(): void {
  if (stemCache.size < stemCacheMax) return;
  stemCache.clear();
  stemsByText.clear();
}

const stemOf = (text: string): Stem => {
  let stem = stemsByText.get(text);
  if (!stem) {
    stem = { text, digits: digitsOnly.test(text), taken: 0 };
    stemsByText.set(text, stem);
  }
  return stem;
};

/** The cache's entry for a folded word that is not all digits, stemmed on first sight. */
function cachedWord(word: string): CachedWord {
  let hit = stemCache.get(word);
  if (!hit) {
    const en = stemEn(word);
    const es = stemEs(word);
    const texts = en === es ? [en] : [en, es];
    hit = { texts, stems: texts.map(stemOf), met: 0, counts: 0, word: null, stemTerms: [] };
    stemCache.set(word, hit);
  }
  return hit;
}

/** The English and the Spanish stem of a folded word (one when they agree). */
export function stemsOfWord(word: string): string[] {
  if (digitsOnly.test(word)) return [word];
  makeRoom();
  return cachedWord(word).texts;
}

/** How many rows of a search index section hold a term in the words column, and in the stems columns. */
export interface TermCount {
  words: number;
  stems: number;
  /** The last row counted in each (a row holding a term twice counts once). */
  wordsRow: number;
  stemsRow: number;
}

/** A term FTS5's `unicode61` tokenizer keeps as it is: a token of the column's text split at its spaces. */
const plainTerm = /^[a-z0-9]+$/;

let countsMade = 0;

/**
 * The row counts of every term of a search index section (a plan's rows, or the reference rows), counted as
 * `stemsOf` goes through the rows' words (`row()` before each row): what FTS5's `bm25` would count on every
 * query (src/db/search-terms.ts). `plain` stays true while every word and stem is a plain term, for which the
 * counts are FTS5's own.
 */
export class TermCounts {
  readonly id = ++countsMade;
  /**
   * @param digits whether words of digits are counted: each activity's number is one, a term of its own, and
   * counting them all cost a plan of 100,000 activities a fifth of this counting; a term not counted is left
   * to FTS5 to count at query time (src/db/search-terms.ts).
   */
  constructor(readonly digits: boolean) {}

  readonly terms = new Map<string, TermCount>();
  plain = true;
  /** The row being counted (`row()`). */
  at = 0;

  /** The next row: its words and stems are counted once each. */
  row(): void {
    this.at++;
  }

  term(t: string): TermCount {
    let c = this.terms.get(t);
    if (!c) {
      c = { words: 0, stems: 0, wordsRow: 0, stemsRow: 0 };
      this.terms.set(t, c);
      if (!plainTerm.test(t)) this.plain = false;
    }
    return c;
  }

  /** A word of the row, which is its own stem (digits), counted when `digits` says so. */
  own(w: string): void {
    if (!this.digits) return;
    const c = this.term(w);
    inWords(c, this.at);
    inStems(c, this.at);
  }

  /** A cached word of the row counted, and its stems: their counters found once per word and counts. */
  cached(w: string, cached: CachedWord): void {
    if (cached.counts !== this.id) {
      cached.counts = this.id;
      cached.word = this.term(w);
      cached.stemTerms = cached.texts.map((s) => this.term(s));
    }
    inWords(cached.word!, this.at);
    for (const t of cached.stemTerms) inStems(t, this.at);
  }
}

/** Row `at` counted in a term's words column, once (a row holding the term twice counts once). */
function inWords(c: TermCount, at: number): void {
  if (c.wordsRow !== at) {
    c.wordsRow = at;
    c.words++;
  }
}

/** Row `at` counted in a term's stems columns, once. */
function inStems(c: TermCount, at: number): void {
  if (c.stemsRow !== at) {
    c.stemsRow = at;
    c.stems++;
  }
}

/** Where foldText writes a text's folded bytes before they become a string: grown as needed, kept. */
let foldBytes = Buffer.allocUnsafe(64 * 1024);

/**
 * `fold(text)`, faster for a text all in ASCII (most of a plan's English): no accents to strip, so neither the
 * Unicode normalisation nor the Unicode classes are needed (most of an import's folding time). One pass over
 * the characters writes the lower-case letters and digits, with one space for each run of anything else
 * between them, as bytes; the first character past ASCII hands the whole text to `fold`. The same result
 * (test/db/fold-ascii.test.ts).
 */
export function foldText(text: string): string {
  const n = text.length;
  if (foldBytes.length < n) foldBytes = Buffer.allocUnsafe(2 * n);
  const out = foldBytes;
  let o = 0;
  let gap = false;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return fold(text);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && o > 0) out[o++] = 32;
      gap = false;
      out[o++] = c;
    } else gap = true;
  }
  return out.toString('latin1', 0, o);
}

/** Folds each text once ('' for none): what wordsOf and stemsOf take. */
export function foldAll(...texts: (string | null | undefined)[]): string[] {
  return texts.map((t) => (t ? foldText(t) : ''));
}

/**
 * Every stem of already folded texts, space-separated, each once, in the order first met: the `stems` column
 * of an index row. A word met again in the row is skipped at once, and a stem already taken is known by its
 * mark, not by a set of the row's own (the words of digits, never cached, are compared with the few taken).
 * With `counts`, its words and stems are counted for the row (`counts.row()` first): `words` column and stems
 * columns.
 */
export function stemsOf(folded: readonly string[], counts?: TermCounts): string {
  makeRoom();
  const mark = ++call;
  const out: string[] = [];
  const numbers: string[] = [];
  const take = (text: string, stem: Stem | undefined) => {
    if (stem) {
      if (stem.taken === mark) return;
      stem.taken = mark;
    }
    if (stem ? stem.digits : true) {
      if (numbers.includes(text)) return;
      numbers.push(text);
    }
    out.push(text);
  };
  for (const t of folded) {
    if (t === '') continue;
    for (const w of t.split(' ')) {
      if (w === '') continue;
      const c = w.charCodeAt(0);
      if (c >= 48 && c <= 57 && digitsOnly.test(w)) {
        take(w, stemsByText.get(w));
        counts?.own(w);
        continue;
      }
      const word = cachedWord(w);
      if (word.met === mark) continue;
      word.met = mark;
      for (const stem of word.stems) take(stem.text, stem);
      counts?.cached(w, word);
    }
  }
  return out.join(' ');
}

/** The already folded texts, space-separated: the `words` column (prefix matches, ids, numbers). */
export function wordsOf(folded: readonly string[]): string {
  return folded.filter((t) => t !== '').join(' ');
}

/** A query word's alternatives: its stems, and those of its glossary translation. */
export function queryStems(word: string): string[] {
  const g = Object.hasOwn(glossary, word) ? glossary[word] : undefined;
  return [...new Set([...stemsOfWord(word), ...(g ? stemsOfWord(g) : [])])];
}
