import type { Db } from './open-database.js';
import { fileIdentity } from './database-file.js';

/** What /health asks of the database: that it answers, that it is still the file at its path, the outbox's backlog. */
export class HealthStore {
  private readonly s;
  /** The identity of the database file when it was opened (null in memory). */
  private readonly openedAs: string | null;

  constructor(
    db: Db,
    private readonly file: string,
  ) {
    this.openedAs = fileIdentity(file);
    this.s = {
      schema: db.prepare<[], number>('SELECT count(*) FROM sqlite_schema').pluck(),
      backlog: db.prepare<[], { status: string; n: number }>(
        "SELECT status || CASE WHEN status = 'pending' AND last_error IS NOT NULL THEN '-retrying' ELSE '' END AS status, count(*) AS n FROM reminders WHERE status IN ('pending', 'failed') GROUP BY 1",
      ),
    };
  }

  /** Why the database cannot be read, or null when it answers a read. */
  readProblem(): string | null {
    try {
      this.s.schema.get();
      return null;
    } catch (e) {
      return `the database cannot be read: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /**
   * Why the path no longer names the file that was opened, or null: a deleted or replaced file keeps
   * taking this process's writes, and they are lost at the next start.
   */
  fileProblem(): string | null {
    if (this.file === ':memory:') return null;
    const now = fileIdentity(this.file);
    if (now === null) return 'the database file at DATABASE_PATH was deleted while the bot runs: its writes go to a file that is gone';
    if (now !== this.openedAs) return 'the database file at DATABASE_PATH was replaced while the bot runs: restart the bot to use the new file';
    return null;
  }

  /** Outbox records not posted yet (`retrying`: those of them whose last attempt failed), and those given up on. */
  outboxBacklog(): { unsent: number; retrying: number; failed: number } {
    const rows = this.s.backlog.all();
    const n = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
    return { unsent: n('pending') + n('pending-retrying'), retrying: n('pending-retrying'), failed: n('failed') };
  }
}
