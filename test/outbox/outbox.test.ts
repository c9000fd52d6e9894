import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { channel, coChair, eventually, member, startBot } from '../helpers/slack.js';
import { at, zone } from '../helpers/stores.js';

const env = { GCM_REMINDER_CHANNEL: channel };
const posts = (t: Awaited<ReturnType<typeof startBot>>) => t.standin.callsOf('chat.postMessage');
const keysOf = (t: Awaited<ReturnType<typeof startBot>>) => posts(t).map((c) => (c.params.metadata as { event_payload: { key: string } }).event_payload.key);

describe('the reminder pass', () => {
  it('at 2024-04-24 10:00 posts the May meeting reminders and the missed April deadlines (late), each once, with Mark done', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    const r = await t.bot.reminders.tick();
    expect(r.sent.sort()).toEqual([
      'lac-2023-2024|B1.2@2024-05|7',
      'lac-2023-2024|B1.3@2024-04|7',
      'lac-2023-2024|B1.4@2024-04|7',
      'lac-2023-2024|B2.1@2024-05|7',
      'lac-2023-2024|B3.1@2024-05|7',
    ]);
    const b13 = posts(t).find((c) => JSON.stringify(c.params.metadata).includes('B1.3@2024-04'))!;
    expect(b13.params.text).toMatch(/^Late reminder/);
    expect(JSON.stringify(b13.params.blocks)).toContain('gcm_mark_done');
    expect(JSON.stringify(b13.params.blocks)).toMatch(/<!date\^\d+\^\{date_long\}\|30 April 2024>/);
    const b12 = posts(t).find((c) => JSON.stringify(c.params.metadata).includes('B1.2@2024-05'))!;
    expect(b12.params.text).toMatch(/^Reminder: due in 7 days/);
    expect(JSON.stringify(b12.params.blocks)).toContain('gcm_set_date');
    expect(JSON.stringify(b12.params.blocks)).toContain('IOM and ECLAC');
    // The same clock again, and a restarted copy on the same database: nothing new.
    expect((await t.bot.reminders.tick()).sent).toEqual([]);
    t.bot.reminders.release();
    const restarted = new Outbox({
      stores: t.stores,
      clock: fixedClock(at('2024-04-24T10:00:00'), zone),
      client: new WebClient('xoxb-test', { slackApiUrl: t.standin.apiUrl, retryConfig: { retries: 0 } }),
      config: loadConfig({ ...env, GCM_TIMEZONE: zone }),
      logger: createLogger(() => {}, LogLevel.ERROR),
      holder: 'restarted',
    });
    expect((await restarted.tick()).sent).toEqual([]);
    expect(posts(t)).toHaveLength(5);
  });

  it("a co-chair's Mark done on a reminder marks that occurrence, and its 1-day reminder never goes out", async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    const b12 = t.standin.messages.find((m) => JSON.stringify(m.metadata ?? {}).includes('B1.2@2024-05'))!;
    await t.click(b12, 'gcm_mark_done', coChair, { ephemeral: false });
    const update = await eventually(() => t.standin.callsOf('chat.update')[0]);
    expect(JSON.stringify(update.params.blocks)).toContain('B1.2 · May 2024 marked done by <@U0COCHAIR>');
    expect(t.stores.state.completions('lac-2023-2024').has('B1.2@2024-05')).toBe(true);
    t.clock.set(at('2024-04-30T09:00:00'));
    const r = await t.bot.reminders.tick();
    expect(r.sent.sort()).toEqual([
      'lac-2023-2024|B1.3@2024-04|1',
      'lac-2023-2024|B1.4@2024-04|1',
      'lac-2023-2024|B2.1@2024-05|1',
      'lac-2023-2024|B3.1@2024-05|1',
    ]);
  });

  it("a member's Mark done on a reminder is refused", async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    const b12 = t.standin.messages.find((m) => JSON.stringify(m.metadata ?? {}).includes('B1.2@2024-05'))!;
    await t.click(b12, 'gcm_mark_done', member, { ephemeral: false });
    await eventually(() => t.standin.callsOf('chat.postEphemeral')[0]);
    expect(t.standin.callsOf('chat.update')).toHaveLength(0);
    expect(t.stores.state.completions('lac-2023-2024').size).toBe(0);
  });

  it('a crash between posting and recording makes no duplicate: the message is found by its metadata', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    t.standin.failNext('chat.postMessage', { cutAfter: true });
    const first = await t.bot.reminders.tick();
    expect(first.failed).toHaveLength(1);
    expect(t.standin.messages.filter((m) => m.metadata)).toHaveLength(5);
    const lost = first.failed[0]!;
    t.clock.set(at('2024-04-24T10:05:00'));
    const second = await t.bot.reminders.tick();
    expect(second.recovered).toEqual([lost]);
    expect(second.sent).toEqual([]);
    expect(t.standin.messages.filter((m) => m.metadata)).toHaveLength(5);
    expect(t.stores.reminders.get(lost)!.status).toBe('sent');
  });

  it('a follow-up cut off after Slack took it is found in its thread, not posted twice', async () => {
    const t = await startBot(env, '2024-04-29T09:00:00');
    await t.bot.reminders.tick();
    const reminder = t.standin.messages.find((m) => JSON.stringify(m.metadata ?? {}).includes('B1.3@2024-04|1'))!;
    // B1.3@2024-04 is due 30 April; its follow-up goes out on Friday 3 May at 09:00, in the reminder's thread.
    t.clock.set(at('2024-05-03T09:00:00'));
    t.standin.failNext('chat.postMessage', { cutAfter: true });
    const first = await t.bot.reminders.tick();
    const key = 'lac-2023-2024|B1.3@2024-04|followup';
    expect(first.failed).toContain(key);
    const inThread = () => t.standin.messages.filter((m) => m.threadTs === reminder.ts && JSON.stringify(m.metadata ?? {}).includes(key));
    expect(inThread()).toHaveLength(1);
    t.clock.set(at('2024-05-03T09:05:00'));
    const second = await t.bot.reminders.tick();
    expect(second.recovered).toContain(key);
    expect(second.sent).not.toContain(key);
    expect(inThread()).toHaveLength(1);
    expect(t.stores.reminders.get(key)!.messageTs).toBe(inThread()[0]!.ts);
  });

  it('a process that died after posting: a new copy finds the post and does not repeat it', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    const key = 'lac-2023-2024|B1.2@2024-05|7';
    t.stores.reminders.record(
      {
        key,
        kind: 'reminder',
        planId: 'lac-2023-2024',
        occurrenceKey: 'B1.2@2024-05',
        activityId: 'B1.2',
        offsetDays: 7,
        dueDate: '2024-05-01',
        fireAt: '2024-04-24T13:00:00.000Z',
        late: false,
        channel,
      },
      '2024-04-24T13:00:00.000Z',
    );
    t.stores.reminders.startAttempt(key);
    t.standin.addMessage({
      channel,
      text: 'Reminder',
      blocks: [],
      user: t.standin.botUserId,
      metadata: { event_type: 'gcm_reminder', event_payload: { key } },
    });
    const r = await t.bot.reminders.tick();
    expect(r.recovered).toEqual([key]);
    expect(keysOf(t)).not.toContain(key);
  });

  it('a post cut off 250 messages ago is found by reading the history back that far, not posted twice', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    t.standin.failNext('chat.postMessage', { cutAfter: true });
    const lost = (await t.bot.reminders.tick()).failed[0]!;
    // The channel moves on: the lost post is no longer among the newest 200 messages.
    for (let i = 0; i < 250; i++) t.standin.addMessage({ channel, text: `chatter ${i}`, blocks: [], user: member });
    t.clock.set(at('2024-04-24T10:05:00'));
    const next = await t.bot.reminders.tick();
    expect(next.recovered).toEqual([lost]);
    expect(next.sent).toEqual([]);
    expect(keysOf(t).filter((k) => k === lost)).toHaveLength(1);
    expect(t.standin.callsOf('conversations.history').length).toBeGreaterThan(1);
  });

  it('429 with Retry-After: waits that long, without dropping the reminder; 500: backs off, the others go out', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    t.standin.failNext('chat.postMessage', { status: 429, retryAfter: 20 });
    const first = await t.bot.reminders.tick();
    expect(first.sent).toEqual([]);
    expect(first.failed).toHaveLength(1);
    t.clock.set(at('2024-04-24T10:00:10'));
    expect((await t.bot.reminders.tick()).sent).toHaveLength(4);
    t.clock.set(at('2024-04-24T10:00:21'));
    expect((await t.bot.reminders.tick()).sent).toHaveLength(1);

    const u = await startBot(env, '2024-04-24T10:00:00');
    u.standin.failNext('chat.postMessage', { status: 500 });
    const a = await u.bot.reminders.tick();
    expect(a.failed).toHaveLength(1);
    expect(a.sent).toHaveLength(4);
    const pending = u.stores.reminders.unsent();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.lastError).toMatch(/500/);
    u.clock.set(at('2024-04-24T10:00:20'));
    expect((await u.bot.reminders.tick()).failed).toEqual([]);
    u.standin.failNext('chat.postMessage', { status: 500 });
    u.clock.set(at('2024-04-24T10:00:31'));
    expect((await u.bot.reminders.tick()).failed).toHaveLength(1);
    // The second failure doubles the wait (60 s).
    u.clock.set(at('2024-04-24T10:01:21'));
    expect((await u.bot.reminders.tick()).sent).toEqual([]);
    u.clock.set(at('2024-04-24T10:02:00'));
    expect((await u.bot.reminders.tick()).sent).toHaveLength(1);
    expect(u.stores.reminders.unsent()).toEqual([]);
  });

  it('a network failure is retried, and a reminder that keeps failing stays visible to co-chairs in /gcm reminders', async () => {
    const t = await startBot(env, '2024-04-29T10:00:00');
    for (let i = 0; i < 20; i++) t.standin.failNext('chat.postMessage', { cut: true });
    await t.bot.reminders.tick();
    expect(t.stores.reminders.unsent().length).toBeGreaterThan(0);
    await t.command('reminders', coChair);
    const reply = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(JSON.stringify(reply.params.blocks)).toMatch(/Not sent yet.*B1\.3@2024-04\|1.*attempt/);
    await t.command('reminders', member);
    const memberReply = await eventually(() => t.standin.callsOf('response_url')[1]);
    expect(JSON.stringify(memberReply.params.blocks)).not.toContain('Not sent yet');
    expect(JSON.stringify(memberReply.params.blocks)).toContain('Reminders go to <#C0NETWORK>');
    // Once its due date has passed it is never posted, and shows as failed.
    t.clock.set(at('2024-05-02T10:00:00'));
    await t.bot.reminders.tick();
    expect(t.stores.reminders.get('lac-2023-2024|B1.3@2024-04|1')!.status).toBe('failed');
  });

  it('overlapping ticks post nothing twice', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    const [a, b] = await Promise.all([t.bot.reminders.tick(), t.bot.reminders.tick()]);
    expect(b.skipped).toBe('overlap');
    expect(a.sent).toHaveLength(5);
    expect(posts(t)).toHaveLength(5);
  });

  it('two copies on one database: the second answers commands but posts no reminders, and says why', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    const logs: string[] = [];
    const second = new Outbox({
      stores: t.stores,
      clock: fixedClock(at('2024-04-30T10:00:00'), zone),
      client: new WebClient('xoxb-test', { slackApiUrl: t.standin.apiUrl, retryConfig: { retries: 0 } }),
      config: loadConfig({ ...env, GCM_TIMEZONE: zone }),
      logger: createLogger((l) => logs.push(l), LogLevel.INFO),
      holder: 'second-copy',
    });
    expect((await second.tick()).skipped).toBe('lease');
    expect(logs.join('\n')).toMatch(/another copy of the bot holds the scheduler lease/);
    expect(posts(t)).toHaveLength(5);
    t.bot.reminders.release();
    expect((await second.tick()).sent.length).toBeGreaterThan(0);
  });

  it('after a week down, nothing stale floods the channel', async () => {
    const t = await startBot(env, '2024-05-30T10:00:00');
    const r = await t.bot.reminders.tick();
    // B1.4@2024-05 is due 31 May: its 7-day reminder (24 May) is superseded by the 1-day one (30 May).
    expect(r.sent).toEqual(['lac-2023-2024|B1.4@2024-05|1']);
    expect(t.stores.reminders.get('lac-2023-2024|B1.4@2024-05|7')!.status).toBe('skipped');
  });

  it('the weekly digest goes out on Monday at 09:00, once', async () => {
    const t = await startBot(env, '2024-04-22T08:59:00');
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('digest'))).toEqual([]);
    t.clock.set(at('2024-04-22T09:00:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('digest'))).toEqual(['lac-2023-2024|digest|2024-04-22']);
    t.clock.set(at('2024-04-22T11:00:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('digest'))).toEqual([]);
    const digest = posts(t).find((c) => String(c.params.text).startsWith('Due in the next 14 days'))!;
    expect(JSON.stringify(digest.params.blocks)).toContain('B1.2 · May 2024');
  });

  it("after the plan's period, reminders stop and the log says how to load the next plan", async () => {
    const t = await startBot(env, '2025-01-20T10:00:00');
    const r = await t.bot.reminders.tick();
    expect(r.skipped).toBe('plan_ended');
    expect(posts(t)).toHaveLength(0);
    expect(t.logs.join('\n')).toMatch(/ended on 2024-12-31.*plan:import/);
  });

  it('without GCM_REMINDER_CHANNEL nothing is posted', async () => {
    const t = await startBot({}, '2024-04-24T10:00:00');
    expect((await t.bot.reminders.tick()).skipped).toBe('no_channel');
    expect(posts(t)).toHaveLength(0);
  });
});

