import type { KnownBlock } from '@slack/types';
import { formatDate, messages } from '../../i18n/messages.js';
import { context, header, section } from '../blocks.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { betweenPlans, occurrenceBlock, occurrenceLines, planLine, terminal } from './parts.js';

/**
 * `/gcm upcoming`: what is due next. After the plan's period, that it ended (and what to do: the words
 * depend on who reads, `audienceMatters`); between two plans, when the next one starts.
 */
export const upcoming: AnswerDrawing<AnswerOf<'upcoming'>> = {
  slack(answer, dir, opts) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const body: KnownBlock[] = [header(m.upcoming)];
    if (answer.ended) body.push(section(m.planEnded(formatDate(answer.plan.periodEnd, lang), opts.audience)));
    else {
      if (answer.previous) body.push(section(betweenPlans(answer.previous, answer.plan, lang)));
      else if (answer.notStarted) body.push(context(m.planNotStarted(formatDate(answer.plan.periodStart, lang))));
      if (answer.items.length === 0) body.push(section(m.nothingUpcoming));
      body.push(...answer.items.map(({ occurrence, activity }) => occurrenceBlock(occurrence, activity, lang, dir)));
    }
    return { body, fallback: m.upcoming };
  },
  text(answer, dir) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const out = [`${m.upcoming} (${planLine(answer.plan, lang)}):`];
    if (answer.ended) return [...out, m.planEnded(formatDate(answer.plan.periodEnd, lang), terminal)];
    if (answer.previous) out.push(betweenPlans(answer.previous, answer.plan, lang));
    else if (answer.notStarted) out.push(m.planNotStarted(formatDate(answer.plan.periodStart, lang)));
    if (answer.items.length === 0) out.push(m.nothingUpcoming);
    for (const { occurrence, activity } of answer.items) out.push(...occurrenceLines(occurrence, activity, lang, dir));
    return out;
  },
};
