import type { ActivityKind, AgenciesFile, Schedule } from '../schema.js';

// The plan's own wording, read in English and Spanish: who is in charge, when, what kind of activity.
// Every reader returns a structured reading or a message saying why it cannot; a reading made with a guess
// (a year taken from the plan's period) says so in `guess`, for `--draft`'s `# CHECK` comments.

/** Lower case, no accents, one space between words. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export type Reading<T> = { ok: true; value: T; guess?: string; note?: string } | { ok: false; message: string };

// ---- Agencies ----

export interface AgencyNames {
  /** folded name → agency id, longest names first. */
  names: [string, string][];
  /** The short names (ids, acronyms, aliases) as written, for did-you-mean. */
  short: { name: string; id: string }[];
}

export function agencyNames(agencies: AgenciesFile): AgencyNames {
  const map = new Map<string, string>();
  const short: { name: string; id: string }[] = [];
  for (const a of agencies.agencies) {
    for (const n of [a.id, a.acronym_es, ...a.aliases]) {
      if (!n) continue;
      map.set(fold(n), a.id);
      short.push({ name: n, id: a.id });
    }
    for (const n of [a.name_en, a.name_es]) if (n) map.set(fold(n), a.id);
  }
  return { names: [...map].sort((x, y) => y[0].length - x[0].length), short };
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const wordChar = '[\\p{L}\\p{N}]';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length]!;
}

/** The known names nearest to `name` (at most 2 edits), for "did you mean". */
export function nearestAgencies(name: string, names: AgencyNames): string[] {
  const target = fold(name);
  const scored = names.short.map((s) => ({ name: s.name, d: levenshtein(target, fold(s.name)) })).filter((s) => s.d <= 2);
  const best = Math.min(...scored.map((s) => s.d));
  return [...new Set(scored.filter((s) => s.d === best).map((s) => s.name))].slice(0, 3);
}

/** Words that are not agencies though written in capitals. */
const notAgencies = new Set(['TBD', 'UN', 'ONU', 'GCM', 'N/A', 'NA']);

/**
 * The agencies a piece of wording names, in the order it names them: ids, Spanish acronyms, aliases and
 * full names of data/agencies.yaml, whole words, case and accents ignored. A word in capitals that names
 * no known agency is an error, with the nearest known names.
 */
export function readAgencies(wording: string, names: AgencyNames): Reading<string[]> {
  const original = wording.normalize('NFC');
  let rest = [...original].map((c) => (/\s/.test(c) ? ' ' : fold(c) || c)).join('');
  const found: { at: number; id: string }[] = [];
  for (const [name, id] of names.names) {
    const re = new RegExp(`(?<!${wordChar})${escapeRegex(name)}(?!${wordChar})`, 'gu');
    rest = rest.replace(re, (m, at: number) => {
      found.push({ at, id });
      return ' '.repeat(m.length);
    });
  }
  // Capitalised words left over, found in the original text at the same places (folded one letter at a time,
  // the text keeps its length).
  const unknown: string[] = [];
  for (const m of rest.matchAll(/[\p{L}][\p{L}\p{N}-]*/gu)) {
    const raw = original.length === rest.length ? original.slice(m.index, m.index + m[0].length) : m[0];
    if (/^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(raw) && !notAgencies.has(raw)) unknown.push(raw);
  }
  if (unknown.length > 0) {
    return {
      ok: false,
      message: unknown
        .map((u) => {
          const near = nearestAgencies(u, names);
          return `${u}: unknown agency${near.length ? `; did you mean ${near.join(' or ')}?` : ' (see data/agencies.yaml)'}`;
        })
        .join('; '),
    };
  }
  const ids = [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.id))];
  return { ok: true, value: ids };
}

export interface Entity {
  lead: { agencies: string[]; wording: string };
  support: { network: boolean; agencies: string[]; wording: string };
}

const leadLabel =
  /(?:agenc(?:y|ies|ia|ias)\s+(?:in\s+charge\s+of\s+(?:the\s+)?implementation|a\s+cargo\s+de\s+(?:la\s+)?implementaci[oó]n|in\s+charge|a\s+cargo|responsables?|lead(?:ing)?|l[ií]deres?)|entity\s+in\s+charge|entidad\s+a\s+cargo|lead)\s*:/iu;
