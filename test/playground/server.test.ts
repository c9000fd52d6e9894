import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { LogLevel } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startPlayground, type Playground } from '../../dev/playground/playground.js';
import { bodyLimit, maxEventStreams } from '../../dev/playground/guard.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { tempDir, zone } from '../helpers/stores.js';
import { parseIcs } from '../calendar/ics.js';
import { DateTime } from 'luxon';
import { planOccurrences } from '../../src/domain/occurrences.js';
import { fireInstant, followupInstant, followupKey, reminderKey } from '../../src/domain/reminders.js';

const started: Playground[] = [];
afterEach(async () => {
  while (started.length) await started.pop()!.stop();
});

async function playground(env: Record<string, string> = {}): Promise<Playground> {
  const p = await startPlayground(
    loadConfig({ GCM_TIMEZONE: zone, ...env }),
    createLogger(() => {}, LogLevel.ERROR),
    0,
  );
  started.push(p);
  return p;
}

interface Answer {
  status: number;
  body: string;
}

/** One HTTP request with exactly these headers (fetch would set Host and Origin itself). */
function send(url: string, opts: { method?: string; headers?: Record<string, string | number>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'POST', headers: opts.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Sends a body of `bytes` in 64 kB chunks (declared, or chunked when `declared` is false); resolves with the first answer. */
function sendHuge(url: string, host: string, bytes: number, declared: boolean): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const headers: Record<string, string | number> = { host, 'content-type': 'application/json' };
    if (declared) headers['content-length'] = bytes;
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, written });
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!answered && written < bytes) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** Everything a request could change: the database's records and what the bot asked of Slack. */
function observable(p: Playground) {
  return {
    calls: p.standin.calls.length,
    messages: p.standin.messages.length,
    audit: p.stores.state.auditCount(),
    completions: [...p.stores.state.completions('lac-2023-2024').keys()],
    focal: [...p.stores.state.focalPoints().entries()],
    day: p.clock.now().toISODate(),
  };
}

