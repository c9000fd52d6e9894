import { formatDate, messages } from '../../i18n/messages.js';
import { bar, clip, context, esc, header, section } from '../blocks.js';
import { planTitle, priorityTitle } from '../labels.js';
import { statusCounts } from '../status-view.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { bullet, planLine } from './parts.js';

/** `/gcm progress`: each priority's activities and occurrences done, and its occurrences by status. */
export const progress: AnswerDrawing<AnswerOf<'progress'>> = {
  slack(answer) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const plan = answer.plan;
    const sections = answer.priorities.map((p) =>
      section(
        `*${p.priority.id}* ${esc(clip(priorityTitle(p.priority, lang), 200))}\n\`${bar(p.activitiesDone, p.activities)}\` ${m.progressLine(p.activitiesDone, p.activities)} · ${m.occurrencesLine(p.occurrencesDone, p.occurrences)}\n${statusCounts(p.byStatus, lang)}`,
      ),
    );
    return {
      body: [
        header(m.progress),
        context(m.planLine(esc(planTitle(plan, lang)), formatDate(plan.periodStart, lang), formatDate(plan.periodEnd, lang))),
        ...sections,
      ],
      fallback: m.progress,
    };
  },
  text(answer) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    return [
      `${m.progress} (${planLine(answer.plan, lang)}):`,
      ...answer.priorities.flatMap((p) => [
        bullet(
          `${p.priority.id} ${priorityTitle(p.priority, lang)}: ${m.progressLine(p.activitiesDone, p.activities)} (${m.occurrencesLine(p.occurrencesDone, p.occurrences)})`,
        ),
        `      ${statusCounts(p.byStatus, lang)}`,
      ]),
    ];
  },
};
