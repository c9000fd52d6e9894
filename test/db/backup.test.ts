import { copyFileSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBackup } from '../../src/cli/backup.js';
import { runRestore } from '../../src/cli/restore.js';
import { backupDatabase, checkBackup, pruneBackups } from '../../src/db/backup.js';
import { migrations } from '../../src/db/migrations.js';
import { createLogger } from '../../src/logger.js';
import { schedulerLease } from '../../src/outbox/outbox.js';
import { startNightlyBackup } from '../../src/scheduler/nightly-backup.js';
import { openStores, type Stores } from '../../src/stores.js';
import { loadedStores, tempDir, zone } from '../helpers/stores.js';

const planId = 'lac-2023-2024';
const actor = { userId: 'U0COCHAIR', source: 'test' };
const mark = (stores: Stores, i: number) => stores.state.markDone(planId, 'B1.1', `burst-${i}`, actor, '2024-04-24T14:00:00.000Z');
const keysIn = (file: string): Set<string> => {
  const db = new Database(file, { readonly: true });
  try {
    return new Set(db.prepare<[], string>('SELECT occurrence_key FROM completions').pluck().all());
  } finally {
    db.close();
  }
};

/** A bot's database on disk, with the bundled plan, and the environment the terminal tools read. */
function live() {
  const dir = tempDir();
  const file = path.join(dir, 'gcm.sqlite');
  const stores = loadedStores(file);
  const env = { DATABASE_PATH: file, GCM_TIMEZONE: zone, GCM_PLAN: path.join(dir, 'unused.yaml') };
  return { dir, file, stores, env };
}

async function cli(run: typeof runBackup, args: string[], env: NodeJS.ProcessEnv, wallMs?: () => number): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await run(args, env, (s) => lines.push(s), wallMs);
  return { code, out: lines.join('\n') };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('npm run backup', () => {
  it('taken during a burst of writes, opens and holds every row written before it started', async () => {
    const t = live();
    for (let i = 0; i < 200; i++) mark(t.stores, i);
    let written = 200;
    let writing = true;
    const burst = (async () => {
      while (writing) {
        mark(t.stores, written++);
        await new Promise((r) => setImmediate(r));
      }
    })();
    await new Promise((r) => setImmediate(r));
    const before = written; // every row up to here was committed before the backup began
    const outDir = path.join(t.dir, 'out');
    const r = await cli(runBackup, [outDir], t.env, () => Date.parse('2024-04-24T06:00:00Z'));
    writing = false;
    await burst;
    expect(r.code).toBe(0);
    const file = path.join(outDir, 'gcm-20240424-060000.sqlite');
    expect(r.out).toBe(`Backed up ${t.file} to ${file}`);
    expect(checkBackup(file)).toEqual({ ok: true, version: migrations.length });
    const keys = keysIn(file);
    for (let i = 0; i < before; i++) expect(keys.has(`burst-${i}`), `burst-${i}`).toBe(true);
    expect(written).toBeGreaterThan(before); // the writes went on while it ran
    expect(readdirSync(outDir)).toEqual(['gcm-20240424-060000.sqlite']); // no .partial left
  });

  it('never overwrites a backup of the same second', async () => {
    const t = live();
    const at = Date.parse('2024-04-24T06:00:00Z');
    const first = await backupDatabase(t.stores.db, t.dir, at);
    const second = await backupDatabase(t.stores.db, t.dir, at);
    expect(path.basename(first)).toBe('gcm-20240424-060000.sqlite');
    expect(path.basename(second)).toBe('gcm-20240424-060000-2.sqlite');
  });

  it('says plainly when there is no database to back up', async () => {
    const dir = tempDir();
    const r = await cli(runBackup, [dir], { DATABASE_PATH: path.join(dir, 'none.sqlite') });
    expect(r.code).toBe(1);
    expect(r.out).toBe(`The backup failed: there is no database at ${path.join(dir, 'none.sqlite')} (DATABASE_PATH)`);
  });
});

