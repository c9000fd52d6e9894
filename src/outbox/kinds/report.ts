import { DateTime } from 'luxon';
import { quarterlyReportDue, reportLateDays } from '../../domain/reminders.js';
import { buildReport, plansForPeriod, type ProgressReport } from '../../domain/report.js';
import type { ReminderRecord } from '../../domain/types.js';
import { reportMarkdown, reportMessage } from '../../views/report-view.js';
import { dueRecord, nothingDue, type OutboxContext, type OutboxKind } from '../kind.js';

/** The report a record stands for, built fresh; null when its plan or its period is gone. */
function reportOf(r: ReminderRecord, ctx: OutboxContext): ProgressReport | null {
  const plan = ctx.plans.plan(r.planId);
  if (!plan || !r.periodFrom || !r.periodTo) return null;
  return buildReport(ctx, plan, r.periodFrom, r.periodTo, ctx.config.language);
}

/**
 * The quarterly progress report (`GCM_REPORT=auto`): the previous quarter's, on the first business day after it
 * ended, for each plan that covers part of that quarter (also after the current plan's end). Its summary is the
 * message; the full report goes in its thread as a Markdown file. Up to a week late (downtime, failures), then failed.
 */
export const report: OutboxKind = {
  kind: 'report',
  afterPlanEnd: true,
  due(ctx) {
    // GCM_REPORT=auto (or `on`, its old word): unreviewed, to the channel. `draft` goes to the co-chairs instead (brief-draft.ts).
    if (ctx.config.quarterlyReport !== 'auto') return nothingDue;
    const due = quarterlyReportDue(ctx.now, ctx.settings);
    if (!due) return nothingDue;
    const found = plansForPeriod(ctx, due.from, due.to);
    if (!found.ok) return nothingDue;
    // A quarter spanning two plans gets one report per plan, each saying which plan it covers.
    const post = found.plans.map((plan) =>
      dueRecord({
        key: `${plan.id}|report|${due.from}`,
        planId: plan.id,
        dueDate: due.to,
        periodFrom: due.from,
        periodTo: due.to,
        fireAt: due.at.toUTC().toISO()!,
      }),
    );
    return { post, skip: [] };
  },
  async render(r, ctx) {
    if (ctx.now > DateTime.fromISO(r.fireAt).plus({ days: reportLateDays })) return 'too_late';
    const data = reportOf(r, ctx);
    return data ? reportMessage(data, ctx.config.language, ctx.directory()) : 'cancel';
  },
  async files(r, ctx) {
    const data = reportOf(r, ctx);
    if (!data) return [];
    const { language } = ctx.config;
    const dir = ctx.directory();
    const filename = `gcm-report-${data.from}-${data.to}.md`;
    return [{ filename, content: reportMarkdown(data, language, dir), title: reportMessage(data, language, dir).text }];
  },
};
