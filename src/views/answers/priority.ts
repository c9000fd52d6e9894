import type { KnownBlock } from '@slack/types';
import { messages } from '../../i18n/messages.js';
import { context, esc, header, section } from '../blocks.js';
import { noteText, priorityText, priorityTitle } from '../labels.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { activityBlock, activityLines, moreBlocks, moreLines } from './parts.js';

/** `/gcm priority B1`: a priority of the plan, its text, the GCM objectives it cites and its activities. */
export const priority: AnswerDrawing<AnswerOf<'priority'>> = {
  slack(answer, dir) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const p = answer.priority;
    const body: KnownBlock[] = [
      header(`${m.priorityKind[p.kind]} ${p.id}`),
      section(
        `*${esc(priorityTitle(p, lang))}*\n${esc(priorityText(p, lang))}${p.objectives.length ? `\n${m.gcmObjectives}: ${p.objectives.join(', ')}` : ''}`,
      ),
    ];
    if (p.note) body.push(context(`${m.sourceNote}: ${esc(noteText(p, lang) ?? '')}`));
    body.push(...answer.activities.map((s) => activityBlock(s, lang, dir)), ...moreBlocks(answer.total, answer.activities.length, lang));
    return { body, fallback: `${p.id}: ${priorityTitle(p, lang)}` };
  },
  text(answer, dir) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const p = answer.priority;
    const out = [`${m.priorityKind[p.kind]} ${p.id}: ${priorityTitle(p, lang)}`, priorityText(p, lang)];
    if (p.objectives.length > 0) out.push(`${m.gcmObjectives}: ${p.objectives.join(', ')}`);
    if (p.note) out.push(`${m.sourceNote}: ${noteText(p, lang)}`);
    out.push(
      '',
      `${m.activitiesHeading}:`,
      ...answer.activities.flatMap((s) => activityLines(s, lang, dir)),
      ...moreLines(answer.total, answer.activities.length, lang),
    );
    return out;
  },
};
