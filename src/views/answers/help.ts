import { messages } from '../../i18n/messages.js';
import { context, header, section } from '../blocks.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';

/** `/gcm help`: what to type and what it does, and the keywords both languages share. */
export const help: AnswerDrawing<AnswerOf<'help'>> = {
  slack(answer) {
    const m = messages(answer.lang);
    return {
      body: [header(m.helpTitle), section(answer.lines.map((l) => `\`/gcm ${l.usage}\` ${l.text}`).join('\n')), context(m.helpFooter(answer.twins.join(', ')))],
      fallback: m.helpTitle,
    };
  },
  text(answer) {
    const m = messages(answer.lang);
    const width = Math.max(20, ...answer.lines.map((l) => l.usage.length));
    return [`${m.helpTitle}:`, ...answer.lines.map((l) => `  ${l.usage.padEnd(width)} ${l.text}`), '', m.helpFooter(answer.twins.join(', '))];
  },
};
