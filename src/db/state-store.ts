import type { Db } from './open-database.js';
import type { Actor, Completion, StatusChange, StatusKey } from '../domain/types.js';
import type { MarkWrite, StateReader, StateWriter } from '../domain/ports.js';
import { sameStatus } from '../domain/status.js';
import type { AuditRow, CompletionRow, FocalPointRow, MeetingDateRow, StatusChangeRow, UserAgencyRow } from './rows.js';

function toCompletion(r: CompletionRow): Completion {
  return { occurrenceKey: r.occurrence_key, activityId: r.activity_id, doneBy: r.done_by, doneAt: r.done_at, source: r.source };
}

function toStatusChange(r: StatusChangeRow): StatusChange {
  return {
    planId: r.plan_id,
    activityId: r.activity_id,
    key: r.occurrence_key,
    status: r.status as StatusKey,
    date: r.date,
    note: r.note,
    links: JSON.parse(r.links_json) as string[],
    by: r.changed_by,
    source: r.source,
    at: r.at,
  };
}

const fromStatusChange = (c: StatusChange): Omit<StatusChangeRow, 'id'> => ({
  plan_id: c.planId,
  occurrence_key: c.key,
  activity_id: c.activityId,
  status: c.status,
  date: c.date,
  note: c.note,
  links_json: JSON.stringify(c.links),
  changed_by: c.by,
  source: c.source,
  at: c.at,
});

/** An audit row about to be written (its id is the table's). */
type NewAudit = Omit<AuditRow, 'id'>;

/** One audit row as auditOf() returns it. */
interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  source: string;
}

/**
 * What users create: status changes (docs/decisions/statuses.md) and the completion marks kept in step with
 * them (a `done` status has its completion row, any other has none), meeting dates set by co-chairs, the audit trail, each user's agency.
 * A plan import never deletes any of it. Statements are prepared once.
 */
export class StateStore implements StateReader, StateWriter {
  private readonly s;
  /** The writes that read then write, each one transaction made once (better-sqlite3 builds a wrapper per `transaction()`). */
  private readonly t;

