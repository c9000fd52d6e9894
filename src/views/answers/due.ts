import type { KnownBlock } from '@slack/types';
import { messages, periodText } from '../../i18n/messages.js';
import { header, section } from '../blocks.js';
import type { AnswerDrawing, AnswerOf } from './drawing.js';
import { dueStatus, occurrenceBlock, occurrenceLines, planLine } from './parts.js';

/** "What is due in May?": the occurrences due in a period, with the status of each. */
export const due: AnswerDrawing<AnswerOf<'due'>> = {
  slack(answer, dir) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const title = m.dueIn(periodText(answer.period, lang));
    const body: KnownBlock[] = [header(title)];
    if (answer.items.length === 0) body.push(section(m.nothingDue));
    body.push(...answer.items.map(({ occurrence: o, activity: a, done }) => occurrenceBlock(o, a, lang, dir, dueStatus(o, done, lang, '✓ '))));
    return { body, fallback: title };
  },
  text(answer, dir) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const out = [`${m.dueIn(periodText(answer.period, lang))} (${planLine(answer.plan, lang)}):`];
    if (answer.items.length === 0) out.push(m.nothingDue);
    for (const { occurrence: o, activity: a, done } of answer.items) out.push(...occurrenceLines(o, a, lang, dir, dueStatus(o, done, lang)));
    return out;
  },
};