describe('the playground answers only the page on this machine', () => {
  it('listens on 127.0.0.1: the page, the stand-in of Slack and the bot’s receiver', async () => {
    const p = await playground();
    expect(new URL(p.url).hostname).toBe('127.0.0.1');
    expect(new URL(p.standin.apiUrl).hostname).toBe('127.0.0.1');
    const receiver = (p.bot.receiver as unknown as { server?: { address(): { address: string } } }).server;
    expect(receiver?.address().address).toBe('127.0.0.1');
  });

  it('a cross-origin POST, a text/plain POST, a wrong Host and a huge body change nothing, and are refused 403/415/403/413', async () => {
    const p = await playground();
    const host = new URL(p.url).host;
    const api = (route: string) => new URL(route, p.url).toString();
    const before = observable(p);
    const focal = JSON.stringify({ user: 'U0COCHAIR', text: '/gcm focal IOM <@U0MEMBER|luis>' });
    const done = JSON.stringify({ user: 'U0COCHAIR', text: '/gcm done B1.5' });

    // Another site's page, with the browser's Origin: a JSON fetch and a form-like text/plain post.
    expect(
      (await send(api('/api/command'), { headers: { host, origin: 'https://evil.example', 'content-type': 'application/json' }, body: done })).status,
    ).toBe(403);
    expect((await send(api('/api/command'), { headers: { host, origin: 'http://127.0.0.1:1', 'content-type': 'application/json' }, body: done })).status).toBe(
      403,
    );
    expect((await send(api('/api/clock'), { headers: { host, origin: 'null', 'content-type': 'application/json' }, body: '{"jump":"week"}' })).status).toBe(
      403,
    );
    // text/plain (what a cross-site form or no-preflight fetch can send), with or without an Origin.
    expect((await send(api('/api/command'), { headers: { host, 'content-type': 'text/plain' }, body: focal })).status).toBe(415);
    expect(
      (await send(api('/api/command'), { headers: { host, origin: `http://${host}`, 'content-type': 'text/plain;charset=UTF-8' }, body: focal })).status,
    ).toBe(415);
    expect((await send(api('/api/command'), { headers: { host }, body: focal })).status).toBe(415);
    // DNS rebinding: the right address under another name.
    expect((await send(api('/api/command'), { headers: { host: 'evil.example', 'content-type': 'application/json' }, body: focal })).status).toBe(403);
    expect((await send(api('/api/state'), { method: 'GET', headers: { host: `evil.example:${new URL(p.url).port}` } })).status).toBe(403);
    // Huge bodies: 50 MB declared is answered before it is read; a chunked one once past the limit.
    const declared = await sendHuge(api('/api/clock'), host, 50 * 1024 * 1024, true);
    expect(declared.status).toBe(413);
    expect(declared.written).toBeLessThan(50 * 1024 * 1024);
    const chunked = await sendHuge(api('/api/clock'), host, 50 * 1024 * 1024, false);
    expect(chunked.status).toBe(413);
    expect(chunked.written).toBeLessThan(50 * 1024 * 1024);
    const justOver = JSON.stringify({ user: 'U0COCHAIR', text: `/gcm done B1.5 ${'x'.repeat(bodyLimit)}` });
    expect((await send(api('/api/command'), { headers: { host, 'content-type': 'application/json' }, body: justOver })).status).toBe(413);

    expect(observable(p)).toEqual(before);

    // The page's own request (same origin, JSON) does change things: the refusals above were not luck.
    const ok = await send(api('/api/command'), { headers: { host, origin: `http://${host}`, 'content-type': 'application/json' }, body: focal });
    expect(ok.status).toBe(200);
    await expect.poll(() => p.stores.state.focalPointsOf('IOM')).toEqual(['U0IOM0001', 'U0MEMBER']);
    const localhost = await send(api('/api/command'), {
      headers: { host: `localhost:${new URL(p.url).port}`, 'content-type': 'application/json; charset=utf-8' },
      body: done,
    });
    expect(localhost.status).toBe(200);
    await expect.poll(() => p.stores.state.completions('lac-2023-2024').has('B1.5')).toBe(true);
  });

  it('bounds the number of open event streams', async () => {
    const p = await playground();
    const open: (() => void)[] = [];
    const stream = () =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(new URL('/api/events', p.url), { method: 'GET' }, (res) => {
          resolve(res.statusCode ?? 0);
          if (res.statusCode === 200) open.push(() => req.destroy());
          else res.resume();
        });
        req.on('error', (e) => (open.length ? undefined : reject(e)));
        req.end();
      });
    try {
      for (let i = 0; i < maxEventStreams; i++) expect(await stream()).toBe(200);
      expect(await stream()).toBe(429);
      open.pop()!();
      await expect.poll(stream).toBe(200);
    } finally {
      for (const close of open) close();
    }
  });
});

describe('stopping the playground gives the scheduler lease back', () => {
  it('start, stop, start again on one database file: the second posts reminders at once', async () => {
    const file = path.join(tempDir(), 'playground.sqlite');
    // 22 April 08:30: nothing due yet, but this one takes the lease.
    const first = await playground({ DATABASE_PATH: file });
    expect(first.stores.reminders.leaseHolder('scheduler')?.holder).toMatch(/^playground:/);
    // While the first runs, a second on the same file posts nothing (the lease is held): the check below is not luck.
    const second = await playground({ DATABASE_PATH: file, GCM_NOW: '2024-04-24T10:00:00' });
    expect(second.standin.callsOf('chat.postMessage')).toHaveLength(0);
    await started.pop()!.stop();
    await started.pop()!.stop();
    expect(first.stores.db.open).toBe(false);

    const third = await playground({ DATABASE_PATH: file, GCM_NOW: '2024-04-24T10:00:00' });
    // startPlayground awaits its first pass: the reminders due on 24 April are posted by the time it returns.
    const keys = third.standin.callsOf('chat.postMessage').map((c) => (c.params.metadata as { event_payload: { key: string } }).event_payload.key);
    expect(keys).toContain('lac-2023-2024|B1.2@2024-05|7');
  });
});

