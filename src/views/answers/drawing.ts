import type { Answer, Audience } from '../../domain/answers.js';
import type { AgencyDirectory } from '../../domain/types.js';
import type { MessageBlock } from '../chart.js';

/** One kind of answer: `AnswerOf<'agency'>` is the agency answer. */
export type AnswerOf<K extends Answer['kind']> = Extract<Answer, { kind: K }>;

export interface MessageOptions {
  /** The command text this answer is for: buttons carry it to re-answer after a change. */
  command: string;
  /** Show "Share in channel" (ephemeral answers) and "Mark done" buttons. */
  interactive: boolean;
  /** A line shown on top, e.g. who marked what done. */
  notice?: string;
  /** Who reads it, for what to do about the plan file (a member when not given); see `audienceMatters`. */
  audience?: Audience;
}

/**
 * What an answer kind draws in Slack; the frame every answer shares (the notice on top, the translation
 * note, Share in channel, Slack's 50 blocks) is answerMessage's (src/views/message-view.ts).
 */
export interface SlackParts {
  /** The answer's blocks; the lists give way first when a message would pass 50 blocks. */
  body: MessageBlock[];
  /** Blocks that always show, after the body (an agency's profile). */
  tail?: MessageBlock[];
  /** The message's text fallback (notifications, screen readers): plain words, escaped by the frame. */
  fallback: string;
  /** The fallback is mrkdwn already and is not escaped (only no_plan's, which may mention the co-chairs). */
  fallbackIsMarkup?: boolean;
  /** A line above the answer (what a question in plain words was taken to ask), after the caller's notice. */
  notice?: string;
}

/**
 * An answer kind drawn on every surface it appears on. A new surface is a new member here, and the
 * type-checker then asks every kind for it (src/views/answers/index.ts).
 */
export interface AnswerDrawing<A extends Answer> {
  /** Block Kit for a Slack message. `draw` draws another answer the same way (an answer that wraps one). */
  slack(answer: A, dir: AgencyDirectory, opts: MessageOptions, draw: (inner: Answer) => SlackParts): SlackParts;
  /** Plain text lines for the terminal (`npm run ask`): shown as written, never escaped. */
  text(answer: A, dir: AgencyDirectory, draw: (inner: Answer) => string[]): string[];
}

/** A drawing for every kind of answer, on every surface: a kind left out fails the type-check. */
export type AnswerDrawings = { [K in Answer['kind']]: AnswerDrawing<AnswerOf<K>> };

/** The answer whose content a reader sees: an answer that wraps another (`understood`) shows that one. */
export const shownAnswer = (answer: Answer): Answer => (answer.kind === 'understood' ? shownAnswer(answer.answer) : answer);
