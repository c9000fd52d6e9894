import { messages } from '../../i18n/messages.js';
import { header, section } from '../blocks.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';

/** `/gcm principles`: the GCM's guiding principles. */
export const principles: AnswerDrawing<AnswerOf<'principles'>> = {
  slack(answer) {
    const m = messages(answer.lang);
    const lines = answer.principles.map((p) => `(${p.item}) ${answer.lang === 'es' ? p.nameEs : p.nameEn}`);
    return { body: [header(m.principles), section(lines.join('\n'))], fallback: m.principles };
  },
  text(answer) {
    const m = messages(answer.lang);
    return [`${m.principles}:`, ...answer.principles.map((p) => `  (${p.item}) ${answer.lang === 'es' ? p.nameEs : p.nameEn}`)];
  },
};
