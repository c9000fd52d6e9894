import { renameSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createSlackApp, type SlackApp } from '../../src/slack-app.js';
import { startSideServer } from '../../src/slack/side-server.js';
import { stalePassMs, type HealthReport } from '../../src/slack/health.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { at, loadedStores, tempDir, zone } from '../helpers/stores.js';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

/** The real Bolt app in HTTP mode on a free port, on a database file, its Web API a local stand-in. */
async function httpBot(now = '2024-04-24T10:00:00', file = path.join(tempDir(), 'gcm.sqlite')) {
  const standin = new WebApiStandIn();
  const apiUrl = await standin.start();
  const stores = loadedStores(file);
  let wall = Date.parse('2024-04-24T14:00:00Z');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-health-secret',
    SLACK_SIGNING_SECRET: 'health-signing-secret',
    SLACK_API_URL: apiUrl,
    PORT: '0',
    GCM_CO_CHAIRS: 'U0COCHAIR',
    GCM_TIMEZONE: zone,
    DATABASE_PATH: file,
  });
  const bot = createSlackApp({ config, stores, clock: fixedClock(at(now), zone), logger: createLogger(() => undefined), retries: 0, wallMs: () => wall });
  const server = (await bot.app.start(0)) as unknown as Server;
  stops.push(async () => {
    await bot.app.stop();
    await standin.stop();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
  return {
    bot,
    file,
    stores,
    advance: (ms: number) => {
      wall += ms;
    },
    pass: () => bot.reminders.tick(),
    get: async () => {
      const res = await fetch(url);
      const text = await res.text();
      return { status: res.status, text, body: JSON.parse(text) as HealthReport };
    },
  };
}

describe('GET /health in HTTP mode', () => {
  it('answers 200 with the plan, the lease, the last pass and the outbox when all is well, and nothing secret', async () => {
    const t = await httpBot();
    await t.pass();
    const { status, body, text } = await t.get();
    expect(body.reasons).toEqual([]);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.database).toEqual({ ok: true });
    expect(body.plan).toEqual({ id: 'lac-2023-2024', periodStart: '2023-06-01', periodEnd: '2024-12-31', ended: false });
    expect(body.scheduler.thisProcessHoldsLease).toBe(true);
    expect(body.scheduler.lastPassAt).toBe('2024-04-24T14:00:00.000Z');
    expect(body.outbox).toEqual({ unsent: expect.any(Number), retrying: 0, failed: 0 });
    expect(body.socketMode).toBe('not used');
    expect(text).not.toMatch(/xoxb|health-signing-secret|U0COCHAIR/);
  });

  it('says so when the plan has ended, and stays healthy', async () => {
    const t = await httpBot('2025-03-01T10:00:00');
    await t.pass();
    const { status, body } = await t.get();
    expect(body.plan?.ended).toBe(true);
    expect(status).toBe(200);
  });

  it('answers 503 while no copy of the bot holds the scheduler lease, and when this one has not run a pass for too long', async () => {
    const t = await httpBot();
    const before = await t.get();
    expect(before.status).toBe(503);
    expect(before.body.reasons).toEqual(['no copy of the bot holds the scheduler lease: no reminder is being posted']);
    await t.pass();
    expect((await t.get()).status).toBe(200);
    t.advance(stalePassMs + 60_000);
    // The scheduler's timer renews the lease while no pass runs (a pass stuck): the last pass recorded is stale.
    expect(t.bot.reminders.renewLease()).toBe(true);
    const stale = await t.get();
    expect(stale.status).toBe(503);
    expect(stale.body.reasons).toEqual(['the last reminder pass ran 6 minutes ago']);
  });

  it('answers 503 with the reason when the database file is deleted while the bot runs', async () => {
    const t = await httpBot();
    await t.pass();
    rmSync(t.file);
    const { status, body } = await t.get();
    expect(status).toBe(503);
    expect(body.database.ok).toBe(false);
    expect(body.reasons).toEqual(['the database file at DATABASE_PATH was deleted while the bot runs: its writes go to a file that is gone']);
  });

  it('answers 503 with the reason when the database file is replaced by another file', async () => {
    const t = await httpBot();
    await t.pass();
    const other = loadedStores(path.join(tempDir(), 'other.sqlite'));
    other.close();
    renameSync(other.db.name, t.file);
    const { status, body } = await t.get();
    expect(status).toBe(503);
    expect(body.reasons).toEqual(['the database file at DATABASE_PATH was replaced while the bot runs: restart the bot to use the new file']);
  });

  it('answers 503 when the database cannot be read', async () => {
    const t = await httpBot();
    await t.pass();
    t.stores.db.close();
    const { status, body } = await t.get();
    expect(status).toBe(503);
    expect(body.reasons[0]).toMatch(/^the database cannot be read: /);
    expect(body.plan).toBeNull();
  });
});

describe('GET /health in Socket Mode, on the side server', () => {
  it('follows the connection: 503 before it connects and once it has disconnected, 200 while connected', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    standin.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
    wss.on('connection', (socket) => {
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0GCM' }, debug_info: { host: 'local' } }));
    });
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: apiUrl, GCM_TIMEZONE: zone });
    const bot: SlackApp = createSlackApp({
      config,
      stores: loadedStores(),
      clock: fixedClock(at('2024-04-24T10:00:00'), zone),
      logger: createLogger(() => undefined, LogLevel.ERROR),
      retries: 0,
    });
    const side = await startSideServer({ host: '127.0.0.1', port: 0, routes: [bot.health.route()], logger: createLogger(() => undefined) });
    stops.push(async () => {
      await side.close();
      await bot.app.stop().catch(() => undefined);
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(r));
      await standin.stop();
    });
    const get = async () => {
      const res = await fetch(`http://127.0.0.1:${side.port}/health`);
      return { status: res.status, body: (await res.json()) as HealthReport };
    };
    await bot.reminders.tick();
    const before = await get();
    expect(before.status).toBe(503);
    expect(before.body.reasons).toEqual(['Socket Mode is connecting, not connected to Slack']);
    await bot.app.start();
    const connected = await get();
    expect(connected.body.socketMode).toBe('connected');
    expect(connected.status).toBe(200);
    await bot.app.stop();
    const dropped = await get();
    expect(dropped.status).toBe(503);
    expect(dropped.body.reasons).toEqual([expect.stringMatching(/^Socket Mode is disconnect(ing|ed), not connected to Slack$/)]);
  });
});