describe('npm run restore', () => {
  it('round trip: restores a backup onto DATABASE_PATH and keeps the file it replaced', async () => {
    const t = live();
    mark(t.stores, 1);
    const backup = await backupDatabase(t.stores.db, path.join(t.dir, 'b'), Date.parse('2024-04-24T06:00:00Z'));
    mark(t.stores, 2); // after the backup
    t.stores.close();
    const r = await cli(runRestore, [backup], t.env, () => Date.parse('2024-04-25T12:00:00Z'));
    expect(r.code).toBe(0);
    const kept = `${t.file}.replaced-20240425-120000.sqlite`;
    expect(r.out).toBe(`Restored ${backup} (schema version ${migrations.length}) onto ${t.file}. The file it replaced is kept at ${kept}.`);
    expect([...keysIn(t.file)].filter((k) => k.startsWith('burst-'))).toEqual(['burst-1']);
    expect(keysIn(kept).has('burst-2')).toBe(true);
    const reopened = openStores(t.file);
    expect(reopened.plans.plans().map((p) => p.id)).toEqual([planId]);
    reopened.close();
  });

  it('is refused while a running bot holds the scheduler lease on the target, and changes nothing', async () => {
    const t = live();
    const backup = await backupDatabase(t.stores.db, path.join(t.dir, 'b'), Date.parse('2024-04-24T06:00:00Z'));
    mark(t.stores, 7);
    const now = Date.parse('2024-04-25T12:00:00Z');
    t.stores.reminders.acquireLease(schedulerLease, { holder: 'host:123:abcd', host: 'host', pid: 123 }, now, 180_000);
    const r = await cli(runRestore, [backup], t.env, () => now + 1000);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`Refused: a running bot (host:123:abcd) holds the scheduler lease on ${t.file}. Stop it first, then restore. Nothing was changed.`);
    expect(keysIn(t.file).has('burst-7')).toBe(true);
    expect(readdirSync(t.dir).some((n) => n.includes('replaced'))).toBe(false);
    // once the lease has run out (the bot is gone), the same restore goes through
    expect((await cli(runRestore, [backup], t.env, () => now + 181_000)).code).toBe(0);
  });

  describe('refuses a bad file in one plain line, leaving the database as it was', () => {
    const cases: [string, (good: string, bad: string) => void, RegExp][] = [
      [
        'a truncated backup',
        (good, bad) => {
          copyFileSync(good, bad);
          truncateSync(bad, Math.floor(statSync(good).size / 2));
        },
        /is damaged|cut short/,
      ],
      [
        'a corrupted backup',
        (good, bad) => {
          copyFileSync(good, bad);
          const fd = openSync(bad, 'r+');
          writeSync(fd, Buffer.alloc(64 * 1024, 0x5a), 0, 64 * 1024, 8 * 4096);
          closeSync(fd);
        },
        /is damaged/,
      ],
      ['a text file', (_good, bad) => writeFileSync(bad, 'not a database\n'.repeat(1000)), /is not a SQLite database/],
      ['an empty file', (_good, bad) => writeFileSync(bad, ''), /is empty, not a database/],
      [
        'another SQLite database',
        (_good, bad) => {
          const db = new Database(bad);
          db.exec('CREATE TABLE notes (t TEXT)');
          db.close();
        },
        /is a SQLite database but not the bot's \(no plans, activities, completions, meta table\)/,
      ],
      [
        'a database from a newer bot',
        (good, bad) => {
          copyFileSync(good, bad);
          const db = new Database(bad);
          db.pragma(`user_version = ${migrations.length + 1}`);
          db.close();
        },
        new RegExp(
          `is at schema version ${migrations.length + 1}; this bot knows versions 1 to ${migrations.length} \\(it comes from a newer bot: update this one\\)`,
        ),
      ],
    ];
    for (const [name, make, why] of cases) {
      it(name, async () => {
        const t = live();
        mark(t.stores, 3);
        const good = await backupDatabase(t.stores.db, path.join(t.dir, 'b'), Date.parse('2024-04-24T06:00:00Z'));
        const bad = path.join(t.dir, 'bad.sqlite');
        make(good, bad);
        t.stores.close();
        const before = readFileSync(t.file);
        const r = await cli(runRestore, [bad], t.env);
        expect(r.code).toBe(1);
        expect(r.out.split('\n')).toHaveLength(1);
        expect(r.out).toMatch(new RegExp(`^Refused: ${bad.replaceAll('/', '\\/')} `));
        expect(r.out).toMatch(why);
        expect(r.out).toMatch(/Nothing was changed\.$/);
        expect(readFileSync(t.file).equals(before)).toBe(true);
      });
    }
  });
});

