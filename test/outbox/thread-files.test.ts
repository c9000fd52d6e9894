import { describe, expect, it } from 'vitest';
import { channel, startBot } from '../helpers/slack.js';
import { at } from '../helpers/stores.js';

const env = { GCM_REMINDER_CHANNEL: channel };
const key = 'lac-2023-2024|report|2024-01-01';
const filename = 'gcm-report-2024-01-01-2024-03-31.md';
type Bot = Awaited<ReturnType<typeof startBot>>;

/** A bot that posted the day's reminders, then the first quarter's report, whose answer was lost (the post took effect). */
async function reportPostedAnswerLost(): Promise<Bot> {
  const t = await startBot(env, '2024-04-24T10:00:00');
  expect((await t.bot.reminders.tick()).sent).toHaveLength(5);
  const report = { key, kind: 'report', planId: 'lac-2023-2024', occurrenceKey: null, activityId: null, offsetDays: null, late: false, channel };
  const period = { dueDate: '2024-03-31', periodFrom: '2024-01-01', periodTo: '2024-03-31', fireAt: '2024-04-24T14:00:00.000Z' };
  t.stores.reminders.record({ ...report, ...period }, '2024-04-24T14:00:00.000Z');
  t.standin.failNext('chat.postMessage', { cutAfter: true });
  const cut = await t.bot.reminders.tick();
  expect(cut.failed).toEqual([key]);
  expect(t.standin.callsOf('files.getUploadURLExternal')).toHaveLength(0);
  return t;
}

const postOf = (t: Bot) => t.standin.messages.filter((m) => m.metadata?.event_payload.key === key);
const botFilesIn = (t: Bot, ts: string) =>
  [...t.standin.files.values()].filter((f) => f.threadTs === ts && f.user === t.standin.botUserId).map((f) => f.filename);

describe("a kind's files in the thread of a post found after an unknown outcome", () => {
  it("are attached once: the thread is read across pages, a person's file of the same name does not count", async () => {
    const t = await reportPostedAnswerLost();
    const [post] = postOf(t);
    // People talk in the thread (250 replies), and one of them shares a file of the same name.
    for (let i = 0; i < 250; i++) t.standin.addMessage({ channel, text: `reply ${i}`, blocks: [], user: 'U0MEMBER', threadTs: post!.ts });
    const ts = t.standin.nextTs();
    t.standin.files.set('F0PERSON', { id: 'F0PERSON', filename, content: '', bytes: Buffer.alloc(0), channel, threadTs: post!.ts, ts, user: 'U0MEMBER' });
    t.clock.set(at('2024-04-24T10:01:00'));
    const pass = await t.bot.reminders.tick();
    expect(pass.recovered).toEqual([key]);
    expect(postOf(t)).toHaveLength(1);
    expect(botFilesIn(t, post!.ts)).toEqual([filename]);
    expect(t.stores.reminders.get(key)).toMatchObject({ status: 'sent', messageTs: post!.ts });
    const reads = t.standin.callsOf('conversations.replies').filter((c) => c.params.ts === post!.ts);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.some((c) => c.params.cursor)).toBe(true);
    // Once sent, later passes neither read its thread nor attach anything.
    t.clock.set(at('2024-04-24T10:02:00'));
    await t.bot.reminders.tick();
    expect(t.standin.callsOf('conversations.replies')).toHaveLength(reads.length);
    expect(botFilesIn(t, post!.ts)).toEqual([filename]);
  });

  it('a thread that cannot be read is a failed attempt: nothing is attached, the record waits; the next attempt attaches the file once', async () => {
    const t = await reportPostedAnswerLost();
    const [post] = postOf(t);
    t.standin.failNext('conversations.replies', { status: 500 });
    t.clock.set(at('2024-04-24T10:01:00'));
    const refused = await t.bot.reminders.tick();
    expect(refused.failed).toEqual([key]);
    expect(refused.recovered).toEqual([]);
    expect(botFilesIn(t, post!.ts)).toEqual([]);
    expect(t.stores.reminders.get(key)).toMatchObject({ status: 'pending' });
    t.clock.set(at('2024-04-24T10:03:00'));
    expect((await t.bot.reminders.tick()).recovered).toEqual([key]);
    expect(postOf(t)).toHaveLength(1);
    expect(botFilesIn(t, post!.ts)).toEqual([filename]);
  });
});
