import type { DateTime } from 'luxon';

/**
 * The period a question names, in English or Spanish, from folded words: a month (`may 2024`, `oct 2023`,
 * `abr`), a quarter (`q1 2024`, `el tercer trimestre de 2023`, `this quarter`, `t4 de 2024`), a half
 * (`the second half of 2023`, `primer semestre`, `h2 2023`), a year (`in 2023`), this or next week or month.
 * Pure: `now` says which year a period without one is in.
 */

/** A period of days (ISO dates, inclusive) and how to name it. */
export interface Period {
  from: string;
  to: string;
  /** `month` with YYYY-MM; `months` from one month to another (quarters, halves, years); a week by its dates. */
  name: { type: 'month'; month: string } | { type: 'months'; from: string; to: string } | { type: 'week'; from: string; to: string };
}

const monthsEn = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthsEs = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
/** Abbreviations, both languages: a month only with a year after it or `in`/`en` before it (`mar`, `ago` are words too). */
const abbreviations: Record<string, number> = {
  jan: 1,
  ene: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  abr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  ago: 8,
  sep: 9,
  sept: 9,
  set: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  dic: 12,
};
const ordinals: Record<string, number> = {
  first: 1,
  '1st': 1,
  primer: 1,
  primero: 1,
  primera: 1,
  '1er': 1,
  '1o': 1,
  '1ro': 1,
  '1ra': 1,
  second: 2,
  '2nd': 2,
  segundo: 2,
  segunda: 2,
  '2do': 2,
  '2o': 2,
  '2da': 2,
  third: 3,
  '3rd': 3,
  tercer: 3,
  tercero: 3,
  tercera: 3,
  '3er': 3,
  '3ro': 3,
  fourth: 4,
  '4th': 4,
  cuarto: 4,
  cuarta: 4,
  '4to': 4,
};
const lastWords = new Set(['last', 'ultimo', 'ultima']);
const quarterWords = new Set(['quarter', 'trimestre']);
const halfWords = new Set(['half', 'semester', 'semestre', 'mitad']);
const thisWords = new Set(['this', 'current', 'este', 'esta', 'actual']);
const nextWords = new Set(['next', 'proximo', 'proxima', 'siguiente', 'upcoming', 'coming']);
const inWords = new Set(['in', 'en', 'during', 'durante', 'for', 'para', 'of', 'de', 'del']);

const iso = (d: DateTime) => d.toISODate()!;
const isYear = (w: string | undefined) => w !== undefined && /^(19|20)\d\d$/.test(w);

/** The months from `start` (a first of a month) for `n` months. */
function months(start: DateTime, n: number): Period {
  const end = start.plus({ months: n - 1 });
  if (n === 1) return { from: iso(start), to: iso(start.endOf('month')), name: { type: 'month', month: start.toFormat('yyyy-MM') } };
  return { from: iso(start), to: iso(end.endOf('month')), name: { type: 'months', from: start.toFormat('yyyy-MM'), to: end.toFormat('yyyy-MM') } };
}

/** The year written within the next few words after `i` (`of 2024`, `de 2024`, `2024`), else null. */
function yearAfter(words: string[], i: number): number | null {
  const y = words.slice(i + 1, i + 4).find(isYear);
  return y ? Number(y) : null;
}

function week(now: DateTime, next: boolean): Period {
  const start = next ? now.startOf('week').plus({ weeks: 1 }) : now;
  const to = iso(start.endOf('week'));
  return { from: iso(start), to, name: { type: 'week', from: iso(start), to } };
}

/** A unit of time (`week`, `mes`, `quarter`, `semestre`…) this one or the next, from `now`. */
function unitFrom(unit: string, now: DateTime, next: boolean): Period | null {
  if (unit === 'week' || unit === 'semana') return week(now, next);
  if (unit === 'month' || unit === 'mes') return months(now.startOf('month').plus({ months: next ? 1 : 0 }), 1);
  if (quarterWords.has(unit)) return months(now.startOf('quarter').plus({ months: next ? 3 : 0 }), 3);
  if (!halfWords.has(unit)) return null;
  const half = now.set({ month: now.month <= 6 ? 1 : 7 }).startOf('month');
  return months(half.plus({ months: next ? 6 : 0 }), 6);
}

/** `this/next week|month|quarter|semester`, `la semana que viene`, `el mes que viene`. */
function relative(words: string[], now: DateTime): Period | null {
  for (let i = 0; i < words.length; i++) {
    const before = words[i - 1] ?? '';
    const next = nextWords.has(before) || (words[i + 1] === 'que' && words[i + 2] === 'viene') || nextWords.has(words[i + 1] ?? '');
    if (!next && !thisWords.has(before)) continue;
    const found = unitFrom(words[i]!, now, next);
    if (found) return found;
  }
  return null;
}