describe('keeping the last N backups', () => {
  it('deletes the oldest nightly backups beyond N and never another file', () => {
    const dir = tempDir();
    const names = ['gcm-20240420-020000.sqlite', 'gcm-20240421-020000.sqlite', 'gcm-20240422-020000.sqlite', 'gcm-20240423-020000.sqlite'];
    for (const n of [...names, 'notes.txt', 'gcm-20240101-000000-before-v7-from-v6.sqlite']) writeFileSync(path.join(dir, n), 'x');
    const removed = pruneBackups(dir, 2);
    expect(removed.map((f) => path.basename(f))).toEqual(names.slice(0, 2));
    expect(readdirSync(dir).sort()).toEqual(['gcm-20240101-000000-before-v7-from-v6.sqlite', ...names.slice(2), 'notes.txt'].sort());
  });
});

describe('the nightly backup', () => {
  it('fires at 02:00 in GCM_TIMEZONE (not 02:00 UTC) when this copy holds the lease, and keeps the last N', async () => {
    // 2024-04-24 01:59:30 in Santiago (UTC-4) = 05:59:30Z. Only Date and timers are faked: the backup's own steps use setImmediate.
    vi.useFakeTimers({ now: Date.parse('2024-04-24T01:59:30Z'), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const t = live();
    const dir = path.join(t.dir, 'nightly');
    // The night before's backup is there (02:00 in Santiago on the 23rd), so no catch-up is due before the next 02:00.
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'gcm-20240423-060000.sqlite'), 'x');
    const logs = new LogWatch();
    let holds = true;
    const nightly = startNightlyBackup({ db: t.stores.db, dir, keep: 2, zone, holdsLease: () => holds, logger: logs.logger(LogLevel.DEBUG) });
    try {
      await vi.advanceTimersByTimeAsync(60_000); // 02:00 UTC passes: nothing
      expect(readdirSync(dir)).toEqual(['gcm-20240423-060000.sqlite']);
      await vi.advanceTimersByTimeAsync(4 * 3600_000 - 60_000); // 05:59:30Z, through the hourly checks at :30
      expect(readdirSync(dir)).toEqual(['gcm-20240423-060000.sqlite']);
      // Each wait is on the event itself: the backup's own log line once it is made (never a count of ticks).
      const made = (day: string) => logs.seen(`nightly backup: ${path.join(dir, `gcm-202404${day}-060000.sqlite`)}`);
      await vi.advanceTimersByTimeAsync(60_000); // 02:00 in Santiago
      await made('24');
      expect(checkBackup(path.join(dir, 'gcm-20240424-060000.sqlite')).ok).toBe(true);
      for (const day of ['25', '26']) {
        await vi.advanceTimersByTimeAsync(24 * 3600_000);
        await made(day);
      }
      expect(readdirSync(dir).sort()).toEqual(['gcm-20240425-060000.sqlite', 'gcm-20240426-060000.sqlite']);
      holds = false; // another copy holds the lease: it makes the backup
      await vi.advanceTimersByTimeAsync(24 * 3600_000);
      await logs.seen('another copy of the bot holds the scheduler lease');
      expect(readdirSync(dir).sort()).toEqual(['gcm-20240425-060000.sqlite', 'gcm-20240426-060000.sqlite']);
      expect(logs.lines.filter((l) => l.includes('nightly backup: ') && l.includes('.sqlite'))).toHaveLength(3);
    } finally {
      await nightly.stop();
    }
  });

  it('catches up a missed night at the next half hour: the bot was down at 02:00; once made, no other until the next night', async () => {
    // 2024-04-24 10:10 in Santiago (14:10Z); the newest backup is from two nights before.
    vi.useFakeTimers({ now: Date.parse('2024-04-24T14:10:00Z'), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const t = live();
    const dir = path.join(t.dir, 'nightly');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'gcm-20240422-060000.sqlite'), 'x');
    const logs = new LogWatch();
    const nightly = startNightlyBackup({ db: t.stores.db, dir, keep: 5, zone, holdsLease: () => true, logger: logs.logger() });
    try {
      await vi.advanceTimersByTimeAsync(19 * 60_000); // 10:29: not yet
      expect(readdirSync(dir)).toEqual(['gcm-20240422-060000.sqlite']);
      await vi.advanceTimersByTimeAsync(60_000); // 10:30: the check finds the night of the 24th missing
      await logs.seen(`nightly backup: ${path.join(dir, 'gcm-20240424-143000.sqlite')}`);
      expect(checkBackup(path.join(dir, 'gcm-20240424-143000.sqlite')).ok).toBe(true);
      expect(logs.lines.some((l) => l.includes('none in') && l.includes('since the last 02:00'))).toBe(true);
      await vi.advanceTimersByTimeAsync(3 * 3600_000); // 13:30: it is there, nothing more
      expect(readdirSync(dir).sort()).toEqual(['gcm-20240422-060000.sqlite', 'gcm-20240424-143000.sqlite']);
    } finally {
      await nightly.stop();
    }
  });
});

