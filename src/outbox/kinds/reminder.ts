import { reminderContent, type ReminderContent } from '../../domain/reminder-content.js';
import { dueReminders, occurrencesInWindow, reminderWindow, type ReminderSlot } from '../../domain/reminders.js';
import type { Language, ReminderRecord } from '../../domain/types.js';
import type { Message } from '../../views/message-view.js';
import { reminderMessage } from '../../views/reminder-view.js';
import { dueRecord, type DueRecord, type OutboxContext, type OutboxKind } from '../kind.js';

const slotRecord = (planId: string, s: ReminderSlot, late = s.late): DueRecord =>
  dueRecord({
    key: s.key,
    planId,
    occurrenceKey: s.occurrence.key,
    activityId: s.occurrence.activityId,
    offsetDays: s.offsetDays,
    dueDate: s.occurrence.due,
    fireAt: s.fireAt.toUTC().toISO()!,
    late,
  });

/** A reminder's or follow-up's message, in `lang`, with `notice` on top; a follow-up mentions the co-chairs. */
export async function occurrenceMessage(content: ReminderContent, ctx: OutboxContext, lang: Language, notice?: string): Promise<Message> {
  const coChairs = content.followup ? await ctx.coChairs() : undefined;
  return reminderMessage({ ...content, lang, notice, coChairs }, ctx.directory());
}

/** What a posted reminder or follow-up shows now, read fresh; null when its activity or occurrence is gone. */
export async function currentOccurrenceMessage(r: ReminderRecord, ctx: OutboxContext, lang: Language, notice: string): Promise<Message | null> {
  const content = reminderContent(ctx, r, ctx.config.timezone);
  return content ? occurrenceMessage(content, ctx, lang, notice) : null;
}

/**
 * A reminder `GCM_REMINDER_DAYS` before an occurrence's due date (domain/reminders.ts: dueReminders): at
 * most one late catch-up per occurrence, the older missed ones recorded as skipped. Not posted once the
 * occurrence is done or gone; failed once its due date has passed.
 */
export const reminder: OutboxKind = {
  kind: 'reminder',
  due(ctx, pass) {
    const { post, superseded } = dueReminders(
      pass.plan.id,
      occurrencesInWindow(ctx, pass.plan, reminderWindow(ctx.now, ctx.settings)),
      pass.done(),
      pass.recorded,
      ctx.now,
      ctx.settings,
    );
    // A reminder whose time came while this process ran (the bot's clock moved past it between two passes)
    // is on time, not late: only downtime makes a late one (docs/decisions/reminders.md).
    const since = pass.runningSince;
    const late = (s: ReminderSlot) => s.late && !(since && s.fireAt > since);
    return { post: post.map((s) => slotRecord(pass.plan.id, s, late(s))), skip: superseded.map((s) => slotRecord(pass.plan.id, s)) };
  },
  async render(r, ctx) {
    const content = reminderContent(ctx, r, ctx.config.timezone);
    if (!content || content.done || content.closed) return 'cancel';
    if (content.occurrence.due && content.occurrence.due < ctx.now.toISODate()!) return 'too_late';
    return occurrenceMessage(content, ctx, ctx.config.language);
  },
  current: currentOccurrenceMessage,
};