  constructor(private readonly db: Db) {
    this.s = {
      completions: db.prepare<[string], CompletionRow>('SELECT * FROM completions WHERE plan_id = ?'),
      completionsOf: db.prepare<{ planId: string; activityId: string }, CompletionRow>(
        'SELECT * FROM completions WHERE plan_id = @planId AND activity_id = @activityId',
      ),
      completion: db.prepare<{ planId: string; key: string }, CompletionRow>('SELECT * FROM completions WHERE plan_id = @planId AND occurrence_key = @key'),
      addCompletion: db.prepare<CompletionRow>(
        `INSERT INTO completions (plan_id, occurrence_key, activity_id, done_by, done_at, source)
         VALUES (@plan_id, @occurrence_key, @activity_id, @done_by, @done_at, @source) ON CONFLICT DO NOTHING`,
      ),
      deleteCompletion: db.prepare<{ planId: string; key: string }>('DELETE FROM completions WHERE plan_id = @planId AND occurrence_key = @key'),
      meetingDates: db.prepare<[string], Pick<MeetingDateRow, 'occurrence_key' | 'date'>>('SELECT occurrence_key, date FROM meeting_dates WHERE plan_id = ?'),
      // One activity's keys (`B1.2`, `B1.2@2024-05`) lie between its id and its id followed by 'A' (the
      // character after '@'), read by the primary key's range; other activities' keys in it (`B1.20`) are left out.
      meetingDatesOf: db.prepare<{ planId: string; activityId: string }, Pick<MeetingDateRow, 'occurrence_key' | 'date'>>(
        `SELECT occurrence_key, date FROM meeting_dates
         WHERE plan_id = @planId AND occurrence_key >= @activityId AND occurrence_key < @activityId || 'A' AND activity_id = @activityId`,
      ),
      setMeetingDate: db.prepare<MeetingDateRow>(
        `INSERT INTO meeting_dates (plan_id, occurrence_key, activity_id, date, set_by, set_at)
         VALUES (@plan_id, @occurrence_key, @activity_id, @date, @set_by, @set_at)
         ON CONFLICT(plan_id, occurrence_key) DO UPDATE SET date = excluded.date, set_by = excluded.set_by, set_at = excluded.set_at`,
      ),
      addAudit: db.prepare<NewAudit>(
        `INSERT INTO audit (at, actor, action, plan_id, target, source, detail_json)
         VALUES (@at, @actor, @action, @plan_id, @target, @source, @detail_json)`,
      ),
      auditOf: db.prepare<{ planId: string; target: string }, AuditRow>('SELECT * FROM audit WHERE plan_id = @planId AND target = @target ORDER BY id'),
      meetingDateChanges: db.prepare<[string], { target: string; count: number; last_at: string }>(
        `SELECT target, count(*) AS count, max(at) AS last_at FROM audit
         WHERE plan_id = ? AND action = 'schedule' GROUP BY target`,
      ),
      auditCount: db.prepare<[], number>('SELECT count(*) FROM audit').pluck(),
      userAgency: db.prepare<[string], string>('SELECT agency_id FROM user_agencies WHERE user_id = ?').pluck(),
      setUserAgency: db.prepare<UserAgencyRow>(
        `INSERT INTO user_agencies (user_id, agency_id, updated_at) VALUES (@user_id, @agency_id, @updated_at)
         ON CONFLICT(user_id) DO UPDATE SET agency_id = excluded.agency_id, updated_at = excluded.updated_at`,
      ),
      focalPoints: db.prepare<[], Pick<FocalPointRow, 'agency_id' | 'user_id'>>(
        'SELECT agency_id, user_id FROM focal_points ORDER BY agency_id, added_at, user_id',
      ),
      focalPointsOf: db.prepare<[string], string>('SELECT user_id FROM focal_points WHERE agency_id = ? ORDER BY added_at, user_id').pluck(),
      addFocalPoint: db.prepare<FocalPointRow>(
        'INSERT INTO focal_points (agency_id, user_id, added_by, added_at) VALUES (@agency_id, @user_id, @added_by, @added_at) ON CONFLICT DO NOTHING',
      ),
      statuses: db.prepare<[string], StatusChangeRow>(
        `SELECT s.* FROM status_changes s
         JOIN (SELECT max(id) AS id FROM status_changes WHERE plan_id = ? GROUP BY occurrence_key) latest ON latest.id = s.id`,
      ),
      statusesOf: db.prepare<{ planId: string; activityId: string }, StatusChangeRow>(
        `SELECT s.* FROM status_changes s
         JOIN (SELECT max(id) AS id FROM status_changes
               WHERE plan_id = @planId AND occurrence_key >= @activityId AND occurrence_key < @activityId || 'A' GROUP BY occurrence_key) latest
           ON latest.id = s.id
         WHERE s.activity_id = @activityId`,
      ),
      statusOf: db.prepare<{ planId: string; key: string }, StatusChangeRow>(
        'SELECT * FROM status_changes WHERE plan_id = @planId AND occurrence_key = @key ORDER BY id DESC LIMIT 1',
      ),
      statusHistory: db.prepare<{ planId: string; key: string; limit: number }, StatusChangeRow>(
        'SELECT * FROM status_changes WHERE plan_id = @planId AND occurrence_key = @key ORDER BY id DESC LIMIT @limit',
      ),
      addStatus: db.prepare<Omit<StatusChangeRow, 'id'>>(
        `INSERT INTO status_changes (plan_id, occurrence_key, activity_id, status, date, note, links_json, changed_by, source, at)
         VALUES (@plan_id, @occurrence_key, @activity_id, @status, @date, @note, @links_json, @changed_by, @source, @at)`,
      ),
      removeFocalPoint: db.prepare<{ agencyId: string; userId: string }>('DELETE FROM focal_points WHERE agency_id = @agencyId AND user_id = @userId'),
    };
    this.t = {
      markDone: db.transaction((planId: string, activityId: string, key: string, actor: Actor, at: string) =>
        this.markDoneNow(planId, activityId, key, actor, at),
      ),
      reopen: db.transaction((planId: string, key: string, actor: Actor, at: string) => this.reopenNow(planId, key, actor, at)),
      changeStatus: db.transaction((change: StatusChange) => this.changeStatusNow(change)),
    };
  }

  /** Every completion of a plan, by occurrence key. */
  completions(planId: string): Map<string, Completion> {
    return new Map(this.s.completions.all(planId).map((r) => [r.occurrence_key, toCompletion(r)]));
  }

  /** The completions of one activity's occurrences, by occurrence key. */
  completionsOf(planId: string, activityId: string): Map<string, Completion> {
    return new Map(this.s.completionsOf.all({ planId, activityId }).map((r) => [r.occurrence_key, toCompletion(r)]));
  }

