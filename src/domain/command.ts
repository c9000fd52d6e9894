import { fold } from './normalize.js';
import type { Language } from './types.js';

/**
 * Words that pick a command, folded (no accents, lower case), with the language each one answers in; null
 * for a word both languages share (`plan`), which answers in the default language.
 */
export type Vocabulary = ReadonlyMap<string, { name: string; lang: Language | null }>;

/** A parsed `/gcm` or `ask` command: what is asked, its argument text, and the language to answer in. */
export interface Command {
  /** The command a keyword named; `help` for empty text; `bare` when the first word is no keyword (`/gcm B1.3`). */
  name: string;
  arg: string;
  lang: Language;
  /** The plan `plan:ID` picked, anywhere in the text; absent: the current plan. */
  plan?: string;
}

/**
 * Longest command text the bot reads (40 focal-point mentions with names fit in about 1,500). Longer text is
 * not cut (a cut could fall inside a word or a mention and act on part of it): it is refused whole, as
 * `too_long`, and the answer says how long it was and the bound.
 */
export const maxCommandLength = 4000;

/** The name of the command that refuses text longer than `maxCommandLength`; its argument is the length. */
export const tooLongCommand = 'too_long';

/**
 * Parses command text. The first word, when it is a keyword of `vocabulary` in either language (case and
 * accents ignored), picks the command and the answer's language; otherwise the answer is in `defaultLang`.
 * Text longer than `maxCommandLength` is `too_long`, in the language its first word names.
 */
export function parseCommand(text: string, defaultLang: Language, vocabulary: Vocabulary): Command {
  const { rest: clean, plan } = splitPlanOption(text);
  const picked = plan === undefined ? {} : { plan };
  return { ...parseWords(clean, defaultLang, vocabulary), ...picked };
}

const planOption = /(?:^|\s)plan:(\S*)/i;

/**
 * Takes `plan:ID` out of command text, wherever it is (`objective 23 plan:lac-2023-2024`): the plan it
 * names (the last one given; an empty id is kept as '' and answered as unknown) and the text without it,
 * spaces collapsed. Every command honours it, because it is taken out before the words are read.
 */
export function splitPlanOption(text: string): { rest: string; plan?: string } {
  let rest = text.replace(/\s+/g, ' ').trim();
  let plan: string | undefined;
  for (let m = planOption.exec(rest); m; m = planOption.exec(rest)) {
    plan = m[1]!;
    rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  }
  return plan === undefined ? { rest } : { rest, plan };
}

function parseWords(clean: string, defaultLang: Language, vocabulary: Vocabulary): Command {
  if (clean === '') return { name: 'help', arg: '', lang: defaultLang };
  const space = clean.indexOf(' ');
  const first = space < 0 ? clean : clean.slice(0, space);
  const rest = space < 0 ? '' : clean.slice(space + 1).trim();
  const keyword = vocabulary.get(fold(first.slice(0, 40)));
  if (clean.length > maxCommandLength) return { name: tooLongCommand, arg: String(clean.length), lang: keyword?.lang ?? defaultLang };
  if (keyword) return { name: keyword.name, arg: rest, lang: keyword.lang ?? defaultLang };
  return { name: 'bare', arg: clean, lang: defaultLang };
}

/** A reference to activities: an exact id, or a bare number that may name one in each kind of priority. */
export type ActivityRef = { id: string } | { number: string };

/**
 * Reads `B1.3`, `b1.3`, `basic 1.3`, `básica 1.3`, `thematic 2.4`, `temática 2.4`, `T 2.4`, or a bare `1.3`.
 * Returns null when the text is not an activity reference.
 */
export function parseActivityRef(text: string): ActivityRef | null {
  const t = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
  const m = /^(b|t|basic|basica|thematic|tematica)?\s*(\d{1,4})\s*\.\s*(\d{1,4})$/.exec(t);
  if (!m) return null;
  const number = `${Number(m[2])}.${Number(m[3])}`;
  if (!m[1]) return { number };
  return { id: `${m[1].startsWith('b') ? 'B' : 'T'}${number}` };
}

/** Reads `B1`, `t3`, `basic 1`, `temática 2`, or a bare `1` (both B1 and T1). */
export function parsePriorityRef(text: string): { id: string } | { number: string } | null {
  const t = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
  const m = /^(b|t|basic|basica|thematic|tematica)?\s*(\d{1,4})$/.exec(t);
  if (!m) return null;
  const number = String(Number(m[2]));
  if (!m[1]) return { number };
  return { id: `${m[1].startsWith('b') ? 'B' : 'T'}${number}` };
}

/** Splits `B1.2@2024-05`, `B1.2 2024-05` or `B1.2 2023-08-30` into the activity text and the occurrence label. */
export function splitOccurrenceArg(arg: string): { ref: string; label: string | null } {
  const m = /^(.*?)(?:\s*@\s*|\s+)(\d{4}-\d{2}(?:-\d{2})?)$/.exec(arg.trim());
  return m ? { ref: m[1]!.trim(), label: m[2]! } : { ref: arg.trim(), label: null };
}
