import { ErrorCode, type Logger, type WebClient } from '@slack/web-api';
import type { DateTime } from 'luxon';
import { planOccurrences } from '../domain/occurrences.js';
import type { Context, PlanReader } from '../domain/ports.js';
import { currentPlan } from '../domain/questions.js';
import type { ReminderSettings } from '../domain/reminders.js';
import type { AgencyDirectory, Completion, Language, NewReminder, Occurrence, PlanInfo, ReminderRecord, ReminderStatus } from '../domain/types.js';
import type { LeaseResult } from '../db/reminder-store.js';
import type { Message } from '../views/message-view.js';
import type { OutboxConfig, OutboxContext, OutboxKind, OutboxRecords, PlanPass } from './kind.js';
import { outboxKinds } from './kinds/index.js';

/** The name of the scheduler's lease: one copy of the bot posts, per database. */
export const schedulerLease = 'scheduler';
/** The metadata event type of every message the outbox posts, with `{ key }` as its payload. Never change it: posted messages carry it. */
export const outboxEventType = 'gcm_reminder';
const leaseTtlMs = 3 * 60_000;
/**
 * A pass that starts within this much wall-clock time of the end of this process's previous pass ran
 * continuously (passes are a minute apart); a longer gap, or a first pass, follows downtime.
 */
export const continuousGapMs = 2 * 60_000;

/** What one pass did: for logs and tests. */
export interface PassReport {
  skipped?: 'overlap' | 'lease' | 'no_channel' | 'no_plan' | 'plan_ended';
  recorded: string[];
  sent: string[];
  recovered: string[];
  failed: string[];
  cancelled: string[];
}

/** What the outbox needs of the record store (src/db/reminder-store.ts). */
export interface OutboxStore extends OutboxRecords {
  /** Writes a record as pending (or as `status`). False when its key was already written. */
  record(r: NewReminder, createdAt: string, status?: ReminderStatus): boolean;
  transaction<T>(fn: () => T): T;
  keysOfPlan(planId: string): Set<string>;
  /** Pending records whose next attempt has come (`now`, ISO UTC), in the order they are due. */
  ready(now: string): ReminderRecord[];
  startAttempt(key: string): void;
  markSent(key: string, channel: string, ts: string, at: string): void;
  retryLater(key: string, nextAttemptAt: string, error: string): void;
  setStatus(key: string, status: ReminderStatus, error?: string | null): void;
  acquireLease(name: string, holder: string, nowMs: number, ttlMs: number): LeaseResult;
  releaseLease(name: string, holder: string): void;
}

/** The stores the outbox reads (src/stores.ts's Stores has these). */
export interface OutboxStores {
  plans: PlanReader;
  state: Context['state'];
  reminders: OutboxStore;
  directory(): AgencyDirectory;
}

export interface OutboxOptions {
  stores: OutboxStores;
  /** The bot's clock, in its zone. */
  clock: { now(): DateTime };
  /** A Web API client without automatic retries: the outbox does its own backoff, per record. */
  client: WebClient;
  config: OutboxConfig;
  logger: Logger;
  /** This process's name in the lease. */
  holder: string;
  /** Wall clock for the lease (process liveness), separate from the bot's clock. */
  wallMs?: () => number;
  /** The co-chairs, mentioned in follow-ups. */
  coChairs?: () => Promise<string[]>;
  /** Attaches a file in a message's thread (the quarterly report's Markdown); false when it could not. */
  attachFile?: (channel: string, threadTs: string, filename: string, content: string, title: string) => Promise<boolean>;
  /** The kinds of message it posts; kinds/index.ts by default. */
  kinds?: readonly OutboxKind[];
}

/**
 * Everything the bot posts on its own goes through here, exactly once. A pass (every minute and at
 * start-up, under a lease so that one copy of the bot posts) asks each kind (kinds/) what has come due and
 * writes it under its unique key, in one transaction, before anything is posted; then posts the pending
 * records in order, marking each sent with its message's ts. A post whose outcome is unknown (a crash, a cut
 * connection: attempts > 0) is first looked for in the channel by its metadata. Failures are retried with
 * backoff per record (Slack's Retry-After on a 429, which also ends the pass; doubling waits otherwise)
 * without holding up the others.
 */
export class Outbox {
  private running = false;
  private readonly said = new Set<string>();
  private readonly wallMs: () => number;
  private readonly kinds: ReadonlyMap<string, OutboxKind>;
  /** This process's previous pass that recorded what was due: its wall-clock end and the bot's time. */
  private previous: { wallMs: number; botNow: DateTime } | null = null;
  /** Wall-clock time of the first pass refused by another holder's lease, while this copy waits for it. */
  private waitingSince: number | null = null;