describe('meeting dates', () => {
  it('/gcm schedule B1.2 2024-05-14 moves the meeting: its 1-day reminder fires on 13 May', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await t.command('schedule B1.2 2024-05-14', coChair);
    const reply = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(reply.params.text).toMatch(/B1\.2 · May 2024: date set to 14 May 2024 by <@U0COCHAIR>/);
    t.clock.set(at('2024-04-30T10:00:00'));
    await t.bot.reminders.tick();
    expect(keysOf(t)).not.toContain('lac-2023-2024|B1.2@2024-05|1');
    t.clock.set(at('2024-05-13T09:00:00'));
    await t.bot.reminders.tick();
    expect(keysOf(t)).toContain('lac-2023-2024|B1.2@2024-05|1');
  });

  it('Set date on a meeting reminder (co-chair) updates the message; a member is refused; a deadline has no date picker', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    const b21 = t.standin.messages.find((m) => JSON.stringify(m.metadata ?? {}).includes('B2.1@2024-05'))!;
    const block = (b21.blocks as { type: string; block_id: string }[]).find((b) => b.type === 'actions')!;
    const pick = (user: string) =>
      t.sender.interaction({
        type: 'block_actions',
        user: { id: user },
        container: { type: 'message', message_ts: b21.ts, channel_id: channel, is_ephemeral: false },
        channel: { id: channel },
        message: { ts: b21.ts, blocks: b21.blocks },
        response_url: t.standin.newResponseUrl(channel, user, b21.ts),
        actions: [{ type: 'datepicker', action_id: 'gcm_set_date', block_id: block.block_id, selected_date: '2024-05-09' }],
      });
    await pick(member);
    await eventually(() => t.standin.callsOf('chat.postEphemeral')[0]);
    expect(t.stores.state.meetingDates('lac-2023-2024').size).toBe(0);
    await pick(coChair);
    const update = await eventually(() => t.standin.callsOf('chat.update')[0]);
    expect(JSON.stringify(update.params.blocks)).toContain('date set to 9 May 2024');
    expect(t.stores.state.meetingDates('lac-2023-2024').get('B2.1@2024-05')).toBe('2024-05-09');
    const b13 = t.standin.messages.find((m) => JSON.stringify(m.metadata ?? {}).includes('B1.3@2024-04'))!;
    expect(JSON.stringify(b13.blocks)).not.toContain('gcm_set_date');
  });

  it('schedule refuses what is not a meeting, bad dates and members', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await t.command('schedule B1.3 2024-05-14', coChair);
    await t.command('fecha B1.2 14/05/2024', coChair);
    await t.command('schedule B1.2 2024-05-14', member);
    const replies = await eventually(() => t.standin.callsOf('response_url').length === 3 && t.standin.callsOf('response_url'));
    const texts = replies.map((r) => String(r.params.text));
    expect(texts.find((x) => x.includes('not a meeting'))).toBeTruthy();
    expect(texts.find((x) => x.includes('no es una fecha'))).toBeTruthy();
    expect(texts.find((x) => x.includes('Only the co-chairs'))).toBeTruthy();
  });
});
