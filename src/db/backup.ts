import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { migrations } from './migrations.js';
import { channelUncheckedKey } from './meta-keys.js';

type Db = Database.Database;

/** Backups are named by their UTC date and time: `gcm-20240424-020000.sqlite`. */
const backupPattern = /^gcm-\d{8}-\d{6}\.sqlite$/;

/** The tables every gcm database has from its first migration on: a file without them is some other database. */
const gcmTables = ['plans', 'activities', 'completions', 'meta'];

/** `gcm-YYYYMMDD-HHMMSS` for an instant, in UTC (so that names sort in time order whatever the zone). */
export function backupStem(atMs: number): string {
  const t = new Date(atMs).toISOString(); // 2024-04-24T02:00:00.000Z
  return `gcm-${t.slice(0, 10).replaceAll('-', '')}-${t.slice(11, 19).replaceAll(':', '')}`;
}

/**
 * Copies the live database `db` into `dir` as `gcm-YYYYMMDD-HHMMSS.sqlite` (UTC) with SQLite's online
 * backup, which is safe while the bot writes: the copy is the database as of one moment. It is written
 * under a `.partial` name and renamed when complete, so a half-written file is never taken for a backup.
 * Returns the file's path.
 */
export async function backupDatabase(db: Db, dir: string, atMs: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  let file = path.join(dir, `${backupStem(atMs)}.sqlite`);
  for (let n = 2; existsSync(file); n++) file = path.join(dir, `${backupStem(atMs)}-${n}.sqlite`);
  const partial = `${file}.partial`;
  try {
    // All pages in one step after the first: a step-wise copy restarts whenever another connection (the
    // running bot, when this is `npm run backup`) writes between steps, and under steady writes never ends.
    await db.backup(partial, { progress: () => 0x7fffffff });
    standalone(partial);
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  return file;
}

/** A backup is one self-contained file: rollback journal, not WAL (opening a WAL copy leaves -wal and -shm beside it). */
function standalone(file: string): void {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Opens the database at `file` for a backup without migrating it (an older bot's file is copied as it is). */
export function openForBackup(file: string): Db {
  if (!existsSync(file)) throw new Error(`there is no database at ${file} (DATABASE_PATH)`);
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Deletes the oldest nightly backups in `dir` (`gcm-YYYYMMDD-HHMMSS.sqlite` only: a file of another name
 * is never touched) so that `keep` remain. Returns the deleted paths.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  const names = readdirSync(dir)
    .filter((n) => backupPattern.test(n))
    .sort();
  const old = names.slice(0, Math.max(0, names.length - keep)).map((n) => path.join(dir, n));
  for (const f of old) rmSync(f, { force: true });
  return old;
}

/**
 * Every backup in `dir`, oldest first by name (so by time): nightly ones, `npm run backup`'s and the copies
 * before a migration (`gcm-YYYYMMDD-HHMMSS….sqlite`). Empty when the folder does not exist.
 */
export function backupsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^gcm-\d{8}-\d{6}.*\.sqlite$/.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

/**
 * Why the bot must not start on a new database: `file` (DATABASE_PATH) is missing while `backupDir`
 * (GCM_BACKUP_DIR) holds backups. The file was lost or moved, and a new one would forget every mark,
 * status and reminder posted. Null when it may start: the file exists, or there are no backups (a first
 * start). The caller skips this check for GCM_NEW_DATABASE=1 or `npm start -- --new-database`.
 */
export function missingDatabaseRefusal(file: string, backupDir: string): string | null {
  if (file === ':memory:' || existsSync(file)) return null;
  const backups = backupsIn(backupDir);
  const newest = backups.at(-1);
  if (!newest) return null;
  return [
    `There is no database at ${file} (DATABASE_PATH), but GCM_BACKUP_DIR (${backupDir}) holds ${backups.length} backup(s).`,
    'The bot does not start on a new, empty database by accident: it would forget every mark, status and reminder posted.',
    `  To restore the newest backup:  DATABASE_PATH=${file} npm run restore -- ${newest}`,
    '  To start with a new, empty database on purpose:  GCM_NEW_DATABASE=1 npm start   (or: npm start -- --new-database)',
  ].join('\n');
}

/** When the newest nightly backup in `dir` was taken (from its name, UTC), or null when there is none. */
export function newestBackupMs(dir: string): number | null {
  if (!existsSync(dir)) return null;
  const newest = readdirSync(dir)
    .filter((n) => backupPattern.test(n))
    .sort()
    .at(-1);
  if (!newest) return null;
  const [, d, t] = /^gcm-(\d{8})-(\d{6})/.exec(newest)!;
  return Date.parse(`${d!.slice(0, 4)}-${d!.slice(4, 6)}-${d!.slice(6, 8)}T${t!.slice(0, 2)}:${t!.slice(2, 4)}:${t!.slice(4, 6)}Z`);
}

export type BackupCheck = { ok: true; version: number } | { ok: false; problem: string };

/**
 * Whether `file` is a whole gcm database this bot can run on: SQLite opens it, `PRAGMA integrity_check`
 * says ok, it has the gcm tables, and its schema version is one of the migrations this bot knows. The
 * problem is one plain sentence, never SQLite's stack.
 */
export function checkBackup(file: string): BackupCheck {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(file);
  } catch {
    return { ok: false, problem: `${file} does not exist` };
  }
  if (!st.isFile()) return { ok: false, problem: `${file} is not a file` };
  if (st.size === 0) return { ok: false, problem: `${file} is empty, not a database` };
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      return { ok: false, problem: `${file} is damaged (SQLite's integrity check: ${String(integrity).replace(/\s+/g, ' ').slice(0, 200)})` };
    const tables = new Set(db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all());
    const missing = gcmTables.filter((t) => !tables.has(t));
    if (missing.length) return { ok: false, problem: `${file} is a SQLite database but not the bot's (no ${missing.join(', ')} table)` };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > migrations.length) {
      return {
        ok: false,
        problem: `${file} is at schema version ${version}; this bot knows versions 1 to ${migrations.length}${version > migrations.length ? ' (it comes from a newer bot: update this one)' : ''}`,
      };
    }
    return sameSchema(file, db, version);
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why =
      code === 'SQLITE_NOTADB'
        ? 'is not a SQLite database'
        : code === 'SQLITE_CORRUPT'
          ? 'is damaged or cut short'
          : `cannot be read as a database (${e instanceof Error ? e.message : String(e)})`;
    return { ok: false, problem: `${file} ${why}` };
  } finally {
    db?.close();
  }
}

