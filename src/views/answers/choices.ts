import { messages } from '../../i18n/messages.js';
import { actionIds, encodeValue } from '../action-ids.js';
import { actions, button, clip, esc, section } from '../blocks.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { bullet } from './parts.js';

/** Several keywords or names are as close to what was typed: "did you mean", one button each (at most five). */
export const choices: AnswerDrawing<AnswerOf<'choices'>> = {
  slack(answer) {
    const m = messages(answer.lang);
    const buttons = answer.options.slice(0, 5).map((o) => button(clip(o.label, 75), actionIds.pickChoice, encodeValue({ c: o.command, l: answer.lang })));
    return { body: [section(esc(m.didYouMean(answer.given))), actions('gcm_choices', buttons)], fallback: m.didYouMean(answer.given) };
  },
  text(answer) {
    return [messages(answer.lang).didYouMean(answer.given), ...answer.options.map((o) => bullet(`${o.label}: ${o.command}`))];
  },
};
