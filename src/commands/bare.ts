import type { Answer } from '../domain/answers.js';
import { closest, keywordUsedAsWord } from '../domain/intents.js';
import { fold } from '../domain/normalize.js';
import { bareAnswer } from '../domain/questions.js';
import type { Language } from '../domain/types.js';
import { isQuestion, question, type QuestionContext } from './answer.js';

/** Every question keyword (folded) with the commands and languages it belongs to. */
function keywordOwners(qc: QuestionContext): Map<string, { name: string; lang: Language }[]> {
  const owners = new Map<string, { name: string; lang: Language }[]>();
  for (const c of qc.commands) {
    if (!isQuestion(c) || c.name === 'bare') continue;
    for (const lang of ['en', 'es'] as const) for (const k of c.keywords[lang]) owners.set(fold(k), [...(owners.get(fold(k)) ?? []), { name: c.name, lang }]);
  }
  return owners;
}

/**
 * A first word within a small edit distance of a keyword (`objetive 23`): the question that keyword asks,
 * headed by what was understood. Null when no keyword is that close, or when keywords of several commands are.
 */
function keywordTypo(qc: QuestionContext, arg: string): Answer | null {
  const space = arg.indexOf(' ');
  const given = space < 0 ? arg : arg.slice(0, space);
  const rest = space < 0 ? '' : arg.slice(space + 1).trim();
  const word = fold(given);
  if (word === '' || word.includes(' ')) return null;
  const owners = keywordOwners(qc);
  // A keyword written as it is, sent here: it was an ordinary word of a question (`progress on the encounter?`).
  if (owners.has(word) || keywordUsedAsWord(rest)) return null;
  const near = closest(word, owners.keys()).flatMap((k) => owners.get(k)!.map((o) => ({ ...o, keyword: k })));
  const names = new Set(near.map((n) => n.name));
  if (names.size > 1) {
    // Keywords of several commands are as close: a short list to pick from, one per command.
    const options = [...names].map((name) => {
      const k = near.find((n) => n.name === name)!;
      const command = `${k.keyword}${rest ? ` ${rest}` : ''}`;
      return { label: command, command };
    });
    return { kind: 'choices', lang: qc.lang, given, options };
  }
  if (names.size !== 1) return null;
  const langs = new Set(near.map((n) => n.lang));
  const lang = langs.size === 1 ? near[0]!.lang : qc.lang;
  const command = qc.commands.find((c) => c.name === near[0]!.name);
  if (!command || !isQuestion(command)) return null;
  const keyword = near.find((n) => n.lang === lang)?.keyword ?? near[0]!.keyword;
  // Through its prototype chain, not spread: a request's context keeps its methods on its class (src/slack/router.ts).
  const answer = command.answer(rest, Object.create(qc, { lang: { value: lang } }) as QuestionContext);
  if (answer.kind === 'error') return answer;
  return { kind: 'understood', lang, understood: { what: 'typo', given, taken: `${keyword}${rest ? ` ${rest}` : ''}` }, answer };
}

/**
 * Text whose first word is no keyword (`/gcm B1.3`, `/gcm IOM`, `/gcm 23`): read by what it looks like; a
 * keyword with a typo (`objetive 23`); else a question in plain words (`who leads the workshop?`), read in
 * the domain (intents.ts). Not in the table's keywords and not in help: the router falls back to it.
 */
export const bare = question({
  name: 'bare',
  keywords: { en: [], es: [] },
  help: { en: [], es: [] },
  ask: { onPlan: (uc, plan, arg) => keywordTypo(uc, arg) ?? bareAnswer(uc.domain, plan, arg, uc.lang) },
});