/** A database at `version` whose schema is the one the migrations make at that version (its data aside). */
function sameSchema(file: string, db: Db, version: number): BackupCheck {
  const differs = schemaDifference(schemaOf(db), schemaAt(version));
  return differs ? { ok: false, problem: `${file} has the bot's tables but not the schema of version ${version} (${differs})` } : { ok: true, version };
}

/** Every table, index, view and trigger of a database but SQLite's own: name → `type: sql` (spaces folded). */
function schemaOf(db: Db): Map<string, string> {
  const rows = db
    .prepare<[], { type: string; name: string; sql: string | null }>("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
    .all();
  return new Map(rows.map((r) => [r.name, `${r.type}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`]));
}

const schemas = new Map<number, Map<string, string>>();

/** The schema the migrations make at `version`, built once in memory. */
function schemaAt(version: number): Map<string, string> {
  let schema = schemas.get(version);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      for (const sql of migrations.slice(0, version)) db.exec(sql);
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    schemas.set(version, schema);
  }
  return schema;
}

/** The first difference between two schemas, in a few words, or null when they are the same. */
function schemaDifference(actual: Map<string, string>, expected: Map<string, string>): string | null {
  for (const [name, def] of expected) {
    const got = actual.get(name);
    if (got === undefined) return `no ${def.split(':')[0]} ${name}`;
    if (got !== def) return `${name} is defined differently`;
  }
  const extra = [...actual.keys()].find((name) => !expected.has(name));
  return extra ? `an unexpected ${actual.get(extra)!.split(':')[0]} ${extra}` : null;
}

/** The lease `name` stored in the database at `file` (host and pid null before migration 9), or null when there is none or no file. */
export function storedLease(file: string, name: string): { holder: string; expiresAtMs: number; host: string | null; pid: number | null } | null {
  if (!existsSync(file)) return null;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const hasLeases = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'leases'").get();
    if (!hasLeases) return null;
    const r = db
      .prepare<[string], { holder: string; expires_at: number; host?: string | null; pid?: number | null }>('SELECT * FROM leases WHERE name = ?')
      .get(name);
    return r ? { holder: r.holder, expiresAtMs: r.expires_at, host: r.host ?? null, pid: r.pid ?? null } : null;
  } finally {
    db.close();
  }
}

/**
 * The other processes of this machine that have the database `file` (or its `-wal`, `-shm`) open, from
 * the links in `/proc/PID/fd`: what the kernel says, whatever a lease says. Null when `/proc` cannot be
 * read (not Linux); a process whose descriptors this user may not read is not seen (run as the bot's user).
 */
export function processesWithFileOpen(file: string): number[] | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid);
  } catch {
    return null;
  }
  const canonical = (f: string) => {
    try {
      return realpathSync(f);
    } catch {
      return path.resolve(f);
    }
  };
  const names = new Set([file, `${file}-wal`, `${file}-shm`].map(canonical));
  const holds = (pid: string) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => {
        try {
          return names.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
        } catch {
          return false;
        }
      });
    } catch {
      return false;
    }
  };
  return pids.filter(holds).map(Number);
}

/**
 * Copies the checked backup `file` onto the database at `target` (online backup into it, so a stale `-wal`
 * beside the target is handled by SQLite), after keeping a copy of what it replaces as
 * `<target>.replaced-YYYYMMDD-HHMMSS.sqlite`. The restored file's leases are cleared: the copy that wrote
 * them is not the one that will run on it; and it is marked for the outbox to read the reminder channel
 * before its first post (what was posted after the backup was taken is not in it). Returns the kept copy's path (null when there was no target).
 */
export async function restoreBackup(file: string, target: string, atMs: number): Promise<string | null> {
  let kept: string | null = null;
  if (existsSync(target)) {
    const current = new Database(target, { fileMustExist: true });
    try {
      kept = `${target}.replaced-${backupStem(atMs).slice(4)}.sqlite`;
      await current.backup(kept, { progress: () => 0x7fffffff });
    } finally {
      current.close();
    }
  } else {
    mkdirSync(path.dirname(target), { recursive: true });
  }
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const restored = new Database(target, { fileMustExist: true });
  try {
    if (restored.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'leases'").get()) restored.prepare('DELETE FROM leases').run();
    // An older copy does not know what the bot posted since: the outbox reads the channel before posting.
    restored.prepare("INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(channelUncheckedKey);
  } finally {
    restored.close();
  }
  return kept;
}

/**
 * Before migrations run on an existing database, a copy of it as it is (`gcm-YYYYMMDD-HHMMSS-before-vN.sqlite`
 * in `dir`), taken with `VACUUM INTO` (a consistent snapshot, synchronous, so opening stays synchronous).
 */
export function backupBeforeMigrating(db: Db, dir: string, fromVersion: number, atMs: number): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${backupStem(atMs)}-before-v${migrations.length}-from-v${fromVersion}.sqlite`);
  db.prepare('VACUUM INTO ?').run(file);
  standalone(file);
  return file;
}
