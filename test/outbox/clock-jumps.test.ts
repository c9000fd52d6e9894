import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { fixedClock, type SettableClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { continuousGapMs, Outbox } from '../../src/outbox/outbox.js';
import type { Stores } from '../../src/stores.js';
import { channel } from '../helpers/slack.js';
import { at, loadedStores, zone } from '../helpers/stores.js';

const plan = 'lac-2023-2024';
const standins: WebApiStandIn[] = [];
afterEach(async () => {
  while (standins.length) await standins.pop()!.stop();
});

/** An outbox with the bot's clock and the wall clock both injected (the wall clock in ms, set by the test). */
async function outboxAt(now: string, opts: { stores?: Stores; holder?: string; logs?: string[]; wall?: { ms: number } } = {}) {
  const standin = new WebApiStandIn();
  standins.push(standin);
  await standin.start();
  const stores = opts.stores ?? loadedStores();
  const clock: SettableClock = fixedClock(at(now), zone);
  const wall = opts.wall ?? { ms: 1_000_000 };
  const logs = opts.logs ?? [];
  const outbox = new Outbox({
    stores,
    clock,
    client: new WebClient('xoxb-test', { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } }),
    config: loadConfig({ GCM_REMINDER_CHANNEL: channel, GCM_TIMEZONE: zone }),
    logger: createLogger((l) => logs.push(l), LogLevel.INFO),
    holder: opts.holder ?? 'this-copy',
    wallMs: () => wall.ms,
  });
  const textOf = (key: string) =>
    String(standin.callsOf('chat.postMessage').find((c) => (c.params.metadata as { event_payload: { key: string } }).event_payload.key === key)?.params.text);
  return { outbox, clock, wall, stores, standin, logs, textOf };
}

describe("moving the bot's clock forward while it runs is not downtime", () => {
  it('a reminder whose time the clock jumped past between two passes a minute apart is posted as a normal reminder', async () => {
    const o = await outboxAt('2024-04-22T08:30:00');
    await o.outbox.tick();
    o.wall.ms += 60_000;
    o.clock.set(at('2024-04-24T10:00:00'));
    const r = await o.outbox.tick();
    // B1.3 · April 2024 is due 30 April; its 7-day reminder was due on 23 April at 09:00.
    expect(r.sent).toContain(`${plan}|B1.3@2024-04|7`);
    // Posted on 24 April: it says the real gap to 30 April, not its 7-day offset.
    expect(o.textOf(`${plan}|B1.3@2024-04|7`)).toMatch(/^Reminder: due in 6 days/);
    expect(o.stores.reminders.get(`${plan}|B1.3@2024-04|7`)!.late).toBe(false);
  });

  it('the same jump after a gap of wall-clock time (the bot was not running) keeps the late wording', async () => {
    const o = await outboxAt('2024-04-22T08:30:00');
    await o.outbox.tick();
    o.wall.ms += continuousGapMs + 60_000;
    o.clock.set(at('2024-04-24T10:00:00'));
    await o.outbox.tick();
    expect(o.textOf(`${plan}|B1.3@2024-04|7`)).toMatch(/^Late reminder: it was due to go out on 23 April 2024/);
    expect(o.stores.reminders.get(`${plan}|B1.3@2024-04|7`)!.late).toBe(true);
  });

  it('the first pass after a start is after downtime: late wording', async () => {
    const o = await outboxAt('2024-04-24T10:00:00');
    await o.outbox.tick();
    expect(o.textOf(`${plan}|B1.3@2024-04|7`)).toMatch(/^Late reminder/);
  });

  it('a reminder missed before the previous pass (not jumped over) is still late', async () => {
    const o = await outboxAt('2024-04-24T10:00:00');
    // The first pass records and posts the April deadline late; a record removed from view is not the point:
    // a later continuous pass never turns an already late slot into an on-time one.
    await o.outbox.tick();
    o.wall.ms += 60_000;
    o.clock.set(at('2024-04-24T10:01:00'));
    expect((await o.outbox.tick()).sent).toEqual([]);
    expect(o.stores.reminders.get(`${plan}|B1.3@2024-04|7`)!.late).toBe(true);
  });

  it('the catch-up rules stay: one reminder per occurrence (the latest), and none once its due date has passed', async () => {
    const o = await outboxAt('2024-04-22T08:30:00');
    await o.outbox.tick();
    o.wall.ms += 60_000;
    o.clock.set(at('2024-04-30T08:00:00'));
    const r = await o.outbox.tick();
    expect(r.sent).toContain(`${plan}|B1.3@2024-04|1`);
    expect(r.sent).not.toContain(`${plan}|B1.3@2024-04|7`);
    expect(o.stores.reminders.get(`${plan}|B1.3@2024-04|7`)!.status).toBe('skipped');
    // Posted on 30 April, the due day itself: it says so, not its 1-day offset.
    expect(o.textOf(`${plan}|B1.3@2024-04|1`)).toMatch(/^Reminder: due today/);

    const p = await outboxAt('2024-04-22T08:30:00');
    await p.outbox.tick();
    p.wall.ms += 60_000;
    p.clock.set(at('2024-05-02T10:00:00'));
    const q = await p.outbox.tick();
    expect(q.sent.filter((k) => k.includes('B1.3@2024-04'))).toEqual([]);
  });
});

describe('lease takeover is logged', () => {
  it('a copy that waited for an expired lease says whose lease it took and how long it waited', async () => {
    const wall = { ms: 1_000_000 };
    const stores = loadedStores();
    const first = await outboxAt('2024-04-24T10:00:00', { stores, holder: 'first-copy', wall });
    const logs: string[] = [];
    const second = await outboxAt('2024-04-24T10:00:00', { stores, holder: 'second-copy', wall, logs });
    await first.outbox.tick();
    wall.ms += 30_000;
    expect((await second.outbox.tick()).skipped).toBe('lease');
    expect(logs.join('\n')).toContain('another copy of the bot holds the scheduler lease on this database (first-copy)');
    // The first copy dies without releasing; its lease (45 s) expires at +45 s.
    wall.ms += 35_000; // +65 s
    expect((await second.outbox.tick()).skipped).toBeUndefined();
    expect(logs.join('\n')).toContain('took over the scheduler lease from first-copy, whose lease expired 20 s ago, after waiting 35 s for it');
  });

  const claim = (holder: string) => ({ holder, host: 'host-1', pid: 4242 });

  it('acquireLease says who holds a lease, and from whom an expired one was taken; a released lease is no takeover', () => {
    const stores = loadedStores();
    expect(stores.reminders.acquireLease('scheduler', claim('a'), 0, 1000)).toEqual({ ok: true, tookOverFrom: null });
    expect(stores.reminders.acquireLease('scheduler', claim('a'), 500, 1000)).toEqual({ ok: true, tookOverFrom: null });
    expect(stores.reminders.acquireLease('scheduler', claim('b'), 1000, 1000)).toEqual({ ok: false, holder: 'a' });
    expect(stores.reminders.acquireLease('scheduler', claim('b'), 1600, 1000)).toEqual({ ok: true, tookOverFrom: { holder: 'a', expiredAtMs: 1500 } });
    stores.reminders.releaseLease('scheduler', 'b');
    expect(stores.reminders.acquireLease('scheduler', claim('a'), 1700, 1000)).toEqual({ ok: true, tookOverFrom: null });
  });
});