  /**
   * Marks an occurrence done, once: a second mark (two clicks at the same moment) changes nothing and
   * returns the first. Writes a `done` status change and an audit row when it changes something. `at` is an
   * ISO instant. A mark already there is read without a transaction (one row, read at once: a second click
   * writes nothing, so it takes no lock); a mark not there is read again inside the write's transaction,
   * whose read then write make concurrent marks one.
   */
  markDone(planId: string, activityId: string, key: string, actor: Actor, at: string): MarkWrite {
    const current = this.s.completion.get({ planId, key });
    if (current) return { changed: false, completion: toCompletion(current) };
    return this.t.markDone.immediate(planId, activityId, key, actor, at);
  }

  /**
   * Removes a completion mark: the occurrence is `planned` again (a status change). Returns the removed
   * mark, or null when it was not done.
   */
  reopen(planId: string, key: string, actor: Actor, at: string): Completion | null {
    return this.t.reopen.immediate(planId, key, actor, at);
  }

  /** The current status of every occurrence of a plan that has one, by occurrence key. */
  statuses(planId: string): Map<string, StatusChange> {
    return new Map(this.s.statuses.all(planId).map((r) => [r.occurrence_key, toStatusChange(r)]));
  }

  /** The same for one activity's occurrences: read from the index, not the whole plan's. */
  statusesOf(planId: string, activityId: string): Map<string, StatusChange> {
    return new Map(this.s.statusesOf.all({ planId, activityId }).map((r) => [r.occurrence_key, toStatusChange(r)]));
  }

  /** The status changes of one occurrence, newest first. */
  statusHistory(planId: string, key: string, limit = -1): StatusChange[] {
    return this.s.statusHistory.all({ planId, key, limit }).map(toStatusChange);
  }

  /**
   * Writes a status change, with its audit row, unless it says what the current status already says
   * (status, date, note and links): a second submission of the same change writes nothing.
   */
  changeStatus(change: StatusChange): { changed: boolean } {
    return this.t.changeStatus.immediate(change);
  }

  /** markDone's work, inside its transaction: the guard's read, then the status, the completion and the audit row. */
  private markDoneNow(planId: string, activityId: string, key: string, actor: Actor, at: string): MarkWrite {
    const current = this.s.completion.get({ planId, key });
    if (current) return { changed: false, completion: toCompletion(current) };
    this.writeStatus({ planId, activityId, key, status: 'done', date: null, note: null, links: [], by: actor.userId, source: actor.source, at });
    this.s.addAudit.run({ at, actor: actor.userId, action: 'done', plan_id: planId, target: key, source: actor.source, detail_json: '{}' });
    return { changed: true, completion: toCompletion(this.s.completion.get({ planId, key })!) };
  }

  /** reopen's work, inside its transaction. */
  private reopenNow(planId: string, key: string, actor: Actor, at: string): Completion | null {
    const row = this.s.completion.get({ planId, key });
    if (!row) return null;
    const previous = toCompletion(row);
    this.writeStatus({
      planId,
      activityId: row.activity_id,
      key,
      status: 'planned',
      date: null,
      note: null,
      links: [],
      by: actor.userId,
      source: actor.source,
      at,
    });
    this.s.addAudit.run({
      at,
      actor: actor.userId,
      action: 'reopen',
      plan_id: planId,
      target: key,
      source: actor.source,
      detail_json: JSON.stringify({ wasDoneBy: previous.doneBy, wasDoneAt: previous.doneAt }),
    });
    return previous;
  }

  /** changeStatus's work, inside its transaction. */
  private changeStatusNow(change: StatusChange): { changed: boolean } {
    const current = this.s.statusOf.get({ planId: change.planId, key: change.key });
    const was = current ? toStatusChange(current) : { status: 'planned' as const, date: null, note: null, links: [] };
    if (sameStatus(was, change)) return { changed: false };
    this.writeStatus(change);
    this.s.addAudit.run({
      at: change.at,
      actor: change.by,
      action: 'status',
      plan_id: change.planId,
      target: change.key,
      source: change.source,
      detail_json: JSON.stringify({ from: was.status, to: change.status, date: change.date }),
    });
    return { changed: true };
  }

