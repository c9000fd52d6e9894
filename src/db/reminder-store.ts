import type { Db } from './open-database.js';
import { channelUncheckedKey } from './meta-keys.js';
import type { NewReminder, ReminderRecord, ReminderStatus } from '../domain/types.js';

/** A row of `reminders`, as SQLite returns it (migrations 2 and 4). */
interface ReminderRow {
  key: string;
  kind: string;
  plan_id: string;
  occurrence_key: string | null;
  activity_id: string | null;
  offset_days: number | null;
  due_date: string | null;
  period_from: string | null;
  period_to: string | null;
  fire_at: string;
  /** 0 or 1. */
  late: number;
  status: ReminderStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  channel: string | null;
  message_ts: string | null;
  created_at: string;
  sent_at: string | null;
}

/** The named parameters of the insert. */
interface InsertParams {
  key: string;
  kind: string;
  planId: string;
  occurrenceKey: string | null;
  activityId: string | null;
  offsetDays: number | null;
  dueDate: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  fireAt: string;
  late: 0 | 1;
  status: ReminderStatus;
  channel: string | null;
  createdAt: string;
}

/**
 * Whether a lease was taken: when not, who holds it; when taken from another holder whose lease had expired,
 * who that was and when it expired (wall clock, ms).
 */
export type LeaseResult = { ok: false; holder: string } | { ok: true; tookOverFrom: { holder: string; expiredAtMs: number } | null };

interface LeaseRow {
  holder: string;
  /** Wall-clock epoch milliseconds. */
  expires_at: number;
  host: string | null;
  pid: number | null;
}

/** Who holds a lease (whether or not it has expired: compare `expiresAt`, wall-clock epoch ms, with now). */
export interface LeaseInfo {
  holder: string;
  /** The holder's host name and process id; null for a lease written before migration 9. */
  host: string | null;
  pid: number | null;
  expiresAt: number;
}

/** The process asking for a lease: its name, host and pid (written with the lease). */
export interface LeaseClaim {
  holder: string;
  host: string;
  pid: number;
}

/** The meta key of the wall-clock time (ISO UTC) at which the last reminder pass ran. */
const lastPassKey = 'last_reminder_pass_at';

