import type { KnownBlock } from '@slack/types';
import { messages } from '../../i18n/messages.js';
import { divider, esc, header, section } from '../blocks.js';
import { planTitle, priorityTitle } from '../labels.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { activityBlock, activityLines, moreBlocks, moreLines, objectiveTitle, planLine } from './parts.js';

/** `/gcm objective 23`: a GCM objective, the priorities of the plan that cite it and their activities. */
export const objective: AnswerDrawing<AnswerOf<'objective'>> = {
  slack(answer, dir) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const o = answer.objective;
    const title = objectiveTitle(o, lang);
    const body: KnownBlock[] = [header(`${m.objectiveTitleIntro} ${o.number}`), section(`*${esc(title)}*`)];
    if (answer.priorities.length === 0) body.push(section(m.noPriorityCites(o.number, esc(planTitle(answer.plan, lang)))));
    for (const { priority, activities, total } of answer.priorities) {
      body.push(
        divider(),
        section(
          `*${m.priorityKind[priority.kind]} ${priority.id}:* ${esc(priorityTitle(priority, lang))}\n${m.gcmObjectives}: ${priority.objectives.join(', ')}`,
        ),
        ...activities.map((s) => activityBlock(s, lang, dir)),
        ...moreBlocks(total, activities.length, lang),
      );
    }
    return { body, fallback: `${m.objectiveTitleIntro} ${o.number}: ${title}` };
  },
  text(answer, dir) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const o = answer.objective;
    const out = [`${m.objectiveTitleIntro} ${o.number}: ${objectiveTitle(o, lang)}`, planLine(answer.plan, lang), ''];
    if (answer.priorities.length === 0) out.push(m.noPriorityCites(o.number, planTitle(answer.plan, lang)));
    else out.push(`${m.prioritiesCiting(o.number)}:`);
    for (const { priority, activities, total } of answer.priorities) {
      out.push('', `${m.priorityKind[priority.kind]} ${priority.id}: ${priorityTitle(priority, lang)}`);
      if (priority.objectives.length > 0) out.push(`  ${m.gcmObjectives}: ${priority.objectives.join(', ')}`);
      for (const s of activities) out.push(...activityLines(s, lang, dir));
      out.push(...moreLines(total, activities.length, lang));
    }
    return out;
  },
};