const supportLabel = /(?:supporting\s+agenc(?:y|ies)|agencias?\s+de\s+apoyo|support|apoyo)\s*:/iu;
const networkWords = new Set(['network', 'the network', 'regional network', 'the regional network', 'red', 'la red', 'red regional', 'la red regional']);

function trimWording(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The "Entity in charge" cell: "Agencies in charge of implementation: IOM and ECLAC  Supporting agencies:
 * Network", its Spanish form ("Agencias a cargo de la implementación: OIM y CEPAL  Agencias de apoyo: Red"),
 * or a bare list ("ILO, UNDP (rotating)"). A lead that names no agency is kept as wording, with a note.
 */
export function readEntity(cell: string, names: AgencyNames): Reading<Entity> {
  const text = cell.trim();
  const lm = leadLabel.exec(text);
  const sm = supportLabel.exec(text);
  let leadPart = text;
  let supportPart: string | null = null;
  if (sm && (!lm || sm.index > lm.index)) {
    leadPart = text.slice(lm ? lm.index + lm[0].length : 0, sm.index);
    supportPart = text.slice(sm.index + sm[0].length);
  } else if (lm) {
    leadPart = text.slice(lm.index + lm[0].length);
  }
  const leadWording = trimWording(leadPart);
  const supportWording = supportPart === null ? '' : trimWording(supportPart);
  const lead = readAgencies(leadWording, names);
  const networkOnly = networkWords.has(fold(supportWording).replace(/[.]$/, ''));
  const support: Reading<string[]> = networkOnly ? { ok: true, value: [] } : readAgencies(supportWording, names);
  const errors = [lead, support].flatMap((r) => (r.ok ? [] : [r.message]));
  if (errors.length > 0 || !lead.ok || !support.ok) return { ok: false, message: errors.join('; ') };
  const supportNetwork = networkOnly || /(?<![\p{L}])(network|red)(?![\p{L}])/iu.test(supportWording);
  const value: Entity = {
    lead: { agencies: lead.value, wording: leadWording },
    support: { network: supportNetwork && supportWording !== '', agencies: support.value, wording: supportWording },
  };
  if (leadWording === '' && supportWording === '') return { ok: false, message: 'no entity in charge' };
  const note = lead.value.length === 0 ? `the agencies in charge name no known agency; kept as wording ("${leadWording}")` : undefined;
  return note ? { ok: true, value, note } : { ok: true, value };
}

/** The cell the plan would write for a lead and support (the inverse of readEntity). */
export function writeEntity(e: Entity, language: 'en' | 'es'): string {
  const s = e.support;
  if (!s.network && s.agencies.length === 0 && s.wording === '' && e.lead.wording !== '') {
    // A bare list is written bare, unless it would read as labelled.
    if (!leadLabel.test(e.lead.wording) && !supportLabel.test(e.lead.wording)) return e.lead.wording;
  }
  return language === 'es'
    ? `Agencias a cargo de la implementación: ${e.lead.wording}  Agencias de apoyo: ${s.wording}`.trimEnd()
    : `Agencies in charge of implementation: ${e.lead.wording}  Supporting agencies: ${s.wording}`.trimEnd();
}

// ---- Scheduling ----

const monthNames: [RegExp, number][] = [
  [/^(jan(uary)?|ene(ro)?)$/, 1],
  [/^(feb(ruary)?|feb(rero)?)$/, 2],
  [/^(mar(ch)?|mar(zo)?)$/, 3],
  [/^(apr(il)?|abr(il)?)$/, 4],
  [/^(may|mayo)$/, 5],
  [/^(june?|jun(io)?)$/, 6],
  [/^(july?|jul(io)?)$/, 7],
  [/^(aug(ust)?|ago(sto)?)$/, 8],
  [/^(sep(t(ember)?)?|sep(tiembre)?|set(iembre)?)$/, 9],
  [/^(oct(ober)?|oct(ubre)?)$/, 10],
  [/^(nov(ember)?|nov(iembre)?)$/, 11],
  [/^(dec(ember)?|dic(iembre)?)$/, 12],
];

export function monthNumber(word: string): number | null {
  const w = fold(word).replace(/\.$/, '');
  for (const [re, n] of monthNames) if (re.test(w)) return n;
  return null;
}

const M = '([a-z]+\\.?)';
const Y = '(\\d{4})';
const D = '(\\d{1,2})(?:st|nd|rd|th|°|º)?';
const dash = '\\s*(?:-|–|—|to|a|al|hasta)\\s*';

const pad = (n: number) => String(n).padStart(2, '0');
const ym = (y: number, m: number) => `${y}-${pad(m)}`;
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function validDay(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export interface Period {
  start: string;
  end: string;
}

/** The year of the period in which month `m` (day `d`) falls first; the start's year when none. */
function yearFromPeriod(period: Period, m: number, d = 1): number {
  const y0 = Number(period.start.slice(0, 4));
  const y1 = Number(period.end.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    const iso = ymd(y, m, Math.min(d, 28));
    if (iso.slice(0, 7) >= period.start.slice(0, 7) && iso.slice(0, 7) <= period.end.slice(0, 7)) return y;
  }
  return y0;
}

const numberWords: Record<string, number> = { one: 1, a: 1, an: 1, two: 2, three: 3, four: 4, una: 1, un: 1, uno: 1, dos: 2, tres: 3, cuatro: 4 };

const ok = (s: Schedule, guess?: string): Reading<Schedule> => (guess ? { ok: true, value: s, guess } : { ok: true, value: s });

/** One form of the Scheduling cell: its reading, or null when the cell is not in that form. `f` is the folded text. */
type ScheduleForm = (text: string, f: string, period: Period) => Reading<Schedule> | null;

/** An empty cell (no date) or a continuous process. */
const noDateForm: ScheduleForm = (text, f) => {
  if (f === '' || /^(-\s*)+$/.test(f)) return ok({ type: 'none', text: '' });
  if (/^(continuous( process)?|ongoing|proceso continuo|continuo|permanente|de forma continua)$/.test(f)) return ok({ type: 'continuous', text });
  return null;
};

/** "One practice per month", "Una práctica por mes", "2 per month". */
const monthlyForm: ScheduleForm = (text, f) => {
  const monthly = /^(\d+|one|an?|two|three|four|una?|uno|dos|tres|cuatro)\b.*\b(per|a|each|every|por|al|cada)\s+(month|mes)$/.exec(f);
  if (!monthly) return null;
  const n = /^\d+$/.test(monthly[1]!) ? Number(monthly[1]) : numberWords[monthly[1]!]!;
  return ok({ type: 'monthly', text, per_month: n });
};

/** Tentative: "To be determined August 2023 (30 or 31 TBD)", "Por definir agosto de 2023 (30 o 31)". */
const tentativeForm: ScheduleForm = (text, f, period) => {
  const tbd = /\b(to be determined|to be confirmed|tbd|tbc|por definir|a definir|por confirmar|a confirmar)\b/;
  if (!tbd.test(f)) return null;
  const mm = new RegExp(`\\b${M}(?:\\s+de(?:l)?)?\\s+${Y}\\b`).exec(f);
  const month = mm ? monthNumber(mm[1]!) : null;
  if (!mm || !month) {
    const bare = [...f.matchAll(/[a-z]+/g)].map((w) => monthNumber(w[0])).filter((n): n is number => n !== null);
    if (bare.length !== 1) return { ok: false, message: `cannot read a month in "${text}"` };
    const y = yearFromPeriod(period, bare[0]!);
    return ok({ type: 'tentative', text, month: ym(y, bare[0]!), days: readDays(f, y, bare[0]!) }, `year ${y} taken from the plan's period`);
  }
  const y = Number(mm[2]);
  const days = readDays(f.replace(mm[0], ' '), y, month);
  return ok({ type: 'tentative', text, month: ym(y, month), days });
};

/** Date ranges: "September 27-28, 2023", "27 y 28 de septiembre de 2023", "del 27 al 28 de septiembre de 2023". */
const dateRangeForm: ScheduleForm = (text, f, period) => {
  let m = new RegExp(`^${M}\\s+${D}${dash}${D},?\\s+${Y}$`).exec(f);
  if (m && monthNumber(m[1]!)) return dateRange(text, Number(m[4]), monthNumber(m[1]!)!, Number(m[2]), Number(m[3]));
  m = new RegExp(`^(?:del?\\s+)?${D}\\s*(?:-|–|—|y|al|a)\\s*${D}\\s+de\\s+${M}(?:\\s+de(?:l)?)?\\s+${Y}$`).exec(f);
  if (m && monthNumber(m[3]!)) return dateRange(text, Number(m[4]), monthNumber(m[3]!)!, Number(m[1]), Number(m[2]));
  m = new RegExp(`^${M}\\s+${D}${dash}${D}$`).exec(f);
  if (m && monthNumber(m[1]!)) {
    const mo = monthNumber(m[1]!)!;
    const y = yearFromPeriod(period, mo, Number(m[2]));
    const r = dateRange(text, y, mo, Number(m[2]), Number(m[3]));
    return r.ok ? { ...r, guess: `year ${y} taken from the plan's period` } : r;
  }
  return null;
};

/** Month ranges: "May – December 2023", "De mayo a diciembre de 2023", "mayo – diciembre 2023", "November 2023 – February 2024". */
const monthRangeForm: ScheduleForm = (text, f, period) => {
  const m = new RegExp(`^(?:de(?:sde)?\\s+|from\\s+)?${M}(?:\\s+(?:de(?:l)?\\s+)?${Y})?${dash}${M}(?:\\s+(?:de(?:l)?\\s+)?${Y})?$`).exec(f);
  if (!m || !monthNumber(m[1]!) || !monthNumber(m[3]!)) return null;
  const a = monthNumber(m[1]!)!;
  const b = monthNumber(m[3]!)!;
  let y2 = m[4] ? Number(m[4]) : null;
  let y1 = m[2] ? Number(m[2]) : y2 !== null ? (a <= b ? y2 : y2 - 1) : null;
  let guess: string | undefined;
  if (y1 === null || y2 === null) {
    y1 = yearFromPeriod(period, a);
    y2 = a <= b ? y1 : y1 + 1;
    guess = `year ${y1} taken from the plan's period`;
  }
  const from = ym(y1, a);
  const to = ym(y2, b);
  if (to < from) return { ok: false, message: `the range "${text}" ends before it starts` };
  return ok({ type: 'month_range', text, from, to }, guess);
};

/** A month: "July 2023", "Julio de 2023". */
const monthForm: ScheduleForm = (text, f) => {
  const m = new RegExp(`^${M}(?:\\s+de(?:l)?)?,?\\s+${Y}$`).exec(f);
  return m && monthNumber(m[1]!) ? ok({ type: 'month', text, month: ym(Number(m[2]), monthNumber(m[1]!)!) }) : null;
};

/** Months every year: "May, August, November, and February", "Mayo, agosto, noviembre y febrero", "May November". */
const recurringForm: ScheduleForm = (text, f) => {
  const words = f.split(/[\s,;/]+/).filter((w) => w !== '' && !['and', 'y', 'e', '&'].includes(w));
  if (words.length === 0 || !words.every((w) => monthNumber(w) !== null)) return null;
  const months = words.map((w) => monthNumber(w)!);
  if (new Set(months).size !== months.length) return { ok: false, message: `a month is listed twice in "${text}"` };
  return ok({ type: 'recurring_months', text, months });
};

/** A date, alone or within other words: "…April 25th 2023, Santiago de Chile", "25 de abril de 2023". */
const dateForm: ScheduleForm = (text, f) => {
  const dates: { y: number; m: number; d: number }[] = [];
  for (const x of f.matchAll(new RegExp(`(?<![a-z])${M}\\s+${D},?\\s+${Y}`, 'g'))) {
    const mo = monthNumber(x[1]!);
    if (mo) dates.push({ y: Number(x[3]), m: mo, d: Number(x[2]) });
  }
  for (const x of f.matchAll(new RegExp(`\\b${D}\\s+(?:de\\s+)?${M}(?:\\s+de(?:l)?)?,?\\s+${Y}`, 'g'))) {
    const mo = monthNumber(x[2]!);
    if (mo) dates.push({ y: Number(x[3]), m: mo, d: Number(x[1]) });
  }
  if (dates.length === 0) return null;
  if (dates.length > 1) return { ok: false, message: `"${text}" names several dates; write one schedule per activity` };
  const { y, m: mo, d } = dates[0]!;
  if (!validDay(y, mo, d)) return { ok: false, message: `${ym(y, mo)} has no day ${d}` };
  return ok({ type: 'date', text, date: ymd(y, mo, d) });
};

/** The forms in the order they are tried: the first that matches reads the cell. */
const scheduleForms: ScheduleForm[] = [noDateForm, monthlyForm, tentativeForm, dateRangeForm, monthRangeForm, monthForm, recurringForm, dateForm];

/**
 * The "Scheduling" cell, every form of the 2023-2024 plan and its Spanish equivalents. The cell's text is
 * kept as the schedule's text. What it cannot read is an error, never a guess; a year taken from the plan's
 * period is a guess the reading names.
 */
export function readSchedule(cell: string, period: Period): Reading<Schedule> {
  const text = cell.trim().replace(/\s+/g, ' ');
  const f = fold(text).replace(/[“”"]/g, '').replace(/\.$/, '');
  for (const form of scheduleForms) {
    const reading = form(text, f, period);
    if (reading) return reading;
  }
  return { ok: false, message: `cannot read the schedule "${text}"` };
}

function dateRange(text: string, y: number, m: number, d1: number, d2: number): Reading<Schedule> {
  if (!validDay(y, m, d1) || !validDay(y, m, d2)) return { ok: false, message: `${ym(y, m)} has no day ${validDay(y, m, d1) ? d2 : d1}` };
  if (d2 < d1) return { ok: false, message: `the range "${text}" ends before it starts` };
  return { ok: true, value: { type: 'date_range', text, from: ymd(y, m, d1), to: ymd(y, m, d2) } };
}

/** The candidate days of a tentative date: "(30 or 31 TBD)", "(30 o 31)". */
function readDays(f: string, y: number, m: number): number[] {
  const inParens = /\(([^)]*)\)/.exec(f);
  const where = inParens ? inParens[1]! : f;
  return [...where.matchAll(/\b(\d{1,2})\b/g)].map((x) => Number(x[1])).filter((d) => validDay(y, m, d));
}

// ---- Kind ----

const meetingWords =
  /\b(meetings?|encounters?|workshops?|sessions?|consultations?|dialogues?|events?|forums?|conferences?|webinars?|reunion(es)?|encuentros?|talleres?|taller|sesion(es)?|consultas?|dialogos?|eventos?|foros?|conferencias?|seminarios?)\b/;

/** `meeting` or `deadline`, from the Kind cell (`meeting`/`reunión`, `deadline`/`plazo`). */
export function readKind(cell: string): ActivityKind | null {
  const f = fold(cell);
  if (/^(meeting|reunion|encuentro|evento|event)$/.test(f)) return 'meeting';
  if (/^(deadline|plazo|entrega|fecha limite)$/.test(f)) return 'deadline';
  return null;
}

/**
 * A kind inferred from the activity's text and schedule: a meeting when it organizes or holds one (a
 * meeting, an encounter, a workshop, a session, a consultation, dialogues, an event), a deadline otherwise.
 * Taking part "in dialogues", "the occasion of events", a "Dialogue Mechanism" are not holding one.
 */
export function inferKind(activityText: string, scheduleText: string): { kind: ActivityKind; because: string } {
  const t = fold(activityText);
  for (const m of t.matchAll(new RegExp(meetingWords.source, 'g'))) {
    const before = t.slice(0, m.index).trimEnd();
    const after = t.slice(m.index + m[0].length).trimStart();
    if (/\b(in|en|of|de|permanent|permanente)$/.test(before) || /^(mechanism|mecanismo)\b/.test(after)) continue;
    return { kind: 'meeting', because: `its text names "${m[0]}"` };
  }
  const s = fold(scheduleText).match(meetingWords);
  if (s) return { kind: 'meeting', because: `its schedule names "${s[0]}"` };
  return { kind: 'deadline', because: 'its text names no meeting' };
}

// ---- Priorities ----

/** `B1`, `T2`, `Basic 1`, `Básica 1`, `Thematic 2`, `Temática 2` → `B1`, `T2`. */
export function readPriorityId(cell: string): string | null {
  const f = fold(cell).replace(/^(priority|prioridad)\s+/, '');
  let m = /^([bt])\s*(\d+)$/.exec(f);
  if (m) return `${m[1]!.toUpperCase()}${Number(m[2])}`;
  m = /^(basic|basica|thematic|tematica)(?:\s+priority|\s+prioridad)?\s*(\d+)$/.exec(f);
  if (m) return `${m[1]!.startsWith('b') ? 'B' : 'T'}${Number(m[2])}`;
  return null;
}

/** Workstream numbers named by references: "Workstream 6: …", "Línea de trabajo 6: …". */
export function workstreamsOf(references: string[]): number[] {
  const out: number[] = [];
  for (const r of references) {
    const m = /^(?:workstream|linea de trabajo|flujo de trabajo)\s+(\d+)\b/.exec(fold(r));
    if (m && !out.includes(Number(m[1]))) out.push(Number(m[1]));
  }
  return out;
}
