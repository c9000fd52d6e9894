import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';

/** Which file a path names now: device and inode, or null when there is none (deleted, never created). */
export function fileIdentity(file: string): string | null {
  if (file === ':memory:') return null;
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

/**
 * Why a write did not reach the database: `deleted` / `replaced` (the path no longer names the file the bot
 * opened: every write would go to a file that is gone, and be lost at the next start), `readonly`, `full`
 * (the disk or the database's size limit), `busy` (another program held a lock past the busy timeout),
 * `io` (the disk failed). Only the first two are `fatal`: the bot cannot go on, and stops.
 */
export type WriteFailureReason = 'deleted' | 'replaced' | 'readonly' | 'full' | 'busy' | 'io';

export interface WriteFailure {
  reason: WriteFailureReason;
  /** The bot cannot go on with this database: it stops writing and posting, and exits. */
  fatal: boolean;
  /** One plain sentence for the log (SQLite's own words, or which file). */
  detail: string;
}

/** Thrown by a guarded connection (guardWrites) instead of writing to a database file that is gone or replaced. */
export class DatabaseLostError extends Error {
  constructor(
    readonly reason: 'deleted' | 'replaced',
    readonly file: string,
  ) {
    super(
      reason === 'deleted'
        ? `the database file ${file} (DATABASE_PATH) was deleted while the bot runs: nothing more is written to it`
        : `the database file ${file} (DATABASE_PATH) was replaced while the bot runs: nothing more is written to the old one`,
    );
    this.name = 'DatabaseLostError';
  }
}

const sqliteReasons: [RegExp, WriteFailureReason][] = [
  [/^SQLITE_READONLY_DBMOVED$/, 'replaced'],
  [/^SQLITE_READONLY/, 'readonly'],
  [/^SQLITE_FULL$/, 'full'],
  [/^SQLITE_(BUSY|LOCKED)/, 'busy'],
  [/^SQLITE_(IOERR|CANTOPEN)/, 'io'],
];

/** What a failed write was, or null when `e` is not a database write failure (a bug: let it reach the error handler). */
export function writeFailureOf(e: unknown): WriteFailure | null {
  if (e instanceof DatabaseLostError) return { reason: e.reason, fatal: true, detail: e.message };
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const reason = sqliteReasons.find(([pattern]) => pattern.test(code))?.[1];
  if (!reason) return null;
  return { reason, fatal: reason === 'replaced', detail: `SQLite: ${e instanceof Error ? e.message : code} (${code})` };
}

/** The ways a statement runs: each checks first when the statement writes. */
const runners = ['run', 'get', 'all', 'iterate'] as const;

/**
 * Makes every write of `db` first check that `file` is still the file that was opened (device and inode):
 * the one place all writes go through, whichever store makes them. A statement that writes checks before
 * it runs, unless it runs inside a transaction, which checked when it began. Once the file is found gone
 * or replaced, every later write throws DatabaseLostError too (reads go on, from the file still open).
 * Returns `check`, which throws the same way, for a caller that wants to look without writing.
 */
export function guardWrites(db: Database.Database, file: string): { check(): void } {
  const openedAs = fileIdentity(file);
  let lost: DatabaseLostError | null = null;
  const check = () => {
    if (!lost) {
      const now = fileIdentity(file);
      if (now === null) lost = new DatabaseLostError('deleted', file);
      else if (now !== openedAs) lost = new DatabaseLostError('replaced', file);
    }
    if (lost) throw lost;
  };
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    const stmt = prepare(source);
    if (stmt.readonly) return stmt;
    const methods = stmt as unknown as Record<(typeof runners)[number], (...params: unknown[]) => unknown>;
    for (const name of runners) {
      const original = methods[name].bind(stmt);
      methods[name] = (...params: unknown[]) => {
        if (!db.inTransaction) check();
        return original(...params);
      };
    }
    return stmt;
  }) as typeof db.prepare;
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) =>
    transaction((...args: unknown[]) => {
      check();
      return fn(...args);
    })) as typeof db.transaction;
  const exec = db.exec.bind(db);
  db.exec = ((source: string) => {
    if (!db.inTransaction) check();
    return exec(source);
  }) as typeof db.exec;
  return { check };
}
