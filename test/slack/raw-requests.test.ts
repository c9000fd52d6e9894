import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { projectRoot } from '../../src/config.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { SlackSender, slashCommandFields } from '../../dev/standin/sender.js';
import { eventually, freePort } from '../helpers/slack.js';
import { tempDir } from '../helpers/stores.js';

/**
 * Thousands of raw requests, written byte by byte on a socket (not through fetch, which would refuse to send
 * most of them), to the compiled bot running as a process of its own: a crash shows as its exit.
 */

const secret = 'raw-requests-secret';
/** How many raw requests each port gets, and how many are in flight at once. */
const requestsPerPort = 1500;
const inFlight = 16;

/** The bot as a child process, its log gathered; `exited` is set if it stops. */
function startBot(env: Record<string, string>): { child: ChildProcess; log: string[] } {
  const log: string[] = [];
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'),
      GCM_TIMEZONE: 'America/Santiago',
      GCM_CO_CHAIRS: 'U0COCHAIR',
      GCM_NOW: '2024-04-24T10:00:00',
      ...env,
    },
  });
  child.stdout!.on('data', (d) => log.push(String(d)));
  child.stderr!.on('data', (d) => log.push(String(d)));
  return { child, log };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'get', 'PoSt'),
  token,
  fc.string({ maxLength: 8 }),
);
const target = fc.oneof(
  fc.constantFrom(
    '/',
    '///',
    '//x:99999',
    '//[',
    '//[::1',
    '/calendar/%25.ics',
    '/calendar/%.ics',
    '/calendar/%E0%A4%A.ics',
    '/calendar/x.ics?agency=%&lang=%zz',
    '/health',
    '/health?%',
    '/slack/events',
    '/slack/events?x=%',
    '//slack/events',
    '/slack/events/../health',
    '/%2e%2e/%2e%2e/etc/passwd',
    '*',
    'http://x/health',
    'http://[/health',
    'x:y',
    '/\u00e9\u4e2d',
    `/${'a'.repeat(9000)}`,
  ),
  fc.string({ maxLength: 40 }).map((s) => `/${s}`),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .array(fc.constantFrom('/', '%', '%2', '%zz', '[', ']', ':', '@', '?', '#', '..', 'calendar', 'health', '.ics', 'x'), { maxLength: 10 })
    .map((p) => p.join('')),
);
const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1.1 extra', '');
const header = fc.oneof(
  fc.constantFrom(
    'Content-Type: application/json',
    'Content-Type: application/x-www-form-urlencoded',
    'Content-Type: application/x-www-form-urlencoded; charset=utf-16',
    'Content-Type: text/plain',
    'Content-Type: ',
    'Content-Encoding: gzip',
    'Content-Encoding: br, deflate',
    'X-Slack-Request-Timestamp: 1',
    'X-Slack-Request-Timestamp: 99999999999999999999',
    'X-Slack-Signature: v0=zz',
    `X-Slack-Signature: v0=${'0'.repeat(64)}`,
    'X-Slack-Retry-Num: x',
    'Expect: 100-continue',
    'Upgrade: websocket',
    'Host: [',
    'Content-Length: 5',
    'Content-Length: -1',
    'Content-Length: 1, 2',
    'no colon here',
    `X-Long: ${'b'.repeat(20_000)}`,
  ),
  fc.tuple(token, fc.string({ maxLength: 30 })).map(([k, v]) => `${k}: ${v.replace(/[\r\n]/g, ' ')}`),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
);
const body = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.json({ maxDepth: 3 }).map((j) => `payload=${encodeURIComponent(j)}`),
  fc.constantFrom(
    'payload=%7B%22type%22%3A%22block_actions%22%7D',
    'command=%2Fgcm&text=%',
    'ssl_check=1',
    'payload=%zz',
    '{"type":"url_verification","challenge":1}',
  ),
);
/** How the body is framed: by Content-Length, chunked (well or badly), or not at all. */
const framing = fc.constantFrom('length', 'length', 'chunked', 'bad-chunked', 'none');

const rawRequest = fc.tuple(method, target, version, fc.array(header, { maxLength: 5 }), body, framing).map(([m, t, v, hs, b, f]) => {
  const bytes = Buffer.byteLength(b, 'utf8');
  const framed =
    f === 'length'
      ? { head: [`Content-Length: ${bytes}`], tail: b }
      : f === 'chunked'
        ? { head: ['Transfer-Encoding: chunked'], tail: `${bytes.toString(16)}\r\n${b}\r\n0\r\n\r\n` }
        : f === 'bad-chunked'
          ? { head: ['Transfer-Encoding: chunked'], tail: `zz\r\n${b}\r\n0\r\n\r\n` }
          : { head: [], tail: '' };
  const line = v === '' ? `${m} ${t}` : `${m} ${t} ${v}`;
  return `${[line, 'Host: 127.0.0.1', ...hs, ...framed.head, 'Connection: close'].join('\r\n')}\r\n\r\n${framed.tail}`;
});

/**
 * Writes `request` on a new connection and reads until the server closes it; the answer's status line, or
 * '' when the server closed without one. Fails after 10 s: a request left unanswered is a failure too.
 */
