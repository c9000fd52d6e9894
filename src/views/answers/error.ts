import { messages } from '../../i18n/messages.js';
import { esc, section } from '../blocks.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { terminal } from './parts.js';

/**
 * What went wrong and how to put it right. What the user typed is escaped in Slack; no_plan quotes nothing
 * typed and may mention the co-chairs, so it is not (its words depend on who reads, `audienceMatters`).
 */
export const error: AnswerDrawing<AnswerOf<'error'>> = {
  slack(answer, _dir, opts) {
    const m = messages(answer.lang);
    const noPlan = answer.error.code === 'no_plan';
    return {
      body: [section(noPlan ? m.error(answer.error, opts.audience) : esc(m.error(answer.error)))],
      fallback: m.error(answer.error, opts.audience),
      fallbackIsMarkup: noPlan,
    };
  },
  text(answer) {
    return [messages(answer.lang).error(answer.error, terminal)];
  },
};
