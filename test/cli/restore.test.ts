import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runRestore } from '../../src/cli/restore.js';
import { backupDatabase, checkBackup } from '../../src/db/backup.js';
import { migrations } from '../../src/db/migrations.js';
import { schedulerLease } from '../../src/outbox/outbox.js';
import { openStores } from '../../src/stores.js';
import { loadedStores, tempDir, zone } from '../helpers/stores.js';

const children: ChildProcess[] = [];
afterEach(() => {
  while (children.length) children.pop()!.kill('SIGKILL');
});

/** A bot's database on disk with a backup of it, the bot's own connection closed. */
async function live() {
  const dir = tempDir();
  const file = path.join(dir, 'gcm.sqlite');
  const stores = loadedStores(file);
  const backup = await backupDatabase(stores.db, path.join(dir, 'b'), Date.parse('2024-04-24T06:00:00Z'));
  return { dir, file, stores, backup, env: { DATABASE_PATH: file, GCM_TIMEZONE: zone, GCM_PLAN: path.join(dir, 'unused.yaml') } };
}

async function restore(args: string[], env: NodeJS.ProcessEnv, wallMs?: () => number): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runRestore(args, env, (s) => lines.push(s), wallMs);
  return { code, out: lines.join('\n') };
}

/** Another process of this host: idle, or holding `file` open with SQLite (as a bot does); resolves once it is ready. */
function otherProcess(file?: string): Promise<ChildProcess> {
  const code = file
    ? `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(file)}); db.prepare('SELECT 1').get(); console.log('ready'); setInterval(() => {}, 1000);`
    : "console.log('ready'); setInterval(() => {}, 1000);";
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'], cwd: process.cwd() });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (c) => reject(new Error(`the other process ended with ${c}`)));
  });
}

const unchanged = (file: string, before: Buffer, dir: string) => {
  expect(readFileSync(file).equals(before)).toBe(true);
  expect(readdirSync(dir).some((n) => n.includes('replaced'))).toBe(false);
};

describe('npm run restore refuses while a bot may still be running on the database', () => {
  it('its lease expired, but its process is alive on this host (a bot paused, then resumed)', async () => {
    const t = await live();
    const bot = await otherProcess();
    const now = Date.parse('2024-04-25T12:00:00Z');
    t.stores.reminders.acquireLease(schedulerLease, { holder: `${hostname()}:${bot.pid}:abcd`, host: hostname(), pid: bot.pid! }, now, 45_000);
    t.stores.close();
    const before = readFileSync(t.file);
    const r = await restore([t.backup], t.env, () => now + 50_000);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `Refused: the bot that held the scheduler lease on ${t.file} (${hostname()}:${bot.pid}:abcd) is still alive as pid ${bot.pid} on this host, though its lease expired. Stop it first, then restore. Nothing was changed.`,
    );
    unchanged(t.file, before, t.dir);
    // Once that process has ended, the same restore goes through.
    bot.kill('SIGKILL');
    await new Promise((r) => bot.once('exit', r));
    expect((await restore([t.backup], t.env, () => now + 60_000)).code).toBe(0);
  });

  it('another process of this host has the database open, with no lease at all', async () => {
    const t = await live();
    t.stores.close();
    const holder = await otherProcess(t.file);
    const before = readFileSync(t.file);
    const r = await restore([t.backup], t.env);
    expect(r.code).toBe(1);
    expect(r.out).toBe(`Refused: process ${holder.pid} on this host has ${t.file} open (a running bot?). Stop it first, then restore. Nothing was changed.`);
    unchanged(t.file, before, t.dir);
  });
});

describe('npm run restore checks the whole schema, not only the table names and user_version', () => {
  const cases: [string, string, RegExp][] = [
    ['an index dropped', 'DROP INDEX IF EXISTS %INDEX%', /not the schema of version \d+ \(no index /],
    ['a column added', 'ALTER TABLE completions ADD COLUMN extra TEXT', /not the schema of version \d+ \(completions is defined differently\)/],
    ['a table of another program', 'CREATE TABLE notes (t TEXT)', /not the schema of version \d+ \(an unexpected table notes\)/],
  ];
  for (const [name, sql, why] of cases) {
    it(`refuses a file with ${name}, in one line, and changes nothing`, async () => {
      const t = await live();
      t.stores.close();
      const forged = path.join(t.dir, 'forged.sqlite');
      copyFileSync(t.backup, forged);
      const db = new Database(forged);
      const index = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().get()!;
      db.exec(sql.replace('%INDEX%', `"${index}"`));
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      db.close();
      const before = readFileSync(t.file);
      const r = await restore([forged], t.env);
      expect(r.code).toBe(1);
      expect(r.out.split('\n')).toHaveLength(1);
      expect(r.out).toMatch(why);
      expect(r.out).toMatch(/Nothing was changed\.$/);
      unchanged(t.file, before, t.dir);
    });
  }

  it('accepts a database of every schema version the migrations make', () => {
    const dir = tempDir();
    for (let v = 1; v <= migrations.length; v++) {
      const file = path.join(dir, `v${v}.sqlite`);
      const db = new Database(file);
      for (const sql of migrations.slice(0, v)) db.exec(sql);
      db.pragma(`user_version = ${v}`);
      db.close();
      expect(checkBackup(file)).toEqual({ ok: true, version: v });
    }
  });

  it('marks the restored database for the outbox to read the channel before its first post', async () => {
    const t = await live();
    t.stores.close();
    expect((await restore([t.backup], t.env)).code).toBe(0);
    const reopened = openStores(t.file);
    expect(reopened.reminders.channelUnchecked()).toBe(true);
    reopened.close();
  });
});
