import { ErrorCode, type Logger, type WebClient } from '@slack/web-api';
import type { DateTime } from 'luxon';
import { hostname } from 'node:os';
import type { BriefDrafts } from '../domain/brief-draft.js';
import { permanentFailure, type PermanentFailure } from '../domain/post-failures.js';
import { planOccurrences } from '../domain/occurrences.js';
import type { Context, PlanReader } from '../domain/ports.js';
import { currentPlan } from '../domain/questions.js';
import type { ReminderSettings } from '../domain/reminders.js';
import type {
  AgencyDirectory,
  Completion,
  Language,
  LeftFailed,
  NewReminder,
  Occurrence,
  PlanInfo,
  ReminderRecord,
  ReminderStatus,
  RetryFailedReport,
} from '../domain/types.js';
import type { LeaseClaim, LeaseInfo, LeaseResult } from '../db/reminder-store.js';
import { writeFailureOf, type WriteFailure } from '../db/database-file.js';
import type { Message } from '../views/message-view.js';
import type { OutboxConfig, OutboxContext, OutboxKind, OutboxRecords, PlanPass, ThreadFile } from './kind.js';
import { outboxKinds } from './kinds/index.js';

/** The name of the scheduler's lease: one copy of the bot posts, per database. */
export const schedulerLease = 'scheduler';
/** The metadata event type of every message the outbox posts, with `{ key }` as its payload. Never change it: posted messages carry it. */
export const outboxEventType = 'gcm_reminder';
/**
 * How long the lease lasts without renewal (wall clock). The holder renews it at every pass, before every
 * post and every `leaseRenewMs` (startScheduler), so a copy that crashed lets it go within this time.
 */
export const leaseTtlMs = 45_000;
export const leaseRenewMs = 15_000;
/** How long a shutdown waits for the post in flight (a Web API call times out in about 10 s). */
export const shutdownGraceMs = 10_000;
/** The lease holders created in this process: a lease of this host and pid held by another name is a previous process's. */
const ownHolders = new Set<string>();
/** Whether a process of this host exists (signal 0 checks without sending anything; EPERM: it exists, as another user). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
/**
 * A pass that starts within this much wall-clock time of the end of this process's previous pass ran
 * continuously (passes are a minute apart); a longer gap, or a first pass, follows downtime.
 */
export const continuousGapMs = 2 * 60_000;
/**
 * How far before the oldest record to post the channel is read, on a new or restored database: a post is
 * never older than its record's time, and this covers the bot's clock and Slack's differing a little.
 */
export const channelLookbackMarginMs = 24 * 3_600_000;
/** Pages of channel history read at most, 200 messages each; more than that is "still unknown". */
export const historyPages = 50;

/** What one pass did: for logs and tests. */
export interface PassReport {
  skipped?: 'overlap' | 'lease' | 'no_channel' | 'no_plan' | 'plan_ended' | 'stopping' | 'database_lost' | 'channel_unknown';
  /** The wait (ms) until the first record waiting to be retried may go, or until another copy's lease expires. */
  retryInMs?: number;
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
  /** The keys written, looked up one at a time (a Set of every key would grow with the history). */
  recorded(): { has(key: string): boolean };
  /** Pending records whose next attempt has come (`now`, ISO UTC), in the order they are due. */
  ready(now: string): ReminderRecord[];
  /** The earliest time (ISO UTC) after `now` that a pending record waits for before its next attempt; null when none waits. */
  nextAttemptAt(now: string): string | null;
  startAttempt(key: string): void;
  markSent(key: string, channel: string, ts: string, at: string): void;
  retryLater(key: string, nextAttemptAt: string, error: string): void;
  setStatus(key: string, status: ReminderStatus, error?: string | null): void;
  failed(): ReminderRecord[];
  /** Failed records back to pending from `nextAttemptAt` (ISO UTC); how many. */
  requeue(keys: readonly string[], nextAttemptAt: string): number;
  acquireLease(name: string, claim: LeaseClaim, nowMs: number, ttlMs: number, deadHolder?: string): LeaseResult;
  leaseHolder(name?: string): LeaseInfo | null;
  releaseLease(name: string, holder: string): void;
  recordPass(at: string): void;
  /** A new or restored database: the channel is read before anything is posted (ReminderStore). */
  channelUnchecked(): boolean;
  flagUncheckedIfEmpty(): void;
  channelChecked(): void;
}

