import type { Answer, AnswerError, Audience } from '../domain/answers.js';
import { messages } from '../i18n/messages.js';
import type { AgencyDirectory, Language } from '../domain/types.js';
import { actionIds, encodeValue, shareBlockId } from './action-ids.js';
import { actions, button, clip, context, esc, fitBlocks, limits, section } from './blocks.js';
import { type MessageOptions, type SlackParts, shownAnswer } from './answers/drawing.js';
import { drawingOf } from './answers/index.js';
import { answerTranslationNote } from './answers/parts.js';
import type { MessageBlock } from './chart.js';

export type { MessageOptions } from './answers/drawing.js';
export { betweenPlans, importedAt } from './answers/parts.js';

/** A Slack message: Block Kit with its text fallback (what notifications and screen readers show). */
export interface Message {
  text: string;
  /** Block Kit, with at most two charts (`data_visualization`, src/views/chart.ts). */
  blocks: MessageBlock[];
}

/** Whether an answer's words depend on who reads it (co-chair or member): no plan loaded, or its period ended. */
export function audienceMatters(answer: Answer): boolean {
  return (answer.kind === 'error' && answer.error.code === 'no_plan') || (answer.kind === 'upcoming' && answer.ended);
}

/** A message of one section of text: an error, a refusal, a short confirmation. */
export function errorMessage(text: string): Message {
  return { text, blocks: [section(text)] };
}

/** The error with what the user typed (`given`) escaped for Slack; the bot's own words and mentions stay as they are. */
export function escapedGiven(error: AnswerError): AnswerError {
  return 'given' in error && typeof error.given === 'string' ? ({ ...error, given: esc(error.given) } as AnswerError) : error;
}

/** An error as a reply in Slack: what the user typed is shown as written and pings nobody. */
export function errorReply(error: AnswerError, lang: Language, audience?: Audience): Message {
  return errorMessage(messages(lang).error(escapedGiven(error), audience));
}

/** The Block Kit an answer kind draws (src/views/answers/), an answer it wraps drawn the same way. */
function slackParts(answer: Answer, dir: AgencyDirectory, opts: MessageOptions): SlackParts {
  return drawingOf(answer).slack(answer, dir, opts, (inner) => slackParts(inner, dir, opts));
}

/**
 * Renders an answer as a Slack message: pure, inside Slack's limits whatever the data (50 blocks, 3000
 * characters a section, 150 a header), long lists cut with "…and N more". Each kind draws its blocks
 * (src/views/answers/); the frame is the same for all: the notice on top, the translation note, Share in
 * channel.
 */
export function answerMessage(answer: Answer, dir: AgencyDirectory, opts: MessageOptions): Message {
  const parts = slackParts(answer, dir, opts);
  const shown = shownAnswer(answer);
  const lang = shown.lang;
  const m = messages(lang);
  const note = answerTranslationNote(shown);
  const tail = [...(parts.tail ?? []), ...(note ? [context(note)] : [])];
  const notice = [opts.notice, parts.notice].filter((n) => n).join('\n');
  const head: MessageBlock[] = notice ? [context(notice)] : [];
  const share: MessageBlock[] =
    opts.interactive && shown.kind !== 'error' ? [actions(shareBlockId, [button(m.share, actionIds.share, encodeValue({ c: opts.command, l: lang }))])] : [];
  // The lists give way first: the profile (tail) and the share button always fit.
  const blocks = fitBlocks([...head, ...parts.body], limits.messageBlocks, m.andMore, tail.length + share.length);
  // The fallback is plain words (titles, what was typed) and is escaped like any text; only no_plan's may mention the co-chairs.
  return { text: clip(parts.fallbackIsMarkup ? parts.fallback : esc(parts.fallback), limits.fallbackText), blocks: [...blocks, ...tail, ...share] };
}
