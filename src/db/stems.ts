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
const stemCache = new Map<string, string[]>();

/**
 * A folded word of digits only: both stemmers give it back as it is (test/db/stems-numbers.test.ts), so it is
 * neither stemmed nor cached (a plan of 100,000 activities numbers each one: as many words that would fill the
 * cache for nothing).
 */
const digitsOnly = /^[0-9]+$/;

/** The English and the Spanish stem of a folded word (one when they agree). */
export function stemsOfWord(word: string): string[] {
  if (digitsOnly.test(word)) return [word];
  const hit = stemCache.get(word);
  if (hit) return hit;
  const en = stemEn(word);
  const es = stemEs(word);
  const stems = en === es ? [en] : [en, es];
  if (stemCache.size >= stemCacheMax) stemCache.clear();
  stemCache.set(word, stems);
  return stems;
}

const nonAscii = /[\u0080-\uFFFF]/;
const nonWordAscii = /[^a-z0-9]+/g;

/**
 * `fold(text)`, faster for a text all in ASCII (most of a plan's English): no accents to strip, so the Unicode
 * normalisation and the Unicode classes (most of an import's folding time) are not needed; the same result
 * (test/db/fold-ascii.test.ts).
 */
export function foldText(text: string): string {
  return nonAscii.test(text) ? fold(text) : text.toLowerCase().replace(nonWordAscii, ' ').trim();
}

/** Folds each text once ('' for none): what wordsOf and stemsOf take. */
export function foldAll(...texts: (string | null | undefined)[]): string[] {
  return texts.map((t) => (t ? foldText(t) : ''));
}

/** Every stem of already folded texts, space-separated: the `stems` column of an index row. */
export function stemsOf(folded: readonly string[]): string {
  const out = new Set<string>();
  for (const t of folded) {
    for (const w of t.split(' ')) {
      if (w === '') continue;
      if (digitsOnly.test(w)) out.add(w);
      else for (const s of stemsOfWord(w)) out.add(s);
    }
  }
  return [...out].join(' ');
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
