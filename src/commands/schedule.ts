import type { AnswerError } from '../domain/answers.js';
import { reminderContent } from '../domain/reminder-content.js';
import { resolveScheduleTarget, setMeetingDate, type ScheduleTarget } from '../domain/schedule-meeting.js';
import { formatDate, messages } from '../i18n/messages.js';
import { actionIds, languageOfBlocks } from '../views/action-ids.js';
import { errorMessage, errorReply } from '../views/message-view.js';
import { occurrenceTitle } from '../views/reminder-view.js';
import { planToChange } from './current-plan.js';
import { redraw, reminderCommandPrefix } from './redraw.js';
import type { Interaction, SlashCommand, UseCaseContext } from './use-case.js';

type Scheduled = Extract<ScheduleTarget, { ok: true }>;

/** "B1.2 · May 2024: date set to 14 May 2024 by @ana." */
function dateSetLine(uc: UseCaseContext, target: Scheduled): string {
  return messages(uc.lang).reminder.dateSet(occurrenceTitle(target.occurrence, uc.lang), formatDate(target.date, uc.lang), `<@${uc.userId}>`);
}

/** `/gcm schedule B1.2 2024-05-14` (co-chairs): the real date of a meeting occurrence; its reminders follow it. */
export const schedule: SlashCommand<Scheduled | { ok: false; error: AnswerError }> = {
  name: 'schedule',
  keywords: { en: ['schedule'], es: ['fecha'] },
  help: {
    en: [{ usage: 'schedule B1.2 2024-05-14', text: 'co-chairs: set the real date of a meeting (its reminders follow it)' }],
    es: [{ usage: 'fecha B1.2 2024-05-14', text: 'copresidencia: fijar la fecha real de una reunión (sus recordatorios la siguen)' }],
  },
  guard: 'coChairs',
  reply: 'later',
  run: (arg, uc) => {
    const current = planToChange(uc);
    if (!current.ok) return current;
    const target = resolveScheduleTarget(uc.domain, current.plan, arg);
    if (target.ok) setMeetingDate(uc.domain, current.plan, target, { userId: uc.userId, source: uc.source });
    return target;
  },
  view: (r, uc) =>
    r.ok
      ? { kind: 'message', message: errorMessage(dateSetLine(uc, r)), changed: true }
      : // Only co-chairs get here (guard): a missing plan is told as what to do, not whom to ask.
        { kind: 'message', message: errorReply(r.error, uc.lang, { kind: 'coChair' }) },
};

/** "Set date" on a meeting reminder (co-chairs): the date picked; the reminder is drawn again with it. */
export const setDatePicker: Interaction<{ key: string; date: string }> = {
  actionId: actionIds.setDate,
  guard: 'coChairs',
  language: (click, fallback) => languageOfBlocks(click.blocks, fallback),
  // The picker has no value: its block id carries the reminder's key (reminderBlockId).
  input: (click) => ({ ok: true, input: { key: click.blockId.replace(/^gcm_reminder\|/, ''), date: click.date ?? '' } }),
  run: async ({ key, date }, uc) => {
    const record = uc.outbox.record(key);
    const content = record ? reminderContent(uc.domain, record, uc.zone) : null;
    const plan = record ? uc.domain.plans.plan(record.planId) : null;
    if (!record || !content || !plan) return { kind: 'reply', message: errorReply({ code: 'activity_missing', given: '?', known: [] }, uc.lang) };
    const target = resolveScheduleTarget(uc.domain, plan, `${content.occurrence.key} ${date}`);
    if (!target.ok) return { kind: 'reply', message: errorReply(target.error, uc.lang) };
    setMeetingDate(uc.domain, plan, target, { userId: uc.userId, source: uc.source });
    return { kind: 'update', message: await redraw(uc, { c: `${reminderCommandPrefix}${record.key}`, l: uc.lang }, dateSetLine(uc, target)), changed: true };
  },
};