/** The one place a row becomes a record. */
function toRecord(r: ReminderRow): ReminderRecord {
  return {
    key: r.key,
    kind: r.kind,
    planId: r.plan_id,
    occurrenceKey: r.occurrence_key,
    activityId: r.activity_id,
    offsetDays: r.offset_days,
    dueDate: r.due_date,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    fireAt: r.fire_at,
    late: r.late === 1,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    channel: r.channel,
    messageTs: r.message_ts,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

/**
 * The outbox's records: every message the bot posts on its own is written before it is posted, under a
 * unique key, then marked sent with the message ts: the record that makes each go out exactly once. Also
 * the scheduler's lease.
 */
export class ReminderStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare<InsertParams>(
        `INSERT INTO reminders (key, kind, plan_id, occurrence_key, activity_id, offset_days, due_date, period_from, period_to, fire_at, late, status, channel, created_at)
         VALUES (@key, @kind, @planId, @occurrenceKey, @activityId, @offsetDays, @dueDate, @periodFrom, @periodTo, @fireAt, @late, @status, @channel, @createdAt)
         ON CONFLICT(key) DO NOTHING`,
      ),
      get: db.prepare<[key: string], ReminderRow>('SELECT * FROM reminders WHERE key = ?'),
      keysOfPlan: db.prepare<[planId: string], Pick<ReminderRow, 'key'>>('SELECT key FROM reminders WHERE plan_id = ?'),
      isRecorded: db.prepare<[key: string], number>('SELECT 1 FROM reminders WHERE key = ?').pluck(),
      ready: db.prepare<[now: string], ReminderRow>(
        "SELECT * FROM reminders WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY fire_at, key",
      ),
      nextAttempt: db
        .prepare<[after: string], string | null>("SELECT min(next_attempt_at) FROM reminders WHERE status = 'pending' AND next_attempt_at > ?")
        .pluck(),
      pending: db.prepare<[], ReminderRow>("SELECT * FROM reminders WHERE status IN ('pending', 'failed') ORDER BY fire_at, key"),
      failed: db.prepare<[], ReminderRow>("SELECT * FROM reminders WHERE status = 'failed' ORDER BY fire_at, key"),
      // Attempts start again; one earlier attempt stays counted when there were several (an earlier one's
      // outcome may be unknown: the record is then looked for in the channel before it is posted).
      requeue: db.prepare<[nextAttemptAt: string, key: string]>(
        `UPDATE reminders SET status = 'pending', attempts = CASE WHEN attempts > 1 THEN 1 ELSE 0 END, next_attempt_at = ?, last_error = NULL
         WHERE key = ? AND status = 'failed'`,
      ),
      startAttempt: db.prepare<[key: string]>('UPDATE reminders SET attempts = attempts + 1 WHERE key = ?'),
      sent: db.prepare<[ts: string, channel: string, at: string, key: string]>(
        "UPDATE reminders SET status = 'sent', message_ts = ?, channel = ?, sent_at = ?, last_error = NULL, next_attempt_at = NULL WHERE key = ?",
      ),
      retryLater: db.prepare<[nextAttemptAt: string, error: string, key: string]>('UPDATE reminders SET next_attempt_at = ?, last_error = ? WHERE key = ?'),
      setStatus: db.prepare<[status: ReminderStatus, error: string | null, key: string]>(
        'UPDATE reminders SET status = ?, last_error = coalesce(?, last_error) WHERE key = ?',
      ),
      byOccurrence: db.prepare<[planId: string, occurrenceKey: string, kind: string], ReminderRow>(
        'SELECT * FROM reminders WHERE plan_id = ? AND occurrence_key = ? AND kind = ? ORDER BY fire_at',
      ),
      leaseGet: db.prepare<[name: string], LeaseRow>('SELECT holder, expires_at, host, pid FROM leases WHERE name = ?'),
      leasePut: db.prepare<[name: string, holder: string, expiresAt: number, host: string, pid: number]>(
        `INSERT INTO leases (name, holder, expires_at, host, pid) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, host = excluded.host, pid = excluded.pid`,
      ),
      getMeta: db.prepare<[key: string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare<[key: string, value: string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      leaseDrop: db.prepare<[name: string, holder: string]>('DELETE FROM leases WHERE name = ? AND holder = ?'),
      anyRecord: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM reminders)').pluck(),
      dropMeta: db.prepare<[key: string]>('DELETE FROM meta WHERE key = ?'),
    };
  }

  /** Writes a record as pending (or as `status`). False when its key was already written. */
  record(r: NewReminder, createdAt: string, status: ReminderStatus = 'pending'): boolean {
    const params: InsertParams = {
      key: r.key,
      kind: r.kind,
      planId: r.planId,
      occurrenceKey: r.occurrenceKey,
      activityId: r.activityId,
      offsetDays: r.offsetDays,
      dueDate: r.dueDate,
      periodFrom: r.periodFrom ?? null,
      periodTo: r.periodTo ?? null,
      fireAt: r.fireAt,
      late: r.late ? 1 : 0,
      status,
      channel: r.channel,
      createdAt,
    };
    return this.s.insert.run(params).changes === 1;
  }

  /** Runs `fn` in one transaction (several records written together, or none). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  get(key: string): ReminderRecord | null {
    const r = this.s.get.get(key);
    return r ? toRecord(r) : null;
  }

  /**
   * Whether a key is written, one primary-key lookup each: what the minute's pass asks of the few keys of its
   * window, instead of reading every key of the plan (which grows with its history).
   */
  recorded(): { has(key: string): boolean } {
    return { has: (key) => this.s.isRecorded.get(key) !== undefined };
  }

  /** Every key written for a plan (reminders, follow-ups, digests, reports), whatever its status. */
  keysOfPlan(planId: string): Set<string> {
    return new Set(this.s.keysOfPlan.all(planId).map((r) => r.key));
  }

  /** Pending records whose next attempt has come (`now`, ISO UTC), in the order they are due. */
  ready(now: string): ReminderRecord[] {
    return this.s.ready.all(now).map(toRecord);
  }

  /** The earliest time (ISO UTC) after `now` that a pending record waits for before its next attempt; null when none waits. */
  nextAttemptAt(now: string): string | null {
    return this.s.nextAttempt.get(now) ?? null;
  }

  /** Pending and failed records: what `/gcm reminders` shows co-chairs. */
  unsent(): ReminderRecord[] {
    return this.s.pending.all().map(toRecord);
  }

  /** Failed records, in the order they are due. */
  failed(): ReminderRecord[] {
    return this.s.failed.all().map(toRecord);
  }

  /**
   * Puts failed records back to pending, to go at the next pass from `nextAttemptAt` (ISO UTC): attempts
   * start again (one stays counted when there were several, so that one is first looked for in the
   * channel), the last error is cleared. Keys no longer failed are left alone. How many were put back.
   */
  requeue(keys: readonly string[], nextAttemptAt: string): number {
    return this.db.transaction(() => keys.reduce((n, key) => n + this.s.requeue.run(nextAttemptAt, key).changes, 0))();
  }

  /** The records of one kind about an occurrence, in the order they fire. */
  ofOccurrence(planId: string, occurrenceKey: string, kind: string): ReminderRecord[] {
    return this.s.byOccurrence.all(planId, occurrenceKey, kind).map(toRecord);
  }

  /** Counts an attempt before the post: after a crash, attempts > 0 says "look in the channel first". */
  startAttempt(key: string): void {
    this.s.startAttempt.run(key);
  }

  markSent(key: string, channel: string, ts: string, at: string): void {
    this.s.sent.run(ts, channel, at, key);
  }

  retryLater(key: string, nextAttemptAt: string, error: string): void {
    this.s.retryLater.run(nextAttemptAt, error, key);
  }

  setStatus(key: string, status: ReminderStatus, error: string | null = null): void {
    this.s.setStatus.run(status, error, key);
  }

  /**
   * Takes or renews the lease `name` for `claim.holder` until `nowMs + ttlMs` (wall clock). Refused (with its
   * holder) while another holder's lease has not expired, unless that holder is `deadHolder` (the caller
   * found its process gone); taken over from another holder whose lease expired or who is gone (who it was
   * and when its lease expired come back, for the log). Atomic: two instances cannot both hold it.
   */
  acquireLease(name: string, claim: LeaseClaim, nowMs: number, ttlMs: number, deadHolder?: string): LeaseResult {
    return this.db
      .transaction((): LeaseResult => {
        const r = this.s.leaseGet.get(name);
        if (r && r.holder !== claim.holder && r.expires_at > nowMs && r.holder !== deadHolder) return { ok: false, holder: r.holder };
        this.s.leasePut.run(name, claim.holder, nowMs + ttlMs, claim.host, claim.pid);
        return { ok: true, tookOverFrom: r && r.holder !== claim.holder ? { holder: r.holder, expiredAtMs: r.expires_at } : null };
      })
      .immediate();
  }

  /** Who holds the lease `name` (the scheduler's by default), with its host, pid and expiry; null when nobody does. */
  leaseHolder(name = 'scheduler'): LeaseInfo | null {
    const r = this.s.leaseGet.get(name);
    return r ? { holder: r.holder, host: r.host, pid: r.pid, expiresAt: r.expires_at } : null;
  }

  releaseLease(name: string, holder: string): void {
    this.s.leaseDrop.run(name, holder);
  }

  /** Notes that a reminder pass ran at `at` (wall clock, ISO UTC). */
  recordPass(at: string): void {
    this.s.setMeta.run(lastPassKey, at);
  }

  /**
   * Whether the channel must be read before the next post: set by `flagUncheckedIfEmpty` (a new database,
   * or one whose outbox was lost) or by a restore, cleared once the outbox read the channel.
   */
  channelUnchecked(): boolean {
    return this.s.getMeta.get(channelUncheckedKey) !== undefined;
  }

  /** Sets `channelUnchecked` when no record exists at all (written before the first records are). */
  flagUncheckedIfEmpty(): void {
    if (!this.s.anyRecord.get()) this.s.setMeta.run(channelUncheckedKey, '1');
  }

  /** The channel was read: what the bot had posted is recorded. */
  channelChecked(): void {
    this.s.dropMeta.run(channelUncheckedKey);
  }

  /** When the last reminder pass ran (wall clock, ISO UTC), by any copy of the bot on this database; null before the first. */
  lastPassAt(): string | null {
    return this.s.getMeta.get(lastPassKey) ?? null;
  }
}
