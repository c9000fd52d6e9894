import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { fixedClock, offsetClock, type Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { leaseTtlMs, Outbox, schedulerLease } from '../../src/outbox/outbox.js';
import { startScheduler } from '../../src/scheduler/start-scheduler.js';
import { tokenFailure, verifyToken } from '../../src/slack-app.js';
import type { Stores } from '../../src/stores.js';
import { channel, coChair, eventually, startBot } from '../helpers/slack.js';
import { at, loadedStores, zone } from '../helpers/stores.js';

const env = { GCM_REMINDER_CHANNEL: channel };
const plan = 'lac-2023-2024';
/** The five reminders due at 2024-04-24 10:00 (test/outbox/outbox.test.ts). */
const dueAt24April = [`${plan}|B1.2@2024-05|7`, `${plan}|B1.3@2024-04|7`, `${plan}|B1.4@2024-04|7`, `${plan}|B2.1@2024-05|7`, `${plan}|B3.1@2024-05|7`];
type Bot = Awaited<ReturnType<typeof startBot>>;
const keyOf = (m: { metadata?: { event_payload: Record<string, unknown> } }) => String(m.metadata?.event_payload.key ?? '');
const postedKeys = (t: { standin: WebApiStandIn }) => t.standin.messages.filter((m) => m.metadata).map(keyOf);

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** An outbox of its own on `stores`, against a fresh stand-in, with a wall clock the test moves. */
async function ownOutbox(
  o: { stores?: Stores; clock?: Clock; holder?: string; host?: string; pid?: number; timeoutMs?: number; wall?: { ms: number } | 'real' } = {},
) {
  const standin = new WebApiStandIn();
  await standin.start();
  cleanup.push(() => standin.stop());
  const stores = o.stores ?? loadedStores();
  const logs: string[] = [];
  const wall = o.wall ?? { ms: 1_000_000 };
  const outbox = new Outbox({
    stores,
    clock: o.clock ?? fixedClock(at('2024-04-24T10:00:00'), zone),
    client: new WebClient('xoxb-test', {
      slackApiUrl: standin.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: o.timeoutMs ?? 10_000,
    }),
    config: loadConfig({ GCM_REMINDER_CHANNEL: channel, GCM_TIMEZONE: zone }),
    logger: createLogger((l) => logs.push(l), LogLevel.INFO),
    holder: o.holder ?? 'this-copy',
    ...(o.host ? { host: o.host } : {}),
    ...(o.pid ? { pid: o.pid } : {}),
    ...(wall === 'real' ? {} : { wallMs: () => wall.ms }),
  });
  return { outbox, standin, stores, logs };
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

describe('permanent errors', () => {
  it('not_in_channel: each reminder is tried once, recorded as failed, logged once as an error, and never retried', async () => {
    const t = await startBot(env);
    t.standin.failNext('chat.postMessage', ...dueAt24April.map(() => ({ error: 'not_in_channel' })));
    const first = await t.bot.reminders.tick();
    expect(first.failed.sort()).toEqual(dueAt24April);
    for (const key of dueAt24April) {
      const r = t.stores.reminders.get(key)!;
      expect(r).toMatchObject({ status: 'failed', attempts: 1, lastError: 'not_in_channel' });
    }
    for (const minutes of [1, 2, 5, 30, 120]) {
      t.clock.set(at('2024-04-24T10:00:00').plus({ minutes }));
      await t.bot.reminders.tick();
    }
    expect(t.standin.callsOf('chat.postMessage')).toHaveLength(5);
    // Only the first pass's read of the channel (a new database: docs/outbox.md); no record is looked for.
    expect(t.standin.callsOf('conversations.history')).toHaveLength(1);
    for (const key of dueAt24April) expect(t.stores.reminders.get(key)!.attempts).toBe(1);
    const errors = t.logs.filter((l) => l.includes('cannot be posted: Slack says not_in_channel'));
    expect(errors).toHaveLength(5);
    expect(new Set(errors).size).toBe(5);
    expect(errors[0]).toMatch(/ ERROR .*invite the bot to the channel: \/invite @gcm.*will not be retried/);
  });

  it('a lookup that fails for good counts its attempt and stops the record: the attempt is counted before the lookup', async () => {
    const t = await startBot(env);
    t.standin.failNext('chat.postMessage', { cut: true });
    await t.bot.reminders.tick();
    const lost = t.stores.reminders.unsent()[0]!;
    expect(lost.attempts).toBe(1);
    // The bot was removed from the channel meanwhile: the lookup is refused.
    t.standin.failNext('conversations.history', { error: 'not_in_channel' });
    t.clock.set(at('2024-04-24T10:01:00'));
    await t.bot.reminders.tick();
    expect(t.stores.reminders.get(lost.key)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'not_in_channel' });
    expect(postedKeys(t).sort()).toEqual(dueAt24April.filter((k) => k !== lost.key));
  });

  it('a lookup that fails for a while backs off as documented: 30 s, 60 s, 120 s', async () => {
    const t = await startBot(env);
    t.standin.failNext('chat.postMessage', { cut: true });
    await t.bot.reminders.tick();
    const key = t.stores.reminders.unsent()[0]!.key;
    const next = () => t.stores.reminders.get(key)!.nextAttemptAt;
    expect(next()).toBe(at('2024-04-24T10:00:30').toUTC().toISO());
    t.standin.failNext('conversations.history', { status: 500 }, { status: 500 });
    t.clock.set(at('2024-04-24T10:00:30'));
    await t.bot.reminders.tick();
    expect(t.stores.reminders.get(key)!.attempts).toBe(2);
    expect(next()).toBe(at('2024-04-24T10:01:30').toUTC().toISO());
    t.clock.set(at('2024-04-24T10:01:30'));
    await t.bot.reminders.tick();
    expect(t.stores.reminders.get(key)!.attempts).toBe(3);
    expect(next()).toBe(at('2024-04-24T10:03:30').toUTC().toISO());
    t.clock.set(at('2024-04-24T10:03:30'));
    expect((await t.bot.reminders.tick()).sent).toEqual([key]);
    expect(postedKeys(t).filter((k) => k === key)).toHaveLength(1);
  });

  it('/gcm reminders tells co-chairs what failed and what to do, in English and in Spanish', async () => {
    const t = await startBot(env);
    t.standin.failNext('chat.postMessage', { error: 'not_in_channel' }, { error: 'invalid_auth' });
    await t.bot.reminders.tick();
    await t.command('reminders', coChair);
    const en = JSON.stringify((await eventually(() => t.standin.callsOf('response_url')[0])).params.blocks);
    expect(en).toContain('B1.3@2024-04|7');
    expect(en).toMatch(/failed · 1 attempt, last error: not_in_channel/);
    expect(en).toContain('Invite the bot to the channel: /invite @gcm');
    expect(en).toContain('invalid_auth');
    expect(en).toContain('Reinstall the app in the workspace (or set the new SLACK_BOT_TOKEN) and restart the bot.');
    const es = await askInSpanish(t);
    expect(es).toContain('Invite al bot al canal: /invite @gcm');
    expect(es).toContain('Reinstale la app en el espacio de trabajo');
  });
});

/** `/gcm recordatorios` from a co-chair whose Slack is in Spanish. */
async function askInSpanish(t: Bot): Promise<string> {
  t.standin.locales.set(coChair, 'es-ES');
  const before = t.standin.callsOf('response_url').length;
  await t.command('recordatorios', coChair);
  return JSON.stringify((await eventually(() => t.standin.callsOf('response_url')[before])).params.blocks);
}

describe('a Slack that does not answer', () => {
  it('a post that is never answered times out; the pass goes on with the others, and the post is retried once, found or posted', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00', { apiTimeoutMs: 300 });
    t.standin.failNext('chat.postMessage', { hang: true });
    const first = await t.bot.reminders.tick();
    expect(first.sent).toHaveLength(4);
    expect(first.failed).toHaveLength(1);
    const stuck = t.stores.reminders.get(first.failed[0]!)!;
    expect(stuck).toMatchObject({ status: 'pending', attempts: 1 });
    expect(stuck.lastError).toMatch(/timeout|aborted/i);
    t.clock.set(at('2024-04-24T10:00:30'));
    const second = await t.bot.reminders.tick();
    expect(second.sent).toEqual([stuck.key]);
    // The first pass's read of the channel (a new database), then the lookup of the post never answered.
    expect(t.standin.callsOf('conversations.history')).toHaveLength(2);
    expect(postedKeys(t).sort()).toEqual(dueAt24April);
  });

  it('a pass that overlaps a slow one is skipped, and the log says so once', async () => {
    const o = await ownOutbox();
    o.standin.failNext('chat.postMessage', { delayMs: 400 });
    const slow = o.outbox.tick();
    await eventually(() => o.standin.callsOf('chat.postMessage').length === 1);
    expect((await o.outbox.tick()).skipped).toBe('overlap');
    expect((await o.outbox.tick()).skipped).toBe('overlap');
    expect((await slow).sent).toHaveLength(5);
    const said = o.logs.filter((l) => l.includes('is still running: a pass is skipped until it ends'));
    expect(said).toHaveLength(1);
    // How long ago it started, said truly: never "0 s ago".
    expect(said[0]).toMatch(/started (less than a second|\d+ s|\d+ min( \d+ s)?) ago/);
    expect(said[0]).not.toContain(' 0 s ago');
  });

  it('auth.test that Slack never answers fails after the timeout with a plain message', async () => {
    const standin = new WebApiStandIn();
    const url = await standin.start();
    cleanup.push(() => standin.stop());
    standin.failNext('auth.test', { hang: true }, { hang: true });
    const failure = await verifyToken('xoxb-never-shown', url, 200).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).not.toBeNull();
    const said = tokenFailure(failure, url, 200);
    expect(said).toBe(`Slack did not answer auth.test within 0.2 s, twice, at ${url}: check the network (a proxy, a firewall) and SLACK_API_URL.`);
    standin.failNext('auth.test', { error: 'invalid_auth' });
    const refused = await verifyToken('xoxb-never-shown', url, 200).catch((e: unknown) => e);
    expect(tokenFailure(refused, url)).toMatch(/^Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
    expect(said + tokenFailure(refused, url)).not.toContain('xoxb-never-shown');
  });
});

