import { messages } from '../../i18n/messages.js';
import { esc, section } from '../blocks.js';
import { agencyLabel } from '../labels.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { agencyName, bullet } from './parts.js';

/** `/gcm agency` alone (every member) or a name that fits several: the agencies, to pick one. */
export const agencies: AnswerDrawing<AnswerOf<'agencies'>> = {
  slack(answer, dir) {
    const m = messages(answer.lang);
    const lines = answer.agencies.map((a) => `• *${agencyLabel(a.id, answer.lang, dir)}* ${esc(agencyName(a, answer.lang))}`);
    return {
      body: [section(answer.query ? m.agencyChoices(esc(answer.query)) : `*${m.agencyList}*`), section(lines.join('\n'))],
      fallback: answer.query ? m.agencyChoices(answer.query) : m.agencyList,
    };
  },
  text(answer, dir) {
    const m = messages(answer.lang);
    return [
      answer.query ? m.agencyChoices(answer.query) : `${m.agencyList}:`,
      ...answer.agencies.map((a) => bullet(`${agencyLabel(a.id, answer.lang, dir)}: ${agencyName(a, answer.lang)}`)),
    ];
  },
};
