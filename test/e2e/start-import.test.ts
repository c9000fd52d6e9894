import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { openStores } from '../../src/stores.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { eventually, freePort } from '../helpers/slack.js';
import { tempDir } from '../helpers/stores.js';

/**
 * A loader hook that appends, for every module any process of the bot loads, its process id and URL to the file
 * GCM_TEST_LOADS names: which process loaded the plan's parser and importer.
 */
const recordLoads = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`import { appendFileSync } from 'node:fs';
export async function load(url, context, next) { appendFileSync(process.env.GCM_TEST_LOADS, process.pid + ' ' + url + '\\\\n'); return next(url, context); }\`));`)}`;

/** The bot from its sources on a new database, its output gathered; the runtime flags are given to any process it starts. */
function startBot(env: Record<string, string>) {
  const out: string[] = [];
  const child = spawn(process.execPath, ['--import', recordLoads, '--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', SLACK_BOT_TOKEN: 'xoxb-e2e', SLACK_SIGNING_SECRET: 'e2e-secret', GCM_TIMEZONE: 'America/Santiago', ...env },
  });
  child.stdout.on('data', (d) => out.push(String(d)));
  child.stderr.on('data', (d) => out.push(String(d)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out: () => out.join(''), exited };
}

describe("the first start's import of the plan, in a child process (issue 26.1)", () => {
  it('imports the plan, and the running bot never loads the YAML parser, the schemas or the importer', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const dir = tempDir();
    const loads = path.join(dir, 'loads.txt');
    writeFileSync(loads, '');
    const database = path.join(dir, 'gcm.sqlite');
    const bot = startBot({ SLACK_API_URL: apiUrl, PORT: String(await freePort()), DATABASE_PATH: database, GCM_TEST_LOADS: loads });
    try {
      await eventually(() => bot.out().includes('listening for Slack') || bot.child.exitCode !== null, 30_000);
      expect(bot.out()).toContain('imported plan lac-2023-2024: 26 activities');
      const lines = readFileSync(loads, 'utf8').trim().split('\n');
      const byBot = lines.filter((l) => l.startsWith(`${bot.child.pid} `));
      const byOthers = lines.filter((l) => !l.startsWith(`${bot.child.pid} `));
      const importer = (l: string) => /\/src\/plan\/(import-plan|load|schema)\.ts$|\/node_modules\/(yaml|js-yaml)\//.test(l);
      expect(byBot.some((l) => l.endsWith('/src/main.ts'))).toBe(true);
      expect(byBot.filter(importer)).toEqual([]);
      expect(byOthers.filter(importer).length).toBeGreaterThan(0);
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
      await standin.stop();
    }
    const stores = openStores(database);
    expect(stores.plans.loadedPlans().map((p) => p.id)).toEqual(['lac-2023-2024']);
    stores.close();
  }, 60_000);

  it('a plan file that cannot be read is rejected with where the problem is, exit 1, the new database left without a plan', async () => {
    const dir = tempDir();
    const plan = path.join(dir, 'plan.yaml');
    writeFileSync(plan, 'id: x\nfoo: [\n');
    const loads = path.join(dir, 'loads.txt');
    const database = path.join(dir, 'gcm.sqlite');
    const bot = startBot({
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
      PORT: String(await freePort()),
      DATABASE_PATH: database,
      GCM_PLAN: plan,
      GCM_TEST_LOADS: loads,
    });
    expect(await bot.exited).toBe(1);
    expect(bot.out()).toContain(
      `The plan file was rejected; fix it or set GCM_PLAN:\n  ${plan}:3 (yaml): Flow sequence in block collection must be sufficiently indented and end with a ]\n`,
    );
    expect(bot.out()).not.toMatch(/\n\s+at /);
    const stores = openStores(database);
    expect(stores.plans.loadedPlans()).toEqual([]);
    stores.close();
  }, 60_000);
});
