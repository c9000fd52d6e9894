import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { eventually, freePort, passEnded } from '../helpers/slack.js';
import { tempDir } from '../helpers/stores.js';

/** A process in its own group (npm start runs node under npm and a shell), its output gathered. */
function run(command: string, args: string[], env: Record<string, string>): { child: ChildProcess; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const child = spawn(command, args, { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, detached: true });
  child.stdout!.on('data', (d) => out.push(String(d)));
  child.stderr!.on('data', (d) => err.push(String(d)));
  return { child, out, err };
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

describe('the compiled build (npm run build, run once in the global set-up)', () => {
  it('holds dist/main.js, and tsx is a development dependency only', () => {
    expect(existsSync(path.join(projectRoot, 'dist', 'main.js'))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(pkg.dependencies).not.toHaveProperty('tsx');
    expect(pkg.devDependencies).toHaveProperty('tsx');
    // Runtime settings may stand before node and flags between node and the entry (README, Deploy: two runtime settings).
    expect(pkg.scripts!.start).toMatch(/^npm run build && ([A-Z_]+=\S+ )*node (--\S+ )*dist\/main\.js$/);
    for (const [name, script] of Object.entries(pkg.scripts!)) if (/^(ask|report|templates|plan:)/.test(name)) expect(script, name).toMatch(/&& node dist\//);
  });

  it('node dist/main.js runs the bot: LOG_FORMAT=json gives JSON lines only, LOG_LEVEL=debug includes the Web API client, no token', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const port = await freePort();
    const bot = run(process.execPath, ['dist/main.js'], {
      SLACK_BOT_TOKEN: 'xoxb-compiled-secret-token',
      SLACK_SIGNING_SECRET: 'compiled-secret',
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'),
      GCM_TIMEZONE: 'America/Santiago',
      GCM_CO_CHAIRS: 'U0COCHAIR',
      GCM_REMINDER_CHANNEL: 'C0NETWORK',
      GCM_NOW: '2024-04-24T10:00:00',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
    });
    try {
      await eventually(() => standin.callsOf('chat.postMessage').length >= 5, 20_000);
      await eventually(() => passEnded(bot.err.join('')), 20_000);
      const lines = bot.err.join('').split('\n').filter(Boolean);
      const entries = lines.map((l) => JSON.parse(l) as { level: string; msg: string; name: string });
      expect(entries.some((e) => e.level === 'info' && e.msg.startsWith('listening for Slack'))).toBe(true);
      expect(entries.some((e) => e.level === 'debug' && e.msg.includes("apiCall('chat.postMessage') start"))).toBe(true);
      expect(bot.err.join('') + bot.out.join('')).not.toContain('xoxb-compiled-secret-token');
      expect(bot.child.exitCode).toBeNull();
    } finally {
      await stopGroup(bot.child);
      await standin.stop();
    }
  }, 60_000);

  it('npm start with no token opens the playground from the compiled code, its page included', async () => {
    const port = await freePort();
    const pg = run('npm', ['start'], { PORT: String(port) });
    try {
      await eventually(() => pg.out.join('').includes(`http://127.0.0.1:${port}/`) || pg.child.exitCode !== null, 30_000);
      expect(pg.out.join('')).toMatch(/node (--\S+ )*dist\/main\.js/);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
    } finally {
      await stopGroup(pg.child);
    }
  }, 60_000);
});
