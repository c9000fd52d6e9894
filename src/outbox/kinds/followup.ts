import { DateTime } from 'luxon';
import { reminderContent } from '../../domain/reminder-content.js';
import { dueFollowups, followupWindow, occurrencesInWindow } from '../../domain/reminders.js';
import type { Occurrence } from '../../domain/types.js';
import { dueRecord, type DueRecord, type OutboxKind } from '../kind.js';
import { currentOccurrenceMessage, occurrenceMessage } from './reminder.js';

/** How long after its instant a pending follow-up may still go out (after failures); then it fails. */
const postableDays = 7;

/**
 * One follow-up per overdue occurrence (domain/reminders.ts: dueFollowups), in the thread of the
 * occurrence's last reminder, mentioning the focal points and the co-chairs. Older ones are recorded as
 * skipped, so that a first start never floods the channel with the past.
 */
export const followup: OutboxKind = {
  kind: 'followup',
  due(ctx, pass) {
    const { post, stale } = dueFollowups(
      pass.plan.id,
      occurrencesInWindow(ctx, pass.plan, followupWindow(ctx.now, ctx.settings)),
      pass.done(),
      pass.recorded,
      ctx.now,
      ctx.settings,
    );
    const record = (f: { key: string; occurrence: Occurrence; at: DateTime }): DueRecord =>
      dueRecord({
        key: f.key,
        planId: pass.plan.id,
        occurrenceKey: f.occurrence.key,
        activityId: f.occurrence.activityId,
        dueDate: f.occurrence.due,
        fireAt: f.at.toUTC().toISO()!,
        late: f.at.toISODate()! < ctx.now.toISODate()!,
      });
    return { post: post.map(record), skip: stale.map(record) };
  },
  async render(r, ctx) {
    const content = reminderContent(ctx, r, ctx.config.timezone);
    if (!content || content.done || content.closed) return 'cancel';
    if (ctx.now > DateTime.fromISO(r.fireAt).plus({ days: postableDays })) return 'too_late';
    return occurrenceMessage(content, ctx, ctx.config.language);
  },
  threadOf(r, channel, ctx) {
    if (!r.occurrenceKey) return undefined;
    const sent = ctx.records.ofOccurrence(r.planId, r.occurrenceKey, 'reminder').filter((x) => x.status === 'sent' && x.messageTs && x.channel === channel);
    return sent.pop()?.messageTs ?? undefined;
  },
  current: currentOccurrenceMessage,
};
