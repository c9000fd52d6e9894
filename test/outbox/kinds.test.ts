import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { dueRecord, nothingDue, type OutboxKind } from '../../src/outbox/kind.js';
import { outboxKinds } from '../../src/outbox/kinds/index.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { channel, coChair, startBot } from '../helpers/slack.js';
import { at, zone } from '../helpers/stores.js';

const env = { GCM_REMINDER_CHANNEL: channel };
type Bot = Awaited<ReturnType<typeof startBot>>;

/** An outbox on the test bot's database and stand-in, with its own kinds and logs. */
function outboxOf(t: Bot, kinds: readonly OutboxKind[], logs: string[]): Outbox {
  return new Outbox({
    stores: t.stores,
    clock: t.clock,
    client: new WebClient('xoxb-test', { slackApiUrl: t.standin.apiUrl, retryConfig: { retries: 0 } }),
    config: loadConfig({ ...env, GCM_TIMEZONE: zone }),
    logger: createLogger((l) => logs.push(l), LogLevel.INFO),
    holder: 'kinds-test',
    kinds,
  });
}

describe('a new kind of message', () => {
  it('is one object: recorded once before it is posted, posted in the thread it names, then its after-post hook runs', async () => {
    const t = await startBot(env, '2024-04-22T09:00:00');
    const after: string[] = [];
    // Threads under the day's digest, once the digest is out.
    const hello: OutboxKind = {
      kind: 'hello',
      due: (ctx, pass) =>
        ctx.records.get(`${pass.plan.id}|digest|${ctx.now.toISODate()}`)?.status === 'sent'
          ? { post: [dueRecord({ key: `${pass.plan.id}|hello|${ctx.now.toISODate()}`, planId: pass.plan.id, fireAt: ctx.now.toUTC().toISO()! })], skip: [] }
          : nothingDue,
      render: async () => ({ text: 'Hello', blocks: [] }),
      threadOf: (_r, _channel, ctx) => ctx.records.get(`lac-2023-2024|digest|${ctx.now.toISODate()}`)?.messageTs ?? undefined,
      afterPost: async (r, ch, ts) => {
        after.push(`${r.key} ${ch} ${ts}`);
      },
    };
    const outbox = outboxOf(t, [...outboxKinds, hello], []);
    const first = await outbox.tick();
    expect(first.sent).toContain('lac-2023-2024|digest|2024-04-22');
    expect(first.sent).not.toContain('lac-2023-2024|hello|2024-04-22');
    const second = await outbox.tick();
    expect(second.recorded).toEqual(['lac-2023-2024|hello|2024-04-22']);
    expect(second.sent).toEqual(['lac-2023-2024|hello|2024-04-22']);
    expect((await outbox.tick()).sent).toEqual([]);
    const digest = t.stores.reminders.get('lac-2023-2024|digest|2024-04-22')!;
    const posted = t.standin.messages.filter((m) => m.text === 'Hello');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.threadTs).toBe(digest.messageTs);
    expect(posted[0]!.metadata).toEqual({ event_type: 'gcm_reminder', event_payload: { key: 'lac-2023-2024|hello|2024-04-22' } });
    expect(after).toEqual([`lac-2023-2024|hello|2024-04-22 ${channel} ${posted[0]!.ts}`]);
  });

  it('a record whose kind this version does not know stays pending, and the log says so once', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    const base = { planId: 'lac-2023-2024', occurrenceKey: null, activityId: null, offsetDays: null, dueDate: null, late: false, channel };
    t.stores.reminders.record({ ...base, key: 'lac-2023-2024|later|1', kind: 'later', fireAt: '2024-04-24T12:00:00.000Z' }, '2024-04-24T12:00:00.000Z');
    const logs: string[] = [];
    const outbox = outboxOf(t, outboxKinds, logs);
    expect((await outbox.tick()).sent).toHaveLength(5);
    expect((await outbox.tick()).sent).toEqual([]);
    expect(t.stores.reminders.get('lac-2023-2024|later|1')!.status).toBe('pending');
    expect(logs.filter((l) => l.includes('no kind later'))).toHaveLength(1);
  });
});