describe('Retry-After and backoff', () => {
  it('a 429 with Retry-After: 1 is posted within 5 s, by a pass of its own, not at the next minute', async () => {
    const o = await ownOutbox({ clock: offsetClock(at('2024-04-24T10:00:00'), zone), wall: 'real' });
    o.standin.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const scheduler = startScheduler(
      o.outbox,
      zone,
      createLogger(() => {}, LogLevel.ERROR),
    );
    cleanup.push(() => scheduler.stop());
    await eventually(() => o.standin.callsOf('chat.postMessage').length >= 1);
    const limitedAt = o.standin.callsOf('chat.postMessage')[0]!.at;
    const limitedKey = keyOf({ metadata: o.standin.callsOf('chat.postMessage')[0]!.params.metadata as never });
    await eventually(() => postedKeys(o).length === 5, 5_000);
    const posted = o.standin.callsOf('chat.postMessage').filter((c) => keyOf({ metadata: c.params.metadata as never }) === limitedKey);
    expect(posted).toHaveLength(2);
    expect(posted[1]!.at - limitedAt).toBeGreaterThanOrEqual(1000);
    expect(posted[1]!.at - limitedAt).toBeLessThan(5000);
    expect(postedKeys(o).sort()).toEqual(dueAt24April);
  });

  it('429s, 500s and cut connections: every reminder is posted once within 90 s of the first pass', async () => {
    const t = await startBot(env);
    t.standin.failNext('chat.postMessage', { status: 500 }, { cut: true }, { status: 429, retryAfter: 10 });
    // The first read of the channel (a new database) goes through; the lookups of the posts cut short fail.
    t.standin.failNext('conversations.history', { delayMs: 0 }, { status: 500 }, { cut: true });
    const start = at('2024-04-24T10:00:00');
    let now = start;
    let report = await t.bot.reminders.tick();
    // Passes come every minute, and sooner when a record may be retried (the scheduler's timer).
    while (postedKeys(t).length < 5 && now < start.plus({ minutes: 10 })) {
      now = now.plus({ milliseconds: Math.min(60_000, report.retryInMs ?? 60_000) });
      t.clock.set(now);
      report = await t.bot.reminders.tick();
    }
    expect(postedKeys(t).sort()).toEqual(dueAt24April);
    expect(now.diff(start).as('seconds')).toBeLessThanOrEqual(90);
  });
  it('a record ready now that the pass leaves (a kind this version lacks) asks for no extra pass: no busy loop', async () => {
    const o = await ownOutbox();
    const key = `${plan}|mystery|1`;
    o.stores.reminders.record(
      {
        key,
        kind: 'mystery',
        planId: plan,
        occurrenceKey: null,
        activityId: null,
        offsetDays: null,
        dueDate: null,
        fireAt: '2024-04-24T12:00:00.000Z',
        late: false,
        channel,
      },
      '2024-04-24T12:00:00.000Z',
    );
    o.stores.reminders.retryLater(key, '2024-04-24T13:00:00.000Z', 'earlier failure');
    const r = await o.outbox.tick();
    expect(r.sent).toHaveLength(5);
    expect(o.stores.reminders.get(key)!.status).toBe('pending');
    expect(r.retryInMs).toBeUndefined();
  });
});