  constructor(private readonly o: OutboxOptions) {
    this.wallMs = o.wallMs ?? Date.now;
    this.kinds = new Map((o.kinds ?? outboxKinds).map((k) => [k.kind, k]));
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
      await this.pass(this.context(this.o.clock.now()), report);
    } finally {
      this.running = false;
    }
    return report;
  }

  /** Gives the lease back (on shutdown) so another copy can take over at once. */
  release(): void {
    this.o.stores.reminders.releaseLease(schedulerLease, this.o.holder);
  }

  /**
   * The current message of a recorded item, for a click on one of its buttons: rendered now from the
   * stores (a Mark done shows Reopen, a set date shows the new date), in `lang` (the language of the clicked
   * message), with `notice` as a context line on top, and, for a follow-up, the co-chairs mentioned. `key`
   * is the record's key (the `reminder KEY` of a button's value, the block id's `gcm_reminder|KEY`). Null
   * when no record has that key, when its activity or occurrence is no longer in the plan, or when its kind
   * has no buttons (digest, report): the caller then shows the notice alone. It does not post, does not
   * change the record, and needs no lease.
   */
  async message(key: string, lang: Language, notice: string): Promise<Message | null> {
    const record = this.o.stores.reminders.get(key);
    const kind = record ? this.kinds.get(record.kind) : undefined;
    if (!record || !kind?.current) return null;
    return kind.current(record, this.context(this.o.clock.now()), lang, notice);
  }

  private context(now: DateTime): OutboxContext {
    const { stores, coChairs, attachFile } = this.o;
    return {
      plans: stores.plans,
      state: stores.state,
      now,
      config: this.o.config,
      settings: this.settings,
      directory: () => stores.directory(),
      records: stores.reminders,
      coChairs: async () => (await coChairs?.()) ?? [],
      attachFile: async (...args) => (attachFile ? attachFile(...args) : false),
    };
  }

  private sayOnce(key: string, line: string): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.o.logger.warn(line);
  }

  private async pass(ctx: OutboxContext, report: PassReport): Promise<void> {
    const { stores, config } = this.o;
    const wallNow = this.wallMs();
    const lease = stores.reminders.acquireLease(schedulerLease, this.o.holder, wallNow, leaseTtlMs);
    if (!lease.ok) {
      this.waitingSince ??= wallNow;
      this.sayOnce(
        'lease',
        `another copy of the bot holds the scheduler lease on this database (${lease.holder}): this one answers commands but posts no reminders`,
      );
      report.skipped = 'lease';
      return;
    }
    if (lease.tookOverFrom) {
      const waited = this.waitingSince === null ? 0 : wallNow - this.waitingSince;
      const expired = wallNow - lease.tookOverFrom.expiredAtMs;
      this.o.logger.warn(
        `took over the scheduler lease from ${lease.tookOverFrom.holder}, whose lease expired ${seconds(expired)} ago` +
          (waited > 0 ? `, after waiting ${seconds(waited)} for it` : ' (this copy had not waited for it)'),
      );
    }
    this.waitingSince = null;
    this.said.delete('lease');
    const channel = config.reminderChannel;
    if (!channel) {
      this.sayOnce('channel', 'GCM_REMINDER_CHANNEL is not set: no reminders are posted');
      report.skipped = 'no_channel';
      return;
    }
    const today = ctx.now.toISODate()!;
    const plan = currentPlan(stores.plans, today);
    if (!plan) {
      report.skipped = 'no_plan';
      return;
    }
    let kinds = [...this.kinds.values()];
    if (today > plan.periodEnd) {
      this.sayOnce(
        `ended:${plan.id}`,
        `the plan ${plan.id} ended on ${plan.periodEnd}: reminders have stopped; load the next plan with npm run plan:import -- FILE`,
      );
      report.skipped = 'plan_ended';
      kinds = kinds.filter((k) => k.afterPlanEnd);
    }
    // Passes a minute apart in wall-clock time ran continuously, whatever the bot's clock did (GCM_NOW, the
    // playground): what came due between them is on time. The first pass after a start, or after a gap, follows
    // downtime (docs/decisions/reminders.md).
    const previous = this.previous;
    const runningSince = previous && wallNow - previous.wallMs <= continuousGapMs ? previous.botNow : null;
    this.recordDue(ctx, plan, kinds, channel, report, runningSince);
    this.previous = { wallMs: this.wallMs(), botNow: ctx.now };
    await this.postReady(ctx, channel, report);
    this.previous = { wallMs: this.wallMs(), botNow: ctx.now };
  }

  /** Writes what each kind says has come due, in one transaction: as pending, or as skipped. */
  private recordDue(
    ctx: OutboxContext,
    plan: PlanInfo,
    kinds: readonly OutboxKind[],
    channel: string,
    report: PassReport,
    runningSince: DateTime | null,
  ): void {
    const { stores } = this.o;
    let occurrences: Occurrence[] | undefined;
    let done: Map<string, Completion> | undefined;
    const pass: PlanPass = {
      plan,
      recorded: stores.reminders.keysOfPlan(plan.id),
      occurrences: () => (occurrences ??= planOccurrences(stores, plan)),
      done: () => (done ??= stores.state.completions(plan.id)),
      runningSince,
    };
    const due = kinds.map((k) => ({ kind: k.kind, ...k.due(ctx, pass) }));
    const createdAt = ctx.now.toUTC().toISO()!;
    stores.reminders.transaction(() => {
      for (const { kind, post, skip } of due) {
        for (const r of skip) stores.reminders.record({ ...r, kind, channel }, createdAt, 'skipped');
        for (const r of post) if (stores.reminders.record({ ...r, kind, channel }, createdAt)) report.recorded.push(r.key);
      }
    });
  }

  /** Posts the pending records whose attempt time has come, in the order they are due. */
  private async postReady(ctx: OutboxContext, channel: string, report: PassReport): Promise<void> {
    const { stores, logger } = this.o;
    const { now } = ctx;
    for (const r of stores.reminders.ready(now.toUTC().toISO()!)) {
      const kind = this.kinds.get(r.kind);
      if (!kind) {
        this.sayOnce(`kind:${r.kind}`, `no kind ${r.kind} in this version of the bot: its records (${r.key}) stay pending`);
        continue;
      }
      const message = await kind.render(r, ctx);
      if (message === 'cancel') {
        stores.reminders.setStatus(r.key, 'cancelled');
        report.cancelled.push(r.key);
        continue;
      }
      if (message === 'too_late') {
        stores.reminders.setStatus(r.key, 'failed', 'its due date passed before it could be posted');
        report.failed.push(r.key);
        logger.error(`reminder ${r.key} was never posted: its due date passed (last error: ${r.lastError ?? 'none'})`);
        continue;
      }
      const target = r.channel ?? channel;
      let ts: string;
      const thread = kind.threadOf?.(r, target, ctx);
      try {
        if (r.attempts > 0) {
          const found = await this.findPosted(target, r.key, thread);
          if (found) {
            stores.reminders.markSent(r.key, target, found, now.toUTC().toISO()!);
            report.recovered.push(r.key);
            logger.info(`reminder ${r.key} was already in the channel (ts ${found}): recorded, not posted again`);
            continue;
          }
        }
        stores.reminders.startAttempt(r.key);
        const res = await this.o.client.chat.postMessage({
          channel: target,
          ...message,
          ...(thread ? { thread_ts: thread } : {}),
          metadata: { event_type: outboxEventType, event_payload: { key: r.key } },
          unfurl_links: false,
        });
        ts = String(res.ts);
        stores.reminders.markSent(r.key, target, ts, now.toUTC().toISO()!);
        report.sent.push(r.key);
        logger.info(`posted ${r.kind} ${r.key}${r.late ? ' (late)' : ''}`);
      } catch (e) {
        const rateLimited = (e as { code?: string }).code === ErrorCode.RateLimitedError;
        const waitS = rateLimited ? Math.max(1, Number((e as { retryAfter?: number }).retryAfter ?? 30)) : Math.min(30 * 60, 30 * 2 ** Math.min(r.attempts, 6));
        const error = e instanceof Error ? e.message : String(e);
        stores.reminders.retryLater(r.key, now.plus({ seconds: waitS }).toUTC().toISO()!, error);
        report.failed.push(r.key);
        logger.warn(`reminder ${r.key} not posted (${error}); retrying in ${waitS} s`);
        // Over the rate limit every post to the channel would fail too: the others wait for the next pass.
        if (rateLimited) break;
        continue;
      }
      // Sent and recorded: what follows never re-posts it.
      try {
        await kind.afterPost?.(r, target, ts, ctx);
      } catch (e) {
        logger.warn(`after posting ${r.kind} ${r.key}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** The ts of a message in `channel` carrying this record's key in its metadata, if one was posted. */
  private async findPosted(channel: string, key: string, thread: string | undefined): Promise<string | null> {
    // A reply in a thread is not in the channel's history: an item posted in a thread is looked for there.
    const res = thread
      ? await this.o.client.conversations.replies({ channel, ts: thread, limit: 200, include_all_metadata: true })
      : await this.o.client.conversations.history({ channel, limit: 200, include_all_metadata: true });
    const hit = res.messages?.find((m) => {
      const md = (m as { metadata?: { event_type?: string; event_payload?: { key?: string } } }).metadata;
      return md?.event_type === outboxEventType && md.event_payload?.key === key;
    });
    return hit?.ts ?? null;
  }
}

/** `42 s`, `3 min 10 s`: a wall-clock duration for the log. */
function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}
