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
 * Text longer than `maxCommandLength` is `too_long`, in the language its first word names: its length is
 * checked before anything reads it, so no parser ever sees more than the bound. Linear in the text.
 */
export function parseCommand(text: string, defaultLang: Language, vocabulary: Vocabulary): Command {
  if (text.length > maxCommandLength) {
    const first = /^\s*(\S{0,40})/.exec(text.slice(0, 100))![1]!;
    return { name: tooLongCommand, arg: String(text.length), lang: vocabulary.get(fold(first))?.lang ?? defaultLang };
  }
  const { rest: clean, plan } = splitPlanOption(text);
  const picked = plan === undefined ? {} : { plan };
  return { ...parseWords(clean, defaultLang, vocabulary), ...picked };
}

const planOption = /^plan:/i;

/**
 * Takes `plan:ID` out of command text, wherever it is (`objective 23 plan:lac-2023-2024`): the plan it
 * names (the last one given; an empty id is kept as '' and answered as unknown) and the text without it,
 * spaces collapsed. Every command honours it, because it is taken out before the words are read. One pass
 * over the words: linear in the text, however many `plan:` it holds.
 */
export function splitPlanOption(text: string): { rest: string; plan?: string } {
  let plan: string | undefined;
  const words: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    if (planOption.test(word)) plan = word.slice('plan:'.length);
    else words.push(word);
  }
  const rest = words.join(' ');
  return plan === undefined ? { rest } : { rest, plan };
}

function parseWords(clean: string, defaultLang: Language, vocabulary: Vocabulary): Command {
  if (clean === '') return { name: 'help', arg: '', lang: defaultLang };
  const space = clean.indexOf(' ');
  const first = space < 0 ? clean : clean.slice(0, space);
  const rest = space < 0 ? '' : clean.slice(space + 1).trim();
  const keyword = vocabulary.get(fold(first.slice(0, 40)));
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

/**
 * Splits `B1.2@2024-05`, `B1.2 2024-05` or `B1.2 2023-08-30` into the activity text and the occurrence label.
 * The label is found from the end (no pattern that backtracks over the text): linear in the text.
 */
export function splitOccurrenceArg(arg: string): { ref: string; label: string | null } {
  const text = arg.trim();
  const label = /(?:^|[^\d-])(\d{4}-\d{2}(?:-\d{2})?)$/.exec(text.slice(-11))?.[1];
  if (label === undefined) return { ref: text, label: null };
  const before = text.slice(0, text.length - label.length);
  const head = before.trimEnd();
  // A separator is needed: `@` (spaces around it allowed) or at least one space.
  if (head.endsWith('@')) return { ref: head.slice(0, -1).trim(), label };
  return head.length < before.length ? { ref: head, label } : { ref: text, label: null };
}
