import { messages } from '../../i18n/messages.js';
import { clip, esc, section } from '../blocks.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { bullet } from './parts.js';

/** `/gcm search WORDS`: the activities, priorities, agencies and objectives that match, best first. */
export const search: AnswerDrawing<AnswerOf<'search'>> = {
  slack(answer) {
    const m = messages(answer.lang);
    const fallback = m.searchResults(answer.query, answer.hits.length);
    if (answer.hits.length === 0) return { body: [section(esc(m.noResults(answer.query)))], fallback };
    return {
      body: [
        section(`*${esc(m.searchResults(answer.query, answer.hits.length))}*`),
        ...answer.hits.map((h) => section(`*${m.kinds[h.kind]}* ${esc(clip(h.title, 300))}${h.snippet ? `\n${esc(clip(h.snippet, 500))}` : ''}`)),
      ],
      fallback,
    };
  },
  text(answer) {
    const m = messages(answer.lang);
    if (answer.hits.length === 0) return [m.noResults(answer.query)];
    return [
      `${m.searchResults(answer.query, answer.hits.length)}:`,
      ...answer.hits.map((h) => bullet(`${m.kinds[h.kind]} ${h.title}${h.snippet && !h.title.includes(h.snippet) ? ` — ${h.snippet}` : ''}`)),
    ];
  },
};
