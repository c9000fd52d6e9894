import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { applyStatusUpdate } from '../../src/commands/status-update.js';
import { loadConfig } from '../../src/config.js';
import type { StatusUpdateInput } from '../../src/domain/status.js';
import { createLogger } from '../../src/logger.js';
import { Outbox } from '../../src/outbox/outbox.js';
import { channel, coChair, startBot, type TestBot } from '../helpers/slack.js';
import { at, zone } from '../helpers/stores.js';

const env = { GCM_REMINDER_CHANNEL: channel };
const plan = 'lac-2023-2024';
const keysOf = (t: TestBot) => t.standin.callsOf('chat.postMessage').map((c) => (c.params.metadata as { event_payload: { key: string } }).event_payload.key);

/** A status change through the one path every surface uses (the modal, the terminal), as `user`. */
function update(t: TestBot, input: Omit<StatusUpdateInput, 'planId'>, user = coChair) {
  const uc = t.bot.router.context({ userId: user, source: 'test', text: '', lang: 'en' });
  return applyStatusUpdate(uc, { planId: plan, ...input });
}

/** A second copy of the outbox on the same database, as after a restart. */
function restarted(t: TestBot, now: string) {
  t.bot.reminders.release();
  return new Outbox({
    stores: t.stores,
    clock: fixedClock(at(now), zone),
    client: new WebClient('xoxb-test', { slackApiUrl: t.standin.apiUrl, retryConfig: { retries: 0 } }),
    config: loadConfig({ ...env, GCM_TIMEZONE: zone }),
    logger: createLogger(() => {}, LogLevel.ERROR),
    holder: 'restarted',
  });
}