describe('the automatic backup before migrating', () => {
  it('copies an existing database that has migrations pending, says where, and then migrates it', () => {
    const dir = tempDir();
    const file = path.join(dir, 'gcm.sqlite');
    const old = new Database(file);
    for (const m of migrations.slice(0, -1)) old.exec(m);
    old.pragma(`user_version = ${migrations.length - 1}`);
    old.close();
    const said: string[] = [];
    const backupDir = path.join(dir, 'backups');
    const stores = openStores(file, { backupDir, onBackup: (f, from) => said.push(`${from} ${f}`), wallMs: () => Date.parse('2024-04-24T06:00:00Z') });
    stores.close();
    const copy = path.join(backupDir, `gcm-20240424-060000-before-v${migrations.length}-from-v${migrations.length - 1}.sqlite`);
    expect(said).toEqual([`${migrations.length - 1} ${copy}`]);
    expect(checkBackup(copy)).toEqual({ ok: true, version: migrations.length - 1 });
    expect(checkBackup(file)).toEqual({ ok: true, version: migrations.length });
  });

  it('makes none for a new database or one already up to date', () => {
    const dir = tempDir();
    const said: string[] = [];
    const file = path.join(dir, 'gcm.sqlite');
    openStores(file, { onBackup: (f) => said.push(f) }).close();
    openStores(file, { onBackup: (f) => said.push(f) }).close();
    expect(said).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith('gcm-'))).toEqual([]);
  });
});

/**
 * The log lines of a logger handed to the code under test, and a promise per line awaited: `seen(text)`
 * resolves when a line holding `text` is written (at once if it already was). A test waits on that event,
 * never on a count of ticks; the test's own timeout is the only deadline.
 */
class LogWatch {
  readonly lines: string[] = [];
  private waiting: { text: string; resolve: () => void }[] = [];

  logger(level: LogLevel = LogLevel.INFO) {
    return createLogger((line) => {
      this.lines.push(line);
      for (const w of this.waiting.filter((x) => line.includes(x.text))) w.resolve();
      this.waiting = this.waiting.filter((x) => !line.includes(x.text));
    }, level);
  }

  seen(text: string): Promise<void> {
    if (this.lines.some((l) => l.includes(text))) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ text, resolve }));
  }
}