function send(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let got = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer in 10 s to ${JSON.stringify(request.slice(0, 200))}`));
    }, 10_000);
    socket.on('data', (d) => {
      got += String(d);
    });
    socket.on('error', () => undefined); // a reset after the answer (Node closes on a bad request) is an end too
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got.split('\r\n')[0] ?? '');
    });
  });
}

/** Sends every request, `inFlight` at a time; returns the status lines. */
async function sendAll(port: number, requests: string[]): Promise<string[]> {
  const answers: string[] = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const i = next++;
      answers[i] = await send(port, requests[i]!);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return answers;
}

const requestsWith = (seed: number) => [
  'GET /// HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET //x:99999 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  'GET /calendar/%.ics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
  ...fc.sample(rawRequest, { numRuns: requestsPerPort, seed }),
];

/** Each answer is an HTTP status line (Node's own 400 for what does not parse counts), none a 5xx. */
function expectAnswered(requests: string[], answers: string[]): void {
  const unanswered = requests.filter((_, i) => !/^HTTP\/1\.[01] \d{3} /.test(answers[i]!)).map((r) => r.slice(0, 120));
  expect(unanswered, 'requests whose connection closed without an answer').toEqual([]);
  expect(answers.filter((a) => / 5\d\d /.test(a) && !/ 503 /.test(a))).toEqual([]);
}

/** Log lines at ERROR or WARN: rate-limited per reason, so a few dozen at most whatever was sent. */
const noisyLines = (log: string[]) =>
  log
    .join('')
    .split('\n')
    .filter((l) => /ERROR|WARN/.test(l));

describe('raw requests to every HTTP port of the running bot', () => {
  it('HTTP mode: each of 1,500 odd requests is answered, the process lives and answers the next signed command', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const port = await freePort();
    const bot = startBot({ SLACK_BOT_TOKEN: 'xoxb-raw', SLACK_SIGNING_SECRET: secret, SLACK_API_URL: apiUrl, PORT: String(port), HOST: '127.0.0.1' });
    try {
      await eventually(() => bot.log.join('').includes('listening for Slack') || bot.child.exitCode !== null, 30_000);
      const requests = requestsWith(20261206);
      const answers = await sendAll(port, requests);
      expect(bot.child.exitCode).toBeNull();
      expectAnswered(requests, answers);
      expect(answers.slice(0, 3).every((a) => / 400 /.test(a))).toBe(true);
      expect(answers[3]).toMatch(/ 404 /);
      const sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, secret);
      const res = await sender.command(
        slashCommandFields({ text: 'objective 23', user: 'U0MEMBER', channel: 'C0NETWORK', responseUrl: standin.newResponseUrl('C0NETWORK', 'U0MEMBER') }),
      );
      expect(res.status).toBe(200);
      expect((res.json as { text: string }).text).toContain('Strengthen international cooperation');
      expect(noisyLines(bot.log).length).toBeLessThan(60);
    } finally {
      await stop(bot.child);
      await standin.stop();
    }
  }, 180_000);

  it('Socket Mode: HEALTH_PORT and CALENDAR_PORT answer each of 1,500 odd requests, and the bot still answers a command', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    standin.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
    const sockets: WebSocket[] = [];
    wss.on('connection', (s: WebSocket) => {
      sockets.push(s);
      s.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0GCM' }, debug_info: { host: 'local' } }));
    });
    const [health, calendar] = [await freePort(), await freePort()];
    const bot = startBot({
      SLACK_BOT_TOKEN: 'xoxb-raw',
      SLACK_APP_TOKEN: 'xapp-raw',
      SLACK_API_URL: apiUrl,
      HOST: '127.0.0.1',
      HEALTH_PORT: String(health),
      CALENDAR_PORT: String(calendar),
    });
    try {
      await eventually(() => bot.log.join('').includes('CALENDAR_PORT: serving') || bot.child.exitCode !== null, 30_000);
      const [toHealth, toCalendar] = [requestsWith(1), requestsWith(2)];
      const answers = [...(await sendAll(health, toHealth)), ...(await sendAll(calendar, toCalendar))];
      expect(bot.child.exitCode).toBeNull();
      expectAnswered([...toHealth, ...toCalendar], answers);
      const socket = await eventually(() => sockets[0], 10_000);
      const acked = new Promise<{ payload: { text?: string } }>((resolve) =>
        socket.on('message', (d) => {
          const ack = JSON.parse(String(d));
          if (ack.envelope_id === 'after-fuzz') resolve(ack);
        }),
      );
      const fields = slashCommandFields({
        text: 'objective 23',
        user: 'U0MEMBER',
        channel: 'C0NETWORK',
        responseUrl: standin.newResponseUrl('C0NETWORK', 'U0MEMBER'),
      });
      socket.send(JSON.stringify({ envelope_id: 'after-fuzz', type: 'slash_commands', accepts_response_payload: true, payload: fields }));
      expect((await acked).payload.text).toContain('Strengthen international cooperation');
      expect(noisyLines(bot.log).length).toBeLessThan(60);
    } finally {
      await stop(bot.child);
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(r));
      await standin.stop();
    }
  }, 180_000);
});
