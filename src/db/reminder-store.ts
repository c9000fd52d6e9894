import type { Db } from './open-database.js';
import type { NewReminder, ReminderRecord, ReminderStatus } from '../domain/types.js';

type Row = Record<string, unknown>;

function toRecord(r: Row): ReminderRecord {
  return {
    key: String(r.key),
    kind: r.kind as ReminderRecord['kind'],
    planId: String(r.plan_id),
    occurrenceKey: (r.occurrence_key as string | null) ?? null,
    activityId: (r.activity_id as string | null) ?? null,
    offsetDays: r.offset_days === null ? null : Number(r.offset_days),
    dueDate: (r.due_date as string | null) ?? null,
    fireAt: String(r.fire_at),
    late: Number(r.late) === 1,
    status: r.status as ReminderStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: (r.next_attempt_at as string | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
    channel: (r.channel as string | null) ?? null,
    messageTs: (r.message_ts as string | null) ?? null,
    createdAt: String(r.created_at),
    sentAt: (r.sent_at as string | null) ?? null,
  };
}

/**
 * Reminders written before they are posted, under a unique key, then marked sent with the message ts: the
 * record that makes every reminder go out exactly once. Also the scheduler's lease.
 */
export class ReminderStore {
  private readonly s;

  constructor(private readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert: p(
        `INSERT INTO reminders (key, kind, plan_id, occurrence_key, activity_id, offset_days, due_date, fire_at, late, status, channel, created_at)
         VALUES (@key, @kind, @planId, @occurrenceKey, @activityId, @offsetDays, @dueDate, @fireAt, @late, @status, @channel, @createdAt)
         ON CONFLICT(key) DO NOTHING`,
      ),
      get: p('SELECT * FROM reminders WHERE key = ?'),
      keysOfPlan: p('SELECT key FROM reminders WHERE plan_id = ?'),
      ready: p("SELECT * FROM reminders WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY fire_at, key"),
      pending: p("SELECT * FROM reminders WHERE status IN ('pending', 'failed') ORDER BY fire_at, key"),
      recent: p("SELECT * FROM reminders WHERE status = 'sent' ORDER BY sent_at DESC LIMIT ?"),
      startAttempt: p('UPDATE reminders SET attempts = attempts + 1 WHERE key = ?'),
      sent: p("UPDATE reminders SET status = 'sent', message_ts = ?, channel = ?, sent_at = ?, last_error = NULL, next_attempt_at = NULL WHERE key = ?"),
      retryLater: p('UPDATE reminders SET next_attempt_at = ?, last_error = ? WHERE key = ?'),
      setStatus: p('UPDATE reminders SET status = ?, last_error = coalesce(?, last_error) WHERE key = ?'),
      byOccurrence: p("SELECT * FROM reminders WHERE plan_id = ? AND occurrence_key = ? AND kind = 'reminder' ORDER BY fire_at"),
      leaseGet: p('SELECT holder, expires_at FROM leases WHERE name = ?'),
      leasePut: p(
        'INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at',
      ),
      leaseDrop: p('DELETE FROM leases WHERE name = ? AND holder = ?'),
    };
  }

  /** Writes a reminder as pending (or as `status`). False when its key was already written. */
  record(r: NewReminder, createdAt: string, status: ReminderStatus = 'pending'): boolean {
    return this.s.insert.run({ ...r, late: r.late ? 1 : 0, status, createdAt }).changes === 1;
  }

  get(key: string): ReminderRecord | null {
    const r = this.s.get.get(key) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  /** Every key written for a plan (reminders, follow-ups, digests, reports), whatever its status. */
  keysOfPlan(planId: string): Set<string> {
    return new Set((this.s.keysOfPlan.all(planId) as Row[]).map((r) => String(r.key)));
  }

  /** Pending reminders whose next attempt has come (`now`, ISO UTC). */
  ready(now: string): ReminderRecord[] {
    return (this.s.ready.all(now) as Row[]).map(toRecord);
  }

  /** Pending and failed reminders: what `/gcm reminders` shows co-chairs. */
  unsent(): ReminderRecord[] {
    return (this.s.pending.all() as Row[]).map(toRecord);
  }

  recentlySent(limit: number): ReminderRecord[] {
    return (this.s.recent.all(limit) as Row[]).map(toRecord);
  }

  ofOccurrence(planId: string, occurrenceKey: string): ReminderRecord[] {
    return (this.s.byOccurrence.all(planId, occurrenceKey) as Row[]).map(toRecord);
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
   * Takes or renews the lease `name` for `holder` until `expiresAtMs` (wall clock). False while another
   * holder's lease has not expired. Atomic: two instances cannot both hold it.
   */
  acquireLease(name: string, holder: string, nowMs: number, ttlMs: number): boolean {
    return this.db
      .transaction((): boolean => {
        const r = this.s.leaseGet.get(name) as Row | undefined;
        if (r && String(r.holder) !== holder && Number(r.expires_at) > nowMs) return false;
        this.s.leasePut.run(name, holder, nowMs + ttlMs);
        return true;
      })
      .immediate();
  }

  /** The current holder of a lease, when it has not expired. */
  leaseHolder(name: string, nowMs: number): string | null {
    const r = this.s.leaseGet.get(name) as Row | undefined;
    return r && Number(r.expires_at) > nowMs ? String(r.holder) : null;
  }

  releaseLease(name: string, holder: string): void {
    this.s.leaseDrop.run(name, holder);
  }
}
