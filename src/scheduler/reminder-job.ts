import type { Logger } from '@slack/bolt';
import { ErrorCode, type WebClient } from '@slack/web-api';

import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Language, ReminderRecord, PlanInfo } from '../domain/types.js';
import type { Stores } from '../stores.js';
import { currentPlan, upcomingItems } from '../domain/questions.js';
import type { Context } from '../domain/ports.js';
import { planOccurrences } from '../domain/occurrences.js';
import { reminderContent } from '../domain/reminder-content.js';
import { digestInstant, dueFollowups, dueReminders, quarterlyReportDue, type ReminderSettings } from '../domain/reminders.js';
import { buildReport, planForPeriod } from '../domain/report.js';
import { reportMarkdown, reportMessage } from '../views/report-view.js';
import { DateTime } from 'luxon';
import { digestMessage, reminderMessage } from '../views/reminder-view.js';
import type { Message } from '../views/message-view.js';

export const schedulerLease = 'scheduler';
export const reminderEventType = 'gcm_reminder';
const leaseTtlMs = 3 * 60_000;
const digestDays = 14;

/** What one pass did: for logs and tests. */
export interface PassReport {
  skipped?: 'overlap' | 'lease' | 'no_channel' | 'no_plan' | 'plan_ended';
  recorded: string[];
  sent: string[];
  recovered: string[];
  failed: string[];
  cancelled: string[];
}

export interface ReminderJobOptions {
  stores: Stores;
  clock: Clock;
  /** A Web API client without automatic retries: the job does its own backoff, per reminder. */
  client: WebClient;
  config: Pick<Config, 'reminderChannel' | 'reminderDays' | 'reminderTime' | 'timezone' | 'language' | 'digest' | 'quarterlyReport'>;
  logger: Logger;
  /** This process's name in the lease. */
  holder: string;
  /** Wall clock for the lease (process liveness), separate from the bot's clock. */
  wallMs?: () => number;
  /** The co-chairs, mentioned in follow-ups. */
  coChairs?: () => Promise<string[]>;
  /** Attaches the full quarterly report as a file in the thread of its summary; false when it could not. */
  attachReport?: (channel: string, threadTs: string, filename: string, markdown: string, title: string) => Promise<boolean>;
}

/**
 * The reminder pass, run every minute and at start-up. Exactly once: a due reminder is written under a
 * unique key (occurrence, offset) before it is posted, then marked sent with the message's ts. A post whose
 * outcome is unknown (a crash, a cut connection) is looked for in the channel, by its message metadata,
 * before it is posted again. Failures are retried with backoff without holding up the others.
 */
export class ReminderJob {
  private running = false;
  private readonly said = new Set<string>();
  private readonly wallMs: () => number;

  constructor(private readonly o: ReminderJobOptions) {
    this.wallMs = o.wallMs ?? Date.now;
  }

  get settings(): ReminderSettings {
    return { days: this.o.config.reminderDays, time: this.o.config.reminderTime, zone: this.o.config.timezone };
  }

  /** Runs one pass unless one is running already (overlapping ticks do nothing). */
  async tick(): Promise<PassReport> {
    const report: PassReport = { recorded: [], sent: [], recovered: [], failed: [], cancelled: [] };
    if (this.running) return { ...report, skipped: 'overlap' };
    this.running = true;
    try {
      await this.pass(this.o.clock.now(), report);
    } finally {
      this.running = false;
    }
    return report;
  }

  /** Gives the lease back (on shutdown) so another copy can take over at once. */
  release(): void {
    this.o.stores.reminders.releaseLease(schedulerLease, this.o.holder);
  }