/** `q1 2024`, `t4 de 2024`, `h2 2023`: a quarter or half written short (with a year: `t1` alone is a priority). */
function shortForm(words: string[], now: DateTime): Period | null {
  for (let i = 0; i < words.length; i++) {
    const m = /^([qth])([1-4])$/.exec(words[i]!);
    if (!m) continue;
    const year = yearAfter(words, i);
    if (m[1] === 't' && year === null) continue;
    const y = year ?? now.year;
    const n = Number(m[2]);
    if (m[1] === 'h') {
      if (n <= 2) return months(now.set({ year: y, month: n === 1 ? 1 : 7 }).startOf('month'), 6);
      continue;
    }
    return months(now.set({ year: y, month: (n - 1) * 3 + 1 }).startOf('month'), 3);
  }
  return null;
}

/** Which quarter or half the words around `i` name: `third quarter`, `trimestre tercero`, `last half`. */
function ordinalAround(words: string[], i: number, quarter: boolean): number | undefined {
  const before = words[i - 1] ?? '';
  if (lastWords.has(before)) return quarter ? 4 : 2;
  return ordinals[before] ?? ordinals[words[i + 1] ?? ''];
}

/** `the third quarter of 2023`, `el primer semestre de 2024`, `the last quarter of 2024`, `la segunda mitad`. */
function ordinalForm(words: string[], now: DateTime): Period | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const quarter = quarterWords.has(w);
    if (!quarter && !halfWords.has(w)) continue;
    const n = ordinalAround(words, i, quarter);
    if (n === undefined || (!quarter && n > 2)) continue;
    const y = yearAfter(words, i) ?? now.year;
    return months(now.set({ year: y, month: quarter ? (n - 1) * 3 + 1 : n === 1 ? 1 : 7 }).startOf('month'), quarter ? 3 : 6);
  }
  return null;
}

/** Words after which "may" is the month: `in may`, `for may`, `until may`, `by may`. */
const mayOpeners = new Set(['in', 'for', 'until', 'till', 'by', 'since', 'during', 'through']);

/** True when a year follows the word at `i` (`may 2024`, `mayo de 2024`). */
const yearFollows = (words: string[], i: number) => isYear(words[i + 1]) || (words[i + 1] === 'de' && isYear(words[i + 2]));

/** The number (1-12) of a month word, full in either language or abbreviated where it can only be a month. */
function monthNumber(words: string[], i: number): number | null {
  const w = words[i]!;
  const full = monthsEn.indexOf(w) >= 0 ? monthsEn.indexOf(w) : monthsEs.indexOf(w === 'setiembre' ? 'septiembre' : w);
  // "may" is also an English verb: a month only with a year or after a word that opens a time ("in", "for", "until").
  if (full >= 0) return w === 'may' && !yearFollows(words, i) && !mayOpeners.has(words[i - 1] ?? '') ? null : full + 1;
  const short = abbreviations[w];
  return short !== undefined && (yearFollows(words, i) || inWords.has(words[i - 1] ?? '')) ? short : null;
}

/** A month with or without its year; without one, the next such month from now (this one included). */
function monthForm(words: string[], now: DateTime): Period | null {
  for (let i = 0; i < words.length; i++) {
    const m = monthNumber(words, i);
    if (m === null) continue;
    const year = yearAfter(words, i);
    let d = now.set({ month: m, day: 1 });
    if (year) d = d.set({ year });
    else if (m < now.month) d = d.plus({ years: 1 });
    return months(d.startOf('month'), 1);
  }
  return null;
}

/** `in 2023`, `en 2024`, `during 2024`: a whole year, when no other period is named. */
function yearForm(words: string[], now: DateTime): Period | null {
  const i = words.findIndex((w, k) => isYear(w) && inWords.has(words[k - 1] ?? ''));
  return i < 0 ? null : months(now.set({ year: Number(words[i]), month: 1 }).startOf('month'), 12);
}

/** The period a question names, if any (its folded words), the most precise form first. */
export function periodOf(folded: string, now: DateTime): Period | null {
  const words = folded.split(' ').filter((w) => w !== '');
  return relative(words, now) ?? shortForm(words, now) ?? ordinalForm(words, now) ?? monthForm(words, now) ?? yearForm(words, now);
}

/** The words of a question that name its period (taken out of its topic): months, quarters, years, ordinals. */
export function isPeriodWord(w: string): boolean {
  return (
    monthsEn.includes(w) ||
    monthsEs.includes(w) ||
    w in abbreviations ||
    w in ordinals ||
    quarterWords.has(w) ||
    halfWords.has(w) ||
    isYear(w) ||
    /^[qh][1-4]$/.test(w) ||
    [
      'week',
      'semana',
      'month',
      'mes',
      'year',
      'ano',
      'this',
      'este',
      'esta',
      'next',
      'last',
      'ultimo',
      'ultima',
      'que',
      'viene',
      'siguiente',
      'proximo',
      'proxima',
    ].includes(w)
  );
}
