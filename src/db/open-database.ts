import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations.js';
import { backupBeforeMigrating } from './backup.js';
import { guardWrites } from './database-file.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Where the automatic backup before a migration goes (GCM_BACKUP_DIR); next to the database by default. */
  backupDir?: string;
  /** Told where that backup went; by default a line on stderr. */
  onBackup?: (file: string, fromVersion: number) => void;
  /** The wall clock naming that backup. */
  wallMs?: () => number;
}

/**
 * Opens (creating when needed) the SQLite database at `file` (':memory:' for a private in-memory one),
 * sets the pragmas and runs the pending migrations, each in its own transaction. When an existing database
 * has migrations pending, a copy of it is written first (backupBeforeMigrating). Any failure names the file.
 * Every later write to a file database first checks that the path still names the file opened (guardWrites):
 * a write to a deleted or replaced file throws DatabaseLostError instead of being silently lost.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  let db: Db | undefined;
  let step = 'open';
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    const from = integerPragma(db, 'user_version');
    if (file !== ':memory:' && from > 0 && from < migrations.length) {
      step = 'back up before migrating';
      const { backupDir = path.dirname(file), onBackup = sayBackup, wallMs = Date.now } = options;
      onBackup(backupBeforeMigrating(db, backupDir, from, wallMs()), from);
    }
    step = 'migrate';
    migrate(db);
    // From here on, every write first checks that DATABASE_PATH still names this file (database-file.ts).
    if (file !== ':memory:') guardWrites(db, file);
    return db;
  } catch (e) {
    db?.close();
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`could not ${step} the database at ${file} (DATABASE_PATH): ${why}`);
  }
}

const sayBackup = (file: string, from: number) =>
  process.stderr.write(`the database is at schema version ${from}, this bot at ${migrations.length}: backed it up to ${file} before migrating\n`);

/** Runs the migrations the database has not seen yet. Refuses a database newer than this code. */
export function migrate(db: Db): void {
  const current = integerPragma(db, 'user_version');
  if (current > migrations.length) {
    throw new Error(`the database is at schema version ${current}, newer than this bot (${migrations.length}); update the bot`);
  }
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** The value of a pragma that reads one integer: the schema version, or the count of changes by other connections. */
export function integerPragma(db: Db, name: 'user_version' | 'data_version'): number {
  const value = db.pragma(name, { simple: true });
  if (typeof value !== 'number') throw new Error(`PRAGMA ${name} did not return an integer`);
  return value;
}
