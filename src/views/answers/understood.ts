import { messages } from '../../i18n/messages.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';

/** A question in plain words or with a typo: what it was taken to ask, on top of the answer to that. */
export const understood: AnswerDrawing<AnswerOf<'understood'>> = {
  slack(answer, _dir, _opts, draw) {
    const line = messages(answer.lang).understood(answer.understood);
    const inner = draw(answer.answer);
    return { ...inner, notice: inner.notice ? `${line}\n${inner.notice}` : line };
  },
  text(answer, _dir, draw) {
    return [messages(answer.lang).understood(answer.understood), '', ...draw(answer.answer)];
  },
};
