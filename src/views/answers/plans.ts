import { formatDate, messages } from '../../i18n/messages.js';
import { clip, context, esc, header, section } from '../blocks.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { bullet, importedAt } from './parts.js';

/** `/gcm plans`: the loaded plans, which one answers are for, and where and when each was imported from. */
export const plans: AnswerDrawing<AnswerOf<'plans'>> = {
  slack(answer) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const sections = answer.plans.map((p) =>
      section(
        `*${esc(p.id)}*${p.id === answer.currentId ? ` _(${m.plans.current})_` : ''} ${esc(clip(p.title, 300))}\n${m.plans.period(formatDate(p.periodStart, lang), formatDate(p.periodEnd, lang))} · ${esc(m.plans.imported(importedAt(p.importedAt), clip(p.filePath, 300)))}`,
      ),
    );
    return { body: [header(m.plans.title), ...sections, context(m.plans.hint)], fallback: m.plans.title };
  },
  text(answer) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    return [
      `${m.plans.title}:`,
      ...answer.plans.flatMap((p) => [
        bullet(`${p.id}${p.id === answer.currentId ? ` (${m.plans.current})` : ''}  ${p.title}`),
        `      ${m.plans.period(formatDate(p.periodStart, lang), formatDate(p.periodEnd, lang))} · ${m.plans.imported(importedAt(p.importedAt), p.filePath)}`,
      ]),
      '',
      m.plans.hint,
    ];
  },
};
