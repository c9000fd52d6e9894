import { messages } from '../../i18n/messages.js';
import { esc, header, section } from '../blocks.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { objectiveTitle } from './parts.js';

/** `/gcm objective` without a number: the 23 GCM objectives, each with the priorities that cite it. */
export const objectives: AnswerDrawing<AnswerOf<'objectives'>> = {
  slack(answer) {
    const m = messages(answer.lang);
    const lines = answer.objectives.map(
      ({ objective: o, priorities }) => `*${o.number}.* ${esc(objectiveTitle(o, answer.lang))}${priorities.length ? ` _(${priorities.join(', ')})_` : ''}`,
    );
    return { body: [header(m.objectives), section(lines.join('\n'))], fallback: m.objectives };
  },
  text(answer) {
    const m = messages(answer.lang);
    return [
      `${m.objectives}:`,
      ...answer.objectives.map(
        ({ objective: o, priorities }) =>
          `  ${String(o.number).padStart(2)}. ${objectiveTitle(o, answer.lang)}${priorities.length ? `  [${priorities.join(', ')}]` : ''}`,
      ),
    ];
  },
};
