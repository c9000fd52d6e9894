import type { Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createSlackApp } from '../../src/slack-app.js';
import { at, loadedStores, zone } from '../helpers/stores.js';
import { describe, expect, it } from 'vitest';
import { blockActionsPayload, signature, slashCommandFields } from '../../dev/standin/sender.js';
import { channel, coChair, eventually, member, secret, startBot, type TestBot } from '../helpers/slack.js';

const wallSeconds = () => Math.floor(Date.now() / 1000);
const form = 'application/x-www-form-urlencoded';

/** Nothing reached a handler: no Web API call, no response_url post, no audit row; and the bot still answers. */
async function expectNoHandlerAndAlive(t: TestBot, auditBefore: number): Promise<void> {
  // A full round trip through the bot after the refused request (answered in its acknowledgement, with no Web
  // API call of its own), instead of a wait: whatever the refused request could have started has run by then.
  const alive = await t.command('objective 23');
  expect(alive.status).toBe(200);
  expect((alive.json as { text: string }).text).toContain('Strengthen international cooperation');
  expect(t.standin.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  expect(t.stores.state.auditCount()).toBe(auditBefore);
}

/** A `/gcm` command's form body as Slack sends it (the stand-in's fields), to sign and send as a test needs. */
const commandBody = (t: TestBot, text: string, user = member) =>
  new URLSearchParams(slashCommandFields({ text, user, channel, responseUrl: t.standin.newResponseUrl(channel, user) })).toString();

const doneB15 = (t: TestBot) => commandBody(t, 'done B1.5', coChair);

describe('the door: what the HTTP receiver refuses before any handler', () => {
  it.each([
    ['payload=null', form, 'payload=null'],
    ['payload=[]', form, 'payload=%5B%5D'],
    ['payload="text"', form, 'payload=%22text%22'],
    ['payload that is not JSON', form, 'payload=%7Bnope'],
    ['a JSON body null', 'application/json', 'null'],
    ['a JSON body [1]', 'application/json', '[1]'],
    ['a JSON body 42', 'application/json', '42'],
    ['a JSON body that is not JSON', 'application/json', '{"type":'],
    ['an empty body', form, ''],
    ['a body of another content type', 'text/plain', 'hello'],
  ])('refuses a signed body of %s with 400, the process alive', async (_name, contentType, body) => {
    const t = await startBot();
    const before = t.stores.state.auditCount();
    const res = await t.sender.post(body, contentType);
    expect(res.status).toBe(400);
    expect(res.body).toBe('');
    await expectNoHandlerAndAlive(t, before);
  });

  it.each([
    ['6 minutes in the future', 6 * 60],
    ['6 minutes in the past', -6 * 60],
    ['a day in the future', 24 * 3600],
  ])('refuses a correctly signed request dated %s with 401', async (_name, offset) => {
    const t = await startBot();
    const before = t.stores.state.auditCount();
    const res = await t.sender.post(doneB15(t), form, { timestamp: wallSeconds() + offset });
    expect(res.status).toBe(401);
    await expectNoHandlerAndAlive(t, before);
  });

  it('accepts a request dated 4 minutes in the future or the past (clocks drift)', async () => {
    const t = await startBot();
    for (const offset of [4 * 60, -4 * 60]) {
      const res = await t.sender.post(commandBody(t, 'objective 23'), form, { timestamp: wallSeconds() + offset });
      expect(res.status).toBe(200);
    }
  });

  it.each([
    ['no signature', { 'x-slack-signature': '' }],
    ['a signature of another version', { 'x-slack-signature': 'v1=abc' }],
    ['a signature that is not hex', { 'x-slack-signature': 'v0=zzzz' }],
    ['no timestamp', { 'x-slack-request-timestamp': '' }],
    ['a timestamp that is not a number', { 'x-slack-request-timestamp': 'soon' }],
  ])('refuses a request with %s with 401', async (_name, headers) => {
    const t = await startBot();
    const before = t.stores.state.auditCount();
    const res = await t.sender.post(doneB15(t), form, { headers });
    expect(res.status).toBe(401);
    await expectNoHandlerAndAlive(t, before);
  });

  it('refuses a 2 MB body with 413 as soon as its Content-Length says so, without reading it', async () => {
    const t = await startBot();
    const before = t.stores.state.auditCount();
    const url = new URL((t.sender as unknown as { eventsUrl: string }).eventsUrl);
    // Headers that announce 2 MB, then only 10 bytes of it: the answer must come without the rest.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        const ts = wallSeconds();
        socket.write(
          `POST /slack/events HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: ${form}\r\nContent-Length: ${2 * 1024 * 1024}\r\n` +
            `X-Slack-Request-Timestamp: ${ts}\r\nX-Slack-Signature: ${signature(secret, ts, 'x')}\r\n\r\npayload=ab`,
        );
      });
      let got = '';
      socket.on('data', (d) => {
        got += String(d);
        if (got.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(got);
        }
      });
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    await expectNoHandlerAndAlive(t, before);
  });

  it('refuses a chunked body with 413 once the bytes read pass the limit, without waiting for its end', async () => {
    const t = await startBot();
    const url = new URL((t.sender as unknown as { eventsUrl: string }).eventsUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        const ts = wallSeconds();
        socket.write(
          `POST /slack/events HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: ${form}\r\nTransfer-Encoding: chunked\r\n` +
            `X-Slack-Request-Timestamp: ${ts}\r\nX-Slack-Signature: ${signature(secret, ts, 'x')}\r\n\r\n`,
        );
        const chunk = 'a'.repeat(64 * 1024);
        // 1.5 MB in chunks, and never the closing chunk.
        for (let i = 0; i < 24; i++) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
      });
      let got = '';
      socket.on('data', (d) => {
        got += String(d);
        if (got.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(got);
        }
      });
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    const alive = await t.command('objective 23');
    expect(alive.status).toBe(200);
  });

  it('refuses a 2 MB body sent whole with 413 (the ordinary client sees the answer)', async () => {
    const t = await startBot();
    const res = await t.sender.post(`payload=${'a'.repeat(2 * 1024 * 1024)}`, form).catch((e: Error) => ({ status: -1, body: e.message, json: null }));
    expect(res.status).toBe(413);
    const alive = await t.command('objective 23');
    expect(alive.status).toBe(200);
  });

  it.each([
    ['a slash command for another workspace', { SLACK_TEAM_ID: 'T0OTHER' }, 'command'],
    ['a slash command for another app', { SLACK_APP_ID: 'A0OTHER' }, 'command'],
    ['a button click for another workspace', { SLACK_TEAM_ID: 'T0OTHER' }, 'click'],
    ['a button click for another app', { SLACK_APP_ID: 'A0OTHER' }, 'click'],
    ['an event for another workspace', { SLACK_TEAM_ID: 'T0OTHER' }, 'event'],
    ['an event for another app', { SLACK_APP_ID: 'A0OTHER' }, 'event'],
  ])('refuses %s with 403 when SLACK_APP_ID / SLACK_TEAM_ID are set', async (_name, env, kind) => {
    const t = await startBot(env);
    const before = t.stores.state.auditCount();
    const res =
      kind === 'command'
        ? await t.sender.post(doneB15(t), form)
        : kind === 'click'
          ? await t.sender.interaction(
              blockActionsPayload(coChair, { kind: 'home' }, { type: 'button', action_id: 'gcm_home_refresh', block_id: 'x', value: 'x' }),
            )
          : await t.sender.event({ type: 'app_home_opened', user: member, channel: 'D0HOME', tab: 'home' });
    expect(res.status).toBe(403);
    // The door answers 403 before Bolt is handed the request, so nothing can still be running: no wait needed.
    expect(t.standin.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(t.stores.state.auditCount()).toBe(before);
  });

  it('serves the app and workspace it is set for', async () => {
    const t = await startBot({ SLACK_APP_ID: 'A0GCM', SLACK_TEAM_ID: 'T0STANDIN' });
    const res = await t.sender.post(commandBody(t, 'objective 23'), form);
    expect(res.status).toBe(200);
    expect((res.json as { text: string }).text).toContain('Strengthen international cooperation');
    const home = await t.sender.event({ type: 'app_home_opened', user: member, channel: 'D0HOME', tab: 'home' });
    expect(home.status).toBe(200);
    await eventually(() => t.standin.callsOf('views.publish').length === 1);
  });

  it('acknowledges a signed payload it does not handle at once, and logs it once per type', async () => {
    const t = await startBot();
    const before = t.stores.state.auditCount();
    const shortcut = {
      type: 'message_action',
      callback_id: 'someone_elses',
      user: { id: member },
      team: { id: 'T0STANDIN' },
      api_app_id: 'A0GCM',
      trigger_id: '1',
    };
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const res = await t.sender.interaction(shortcut);
      expect(res.status).toBe(200);
      // Well inside Slack's 3 s: acknowledged at once, not left to time out.
      expect(Date.now() - started).toBeLessThan(1000);
    }
    const button = await t.sender.interaction(
      blockActionsPayload(member, { kind: 'home' }, { type: 'button', action_id: 'not_a_gcm_button', block_id: 'x', value: 'x' }),
    );
    expect(button.status).toBe(200);
    // Events are acknowledged by Bolt itself as they arrive, handled or not.
    const event = await t.sender.event({ type: 'reaction_added', user: member, reaction: 'tada' });
    expect(event.status).toBe(200);
    const lines = t.logs.filter((l) => l.includes('not handled'));
    expect(lines.filter((l) => l.includes('message_action'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('not_a_gcm_button'))).toHaveLength(1);
    expect(t.logs.filter((l) => l.includes('not acknowledged within 3 seconds'))).toEqual([]);
    await expectNoHandlerAndAlive(t, before);
  });

  const team = { id: 'T0STANDIN' };
  const button = (action: Record<string, unknown>) => ({ type: 'block_actions', team, user: { id: coChair }, trigger_id: '1', actions: [action] });
  const submission = (view: Record<string, unknown>) => ({ type: 'view_submission', team, user: { id: coChair }, view });
  it.each([
    ['a click whose user id is a number', { ...button({ action_id: 'gcm_mark_done', block_id: 'x', value: 'B1.5' }), user: { id: 5 } }],
    ['a click whose value is a number', button({ action_id: 'gcm_mark_done', block_id: 'x', value: 5 })],
    ['a click whose actions are a string', { ...button({}), actions: 'gcm_mark_done' }],
    ['a click with no actions', { ...button({}), actions: [] }],
    ['a click whose message blocks are numbers', { ...button({ action_id: 'gcm_mark_done', block_id: 'x', value: 'B1.5' }), message: { blocks: [1, 2] } }],
    [
      'a click whose message blocks hold an array',
      { ...button({ action_id: 'gcm_mark_done', block_id: 'x', value: 'B1.5' }), message: { blocks: [{ type: 'divider' }, []] } },
    ],
    [
      'a click on a message of 101 blocks',
      {
        ...button({ action_id: 'gcm_mark_done', block_id: 'x', value: 'B1.5' }),
        message: { blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) },
      },
    ],
    ['a submission whose state is null', submission({ callback_id: 'gcm_status_update', private_metadata: '', state: null })],
    [
      'a submission whose input value is an object',
      submission({ callback_id: 'gcm_status_update', state: { values: { status: { status: { value: { x: 1 } } } } } }),
    ],
    [
      'a submission with a 900 kB input',
      submission({ callback_id: 'gcm_status_update', state: { values: { link: { link: { value: `https://e.org/${'a'.repeat(900_000)}` } } } } }),
    ],
  ])('refuses %s with 400 before any handler: no throw, nothing changed', async (_name, payload) => {
    const t = await startBot();
    const before = t.stores.state.auditCount();
    const res = await t.sender.interaction(payload);
    expect(res.status).toBe(400);
    expect(t.logs.filter((l) => l.includes('has the wrong type or size'))).toHaveLength(1);
    expect(t.logs.filter((l) => l.includes(' ERROR '))).toEqual([]);
    await expectNoHandlerAndAlive(t, before);
  });

  it('refuses a command with no user and an App Home event whose user is an object with 400, before any handler', async () => {
    const t = await startBot();
    const before = t.stores.state.auditCount();
    const fields = slashCommandFields({ text: 'done B1.5', user: coChair, channel, responseUrl: t.standin.newResponseUrl(channel, coChair) });
    const { user_id: _dropped, ...noUser } = fields;
    expect((await t.sender.post(new URLSearchParams(noUser).toString(), form)).status).toBe(400);
    expect((await t.sender.event({ type: 'app_home_opened', user: { id: member }, channel: 'D0HOME', tab: 'home' })).status).toBe(400);
    expect(t.logs.filter((l) => l.includes(' ERROR '))).toEqual([]);
    await expectNoHandlerAndAlive(t, before);
  });

  it('still answers url_verification and ssl_check', async () => {
    const t = await startBot({ SLACK_APP_ID: 'A0GCM', SLACK_TEAM_ID: 'T0STANDIN' });
    const challenge = await t.sender.post(JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' }), 'application/json');
    expect(challenge.status).toBe(200);
    expect(challenge.json).toEqual({ challenge: 'c-123' });
    const ssl = await t.sender.post('ssl_check=1&token=x', form, { headers: { 'x-slack-signature': '' } });
    expect(ssl.status).toBe(200);
    expect(ssl.body).toBe('');
  });

  it('listens on HOST only', async () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: secret, HOST: '127.0.0.2', PORT: '0', GCM_TIMEZONE: zone });
    const bot = createSlackApp({
      config,
      stores: loadedStores(),
      clock: fixedClock(at('2024-04-24T10:00:00'), zone),
      logger: createLogger(() => {}),
      retries: 0,
      identity: { botId: 'B0', botUserId: 'U0BOT' },
    });
    const server = (await bot.app.start()) as unknown as Server;
    try {
      const { address, port } = server.address() as AddressInfo;
      expect(address).toBe('127.0.0.2');
      await bot.reminders.tick(); // health is 200 once a reminder pass holds the lease
      expect((await fetch(`http://127.0.0.2:${port}/health`)).status).toBe(200);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      await bot.app.stop();
    }
  });

  it('serves the customRoutes createSlackApp is given on the same port, with their params; a route that fails answers 500', async () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: secret, PORT: '0', GCM_TIMEZONE: zone });
    const logs: string[] = [];
    const bot = createSlackApp({
      config,
      stores: loadedStores(),
      clock: fixedClock(at('2024-04-24T10:00:00'), zone),
      logger: createLogger((l) => logs.push(l)),
      retries: 0,
      identity: { botId: 'B0', botUserId: 'U0BOT' },
      customRoutes: [
        { path: '/extra/:file', method: ['GET'], handler: (req, res) => res.end(`file ${req.params?.file}`) },
        {
          path: '/broken',
          method: ['GET'],
          handler: async () => {
            throw new Error('route failed');
          },
        },
      ],
    });
    const server = (await bot.app.start({ port: 0, host: '127.0.0.1' })) as unknown as Server;
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      await bot.reminders.tick(); // health is 200 once a reminder pass holds the lease
      expect(await (await fetch(`${base}/extra/gcm.ics`)).text()).toBe('file gcm.ics');
      expect((await fetch(`${base}/broken`)).status).toBe(500);
      expect(logs.some((l) => l.includes('ERROR') && l.includes('route failed'))).toBe(true);
      expect((await fetch(`${base}/health`)).status).toBe(200);
    } finally {
      await bot.app.stop();
    }
  });

  it('answers a target that is no URL with 400 and a path with a malformed escape (the calendar too) with an empty 404, logging each reason once', async () => {
    const t = await startBot();
    const port = Number(new URL(t.baseUrl).port);
    const statusOf = (target: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
        let got = '';
        socket.on('data', (d) => {
          got += String(d);
        });
        socket.on('close', () => resolve(got));
        socket.on('error', reject);
      });
    for (let i = 0; i < 3; i++) {
      for (const target of ['///', '//x:99999', '//[']) expect(await statusOf(target)).toMatch(/^HTTP\/1\.1 400 /);
      const calendar = await statusOf('/calendar/%.ics');
      expect(calendar).toMatch(/^HTTP\/1\.1 404 /);
      expect(calendar.endsWith('\r\n\r\n')).toBe(true);
    }
    expect(t.logs.filter((l) => l.includes('a request target that is not a URL'))).toHaveLength(1);
    expect(t.logs.filter((l) => l.includes('a path with a malformed escape'))).toHaveLength(1);
    expect(t.logs.filter((l) => l.includes(' ERROR '))).toEqual([]);
    expect((await t.command('objective 23')).status).toBe(200);
  });

  it('keeps serving its other routes on the same port, and 404 for the rest', async () => {
    const t = await startBot();
    const base = (t.sender as unknown as { eventsUrl: string }).eventsUrl.replace('/slack/events', '');
    await t.bot.reminders.tick(); // health is 200 once a reminder pass holds the lease
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
    expect((await fetch(`${base}/slack/events`)).status).toBe(404);
  });
});