describe('Outbox.message: the current message of a recorded item, for its buttons', () => {
  it('renders a reminder fresh, in the language asked, with the notice on top: Reopen once it is done', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    const key = 'lac-2023-2024|B1.2@2024-05|7';
    // Before any change: the posted message, with the notice on top.
    const posted = t.standin.callsOf('chat.postMessage').find((c) => JSON.stringify(c.params.metadata).includes(key))!;
    const same = (await t.bot.reminders.message(key, 'en', 'A notice'))!;
    expect(same.text).toBe(posted.params.text);
    expect(JSON.parse(JSON.stringify(same.blocks))).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'A notice' }] },
      ...(posted.params.blocks as unknown[]),
    ]);
    const before = (await t.bot.reminders.message(key, 'es', 'Un aviso'))!;
    expect(before.blocks[0]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Un aviso' }] });
    expect(JSON.stringify(before.blocks)).toContain('Marcar como hecha');
    expect(JSON.stringify(before.blocks)).toContain('gcm_set_date');
    t.stores.state.markDone('lac-2023-2024', 'B1.2', 'B1.2@2024-05', { userId: coChair, source: 'test' }, '2024-04-24T14:00:00.000Z');
    const after = (await t.bot.reminders.message(key, 'en', 'Done'))!;
    expect(JSON.stringify(after.blocks)).toContain('gcm_reopen');
    expect(JSON.stringify(after.blocks)).not.toContain('gcm_mark_done');
    expect(JSON.stringify(after.blocks)).not.toContain('gcm_set_date');
  });

  it("a follow-up's mentions the co-chairs; a digest, a report or an unknown key has none (null)", async () => {
    const t = await startBot({ ...env, GCM_REPORT: 'auto' }, '2024-05-03T09:00:00');
    const r = await t.bot.reminders.tick();
    expect(r.sent).toContain('lac-2023-2024|B1.3@2024-04|followup');
    const followup = (await t.bot.reminders.message('lac-2023-2024|B1.3@2024-04|followup', 'en', 'Notice'))!;
    expect(JSON.stringify(followup.blocks)).toContain(`<@${coChair}>`);
    expect(JSON.stringify(followup.blocks)).toContain('Follow-up: this was due on 30 April 2024');
    expect(await t.bot.reminders.message('lac-2023-2024|nothing|1', 'en', 'Notice')).toBeNull();
    t.clock.set(at('2024-05-06T09:00:00'));
    expect((await t.bot.reminders.tick()).sent).toContain('lac-2023-2024|digest|2024-05-06');
    expect(await t.bot.reminders.message('lac-2023-2024|digest|2024-05-06', 'en', 'Notice')).toBeNull();
    t.clock.set(at('2024-07-01T09:00:00'));
    expect((await t.bot.reminders.tick()).sent).toContain('lac-2023-2024|report|2024-04-01');
    expect(await t.bot.reminders.message('lac-2023-2024|report|2024-04-01', 'en', 'Notice')).toBeNull();
  });
});

describe('the quarterly report', () => {
  it('covers the period recorded in its columns, whatever its key says', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    const key = 'lac-2023-2024|report|first-quarter';
    t.stores.reminders.record(
      {
        key,
        kind: 'report',
        planId: 'lac-2023-2024',
        occurrenceKey: null,
        activityId: null,
        offsetDays: null,
        dueDate: '2024-03-31',
        periodFrom: '2024-01-01',
        periodTo: '2024-03-31',
        fireAt: '2024-04-24T13:00:00.000Z',
        late: false,
        channel,
      },
      '2024-04-24T13:00:00.000Z',
    );
    expect((await t.bot.reminders.tick()).sent).toContain(key);
    const post = t.standin.callsOf('chat.postMessage').find((c) => JSON.stringify(c.params.metadata).includes(key))!;
    expect(post.params.text).toBe('Progress report, 1 January 2024 to 31 March 2024');
    expect([...t.standin.files.values()].map((f) => f.filename)).toEqual(['gcm-report-2024-01-01-2024-03-31.md']);
    expect(t.standin.callsOf('files.completeUploadExternal')[0]!.params.thread_ts).toBe(t.stores.reminders.get(key)!.messageTs);
  });
});
