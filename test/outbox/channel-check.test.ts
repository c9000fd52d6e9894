import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreBackup } from '../../src/db/backup.js';
import { openStores } from '../../src/stores.js';
import { channel, startBot } from '../helpers/slack.js';
import { at, loadedStores, tempDir } from '../helpers/stores.js';

const plan = 'lac-2023-2024';
/** The five reminders due at 2024-04-24 10:00 (test/outbox/outbox.test.ts). */
const dueAt24April = [`${plan}|B1.2@2024-05|7`, `${plan}|B1.3@2024-04|7`, `${plan}|B1.4@2024-04|7`, `${plan}|B2.1@2024-05|7`, `${plan}|B3.1@2024-05|7`];
const env = { GCM_REMINDER_CHANNEL: channel };
type Bot = Awaited<ReturnType<typeof startBot>>;
const keyOf = (m: { metadata?: { event_payload: Record<string, unknown> } }) => String(m.metadata?.event_payload.key ?? '');
const postedKeys = (t: Bot) =>
  t.standin.messages
    .filter((m) => m.metadata)
    .map(keyOf)
    .sort();

/** A bot that posted the five reminders of 24 April 10:00, then lost its database: a new bot, same channel, a new database. */
async function afterLoss(chatter = 0) {
  const first = await startBot(env);
  expect((await first.bot.reminders.tick()).sent).toHaveLength(5);
  for (let i = 0; i < chatter; i++) first.standin.addMessage({ channel, text: `people talking ${i}`, blocks: [], user: 'U0MEMBER' });
  await first.bot.app.stop();
  return startBot(env, '2024-04-24T10:03:00', { standin: first.standin });
}

describe('a first pass on a new database reads the channel before posting anything', () => {
  it('finds the posts of the lost database across pages of history (500 messages since) and posts none again', async () => {
    const t = await afterLoss(500);
    const pass = await t.bot.reminders.tick();
    expect(pass.sent).toEqual([]);
    expect(pass.recovered.sort()).toEqual(dueAt24April);
    expect(t.standin.callsOf('chat.postMessage')).toHaveLength(5);
    const reads = t.standin.callsOf('conversations.history');
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((c) => c.params.include_all_metadata === 'true' || c.params.include_all_metadata === true)).toBe(true);
    expect(t.logs.some((l) => l.includes('5 message(s) already posted, recorded as sent'))).toBe(true);
    // Once read, later passes do not read it again.
    t.clock.set(at('2024-04-24T10:04:00'));
    await t.bot.reminders.tick();
    expect(t.standin.callsOf('conversations.history')).toHaveLength(reads.length);
  });

  it('a 429 while reading is "still unknown": nothing is posted until the channel could be read, then nothing twice', async () => {
    const t = await afterLoss();
    t.standin.failNext('conversations.history', { status: 429, retryAfter: 7 });
    const refused = await t.bot.reminders.tick();
    expect(refused).toMatchObject({ skipped: 'channel_unknown', sent: [], retryInMs: 7000 });
    expect(t.standin.callsOf('chat.postMessage')).toHaveLength(5);
    expect(t.logs.some((l) => l.includes('cannot tell what the bot already posted in C0NETWORK (conversations.history: rate-limited)'))).toBe(true);
    t.clock.set(at('2024-04-24T10:03:07'));
    const next = await t.bot.reminders.tick();
    expect(next.recovered.sort()).toEqual(dueAt24April);
    expect(postedKeys(t)).toEqual(dueAt24April);
  });

  it('a channel the bot cannot read (missing_scope) is "still unknown" too: nothing is posted, and the log says so once', async () => {
    const t = await afterLoss();
    // A first pass with the channel unreadable for good: every read fails.
    t.standin.failNext('conversations.history', { error: 'missing_scope' }, { error: 'missing_scope' });
    expect((await t.bot.reminders.tick()).skipped).toBe('channel_unknown');
    t.clock.set(at('2024-04-24T10:04:00'));
    expect((await t.bot.reminders.tick()).skipped).toBe('channel_unknown');
    expect(t.standin.callsOf('chat.postMessage')).toHaveLength(5);
    expect(t.logs.filter((l) => l.includes('cannot tell what the bot already posted'))).toHaveLength(1);
  });

  it('a database restored from a backup older than the last posts: they are found, not posted twice', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gcm.sqlite');
    const stores = loadedStores(file);
    const first = await startBot(env, '2024-04-01T10:00:00', { stores });
    const earlier = await first.bot.reminders.tick();
    expect(earlier.sent.length).toBeGreaterThan(0);
    const backup = await backupDatabase(stores.db, path.join(dir, 'b'), Date.parse('2024-04-02T06:00:00Z'));
    first.clock.set(at('2024-04-24T10:00:00'));
    expect((await first.bot.reminders.tick()).sent.sort()).toEqual(dueAt24April);
    await first.bot.app.stop();
    stores.close();

    await restoreBackup(backup, file, Date.parse('2024-04-24T12:00:00Z'));
    const restored = openStores(file);
    expect(restored.reminders.get(dueAt24April[0]!)).toBeNull();
    const t = await startBot(env, '2024-04-24T10:05:00', { stores: restored, standin: first.standin });
    const pass = await t.bot.reminders.tick();
    restored.close();
    expect(pass.sent).toEqual([]);
    expect(pass.recovered.sort()).toEqual(dueAt24April);
    expect(t.standin.callsOf('chat.postMessage')).toHaveLength(earlier.sent.length + 5);
  });
});
