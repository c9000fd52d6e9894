import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { backupDatabase } from '../../src/db/backup.js';
import { SlackSender } from '../../dev/standin/sender.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { eventually, freePort } from '../helpers/slack.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

/** `src/main.ts` as a process (as npm start runs it), its output collected, and its exit code once it ends. */
function start(env: Record<string, string>, args: string[] = []) {
  const out: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  child.stdout!.on('data', (d) => out.push(String(d)));
  child.stderr!.on('data', (d) => out.push(String(d)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out, exited, text: () => out.join('') };
}

async function botEnv(extra: Record<string, string>) {
  const standin = new WebApiStandIn();
  const apiUrl = await standin.start();
  const port = await freePort();
  const dir = tempDir();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-e2e-secret-token',
    SLACK_SIGNING_SECRET: 'e2e-secret',
    SLACK_API_URL: apiUrl,
    PORT: String(port),
    DATABASE_PATH: path.join(dir, 'gcm.sqlite'),
    GCM_TIMEZONE: 'America/Santiago',
    GCM_CO_CHAIRS: 'U0COCHAIR',
    ...extra,
  };
  return { standin, port, dir, env };
}

describe('a lost database, with the bot as a process', () => {
  it('deleted under the running bot: the person is told nothing was saved, then the process exits 1', async () => {
    const t = await botEnv({});
    const run = start(t.env);
    try {
      // After the start's reminder pass (its lease and its record are writes): the command's write finds the file gone.
      await eventually(() => run.text().includes('listening for Slack') && run.text().includes('reminder pass:'), 30_000);
      rmSync(t.env.DATABASE_PATH);
      const sender = new SlackSender(`http://127.0.0.1:${t.port}/slack/events`, 'e2e-secret');
      const res = await sender.command({
        command: '/gcm',
        text: 'done B1.5',
        user_id: 'U0COCHAIR',
        channel_id: 'C0NETWORK',
        response_url: t.standin.newResponseUrl('C0NETWORK', 'U0COCHAIR'),
      });
      expect(res.status).toBe(200);
      expect(await run.exited).toBe(1);
      const replies = t.standin.callsOf('response_url');
      expect(replies).toHaveLength(1);
      expect(replies[0]!.params.text).toMatch(/Nothing was saved: the bot’s database file was deleted while the bot was running/);
      expect(run.text()).toMatch(/nothing was saved: the database file .* was deleted while the bot runs/);
      expect(run.text()).toMatch(/stopping \(exit 1\) so that the supervisor starts the bot again/);
    } finally {
      run.child.kill('SIGKILL');
      await t.standin.stop();
    }
  }, 60_000);

  it('missing at start while GCM_BACKUP_DIR holds backups: refused with the restore command; GCM_NEW_DATABASE=1 starts fresh on purpose', async () => {
    const t = await botEnv({});
    const backups = path.join(t.dir, 'backups');
    mkdirSync(backups);
    const stores = loadedStores(path.join(t.dir, 'old.sqlite'));
    const newest = await backupDatabase(stores.db, backups, Date.parse('2024-04-24T06:00:00Z'));
    const env = { ...t.env, GCM_BACKUP_DIR: backups };
    try {
      const refused = start(env);
      expect(await refused.exited).toBe(1);
      expect(refused.text()).toContain(`There is no database at ${t.env.DATABASE_PATH} (DATABASE_PATH), but GCM_BACKUP_DIR (${backups}) holds 1 backup(s).`);
      expect(refused.text()).toContain(`DATABASE_PATH=${t.env.DATABASE_PATH} npm run restore -- ${newest}`);
      expect(refused.text()).toContain('GCM_NEW_DATABASE=1 npm start');
      expect(existsSync(t.env.DATABASE_PATH)).toBe(false);
      for (const [extra, args] of [[{ GCM_NEW_DATABASE: '1' }, []] as const, [{}, ['--new-database']] as const]) {
        rmSync(t.env.DATABASE_PATH, { force: true });
        const fresh = start({ ...env, ...extra }, [...args]);
        await eventually(() => fresh.text().includes('listening for Slack'), 30_000);
        expect(existsSync(t.env.DATABASE_PATH)).toBe(true);
        fresh.child.kill('SIGTERM');
        await fresh.exited;
      }
    } finally {
      await t.standin.stop();
    }
  }, 90_000);

  it('missing at a first start with no backups: the database is created, as before', async () => {
    const t = await botEnv({});
    const run = start({ ...t.env, GCM_BACKUP_DIR: path.join(t.dir, 'none-yet') });
    try {
      await eventually(() => run.text().includes('listening for Slack'), 30_000);
      expect(existsSync(t.env.DATABASE_PATH)).toBe(true);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      await t.standin.stop();
    }
  }, 60_000);

  it('deleted under the playground (npm start, no tokens): it says why and exits 1, as the bot does', async () => {
    const port = await freePort();
    const database = path.join(tempDir(), 'gcm.sqlite');
    const run = start({ PORT: String(port), DATABASE_PATH: database, GCM_TIMEZONE: 'America/Santiago' });
    try {
      await eventually(() => run.text().includes('Ctrl-C stops the playground'), 30_000);
      rmSync(database);
      const res = await fetch(`http://127.0.0.1:${port}/api/command`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: '/gcm done B1.2' }),
      });
      expect(res.status).toBe(200);
      // As the bot does, and as the person's message says ("The bot is stopping…"): it stops rather than go on unsaved.
      expect(await Promise.race([run.exited, delay(20_000, 'still running')])).toBe(1);
      expect(run.text()).toContain(`the database file ${database} (DATABASE_PATH) was deleted`);
      expect(run.text()).toContain('the playground stops (exit 1); start it again with npm start');
      expect(existsSync(database)).toBe(false);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
    }
  }, 60_000);
});
