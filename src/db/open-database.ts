import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens (creating when needed) the SQLite database at `file` (':memory:' for a private in-memory one),
 * sets the pragmas and runs the pending migrations, each in its own transaction.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

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
