import type { Answer, Audience, HelpLine } from '../domain/answers.js';
import { onCurrentPlan } from '../domain/questions.js';
import type { Language, PlanInfo } from '../domain/types.js';
import { answerMessage, audienceMatters } from '../views/message-view.js';
import type { SlashCommand, UseCaseContext } from './use-case.js';

/** What answering a question needs: the data and the moment, the language, and the table (for help). */
export type QuestionContext = Pick<UseCaseContext, 'domain' | 'lang' | 'commands'>;

/** An answer and who reads it in Slack (asked only when its words depend on it: `audienceMatters`). */
export interface Answered {
  answer: Answer;
  audience: Audience | undefined;
}

/**
 * Who reads an answer in Slack: a co-chair is told what to do about the plan file, a member whom to ask.
 * Asking `isCoChair` makes the answer cache keep one answer per co-chair status (answer-cache.ts).
 */
export async function audienceOf(uc: UseCaseContext): Promise<Audience> {
  if (await uc.isCoChair()) return { kind: 'coChair' };
  return { kind: 'member', coChairs: uc.coChairContacts.ids, usergroup: uc.coChairContacts.usergroup };
}

/** A question is a use case whose result is an Answer, which it can give without Slack (`npm run ask`). */
export interface Question extends SlashCommand<Answered> {
  answer(arg: string, qc: QuestionContext): Answer;
}

export const isQuestion = (c: SlashCommand): c is Question => 'answer' in c;

/** A read-only question about the plan, as the table lists it. */
export interface QuestionSpec {
  name: string;
  keywords: Record<Language, readonly string[]>;
  help: Record<Language, readonly HelpLine[]>;
  /** The answer on the current plan (`onPlan`), or on none (principles, help). */
  ask: { onPlan(qc: QuestionContext, plan: PlanInfo, arg: string): Answer } | { anyPlan(qc: QuestionContext, arg: string): Answer };
}

/**
 * A question as a use case: anyone may ask, it answers in the acknowledgement (a few milliseconds of
 * SQLite), it is cached (answer-cache.ts), and it answers in the terminal too (`npm run ask`, ask.ts).
 */
export function question(q: QuestionSpec): Question {
  const { ask } = q;
  const answer = (arg: string, qc: QuestionContext): Answer =>
    'onPlan' in ask ? onCurrentPlan(qc.domain, qc.lang, (plan) => ask.onPlan(qc, plan, arg)) : ask.anyPlan(qc, arg);
  return {
    name: q.name,
    keywords: q.keywords,
    help: q.help,
    guard: 'anyone',
    reply: 'ack',
    readOnly: true,
    answer,
    run: async (arg, uc) => {
      const a = answer(arg, uc);
      return { answer: a, audience: audienceMatters(a) ? await audienceOf(uc) : undefined };
    },
    view: ({ answer, audience }, uc) => ({
      kind: 'message',
      message: answerMessage(answer, uc.directory, { command: uc.text, interactive: true, notice: uc.notice, ...(audience ? { audience } : {}) }),
    }),
  };
}
