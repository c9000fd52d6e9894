import type { Answer } from '../domain/answers.js';
import type { Context } from '../domain/ports.js';
import { slackOnlyAnswer, unknownPlan } from '../domain/questions.js';
import type { Language } from '../domain/types.js';
import { isQuestion } from './answer.js';
import { commands, route } from './table.js';

/**
 * The answer to command text without Slack (`npm run ask`, tests): the table's question it names, or the
 * error that the command works in Slack only (done, schedule, focal…).
 */
export function askQuestion(ctx: Context, text: string, defaultLang: Language): Answer {
  const { command, parsed } = route(text, defaultLang);
  if (!isQuestion(command)) return slackOnlyAnswer(parsed.lang, command.name);
  const domain = parsed.plan === undefined ? ctx : { ...ctx, plan: parsed.plan };
  const unknown = unknownPlan(domain);
  if (unknown) return { kind: 'error', lang: parsed.lang, error: unknown };
  return command.answer(parsed.arg, { domain, lang: parsed.lang, commands });
}
