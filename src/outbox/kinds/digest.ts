import { DateTime } from 'luxon';
import { digestInstant } from '../../domain/reminders.js';
import { upcomingItems } from '../../domain/questions.js';
import { digestMessage } from '../../views/reminder-view.js';
import { dueRecord, nothingDue, type OutboxKind } from '../kind.js';

/** The digest lists what is due in the next 14 days. */
const digestDays = 14;

/** The weekly digest (`GCM_DIGEST`, default Monday 09:00): once on its day, from its time on; not posted on another day (failed). */
export const digest: OutboxKind = {
  kind: 'digest',
  due(ctx, pass) {
    const { now } = ctx;
    const at = digestInstant(now, ctx.config.digest, ctx.config.timezone);
    if (!at || at > now || at.toISODate() !== now.toISODate()) return nothingDue;
    return { post: [dueRecord({ key: `${pass.plan.id}|digest|${now.toISODate()}`, planId: pass.plan.id, fireAt: at.toUTC().toISO()! })], skip: [] };
  },
  async render(r, ctx) {
    if (DateTime.fromISO(r.fireAt, { zone: ctx.config.timezone }).toISODate() !== ctx.now.setZone(ctx.config.timezone).toISODate()) return 'too_late';
    const plan = ctx.plans.plan(r.planId);
    if (!plan) return 'cancel';
    const until = ctx.now.plus({ days: digestDays }).toISODate()!;
    const items = upcomingItems(ctx, plan, ctx.now.toISODate()!, 200, until);
    return digestMessage(items, digestDays, ctx.config.language, ctx.config.timezone, ctx.directory());
  },
};