/** The stores the outbox reads (src/stores.ts's Stores has these). */
export interface OutboxStores {
  plans: PlanReader;
  state: Context['state'];
  reminders: OutboxStore;
  directory(): AgencyDirectory;
  /** The drafts of the co-chairs' updates (the published ones are posted once, the quarter's draft read with its words). */
  briefs: BriefDrafts;
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
  /** This process's host and pid, written with the lease (os.hostname() and process.pid by default). */
  host?: string;
  pid?: number;
  /** Whether a process of this host exists (processExists by default). */
  processExists?: (pid: number) => boolean;
  /** Wall clock for the lease (process liveness), separate from the bot's clock. */
  wallMs?: () => number;
  /** The co-chairs, mentioned in follow-ups. */
  coChairs?: () => Promise<string[]>;
  /** Attaches a file in a message's thread (the quarterly report's Markdown); false when it could not. */
  attachFile?: (channel: string, threadTs: string, filename: string, content: string | Uint8Array, title: string) => Promise<boolean>;
  /** The kinds of message it posts; kinds/index.ts by default. */
  kinds?: readonly OutboxKind[];
  /** The database file was found deleted or replaced by a write of a pass: the outbox has stopped; main.ts stops the bot. */
  onDatabaseLost?: (failure: WriteFailure) => void;
}

/**
 * Everything the bot posts on its own goes through here, exactly once. A pass (every minute and at
 * start-up, under a lease so that one copy of the bot posts) asks each kind (kinds/) what has come due and
 * writes it under its unique key, in one transaction, before anything is posted; then posts the pending
 * records in order, marking each sent with its message's ts. A post whose outcome is unknown (a crash, a cut
 * connection: attempts > 0) is first looked for in the channel by its metadata. Temporary failures are
 * retried with backoff per record (Slack's Retry-After on a 429, which also ends the pass; doubling waits
 * otherwise) without holding up the others; permanent ones (src/domain/post-failures.ts) are not retried.
 */
