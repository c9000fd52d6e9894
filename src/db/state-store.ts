import type { Db } from './open-database.js';
import type { Actor, Completion } from '../domain/types.js';
import type { MarkWrite, StateReader, StateWriter } from '../domain/ports.js';

type Row = Record<string, unknown>;

function toCompletion(r: Row): Completion {
  return {
    occurrenceKey: String(r.occurrence_key),
    activityId: String(r.activity_id),
    doneBy: String(r.done_by),
    doneAt: String(r.done_at),
    source: String(r.source),
  };
}

/**
 * What users create: completion marks, meeting dates set by co-chairs, the audit trail, each user's agency.
 * A plan import never deletes any of it.
 */
export class StateStore implements StateReader, StateWriter {
  private readonly s;

  constructor(private readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      completions: p('SELECT * FROM completions WHERE plan_id = ?'),
      completionsOf: p('SELECT * FROM completions WHERE plan_id = ? AND activity_id = ?'),
      completion: p('SELECT * FROM completions WHERE plan_id = ? AND occurrence_key = ?'),
      insertCompletion: p(
        `INSERT INTO completions (plan_id, occurrence_key, activity_id, done_by, done_at, source)
         VALUES (@planId, @key, @activityId, @userId, @at, @source) ON CONFLICT DO NOTHING`,
      ),
      deleteCompletion: p('DELETE FROM completions WHERE plan_id = ? AND occurrence_key = ?'),
      meetingDates: p('SELECT occurrence_key, date FROM meeting_dates WHERE plan_id = ?'),
      setMeetingDate: p(
        `INSERT INTO meeting_dates (plan_id, occurrence_key, activity_id, date, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(plan_id, occurrence_key) DO UPDATE SET date = excluded.date, set_by = excluded.set_by, set_at = excluded.set_at`,
      ),
      audit: p(`INSERT INTO audit (at, actor, action, plan_id, target, source, detail_json) VALUES (?, ?, ?, ?, ?, ?, ?)`),
      auditOf: p('SELECT * FROM audit WHERE plan_id = ? AND target = ? ORDER BY id'),
      auditCount: p('SELECT count(*) AS n FROM audit'),
      userAgency: p('SELECT agency_id FROM user_agencies WHERE user_id = ?'),
      focalPoints: p('SELECT agency_id, user_id FROM focal_points ORDER BY agency_id, added_at, user_id'),
      focalOf: p('SELECT user_id FROM focal_points WHERE agency_id = ? ORDER BY added_at, user_id'),
      addFocal: p('INSERT INTO focal_points (agency_id, user_id, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING'),
      removeFocal: p('DELETE FROM focal_points WHERE agency_id = ? AND user_id = ?'),
      setUserAgency: p(
        `INSERT INTO user_agencies (user_id, agency_id, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(user_id) DO UPDATE SET agency_id = excluded.agency_id, updated_at = excluded.updated_at`,
      ),
    };
  }

  /** Every completion of a plan, by occurrence key. */
  completions(planId: string): Map<string, Completion> {
    return new Map((this.s.completions.all(planId) as Row[]).map((r) => [String(r.occurrence_key), toCompletion(r)]));
  }

  completionsOf(planId: string, activityId: string): Map<string, Completion> {
    return new Map((this.s.completionsOf.all(planId, activityId) as Row[]).map((r) => [String(r.occurrence_key), toCompletion(r)]));
  }

  /**
   * Marks an occurrence done, once: a second mark (two clicks at the same moment) changes nothing and
   * returns the first. Writes an audit row when it changes something. `at` is an ISO instant.
   */
  markDone(planId: string, activityId: string, key: string, actor: Actor, at: string): MarkWrite {
    return this.db
      .transaction((): MarkWrite => {
        const info = this.s.insertCompletion.run({ planId, key, activityId, userId: actor.userId, at, source: actor.source });
        const completion = toCompletion(this.s.completion.get(planId, key) as Row);
        if (info.changes === 0) return { changed: false, completion };
        this.s.audit.run(at, actor.userId, 'done', planId, key, actor.source, '{}');
        return { changed: true, completion };
      })
      .immediate();
  }

  /** Removes a completion mark. Returns the removed mark, or null when it was not done. */
  reopen(planId: string, key: string, actor: Actor, at: string): Completion | null {
    return this.db
      .transaction((): Completion | null => {
        const row = this.s.completion.get(planId, key) as Row | undefined;
        if (!row) return null;
        this.s.deleteCompletion.run(planId, key);
        const previous = toCompletion(row);
        this.s.audit.run(at, actor.userId, 'reopen', planId, key, actor.source, JSON.stringify({ wasDoneBy: previous.doneBy, wasDoneAt: previous.doneAt }));
        return previous;
      })
      .immediate();
  }

  /** Dates co-chairs set for meeting occurrences, by occurrence key (ISO dates). */
  meetingDates(planId: string): Map<string, string> {
    return new Map((this.s.meetingDates.all(planId) as Row[]).map((r) => [String(r.occurrence_key), String(r.date)]));
  }

  /** Sets the real date of a meeting occurrence, with an audit row. */
  setMeetingDate(planId: string, activityId: string, key: string, date: string, actor: Actor, at: string): void {
    this.db.transaction(() => {
      this.s.setMeetingDate.run(planId, key, activityId, date, actor.userId, at);
      this.s.audit.run(at, actor.userId, 'schedule', planId, key, actor.source, JSON.stringify({ date }));
    })();
  }

  /** The audit rows about one occurrence or activity, oldest first. */
  auditOf(planId: string, target: string): { at: string; actor: string; action: string; source: string }[] {
    return (this.s.auditOf.all(planId, target) as Row[]).map((r) => ({
      at: String(r.at),
      actor: String(r.actor),
      action: String(r.action),
      source: String(r.source),
    }));
  }

  auditCount(): number {
    return Number((this.s.auditCount.get() as Row).n);
  }

  /** The agency a user picked in the App Home, or null. */
  userAgency(userId: string): string | null {
    return ((this.s.userAgency.get(userId) as Row | undefined)?.agency_id as string | undefined) ?? null;
  }

  setUserAgency(userId: string, agencyId: string, at: string): void {
    this.db.transaction(() => {
      this.s.setUserAgency.run(userId, agencyId, at);
      this.s.audit.run(at, userId, 'my_agency', null, agencyId, 'app_home', '{}');
    })();
  }

  /** Focal points by agency id, in the order they were named. */
  focalPoints(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of this.s.focalPoints.all() as Row[]) out.set(String(r.agency_id), [...(out.get(String(r.agency_id)) ?? []), String(r.user_id)]);
    return out;
  }

  focalPointsOf(agencyId: string): string[] {
    return (this.s.focalOf.all(agencyId) as Row[]).map((r) => String(r.user_id));
  }

  /**
   * Adds and removes focal points of an agency in one transaction, an audit row per change. Returns the
   * users actually added and removed (adding someone already there changes nothing).
   */
  changeFocalPoints(agencyId: string, add: string[], remove: string[], actor: Actor, at: string): { added: string[]; removed: string[] } {
    return this.db.transaction(() => {
      const added = add.filter((u) => this.s.addFocal.run(agencyId, u, actor.userId, at).changes === 1);
      const removed = remove.filter((u) => this.s.removeFocal.run(agencyId, u).changes === 1);
      for (const u of added) this.s.audit.run(at, actor.userId, 'focal_add', null, `${agencyId}:${u}`, actor.source, '{}');
      for (const u of removed) this.s.audit.run(at, actor.userId, 'focal_remove', null, `${agencyId}:${u}`, actor.source, '{}');
      return { added, removed };
    })();
  }
}
