import { DateTime } from 'luxon';
import { draftKey } from '../../domain/brief-draft.js';
import { quarterlyReportDue, reportLateDays } from '../../domain/reminders.js';
import { plansForPeriod } from '../../domain/report.js';
import { draftMessage } from '../../views/draft-view.js';
import { briefOfRecord, recordFiles } from '../brief-files.js';
import { dueRecord, nothingDue, type OutboxKind } from '../kind.js';

/**
 * The quarter's draft to each co-chair (`GCM_REPORT=draft`, the default): on the first business day after a
 * quarter ends, at the reminder time, the previous quarter's update for each plan covering part of it goes to
 * every co-chair's direct messages, once each (`plan|brief-draft|FROM|USER`), with **Edit** and **Publish** and
 * its files in the thread. Nothing goes to the channel until one of them publishes it (brief-publish.ts). Up to
 * a week late (downtime, failures), as the quarterly report; a co-chair named during that week gets it too.
 */
export const briefDraft: OutboxKind = {
  kind: 'brief-draft',
  afterPlanEnd: true,
  due(ctx) {
    if (ctx.config.quarterlyReport !== 'draft' || ctx.coChairIds.length === 0) return nothingDue;
    const due = quarterlyReportDue(ctx.now, ctx.settings);
    const found = due ? plansForPeriod(ctx, due.from, due.to) : null;
    if (!due || !found?.ok) return nothingDue;
    const fireAt = due.at.toUTC().toISO()!;
    const post = found.plans.flatMap((plan) =>
      ctx.coChairIds.map((user) =>
        dueRecord({
          key: draftKey({ planId: plan.id, from: due.from, to: due.to }, user),
          planId: plan.id,
          dueDate: due.to,
          periodFrom: due.from,
          periodTo: due.to,
          fireAt,
          // The co-chair's id: `target` opens the direct messages with them before each attempt.
          channel: user,
        }),
      ),
    );
    return { post, skip: [] };
  },
  target: (r, ctx) => ctx.openDirect(r.channel!),
  async render(r, ctx) {
    if (ctx.now > DateTime.fromISO(r.fireAt).plus({ days: reportLateDays })) return 'too_late';
    const found = briefOfRecord(r, ctx);
    if (!found) return 'cancel';
    return draftMessage(found.brief, found.draft, ctx.config.reminderChannel ?? null, { quarter: true });
  },
  files: recordFiles,
};