  /** Appends a status change and keeps the completion mark in step (inside the caller's transaction). */
  private writeStatus(c: StatusChange): void {
    this.s.addStatus.run(fromStatusChange(c));
    if (c.status === 'done') {
      this.s.addCompletion.run({ plan_id: c.planId, occurrence_key: c.key, activity_id: c.activityId, done_by: c.by, done_at: c.at, source: c.source });
    } else {
      this.s.deleteCompletion.run({ planId: c.planId, key: c.key });
    }
  }

  /** Dates co-chairs set for meeting occurrences, by occurrence key (ISO dates). */
  meetingDates(planId: string): Map<string, string> {
    return new Map(this.s.meetingDates.all(planId).map((r) => [r.occurrence_key, r.date]));
  }

  /** The dates co-chairs set for one activity's meeting occurrences, by occurrence key. */
  meetingDatesOf(planId: string, activityId: string): Map<string, string> {
    return new Map(this.s.meetingDatesOf.all({ planId, activityId }).map((r) => [r.occurrence_key, r.date]));
  }

  /** Sets the real date of a meeting occurrence, with an audit row. */
  setMeetingDate(planId: string, activityId: string, key: string, date: string, actor: Actor, at: string): void {
    this.db.transaction(() => {
      this.s.setMeetingDate.run({ plan_id: planId, occurrence_key: key, activity_id: activityId, date, set_by: actor.userId, set_at: at });
      this.s.addAudit.run({
        at,
        actor: actor.userId,
        action: 'schedule',
        plan_id: planId,
        target: key,
        source: actor.source,
        detail_json: JSON.stringify({ date }),
      });
    })();
  }

  /** Per meeting occurrence key, how many times its date was set (audit rows `schedule`) and the latest (ISO UTC). */
  meetingDateChanges(planId: string): Map<string, { count: number; lastAt: string }> {
    return new Map(this.s.meetingDateChanges.all(planId).map((r) => [r.target, { count: r.count, lastAt: r.last_at }]));
  }

  /** The audit rows about one occurrence or activity, oldest first. */
  auditOf(planId: string, target: string): AuditEntry[] {
    return this.s.auditOf.all({ planId, target }).map((r) => ({ at: r.at, actor: r.actor, action: r.action, source: r.source }));
  }

  /** How many audit rows there are (tests prove which changes write one). */
  auditCount(): number {
    return this.s.auditCount.get() ?? 0;
  }

  /** The agency a user picked in the App Home, or null. */
  userAgency(userId: string): string | null {
    return this.s.userAgency.get(userId) ?? null;
  }

  /** Records the agency a user picked in the App Home, with an audit row. */
  setUserAgency(userId: string, agencyId: string, at: string): void {
    this.db.transaction(() => {
      this.s.setUserAgency.run({ user_id: userId, agency_id: agencyId, updated_at: at });
      this.s.addAudit.run({ at, actor: userId, action: 'my_agency', plan_id: null, target: agencyId, source: 'app_home', detail_json: '{}' });
    })();
  }

  /** Focal points by agency id, in the order they were named. */
  focalPoints(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of this.s.focalPoints.all()) out.set(r.agency_id, [...(out.get(r.agency_id) ?? []), r.user_id]);
    return out;
  }

  /** An agency's focal points, in the order they were named. */
  focalPointsOf(agencyId: string): string[] {
    return this.s.focalPointsOf.all(agencyId);
  }

  /**
   * Adds and removes focal points of an agency in one transaction, an audit row per change. Returns the
   * users actually added and removed (adding someone already there changes nothing).
   */
  changeFocalPoints(agencyId: string, add: string[], remove: string[], actor: Actor, at: string): { added: string[]; removed: string[] } {
    return this.db.transaction(() => {
      const added = add.filter((u) => this.s.addFocalPoint.run({ agency_id: agencyId, user_id: u, added_by: actor.userId, added_at: at }).changes === 1);
      const removed = remove.filter((u) => this.s.removeFocalPoint.run({ agencyId, userId: u }).changes === 1);
      const audit = (action: string, u: string): NewAudit => ({
        at,
        actor: actor.userId,
        action,
        plan_id: null,
        target: `${agencyId}:${u}`,
        source: actor.source,
        detail_json: '{}',
      });
      for (const u of added) this.s.addAudit.run(audit('focal_add', u));
      for (const u of removed) this.s.addAudit.run(audit('focal_remove', u));
      return { added, removed };
    })();
  }
}
