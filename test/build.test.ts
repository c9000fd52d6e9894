import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';
import { WebApiStandIn } from '../dev/standin/web-api.js';
import { eventually, freePort } from './helpers/slack.js';
import { tempDir } from './helpers/stores.js';

const botDir = path.join(projectRoot, 'dist', 'bot');

/** The files of the bundle the running bot loads at start: main.js and the chunks it imports statically, transitively. */
function loadedAtStart(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(path.join(botDir, file), 'utf8');
    // esbuild's static imports: `import{…}from"./chunk-X.js"` or `import"./chunk-X.js"`; a lazy `import("./x.js")` is not one.
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) visit(m[1]!);
  };
  visit('main.js');
  return [...seen];
}

// The compiled build (dist/, made by the tests' global set-up: scripts/build.mjs).
describe('the bundled bot', () => {
  it('is loaded from several files at start, the lazy chunks left out', () => {
    const files = loadedAtStart();
    expect(files).toContain('main.js');
    expect(files.length).toBeGreaterThan(1);
    // The periodic update's documents and the spreadsheet reader stay lazy chunks.
    expect(files.some((f) => f.startsWith('load-tables-') || f.startsWith('brief-files-'))).toBe(false);
  });

  it('holds no character beyond Latin-1 in what it loads at start, so that V8 keeps each source at one byte a character', () => {
    // V8 keeps the source of every script for the life of the process; one character above U+00FF makes it
    // keep the whole file as a two-byte string (twice the memory). esbuild escapes such characters in strings
    // and templates, but not in regular expression literals: write them there as \uXXXX escapes.
    const beyond = loadedAtStart().flatMap((file) => {
      const text = readFileSync(path.join(botDir, file), 'utf8');
      return [...text.matchAll(/[\u0100-\uffff]/g)].map((m) => `${file}: ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 10))}`);
    });
    expect(beyond).toEqual([]);
  });

  it('loads of Bolt and undici only the modules the bot uses: neither their indexes, nor Express, OAuth or the Socket Mode client', async () => {
    // Started as npm start starts it, in HTTP mode; on exit it writes every CommonJS module it loaded, one file
    // per process (the start-up import's child runs with the same flags, so the same hook).
    const dir = tempDir();
    const list = path.join(dir, 'modules');
    const dump = `import { createRequire } from 'node:module'; import { writeFileSync } from 'node:fs';
      const require = createRequire(${JSON.stringify(`${projectRoot}/`)});
      process.on('exit', () => writeFileSync(${JSON.stringify(list)} + '.' + process.pid, Object.keys(require.cache).join('\\n')));`;
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const bot = spawn(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(dump)}`, 'dist/main.js'], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: 'xoxb-modules',
        SLACK_SIGNING_SECRET: 'modules-secret',
        SLACK_API_URL: apiUrl,
        PORT: String(await freePort()),
        DATABASE_PATH: path.join(dir, 'gcm.sqlite'),
        GCM_TIMEZONE: 'America/Santiago',
      },
    });
    // SIGTERM the moment it says it is listening (as a supervisor may): it must stop by its own handler, in
    // order, with code 0 (so the exit hook runs), never by the signal's default.
    let err = '';
    bot.stderr.on('data', (d) => {
      err += String(d);
      if (err.includes('listening for Slack') && !bot.killed) bot.kill('SIGTERM');
    });
    const exited = new Promise<[number | null, string | null]>((r) => bot.once('exit', (code, signal) => r([code, signal])));
    try {
      await eventually(() => bot.killed, 20_000);
    } finally {
      if (!bot.killed) bot.kill('SIGTERM');
      await standin.stop();
    }
    expect(await exited).toEqual([0, null]);
    const loaded = readFileSync(`${list}.${bot.pid}`, 'utf8').split('\n');
    const bolt = path.join('node_modules', '@slack', 'bolt', 'dist');
    expect(loaded.some((f) => f.endsWith(path.join(bolt, 'App.js')))).toBe(true);
    expect(
      loaded.filter((f) => f.endsWith(path.join(bolt, 'index.js')) || f.includes('ExpressReceiver') || f.includes(`${path.sep}express${path.sep}`)),
    ).toEqual([]);
    // undici's Agent from its own file (src/slack/undici-parts.ts), not the index that loads all of undici.
    expect(loaded.some((f) => f.endsWith(path.join('node_modules', 'undici', 'lib', 'dispatcher', 'agent.js')))).toBe(true);
    expect(loaded.filter((f) => f.endsWith(path.join('node_modules', 'undici', 'index.js')))).toEqual([]);
    // OAuth (with jsonwebtoken and semver) and the Socket Mode client load on first use (src/slack/bolt-parts.ts):
    // in the cache only as the stand-ins of their entry modules, none of their own files.
    const standIns = [path.join('@slack', 'oauth', 'dist', 'index.js'), path.join('@slack', 'socket-mode', 'dist', 'src', 'index.js')];
    const within = (dir: string) => loaded.filter((f) => f.includes(`${path.sep}${dir}${path.sep}`) && !standIns.some((s) => f.endsWith(s)));
    const lazy = ['oauth', 'socket-mode'].flatMap((p) => within(path.join('@slack', p)));
    expect([...lazy, ...within('jsonwebtoken'), ...within('semver')]).toEqual([]);
  }, 30_000);
});
