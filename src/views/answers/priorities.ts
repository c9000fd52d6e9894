import { messages } from '../../i18n/messages.js';
import { esc, header, section } from '../blocks.js';
import { priorityTitle } from '../labels.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { bullet, planLine } from './parts.js';

/** `/gcm priorities`: the plan's priorities, each with how many activities it has. */
export const priorities: AnswerDrawing<AnswerOf<'priorities'>> = {
  slack(answer) {
    const m = messages(answer.lang);
    const lines = answer.priorities.map(
      ({ priority: p, activities }) => `*${p.id}* ${m.priorityKind[p.kind]}: ${esc(priorityTitle(p, answer.lang))} _(${m.activitiesCount(activities)})_`,
    );
    return { body: [header(m.prioritiesHeading), section(lines.join('\n'))], fallback: m.prioritiesHeading };
  },
  text(answer) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    return [
      `${m.prioritiesHeading} (${planLine(answer.plan, lang)}):`,
      ...answer.priorities.map(({ priority: p, activities }) =>
        bullet(
          `${p.id} ${m.priorityKind[p.kind]}: ${priorityTitle(p, lang)} (${m.activitiesCount(activities)}${p.objectives.length ? `; ${m.gcmObjectives.toLowerCase()} ${p.objectives.join(', ')}` : ''})`,
        ),
      ),
    ];
  },
};