export class Outbox {
  /** The pass in progress, if any. */
  private running: Promise<void> | null = null;
  private runningSinceMs = 0;
  private stopping = false;
  private readonly claim: LeaseClaim;
  private readonly exists: (pid: number) => boolean;
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
    this.claim = { holder: o.holder, host: o.host ?? hostname(), pid: o.pid ?? process.pid };
    this.exists = o.processExists ?? processExists;
    ownHolders.add(o.holder);
  }

  get settings(): ReminderSettings {
    return { days: this.o.config.reminderDays, time: this.o.config.reminderTime, zone: this.o.config.timezone };
  }

  /** Runs one pass unless one is running already (an overlapping tick does nothing, and the log says so once). */
  async tick(): Promise<PassReport> {
    const report: PassReport = { recorded: [], sent: [], recovered: [], failed: [], cancelled: [] };
    if (this.stopping) return { ...report, skipped: 'stopping' };
    if (this.running) {
      this.sayOnce(
        'overlap',
        `the reminder pass that started ${seconds(this.wallMs() - this.runningSinceMs)} ago is still running: a pass is skipped until it ends`,
      );
      return { ...report, skipped: 'overlap' };
    }
    this.runningSinceMs = this.wallMs();
    this.running = this.pass(this.context(this.o.clock.now()), report);
    try {
      await this.running;
    } catch (e) {
      if (!this.lost(e)) throw e;
      report.skipped = 'database_lost';
    } finally {
      this.running = null;
      this.said.delete('overlap');
    }
    return report;
  }

  /** Renews this copy's lease, if it holds it; false when it does not (another copy took it). */
  renewLease(): boolean {
    const { reminders } = this.o.stores;
    const held = reminders.leaseHolder(schedulerLease);
    if (held?.holder !== this.o.holder) return false;
    try {
      return reminders.acquireLease(schedulerLease, this.claim, this.wallMs(), leaseTtlMs).ok;
    } catch (e) {
      if (!this.lost(e)) throw e;
      return false;
    }
  }

  /**
   * When `e` says the database file is gone or replaced (every write checks, src/db/database-file.ts): no
   * other pass or post starts, the log says so once, and `onDatabaseLost` stops the bot. False for any other error.
   */
  private lost(e: unknown): boolean {
    const failure = writeFailureOf(e);
    if (!failure?.fatal) return false;
    if (!this.stopping) {
      this.stopping = true;
      this.o.logger.error(`${failure.detail}: no more reminders are posted; the bot stops`);
      this.o.onDatabaseLost?.(failure);
    }
    return true;
  }

  /** Gives the lease back so another copy can take over at once. */
  release(): void {
    try {
      this.o.stores.reminders.releaseLease(schedulerLease, this.o.holder);
    } catch (e) {
      if (!this.lost(e)) throw e;
    }
  }

  /**
   * Shutdown: no new pass or post starts; the post in flight may finish (up to `graceMs`), then the lease is
   * given back. A post cut short is found by its metadata by the next copy (attempts > 0), never repeated.
   */
  async stop(graceMs = shutdownGraceMs): Promise<void> {
    this.stopping = true;
    if (this.running) {
      let timer: NodeJS.Timeout | undefined;
      const waited = await Promise.race([
        this.running.then(
          () => true,
          () => true,
        ),
        new Promise<false>((r) => {
          timer = setTimeout(() => r(false), graceMs);
        }),
      ]);
      clearTimeout(timer);
      if (!waited) this.o.logger.warn(`the reminder post in flight did not finish within ${graceMs / 1000} s: the next start looks for it in the channel`);
    }
    this.release();
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

  /**
   * "Retry failed" (`/gcm reminders retry`, once a co-chair fixed the cause): every failed record whose
   * kind would still post it now goes back to pending, for the next pass. Its kind's `render` decides, as
   * at posting time: `cancel` (the occurrence is done, cancelled, moved or gone) and `too_late` (its time
   * has passed) stay failed, with why. Posts nothing and needs no lease; `by` is for the log.
   */
  async retryFailed(by: string): Promise<RetryFailedReport> {
    const { stores, logger } = this.o;
    const ctx = this.context(this.o.clock.now());
    const report: RetryFailedReport = { queued: [], left: [] };
    for (const r of stores.reminders.failed()) {
      const kind = this.kinds.get(r.kind);
      const message = kind ? await kind.render(r, ctx) : 'unknown_kind';
      if (typeof message === 'string') report.left.push({ key: r.key, why: leftFor[message] });
      else report.queued.push(r.key);
    }
    stores.reminders.requeue(report.queued, ctx.now.toUTC().toISO()!);
    logger.info(`${by} queued ${report.queued.length} failed message(s) again; ${report.left.length} left failed`);
    return report;
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
      coChairIds: [],
      attachFile: async (...args) => (attachFile ? attachFile(...args) : false),
      briefs: stores.briefs,
      openDirect: async (userId) => {
        const opened = await this.o.client.conversations.open({ users: userId });
        if (!opened.channel?.id) throw new Error('conversations.open gave no channel');
        return opened.channel.id;
      },
    };
  }

  private sayOnce(key: string, line: string): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.o.logger.warn(line);
  }

  /**
   * The holder of the lease when it is a process of this host that no longer exists (a crash, a kill -9):
   * its pid is gone, or it is this process's pid under a name this process never used (a restarted
   * container, where the bot is pid 1 again). Null otherwise.
   */
  private deadHolder(): LeaseInfo | null {
    const held = this.o.stores.reminders.leaseHolder(schedulerLease);
    if (!held || held.host !== this.claim.host || held.pid === null || ownHolders.has(held.holder)) return null;
    return held.pid === this.claim.pid || !this.exists(held.pid) ? held : null;
  }

  /** Takes or renews the lease for a pass; false (already logged) when another living copy holds it. */
  private takeLease(wallNow: number, report: PassReport): boolean {
    const { reminders } = this.o.stores;
    const dead = this.deadHolder();
    const lease = reminders.acquireLease(schedulerLease, this.claim, wallNow, leaseTtlMs, dead?.holder);
    if (!lease.ok) {
      this.waitingSince ??= wallNow;
      this.sayOnce(
        'lease',
        `another copy of the bot holds the scheduler lease on this database (${lease.holder}): this one answers commands but posts no reminders`,
      );
      report.skipped = 'lease';
      // Try again the moment it expires, not at the next minute's pass.
      const expires = reminders.leaseHolder(schedulerLease)?.expiresAt;
      if (expires !== undefined) report.retryInMs = Math.max(1000, expires - wallNow + 500);
      return false;
    }
    if (lease.tookOverFrom) {
      const waited = this.waitingSince === null ? 0 : wallNow - this.waitingSince;
      const expired = wallNow - lease.tookOverFrom.expiredAtMs;
      this.o.logger.warn(
        `took over the scheduler lease from ${lease.tookOverFrom.holder}, ` +
          (dead && expired < 0 ? `whose process (pid ${dead.pid} on this host) no longer exists` : `whose lease expired ${seconds(expired)} ago`) +
          (waited > 0 ? `, after waiting ${seconds(waited)} for it` : ' (this copy had not waited for it)'),
      );
    }
    this.waitingSince = null;
    return true;
  }

  private async pass(ctx: OutboxContext, report: PassReport): Promise<void> {
    const { stores, config } = this.o;
    const wallNow = this.wallMs();
    if (!this.takeLease(wallNow, report)) return;
    stores.reminders.recordPass(new Date(wallNow).toISOString());
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
    stores.reminders.flagUncheckedIfEmpty();
    this.recordDue({ ...ctx, coChairIds: (await this.o.coChairs?.()) ?? [] }, plan, kinds, channel, report, runningSince);
    this.previous = { wallMs: this.wallMs(), botNow: ctx.now };
    if (!(await this.checkChannel(ctx, channel, report))) return;
    await this.postReady(ctx, channel, report);
    this.previous = { wallMs: this.wallMs(), botNow: ctx.now };
    // When the first record waiting to be retried may go (the bot's clock runs at the wall clock's pace). One
    // ready now but left (a kind this version lacks, the pass cut short) waits for the next minute's pass.
    const next = stores.reminders.nextAttemptAt(ctx.now.toUTC().toISO()!);
    if (next) report.retryInMs = Math.max(0, Date.parse(next) - ctx.now.toMillis());
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
      recorded: stores.reminders.recorded(),
      occurrences: () => (occurrences ??= planOccurrences(stores, plan)),
      done: () => (done ??= stores.state.completions(plan.id)),
      runningSince,
    };
    const due = kinds.map((k) => ({ kind: k.kind, ...k.due(ctx, pass) }));
    const createdAt = ctx.now.toUTC().toISO()!;
    stores.reminders.transaction(() => {
      for (const { kind, post, skip } of due) {
        for (const r of skip) stores.reminders.record({ ...r, kind, channel: r.channel ?? channel }, createdAt, 'skipped');
        for (const r of post) if (stores.reminders.record({ ...r, kind, channel: r.channel ?? channel }, createdAt)) report.recorded.push(r.key);
      }
    });
  }

  /**
   * On a new or restored database (ReminderStore.channelUnchecked), before anything is posted: reads the
   * channel's history back to the oldest record ready to post, and records each one found there (its key in
   * the post's metadata) as sent. One a kind posts in a thread is counted as attempted, so that it is looked
   * for in its thread first. False when the history could not be read whole (an error, a 429, too many
   * pages): what was posted is still unknown, so nothing is posted in this pass.
   */
  private async checkChannel(ctx: OutboxContext, channel: string, report: PassReport): Promise<boolean> {
    const { reminders } = this.o.stores;
    if (!reminders.channelUnchecked()) return true;
    const now = ctx.now.toUTC().toISO()!;
    const ready = reminders.ready(now);
    if (ready.length) {
      // The records' times are the bot's clock; Slack's ts are the wall clock (they differ under GCM_NOW).
      const oldest = Math.min(...ready.map((r) => Date.parse(r.fireAt))) + (this.wallMs() - ctx.now.toMillis()) - channelLookbackMarginMs;
      const posted = await this.postedSince(channel, oldest);
      if (!(posted instanceof Map)) {
        this.sayOnce('unchecked', `cannot tell what the bot already posted in ${channel} (${posted.unknown}): nothing is posted until it can`);
        report.skipped = 'channel_unknown';
        if (posted.retryAfterS !== undefined) report.retryInMs = Math.max(1, posted.retryAfterS) * 1000;
        return false;
      }
      this.recordFound(ready, posted, ctx, channel, report);
      this.o.logger.info(`read ${channel} before the first post from this database: ${report.recovered.length} message(s) already posted, recorded as sent`);
    }
    reminders.channelChecked();
    this.said.delete('unchecked');
    return true;
  }

  /**
   * Marks `ready` records found in the channel as sent. As attempted, so that their post looks for them first: one
   * a kind threads, not found (looked for in its thread), one that goes to its own target (looked for there), and
   * one found whose kind has files (its thread is read for those missing).
   */
  private recordFound(ready: readonly ReminderRecord[], posted: ReadonlyMap<string, string>, ctx: OutboxContext, channel: string, report: PassReport): void {
    const { reminders } = this.o.stores;
    const now = ctx.now.toUTC().toISO()!;
    for (const r of ready) {
      const kind = this.kinds.get(r.kind);
      const target = r.channel ?? channel;
      // One that goes elsewhere (a co-chair's direct messages) is looked for there, before its post.
      const ts = target === channel && !kind?.target ? posted.get(r.key) : undefined;
      // One found whose files may be missing from its thread is found again at its post, and its thread read.
      if (ts && !kind?.files) {
        reminders.markSent(r.key, target, ts, now);
        report.recovered.push(r.key);
      } else if (ts || kind?.target || kind?.threadOf?.(r, target, ctx)) reminders.startAttempt(r.key);
    }
  }

  /**
   * The outbox keys of the bot's posts in `channel` since `oldestWallMs`, with their ts, reading every page
   * of history (platform-facts: a 429 or a page that does not reach back far enough is "still unknown").
   */
  private async postedSince(channel: string, oldestWallMs: number): Promise<Map<string, string> | HistoryUnknown> {
    const found = new Map<string, string>();
    try {
      const end = await this.readHistory(channel, oldestWallMs, (messages) => {
        for (const m of messages) {
          const key = outboxKeyOf(m);
          if (key && m.ts && !found.has(key)) found.set(key, m.ts);
        }
        return false;
      });
      return typeof end === 'object' ? end : found;
    } catch (e) {
      return historyUnknown(e);
    }
  }

  /**
   * Reads `channel`'s history since `oldestWallMs`, newest first, 200 messages a page, handing each page to
   * `onPage` until it says it found what it looked for ('found'). 'read' when every page was read; why it could
   * not be read whole when there were too many pages or no cursor; an error of conversations.history is thrown.
   */
  private async readHistory(
    channel: string,
    oldestWallMs: number,
    onPage: (messages: HistoryMessage[]) => boolean,
  ): Promise<'read' | 'found' | HistoryUnknown> {
    const oldest = (Math.max(0, oldestWallMs) / 1000).toFixed(6);
    let cursor: string | undefined;
    for (let page = 0; page < historyPages; page++) {
      const res = await this.o.client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      if (onPage(res.messages ?? [])) return 'found';
      if (!res.has_more) return 'read';
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return { unknown: 'conversations.history said there was more but gave no cursor' };
    }
    return { unknown: `more than ${historyPages} pages of history to read` };
  }

  /**
   * Posts the pending records whose attempt time has come, in the order they are due. Each Web API call
   * times out (src/slack-app.ts), so a post Slack never answers fails like any other and the pass goes on.
   */
  private async postReady(ctx: OutboxContext, channel: string, report: PassReport): Promise<void> {
    const { stores, logger } = this.o;
    for (const r of stores.reminders.ready(ctx.now.toUTC().toISO()!)) {
      if (this.stopping) break;
      if (!this.renewLease()) {
        logger.warn('the scheduler lease was lost during a pass (another copy took it): this copy stops posting');
        break;
      }
      const ready = await this.rendered(r, ctx, report);
      if (!ready) continue;
      const target = await this.targetOf(ready.kind, r, channel, ctx, report);
      if (target === 'rate_limited') break;
      if (target === null) continue;
      const thread = ready.kind.threadOf?.(r, target, ctx);
      const posted = await this.postOne(r, ready.message, target, thread, ctx, report);
      if (posted === 'rate_limited') break;
      if (posted === null) continue;
      // Posted (or found): its files, then it is recorded as sent; a crash before that finds it again, never re-posts it.
      if ((await this.settle(ready.kind, r, target, posted, ctx, report)) === 'rate_limited') break;
    }
  }

  /**
   * After a post made or found: the kind's files in its thread, each once, then the record marked sent and the
   * kind's `afterPost`. A thread that cannot be read counts as a failed attempt: the record stays pending, found
   * again at the next, never posted twice.
   */
  private async settle(
    kind: OutboxKind,
    r: ReminderRecord,
    target: string,
    posted: Posted,
    ctx: OutboxContext,
    report: PassReport,
  ): Promise<'rate_limited' | undefined> {
    const { stores, logger } = this.o;
    try {
      await this.attachFiles(kind, r, target, posted, ctx);
    } catch (e) {
      return this.failed(r, e, ctx.now, report) === 'rate_limited' ? 'rate_limited' : undefined;
    }
    stores.reminders.markSent(r.key, target, posted.ts, ctx.now.toUTC().toISO()!);
    if (posted.found) {
      report.recovered.push(r.key);
      logger.info(`reminder ${r.key} was already in the channel (ts ${posted.ts}): recorded, not posted again`);
    } else {
      report.sent.push(r.key);
      logger.info(`posted ${r.kind} ${r.key}${r.late ? ' (late)' : ''}`);
    }
    try {
      await kind.afterPost?.(r, target, posted.ts, ctx);
    } catch (e) {
      logger.warn(`after posting ${r.kind} ${r.key}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return undefined;
  }

  /**
   * Attaches the kind's files in the thread of the post, each once: all after a fresh post (it has no replies);
   * after one found already posted, only those its thread does not hold (by name, uploaded by the poster of the
   * message, the bot). One that could not go is logged (ctx.attachFile) and the rest still go. Throws when the
   * thread cannot be read whole.
   */
  private async attachFiles(kind: OutboxKind, r: ReminderRecord, channel: string, posted: Posted, ctx: OutboxContext): Promise<void> {
    if (!kind.files) return;
    let files: readonly ThreadFile[];
    try {
      files = await kind.files(r, ctx);
    } catch (e) {
      // Files that cannot be made are not made by another attempt either: logged, and the post stands alone.
      this.o.logger.warn(`the files of ${r.kind} ${r.key} could not be made: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    const there = posted.found && files.length ? await this.filesInThread(channel, posted.ts) : new Set<string>();
    for (const f of files) if (!there.has(f.filename)) await ctx.attachFile(channel, posted.ts, f.filename, f.content, f.title);
  }

  /** The names of the files the bot (the poster of the thread's first message) shared in the thread of `ts`. */
  private async filesInThread(channel: string, ts: string): Promise<Set<string>> {
    const names = new Set<string>();
    let poster: string | undefined;
    await this.readReplies(channel, ts, (messages) => {
      for (const m of messages) {
        if (m.ts === ts) poster = m.user;
        for (const f of m.files ?? []) if (f.name && f.user !== undefined && f.user === poster) names.add(f.name);
      }
      return false;
    });
    return names;
  }

  /**
   * Reads the thread of `ts` in `channel`, oldest first (its first message first), 200 messages a page, handing
   * each page to `onPage` until it says it found what it looked for. Throws when it cannot be read whole.
   */
  private async readReplies(channel: string, ts: string, onPage: (messages: ReplyMessage[]) => boolean): Promise<void> {
    let cursor: string | undefined;
    for (let page = 0; page < historyPages; page++) {
      const res = await this.o.client.conversations.replies({ channel, ts, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      if (onPage((res.messages ?? []) as ReplyMessage[]) || !res.has_more) return;
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) throw new Error(`cannot read the thread ${ts} in ${channel}: conversations.replies said there was more but gave no cursor`);
    }
    throw new Error(`cannot read the thread ${ts} in ${channel}: more than ${historyPages} pages`);
  }

  /**
   * Where a ready record goes: its channel, the pass's, or where its kind says (a co-chair's direct messages).
   * A kind that could not say (Slack refused or failed) counts as a failed attempt: null, or `rate_limited`.
   */
  private async targetOf(
    kind: OutboxKind,
    r: ReminderRecord,
    channel: string,
    ctx: OutboxContext,
    report: PassReport,
  ): Promise<string | null | 'rate_limited'> {
    if (!kind.target) return r.channel ?? channel;
    try {
      return await kind.target(r, ctx);
    } catch (e) {
      return this.failed(r, e, ctx.now, report) === 'rate_limited' ? 'rate_limited' : null;
    }
  }

  /** A ready record's kind and message, drawn fresh; null once it is settled without one (no such kind, cancelled, too late). */
  private async rendered(r: ReminderRecord, ctx: OutboxContext, report: PassReport): Promise<{ kind: OutboxKind; message: Message } | null> {
    const { stores, logger } = this.o;
    const kind = this.kinds.get(r.kind);
    if (!kind) {
      this.sayOnce(`kind:${r.kind}`, `no kind ${r.kind} in this version of the bot: its records (${r.key}) stay pending`);
      return null;
    }
    const message = await kind.render(r, ctx);
    if (message === 'cancel') {
      stores.reminders.setStatus(r.key, 'cancelled');
      report.cancelled.push(r.key);
      return null;
    }
    if (message === 'too_late') {
      stores.reminders.setStatus(r.key, 'failed', 'its due date passed before it could be posted');
      report.failed.push(r.key);
      logger.error(`reminder ${r.key} was never posted: its due date passed (last error: ${r.lastError ?? 'none'})`);
      return null;
    }
    return { kind, message };
  }

  /**
   * Posts one record, once an earlier attempt of it is looked for: the message's ts, and whether it was found
   * already posted (not posted again); null when the post failed (recorded for a retry); `rate_limited` when
   * Slack said to wait, so that the pass stops. The caller records it as sent (settle).
   */
  private async postOne(
    r: ReminderRecord,
    message: Message,
    target: string,
    thread: string | undefined,
    ctx: OutboxContext,
    report: PassReport,
  ): Promise<Posted | null | 'rate_limited'> {
    const { stores } = this.o;
    const { now } = ctx;
    try {
      // Counted before the lookup: a lookup that fails is an attempt too, so the backoff grows.
      stores.reminders.startAttempt(r.key);
      if (r.attempts > 0) {
        const found = await this.findPosted(r, target, thread, ctx);
        if (found) return { ts: found, found: true };
      }
      const res = await this.o.client.chat.postMessage({
        channel: target,
        ...message,
        ...(thread ? { thread_ts: thread } : {}),
        metadata: { event_type: outboxEventType, event_payload: { key: r.key } },
        unfurl_links: false,
      });
      return { ts: String(res.ts), found: false };
    } catch (e) {
      return this.failed(r, e, now, report) === 'rate_limited' ? 'rate_limited' : null;
    }
  }

  /**
   * Records a failed attempt: a permanent error stops the record at once (failed, with Slack's error code,
   * logged once as an error); a temporary one waits (Retry-After on a 429, else 30 s doubling to 30 min).
   */
  private failed(r: ReminderRecord, e: unknown, now: DateTime, report: PassReport): PermanentFailure | 'rate_limited' | 'retry' {
    const { stores, logger } = this.o;
    const err = e as { code?: string; retryAfter?: number; data?: { error?: string } };
    const slackError = err.code === ErrorCode.PlatformError ? err.data?.error : undefined;
    report.failed.push(r.key);
    const permanent = permanentFailure(slackError ?? null);
    if (permanent) {
      stores.reminders.setStatus(r.key, 'failed', slackError);
      logger.error(`${r.kind} ${r.key} cannot be posted: Slack says ${slackError} (${whatToDo[permanent]}); it will not be retried`);
      return permanent;
    }
    const rateLimited = err.code === ErrorCode.RateLimitedError;
    const waitS = rateLimited ? Math.max(1, Number(err.retryAfter ?? 30)) : Math.min(30 * 60, 30 * 2 ** Math.min(r.attempts, 6));
    const error = slackError ?? (e instanceof Error ? e.message : String(e));
    stores.reminders.retryLater(r.key, now.plus({ seconds: waitS }).toUTC().toISO()!, error);
    logger.warn(`reminder ${r.key} not posted (${error}); retrying in ${waitS} s`);
    // Over the rate limit every post to the channel would fail too: the others wait until Slack says.
    return rateLimited ? 'rate_limited' : 'retry';
  }

  /**
   * The ts of a message in `channel` carrying the record's key in its metadata, if one was posted: the channel's
   * history read back to when the record was written (its post cannot be older), page after page, however
   * many messages came since. Throws when the history cannot be read whole: posting then could repeat it.
   */
  private async findPosted(r: ReminderRecord, channel: string, thread: string | undefined, ctx: OutboxContext): Promise<string | null> {
    // A reply in a thread is not in the channel's history: an item posted in a thread is looked for there.
    if (thread) {
      let ts: string | null = null;
      await this.readReplies(channel, thread, (messages) => {
        ts = messages.find((m) => outboxKeyOf(m) === r.key)?.ts ?? null;
        return ts !== null;
      });
      return ts;
    }
    // The records' times are the bot's clock; Slack's ts are the wall clock (they differ under GCM_NOW).
    const written = Math.min(Date.parse(r.createdAt), Date.parse(r.fireAt)) + (this.wallMs() - ctx.now.toMillis()) - channelLookbackMarginMs;
    let ts: string | null = null;
    const end = await this.readHistory(channel, written, (messages) => {
      ts = messages.find((m) => outboxKeyOf(m) === r.key)?.ts ?? null;
      return ts !== null;
    });
    if (typeof end === 'object') throw new Error(`cannot tell whether ${r.key} was already posted: ${end.unknown}`);
    return ts;
  }
}

/** Why the channel's history could not be read whole; after a 429, when Slack says to try again. */
type HistoryUnknown = { unknown: string; retryAfterS?: number };

/** A message of conversations.history, as the outbox reads it. */
type HistoryMessage = { ts?: string; metadata?: unknown };
/** A message of conversations.replies, as the outbox reads it: who posted it, and the files shared with it (who uploaded each). */
type ReplyMessage = HistoryMessage & { user?: string; files?: { name?: string; user?: string }[] };
/** A record's message in Slack: posted now, or found already posted by an earlier attempt. */
type Posted = { ts: string; found: boolean };

function historyUnknown(e: unknown): HistoryUnknown {
  const err = e as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (err.code === ErrorCode.RateLimitedError) return { unknown: 'conversations.history: rate-limited', retryAfterS: Number(err.retryAfter ?? 60) };
  return { unknown: `conversations.history: ${err.data?.error ?? (e instanceof Error ? e.message : String(e))}` };
}

/** The outbox key a message carries in its metadata (a post of the outbox), or null. */
function outboxKeyOf(m: unknown): string | null {
  const md = (m as { metadata?: { event_type?: string; event_payload?: { key?: unknown } } }).metadata;
  return md?.event_type === outboxEventType && typeof md.event_payload?.key === 'string' ? md.event_payload.key : null;
}

/** For the log: what to do about a permanent failure (co-chairs read it in /gcm reminders, src/i18n). */
const whatToDo: Record<PermanentFailure, string> = {
  not_in_channel: 'invite the bot to the channel: /invite @gcm',
  channel: 'check GCM_REMINDER_CHANNEL: the channel does not exist, is archived or the bot cannot see it',
  auth: 'Slack refuses the bot token: reinstall the app or set a new SLACK_BOT_TOKEN, then restart',
};

/** Why a failed record stays failed, from what its kind's `render` says. */
const leftFor: Record<'cancel' | 'too_late' | 'unknown_kind', LeftFailed> = { cancel: 'closed', too_late: 'too_late', unknown_kind: 'unknown_kind' };

/** `42 s`, `3 min 10 s`: a wall-clock duration for the log. */
function seconds(ms: number): string {
  // Under a second is said so, never "0 s".
  if (ms < 1000) return 'less than a second';
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}