describe('the lease', () => {
  it('records its holder, host and pid, and when the last pass ran', async () => {
    const o = await ownOutbox({ host: 'box-1', pid: 4242 });
    expect(o.stores.reminders.leaseHolder()).toBeNull();
    expect(o.stores.reminders.lastPassAt()).toBeNull();
    await o.outbox.tick();
    expect(o.stores.reminders.leaseHolder()).toEqual({ holder: 'this-copy', host: 'box-1', pid: 4242, expiresAt: 1_000_000 + leaseTtlMs });
    expect(o.stores.reminders.lastPassAt()).toBe(new Date(1_000_000).toISOString());
    o.outbox.release();
    expect(o.stores.reminders.leaseHolder(schedulerLease)).toBeNull();
  });

  it('a lease held by a process of this host that no longer exists is taken at once', async () => {
    const stores = loadedStores();
    const gone = deadPid();
    stores.reminders.acquireLease(schedulerLease, { holder: 'crashed', host: hostname(), pid: gone }, 1_000_000, leaseTtlMs);
    const o = await ownOutbox({ stores, wall: { ms: 1_001_000 } });
    const r = await o.outbox.tick();
    expect(r.skipped).toBeUndefined();
    expect(r.sent).toHaveLength(5);
    expect(o.logs.join('\n')).toContain(`took over the scheduler lease from crashed, whose process (pid ${gone} on this host) no longer exists`);
  });

  it('a restarted container (same host, same pid, another name) takes its old lease at once', async () => {
    const stores = loadedStores();
    stores.reminders.acquireLease(schedulerLease, { holder: 'box:1:old', host: 'box', pid: 1 }, 1_000_000, leaseTtlMs);
    const o = await ownOutbox({ stores, host: 'box', pid: 1, holder: 'box:1:new', wall: { ms: 1_001_000 } });
    expect((await o.outbox.tick()).sent).toHaveLength(5);
  });

  it('a living process, or one of another host, keeps its lease until it expires; then it is taken at once', async () => {
    const stores = loadedStores();
    stores.reminders.acquireLease(schedulerLease, { holder: 'alive-here', host: hostname(), pid: process.ppid }, 1_000_000, leaseTtlMs);
    const wall = { ms: 1_001_000 };
    const here = await ownOutbox({ stores, wall });
    const refused = await here.outbox.tick();
    expect(refused.skipped).toBe('lease');
    // The scheduler tries again when the lease expires, not a minute later.
    expect(refused.retryInMs).toBe(1_000_000 + leaseTtlMs - 1_001_000 + 500);
    stores.reminders.acquireLease(schedulerLease, { holder: 'elsewhere', host: 'other-host', pid: deadPid() }, 1_000_000, leaseTtlMs, 'alive-here');
    expect((await here.outbox.tick()).skipped).toBe('lease');
    wall.ms = 1_000_000 + leaseTtlMs + 1;
    expect((await here.outbox.tick()).sent).toHaveLength(5);
  });

  it('shutdown lets the post in flight finish, starts no other, and gives the lease back', async () => {
    const o = await ownOutbox();
    o.standin.failNext('chat.postMessage', { delayMs: 300 });
    const pass = o.outbox.tick();
    await eventually(() => o.standin.callsOf('chat.postMessage').length === 1);
    await o.outbox.stop();
    const r = await pass;
    expect(r.sent).toHaveLength(1);
    expect(o.stores.reminders.get(r.sent[0]!)!.status).toBe('sent');
    expect(o.standin.callsOf('chat.postMessage')).toHaveLength(1);
    expect(o.stores.reminders.unsent()).toHaveLength(4);
    expect(o.stores.reminders.leaseHolder()).toBeNull();
    expect((await o.outbox.tick()).skipped).toBe('stopping');
  });

  it('shutdown waits for a post Slack never answers only so long, then gives the lease back', async () => {
    const o = await ownOutbox();
    o.standin.failNext('chat.postMessage', { hang: true });
    const pass = o.outbox.tick();
    await eventually(() => o.standin.callsOf('chat.postMessage').length === 1);
    await o.outbox.stop(200);
    expect(o.stores.reminders.leaseHolder()).toBeNull();
    expect(o.logs.join('\n')).toContain('did not finish within 0.2 s');
    // The process would end here; the post cut short stays pending, attempted: the next copy looks for it first.
    await o.standin.stop();
    const cut = (await pass).failed;
    expect(cut).toHaveLength(1);
    expect(o.stores.reminders.get(cut[0]!)).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