describe('the stand-in’s users.info', () => {
  it("offers the plan's calendar to download: GET /calendar.ics, the same file as /gcm calendar, in either language", async () => {
    const p = await playground();
    const host = new URL(p.url).host;
    const res = await new Promise<{ status: number; type: string; disposition: string; body: string }>((resolve, reject) => {
      const req = httpRequest(`${p.url}calendar.ics?lang=es&agency=OIM`, { headers: { host } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () =>
          resolve({
            status: r.statusCode ?? 0,
            type: String(r.headers['content-type']),
            disposition: String(r.headers['content-disposition']),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/calendar; charset=utf-8');
    // Named by its language: the page's English and Spanish links download two files.
    expect(res.disposition).toBe('attachment; filename="gcm-lac-2023-2024-IOM-es.ics"');
    const { name, events } = parseIcs(res.body);
    expect(name).toBe('GCM Plan de Trabajo 2023-2024 · OIM (IOM)');
    expect(events.length).toBeGreaterThan(0);
    expect((await send(`${p.url}calendar.ics?lang=fr`, { method: 'GET', headers: { host } })).status).toBe(400);
    // The page links to it.
    expect((await send(p.url, { method: 'GET', headers: { host } })).body).toContain('href="/calendar.ics?lang=es"');
  });

  it('answers the people it knows and user_not_found for any other id', async () => {
    const standin = new WebApiStandIn();
    const api = await standin.start();
    try {
      standin.addUsers({ id: 'U0ANA', name: 'ana', realName: 'Ana Morales', displayName: 'Ana' });
      const info = async (user: string) =>
        (await (
          await fetch(`${api}users.info`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `user=${user}` })
        ).json()) as {
          ok: boolean;
          error?: string;
          user?: { id: string; name: string; real_name: string };
        };
      expect(await info('U0ANA')).toMatchObject({ ok: true, user: { id: 'U0ANA', name: 'ana', real_name: 'Ana Morales' } });
      expect(await info('U0NOBODY')).toEqual({ ok: false, error: 'user_not_found' });
      const browser = await fetch(`${api}chat.postMessage`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: 'channel=C1&text=hi' });
      expect(browser.status).toBe(403);
      expect(standin.messages).toHaveLength(0);
    } finally {
      await standin.stop();
    }
  });

  it('in the playground, knows its people', async () => {
    const p = await playground();
    expect(p.standin.users.get('U0COCHAIR')?.name).toBe('ana');
    expect(p.standin.users.get('U0IOM0001')?.name).toBe('sofia');
  });
});

describe('the playground’s modals', () => {
  it('a modal is submitted only by whom it was opened for, through the same guard as every request', async () => {
    const p = await playground();
    const host = new URL(p.url).host;
    const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
      send(new URL(route, p.url).toString(), { headers: { host, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    expect((await post('/api/command', { user: 'U0IOM0001', text: '/gcm update B1.2 2024-05' })).status).toBe(200);
    await expect.poll(() => p.standin.lastView('U0IOM0001')).toBeTruthy();
    const viewId = p.standin.lastView('U0IOM0001')!.id;
    const cancel = { viewId, values: { status: 'cancelled', date: '', note: 'x', link: '' } };
    const before = observable(p);
    // Another person of the page, and another site, cannot submit it.
    expect((await post('/api/view-submit', { user: 'U0COCHAIR', ...cancel })).status).toBe(404);
    expect((await post('/api/view-submit', { user: 'U0IOM0001', ...cancel }, { origin: 'http://evil.example' })).status).toBe(403);
    expect(observable(p)).toEqual(before);
    expect(p.stores.state.statuses('lac-2023-2024').size).toBe(0);
    // Its own person can; an input the modal does not have is a plain 400.
    expect((await post('/api/view-submit', { user: 'U0IOM0001', viewId, values: { colour: 'red' } })).status).toBe(400);
    expect((await post('/api/view-submit', { user: 'U0IOM0001', ...cancel })).status).toBe(200);
    expect(p.stores.state.statuses('lac-2023-2024').get('B1.2@2024-05')?.status).toBe('cancelled');
    expect(p.standin.lastView('U0IOM0001')!.closed).toBe(true);
    // Closed: it cannot be submitted again.
    expect((await post('/api/view-submit', { user: 'U0IOM0001', ...cancel })).status).toBe(404);
  });
});

/** The key of every message the bot posted, in the order it posted them. */
const postedKeys = (p: Playground) =>
  p.standin.callsOf('chat.postMessage').map((c) => (c.params.metadata as { event_payload: { key: string } }).event_payload.key);

/**
 * What the bot must post between `from` and `to` (both in the bot's zone), worked out from the plan and the
 * schedule's rules rather than by the outbox: the Monday 09:00 digests, each occurrence's reminders 7 and 1
 * days before its due date (a weekend day moved to the Friday before) and its follow-up 3 days after.
 */
function expectedPosts(p: Playground, from: DateTime, to: DateTime): { key: string; at: DateTime }[] {
  const plan = p.stores.plans.plans()[0]!;
  const s = p.bot.reminders.settings;
  const inRange = (at: DateTime) => at >= from && at <= to;
  const out: { key: string; at: DateTime }[] = [];
  for (let day = from.startOf('day'); day <= to; day = day.plus({ days: 1 })) {
    const at = day.set({ hour: 9, minute: 0 });
    if (day.weekday === 1 && inRange(at)) out.push({ key: `${plan.id}|digest|${day.toISODate()}`, at });
  }
  for (const o of planOccurrences(p.stores, plan)) {
    if (!o.due) continue;
    for (const d of s.days) {
      const at = fireInstant(o.due, d, s);
      if (inRange(at)) out.push({ key: reminderKey(plan.id, o, d), at });
    }
    const at = followupInstant(o.due, s);
    if (inRange(at)) out.push({ key: followupKey(plan.id, o), at });
  }
  return out.sort((a, b) => a.at.toMillis() - b.at.toMillis());
}

describe('moving the playground’s clock runs every pass the bot would have run on the way', () => {
  const from = DateTime.fromISO('2024-04-22T08:30:00', { zone });
  const until = DateTime.fromISO('2024-05-31T00:00:00', { zone });

  async function clock(p: Playground, body: unknown) {
    const host = new URL(p.url).host;
    const r = await send(new URL('/api/clock', p.url).toString(), { headers: { host, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(r.status).toBe(200);
  }

  /** Each expected post was posted once, in order, at its instant by the bot's clock, and nothing else in between. */
  function expectPostedAsDue(p: Playground) {
    const keys = postedKeys(p);
    expect(new Set(keys).size).toBe(keys.length);
    const expected = expectedPosts(p, from, until);
    expect(expected.length).toBeGreaterThan(20);
    expect(expected[0]!.key).toBe('lac-2023-2024|digest|2024-04-22');
    expect(expected.some((e) => e.key.endsWith('|followup'))).toBe(true);
    const fireAt = (k: string) => DateTime.fromISO(p.stores.reminders.get(k)!.fireAt).toMillis();
    const inRange = keys.filter((k) => fireAt(k) < until.toMillis());
    // In order of their instants (several due at one instant go out in one pass, in the outbox's order).
    expect(inRange.map(fireAt)).toEqual(expected.map((e) => e.at.toMillis()));
    expect([...inRange].sort()).toEqual(expected.map((e) => e.key).sort());
    for (const { key, at } of expected) {
      const record = p.stores.reminders.get(key)!;
      expect(record.status, key).toBe('sent');
      // Posted on time: its message's ts is the bot's clock when it was posted.
      expect(Math.abs(Number(record.messageTs!.split('.')[0]) - at.toSeconds()), key).toBeLessThan(60);
    }
    // Nothing due on the way was skipped or failed.
    const lost = [...p.stores.reminders.keysOfPlan('lac-2023-2024')]
      .map((k) => p.stores.reminders.get(k)!)
      .filter((r) => r.status !== 'sent' && DateTime.fromISO(r.fireAt) >= from && DateTime.fromISO(r.fireAt) < until);
    expect(lost.map((r) => `${r.key} ${r.status}`)).toEqual([]);
  }

  it('"Next" from Monday 22 April 2024 08:30 to 31 May stops at each post of any kind: the digest of 22 April, every reminder and follow-up, each once, in order', async () => {
    const p = await playground();
    while (p.clock.now() < until) {
      const before = postedKeys(p).length;
      await clock(p, { jump: 'next' });
      const posted = postedKeys(p).slice(before);
      // Each press stops at the next thing the bot posts, and the clock shows its instant.
      expect(posted.length, p.clock.now().toISO()!).toBeGreaterThan(0);
      expect(DateTime.fromISO(p.stores.reminders.get(posted[0]!)!.fireAt).toMillis()).toBe(p.clock.now().set({ second: 0, millisecond: 0 }).toMillis());
    }
    expectPostedAsDue(p);
  }, 60_000);

  it('a week at a time, or one jump by date, posts the same as Next, each on time', async () => {
    const weekly = await playground();
    while (weekly.clock.now() < until) await clock(weekly, { jump: 'week' });
    expectPostedAsDue(weekly);
    const once = await playground();
    await clock(once, { set: '2024-05-31T00:00:00' });
    expectPostedAsDue(once);
  }, 60_000);
});
