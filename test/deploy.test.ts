import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';

/**
 * The deployment files, checked for what this machine can check without a container engine (README,
 * "Deploy"): the Dockerfile's stages and run-time essentials, compose.yaml, the systemd unit, and the
 * HEALTHCHECK script against a real HTTP server.
 */
const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');

interface Stage {
  from: string;
  lines: string[];
}

/**
 * The runtime flags `npm start` gives node (package.json's start script, `node FLAGS dist/main.js`): the Dockerfile's
 * CMD and the systemd unit start the bot with the same ones (and the bench measures it with them).
 */
function startFlags(): string[] {
  const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
  const flags = /\bnode ((?:--\S+ )*)dist\/main\.js$/.exec(start)?.[1];
  expect(flags, start).toBeDefined();
  return flags!.split(' ').filter(Boolean);
}

/** The environment settings `npm start` gives node before its flags (`NAME=value node …`, e.g. glibc's MALLOC_ARENA_MAX). */
function startEnv(): string[] {
  const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
  return (/&& ((?:[A-Z_]+=\S+ )*)node /.exec(start)?.[1] ?? '').split(' ').filter(Boolean);
}

/** The Dockerfile's instructions (continuations joined, comments dropped), by stage. */
function dockerStages(): Stage[] {
  const instructions = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const l of instructions) {
    if (/^FROM /i.test(l)) stages.push({ from: l, lines: [] });
    else stages.at(-1)?.lines.push(l);
  }
  return stages;
}

/** The systemd unit's `Key=value` settings (the last wins, as systemd reads them for these keys). */
function unitSettings(): Map<string, string> {
  const settings = new Map<string, string>();
  for (const l of read('deploy/gcm-bot.service').split('\n')) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(l.trim());
    if (m) settings.set(m[1]!, m[2]!);
  }
  return settings;
}

function runHealthcheck(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['deploy/healthcheck.mjs'], { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', ...env } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('Dockerfile', () => {
  const stages = dockerStages();
  const run = stages.at(-1)!;

  it('builds on Node 20 with the toolchain better-sqlite3 needs, and runs on Node 20 slim', () => {
    expect(stages[0]!.from).toMatch(/^FROM node:20-bookworm AS /);
    expect(stages[0]!.lines.join('\n')).toMatch(/apt-get install .*python3 make g\+\+/);
    expect(run.from).toMatch(/^FROM node:20-bookworm-slim\b/);
    const all = stages.flatMap((s) => s.lines).join('\n');
    expect(all).toContain('npm ci --omit=dev');
    expect(all).toContain('npm run build');
  });

  it('runs as a non-root user, the database on a /data volume, with a HEALTHCHECK and the compiled entry', () => {
    const users = run.lines.filter((l) => /^USER /.test(l));
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^USER (root|0)\b/);
    expect(run.lines).toContain('VOLUME /data');
    expect(run.lines.join('\n')).toMatch(/DATABASE_PATH=\/data\/gcm\.sqlite/);
    expect(run.lines.join('\n')).toMatch(/HOST=0\.0\.0\.0/);
    expect(run.lines.find((l) => l.startsWith('HEALTHCHECK'))).toMatch(/CMD \["node", "deploy\/healthcheck\.mjs"\]/);
    expect(run.lines.at(-1)).toBe(`CMD ${JSON.stringify(['node', ...startFlags(), 'dist/main.js']).replaceAll(',', ', ')}`);
    const env = run.lines.filter((l) => l.startsWith('ENV ')).join(' ');
    for (const setting of startEnv()) expect(env.split(/\s+/)).toContain(setting);
  });

  it('copies only what exists and what .dockerignore lets into the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    const sources = stages
      .flatMap((s) => s.lines)
      .filter((l) => l.startsWith('COPY ') && !l.includes('--from='))
      .flatMap((l) =>
        l
          .split(/\s+/)
          .filter((w) => !w.startsWith('--'))
          .slice(1, -1),
      );
    expect(sources.length).toBeGreaterThan(5);
    for (const src of sources) {
      expect(existsSync(path.join(projectRoot, src)), src).toBe(true);
      expect(ignored, src).not.toContain(src.split('/')[0]);
    }
  });
});

describe('compose.yaml', () => {
  it('runs Socket Mode without a published port, /health on HEALTH_PORT, the env file and a volume on /data', () => {
    const compose = parse(read('compose.yaml')) as { services: Record<string, Record<string, unknown>>; volumes: Record<string, unknown> };
    const bot = compose.services['gcm-bot']!;
    expect(bot.ports).toBeUndefined();
    expect((bot.environment as Record<string, string>).HEALTH_PORT).toMatch(/^\d+$/);
    expect(JSON.stringify(bot.env_file)).toContain('.env');
    expect(bot.volumes).toEqual(['gcm-data:/data']);
    expect(compose.volumes).toHaveProperty('gcm-data');
  });
});

describe('deploy/gcm-bot.service', () => {
  it('runs the compiled bot as its own user, restarts on failure, reads its environment from a file, hardened', () => {
    const s = unitSettings();
    expect(s.get('User')).toBe('gcm-bot');
    expect(s.get('ExecStart')).toMatch(new RegExp(`node ${[...startFlags(), 'dist/main.js'].join(' ')}$`));
    for (const setting of startEnv()) expect(read('deploy/gcm-bot.service').split('\n')).toContain(`Environment=${setting}`);
    expect(s.get('Restart')).toBe('on-failure');
    expect(s.get('EnvironmentFile')).toBe('/etc/gcm-bot/gcm-bot.env');
    expect(s.get('WorkingDirectory')).toBe('/opt/gcm-bot');
    expect(s.get('StateDirectory')).toBe('gcm-bot');
    for (const [k, v] of Object.entries({ NoNewPrivileges: 'yes', ProtectSystem: 'strict', ProtectHome: 'yes', PrivateTmp: 'yes' }))
      expect(s.get(k), k).toBe(v);
  });
});

describe('deploy/healthcheck.mjs (the HEALTHCHECK)', () => {
  it('exits 0 on 200 from GET /health, 1 on 503 (saying why) or nothing listening; HEALTH_PORT before PORT', async () => {
    let status = 200;
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/health' ? status : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: status === 200, reason: status === 200 ? undefined : 'database file missing' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = String((server.address() as AddressInfo).port);
    try {
      expect((await runHealthcheck({ PORT: port })).code).toBe(0);
      expect((await runHealthcheck({ HEALTH_PORT: port, PORT: '1' })).code).toBe(0);
      status = 503;
      const down = await runHealthcheck({ PORT: port });
      expect(down.code).toBe(1);
      expect(down.stderr).toContain('503');
      expect(down.stderr).toContain('database file missing');
    } finally {
      await new Promise((r) => server.close(r));
    }
    expect((await runHealthcheck({ PORT: port })).code).toBe(1);
  });
});