describe('statuses and the outbox', () => {
  it('a postponed occurrence is reminded for its new date, once each, through a restart; the reminder sent for the old date stays', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    // The 7-day reminder of the May meeting goes out for 1 May.
    expect((await t.bot.reminders.tick()).sent).toContain(`${plan}|B1.2@2024-05|7`);
    const r = await update(t, { key: 'B1.2@2024-05', status: 'postponed', date: '2024-06-10', note: 'venue not ready' });
    expect(r.outcome).toBe('changed');
    // On 30 April (the old date's 1-day reminder would fire), nothing for B1.2 May.
    t.clock.set(at('2024-04-30T10:00:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('B1.2@2024-05'))).toEqual([]);
    // 7 days before the new date (3 June, a Monday): its own reminder, keyed with the new date.
    t.clock.set(at('2024-06-03T10:00:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('B1.2@2024-05'))).toEqual([`${plan}|B1.2@2024-05|7|2024-06-10`]);
    const posted = t.standin.callsOf('chat.postMessage').find((c) => JSON.stringify(c.params.metadata).includes('7|2024-06-10'))!;
    expect(JSON.stringify(posted.params.blocks)).toMatch(/\|10 June 2024>/);
    expect(JSON.stringify(posted.params.blocks)).toContain('status_update');
    // The same moment again, and a restarted copy: nothing new.
    expect((await t.bot.reminders.tick()).sent).toEqual([]);
    expect((await restarted(t, '2024-06-03T10:00:00').tick()).sent).toEqual([]);
    const b12 = keysOf(t).filter((k) => k.includes('B1.2@2024-05'));
    expect(b12).toEqual([`${plan}|B1.2@2024-05|7`, `${plan}|B1.2@2024-05|7|2024-06-10`]);
    // The old date's reminder is still in the history, as sent.
    expect(t.stores.reminders.get(`${plan}|B1.2@2024-05|7`)?.status).toBe('sent');
  });

  it('a follow-up counts from the postponed date', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await update(t, { key: 'B1.2@2024-05', status: 'postponed', date: '2024-06-10' });
    // 3 days after the old date: no follow-up.
    t.clock.set(at('2024-05-06T10:00:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('B1.2@2024-05'))).toEqual([]);
    // 3 days after the new date (13 June): one follow-up, for that date.
    t.clock.set(at('2024-06-13T10:00:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('B1.2@2024-05'))).toEqual([`${plan}|B1.2@2024-05|followup|2024-06-10`]);
  });

  it('a cancelled occurrence gets no reminder and no follow-up, and leaves upcoming; a postponed one is listed on its new date', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await update(t, { key: 'B1.2@2024-05', status: 'cancelled', note: 'dropped after the mid-term review' });
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('B1.2@2024-05'))).toEqual([]);
    for (const now of ['2024-04-30T10:00:00', '2024-05-06T10:00:00', '2024-05-08T10:00:00']) {
      t.clock.set(at(now));
      expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('B1.2@2024-05'))).toEqual([]);
    }
    expect(keysOf(t).filter((k) => k.includes('B1.2@2024-05'))).toEqual([]);
    // Postponed and cancelled occurrences are out of upcoming; the postponed one is on its new date.
    await update(t, { key: 'B3.1@2024-05', status: 'postponed', date: '2024-05-20' });
    const upcoming = await t.command('upcoming');
    const text = JSON.stringify(upcoming.json);
    expect(text).not.toContain('B1.2 · May 2024');
    expect(text).toMatch(/20 May 2024\* · B3\.1 · May 2024/);
  });

  it('the digest lists a postponed occurrence on its new date, saying so, and leaves a cancelled one out', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await update(t, { key: 'B1.2@2024-05', status: 'postponed', date: '2024-05-15', note: 'venue not ready' });
    await update(t, { key: 'B3.1@2024-05', status: 'cancelled' });
    // Monday 6 May, 09:00: the weekly digest (the next 14 days).
    t.clock.set(at('2024-05-06T10:00:00'));
    expect((await t.bot.reminders.tick()).sent).toContain(`${plan}|digest|2024-05-06`);
    const digest = t.standin.callsOf('chat.postMessage').find((c) => JSON.stringify(c.params.metadata).includes('|digest|2024-05-06'))!;
    const text = JSON.stringify(digest.params.blocks);
    expect(text).toMatch(/15 May 2024>\* · B1\.2 · May 2024 · _postponed to 15 May 2024_/);
    expect(text).not.toContain('B3.1 · May 2024');
  });

  it('a done occurrence gets no follow-up', async () => {
    const t = await startBot(env, '2024-04-24T10:00:00');
    await update(t, { key: 'B1.2@2024-05', status: 'done', note: 'minutes shared', link: 'https://example.org/minutes' });
    t.clock.set(at('2024-05-06T10:00:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('B1.2@2024-05'))).toEqual([]);
    expect(t.stores.state.completions(plan).has('B1.2@2024-05')).toBe(true);
  });
});

describe('applyStatusUpdate', () => {
  it('checks who may at every call: a lead focal point yes, a supporting one no; bad input changes nothing', async () => {
    const t = await startBot({}, '2024-04-24T10:00:00');
    t.stores.state.changeFocalPoints('ECLAC', ['U0LEADFP'], [], { userId: coChair, source: 'test' }, '2024-01-01T00:00:00Z');
    t.stores.state.changeFocalPoints('UNICEF', ['U0SUPPFP'], [], { userId: coChair, source: 'test' }, '2024-01-01T00:00:00Z');
    expect(await update(t, { key: 'B1.2@2024-05', status: 'in_progress' }, 'U0SUPPFP')).toEqual({ outcome: 'refused' });
    expect(await update(t, { key: 'B1.2@2024-05', status: 'postponed', date: '2024-04-01' }, 'U0LEADFP')).toEqual({
      outcome: 'invalid',
      errors: { date: 'date_before_today' },
    });
    expect(t.stores.state.statuses(plan).size).toBe(0);
    const r = await update(t, { key: 'B1.2@2024-05', status: 'in_progress', note: 'agenda drafted' }, 'U0LEADFP');
    expect(r).toMatchObject({ outcome: 'changed', change: { status: 'in_progress', by: 'U0LEADFP', note: 'agenda drafted', at: '2024-04-24T14:00:00.000Z' } });
    expect(await update(t, { key: 'B1.2@2024-05', status: 'in_progress', note: 'agenda drafted' }, 'U0LEADFP')).toMatchObject({ outcome: 'unchanged' });
    expect(t.stores.state.statusHistory(plan, 'B1.2@2024-05')).toHaveLength(1);
  });
});