  private sayOnce(key: string, line: string): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.o.logger.warn(line);
  }

  private async pass(now: DateTime, report: PassReport): Promise<void> {
    const { stores, config } = this.o;
    if (!stores.reminders.acquireLease(schedulerLease, this.o.holder, this.wallMs(), leaseTtlMs)) {
      this.sayOnce('lease', 'another copy of the bot holds the scheduler lease on this database: this one answers commands but posts no reminders');
      report.skipped = 'lease';
      return;
    }
    this.said.delete('lease');
    const channel = config.reminderChannel;
    if (!channel) {
      this.sayOnce('channel', 'GCM_REMINDER_CHANNEL is not set: no reminders are posted');
      report.skipped = 'no_channel';
      return;
    }
    const today = now.toISODate()!;
    const plan = currentPlan(stores.plans, today);
    if (!plan) {
      report.skipped = 'no_plan';
      return;
    }
    if (today > plan.periodEnd) {
      this.sayOnce(
        `ended:${plan.id}`,
        `the plan ${plan.id} ended on ${plan.periodEnd}: reminders have stopped; load the next plan with npm run plan:import -- FILE`,
      );
      report.skipped = 'plan_ended';
    } else {
      this.recordDue(plan, now, channel, report);
    }
    this.recordQuarterlyReport(now, channel, report);
    await this.postReady(now, channel, report);
  }

  /** Writes the reminders (and the digest) whose time has come, as pending, in one transaction. */
  private recordDue(plan: PlanInfo, now: DateTime, channel: string, report: PassReport): void {
    const { stores } = this.o;
    const done = stores.state.completions(plan.id);
    const occurrences = planOccurrences(stores, plan);
    const recorded = stores.reminders.keysOfPlan(plan.id);
    const { post, superseded } = dueReminders(plan.id, occurrences, done, recorded, now, this.settings);
    const createdAt = now.toUTC().toISO()!;
    const base = (s: (typeof post)[number]) => ({
      key: s.key,
      kind: 'reminder' as const,
      planId: plan.id,
      occurrenceKey: s.occurrence.key,
      activityId: s.occurrence.activityId,
      offsetDays: s.offsetDays,
      dueDate: s.occurrence.due,
      fireAt: s.fireAt.toUTC().toISO()!,
      late: s.late,
      channel,
    });
    const followups = dueFollowups(plan.id, occurrences, done, recorded, now, this.settings);
    const followup = (f: (typeof followups.post)[number]) => ({
      key: f.key,
      kind: 'followup' as const,
      planId: plan.id,
      occurrenceKey: f.occurrence.key,
      activityId: f.occurrence.activityId,
      offsetDays: null,
      dueDate: f.occurrence.due,
      fireAt: f.at.toUTC().toISO()!,
      late: f.at.toISODate()! < now.toISODate()!,
      channel,
    });
    stores.db.transaction(() => {
      for (const f of followups.stale) stores.reminders.record(followup(f), createdAt, 'skipped');
      for (const f of followups.post) if (stores.reminders.record(followup(f), createdAt)) report.recorded.push(f.key);
      for (const s of superseded) stores.reminders.record(base(s), createdAt, 'skipped');
      for (const s of post) if (stores.reminders.record(base(s), createdAt)) report.recorded.push(s.key);
      const digestAt = digestInstant(now, this.o.config.digest, this.o.config.timezone);
      if (digestAt && digestAt <= now && digestAt.toISODate() === now.toISODate()) {
        const key = `${plan.id}|digest|${now.toISODate()}`;
        const record = {
          key,
          kind: 'digest' as const,
          planId: plan.id,
          occurrenceKey: null,
          activityId: null,
          offsetDays: null,
          dueDate: null,
          fireAt: digestAt.toUTC().toISO()!,
          late: false,
          channel,
        };
        if (stores.reminders.record(record, createdAt)) report.recorded.push(key);
      }
    })();
  }

  /** Writes the quarterly progress report as pending when its day has come (GCM_REPORT). */
  private recordQuarterlyReport(now: DateTime, channel: string, report: PassReport): void {
    if (!this.o.config.quarterlyReport) return;
    const due = quarterlyReportDue(now, this.settings);
    if (!due) return;
    const ctx: Context = { plans: this.o.stores.plans, state: this.o.stores.state, now };
    const plan = planForPeriod(ctx, due.from, due.to);
    if (!plan) return;
    const key = `${plan.id}|report|${due.from}`;
    const record = {
      key,
      kind: 'report' as const,
      planId: plan.id,
      occurrenceKey: null,
      activityId: null,
      offsetDays: null,
      dueDate: due.to,
      periodFrom: due.from,
      periodTo: due.to,
      fireAt: due.at.toUTC().toISO()!,
      late: false,
      channel,
    };
    if (this.o.stores.reminders.record(record, now.toUTC().toISO()!)) report.recorded.push(key);
  }

  /** Posts the pending reminders whose attempt time has come. */
  private async postReady(now: DateTime, channel: string, report: PassReport): Promise<void> {
    const { stores } = this.o;
    for (const r of stores.reminders.ready(now.toUTC().toISO()!)) {
      const message = await this.render(r, now);
      if (message === 'cancel') {
        stores.reminders.setStatus(r.key, 'cancelled');
        report.cancelled.push(r.key);
        continue;
      }
      if (message === 'too_late') {
        stores.reminders.setStatus(r.key, 'failed', 'its due date passed before it could be posted');
        report.failed.push(r.key);
        this.o.logger.error(`reminder ${r.key} was never posted: its due date passed (last error: ${r.lastError ?? 'none'})`);
        continue;
      }
      const target = r.channel ?? channel;
      try {
        if (r.attempts > 0) {
          const ts = await this.findPosted(target, r.key);
          if (ts) {
            stores.reminders.markSent(r.key, target, ts, now.toUTC().toISO()!);
            report.recovered.push(r.key);
            this.o.logger.info(`reminder ${r.key} was already in the channel (ts ${ts}): recorded, not posted again`);
            continue;
          }
        }
        stores.reminders.startAttempt(r.key);
        const thread =
          r.kind === 'followup' && r.occurrenceKey
            ? stores.reminders
                .ofOccurrence(r.planId, r.occurrenceKey, 'reminder')
                .filter((x) => x.status === 'sent' && x.messageTs && x.channel === target)
                .pop()
            : undefined;
        const res = await this.o.client.chat.postMessage({
          channel: target,
          ...message,
          ...(thread ? { thread_ts: thread.messageTs! } : {}),
          metadata: { event_type: reminderEventType, event_payload: { key: r.key } },
          unfurl_links: false,
        });
        stores.reminders.markSent(r.key, target, String(res.ts), now.toUTC().toISO()!);
        report.sent.push(r.key);
        this.o.logger.info(`posted ${r.kind} ${r.key}${r.late ? ' (late)' : ''}`);
        if (r.kind === 'report') await this.attachReport(r, target, String(res.ts), now);
      } catch (e) {
        const rateLimited = (e as { code?: string }).code === ErrorCode.RateLimitedError;
        const waitS = rateLimited ? Math.max(1, Number((e as { retryAfter?: number }).retryAfter ?? 30)) : Math.min(30 * 60, 30 * 2 ** Math.min(r.attempts, 6));
        const error = e instanceof Error ? e.message : String(e);
        stores.reminders.retryLater(r.key, now.plus({ seconds: waitS }).toUTC().toISO()!, error);
        report.failed.push(r.key);
        this.o.logger.warn(`reminder ${r.key} not posted (${error}); retrying in ${waitS} s`);
        // Over the rate limit every post to the channel would fail too: the others wait for the next pass.
        if (rateLimited) break;
      }
    }
  }

  /** The message of a pending reminder, or why it must not go out any more. */
  private async render(r: ReminderRecord, now: DateTime): Promise<Message | 'cancel' | 'too_late'> {
    const { stores } = this.o;
    const lang: Language = this.o.config.language;
    const plan = stores.plans.plan(r.planId);
    if (!plan) return 'cancel';
    const dir = stores.directory();
    if (r.kind === 'digest') {
      const ctx: Context = { plans: stores.plans, state: stores.state, now };
      const until = now.plus({ days: digestDays }).toISODate()!;
      return digestMessage(upcomingItems(ctx, plan, now.toISODate()!, 200, until), digestDays, lang, this.o.config.timezone, dir);
    }
    if (r.kind === 'report') {
      const ctx: Context = { plans: stores.plans, state: stores.state, now };
      if (!r.periodFrom || !r.periodTo) return 'cancel';
      return reportMessage(buildReport(ctx, plan, r.periodFrom, r.periodTo), lang, dir);
    }
    const content = reminderContent(stores, r, this.o.config.timezone);
    if (!content || content.done) return 'cancel';
    if (r.kind === 'followup') {
      if (now > DateTime.fromISO(r.fireAt).plus({ days: 7 })) return 'too_late';
      return reminderMessage({ ...content, lang, coChairs: (await this.o.coChairs?.()) ?? [] }, dir);
    }
    if (content.occurrence.due && content.occurrence.due < now.toISODate()!) return 'too_late';
    return reminderMessage({ ...content, lang }, dir);
  }

  /** The full quarterly report as a Markdown file in the summary's thread; a failure is logged only. */
  private async attachReport(r: ReminderRecord, channel: string, ts: string, now: DateTime): Promise<void> {
    if (!this.o.attachReport) return;
    const { stores } = this.o;
    const plan = stores.plans.plan(r.planId)!;
    const ctx: Context = { plans: stores.plans, state: stores.state, now };
    const data = buildReport(ctx, plan, r.periodFrom!, r.periodTo!);
    const markdown = reportMarkdown(data, this.o.config.language, stores.directory());
    await this.o.attachReport(
      channel,
      ts,
      `gcm-report-${data.from}-${data.to}.md`,
      markdown,
      reportMessage(data, this.o.config.language, stores.directory()).text,
    );
  }

  /** The ts of a message in `channel` carrying this reminder's key in its metadata, if one was posted. */
  private async findPosted(channel: string, key: string): Promise<string | null> {
    const res = await this.o.client.conversations.history({ channel, limit: 200, include_all_metadata: true });
    const hit = res.messages?.find((m) => {
      const md = (m as { metadata?: { event_type?: string; event_payload?: { key?: string } } }).metadata;
      return md?.event_type === reminderEventType && md.event_payload?.key === key;
    });
    return hit?.ts ?? null;
  }
}
