import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDatabase, restoreBackup } from '../../src/db/backup.js';
import { draftKey } from '../../src/domain/brief-draft.js';
import { openStores } from '../../src/stores.js';
import { channel, coChair, startBot } from '../helpers/slack.js';
import { at, loadedStores, tempDir } from '../helpers/stores.js';

const env = { GCM_REMINDER_CHANNEL: channel, GCM_REPORT: 'draft' };
/** The first quarter of 2024's draft to the co-chair: due on Monday 1 April 2024, the first business day after it. */
const key = draftKey({ planId: 'lac-2023-2024', from: '2024-01-01', to: '2024-03-31' }, coChair);
type Bot = Awaited<ReturnType<typeof startBot>>;
const draftPosts = (t: Bot) => t.standin.messages.filter((m) => m.metadata?.event_payload.key === key);
const filesInThread = (t: Bot, ts: string) =>
  [...t.standin.files.values()]
    .filter((f) => f.threadTs === ts)
    .map((f) => f.filename)
    .sort();

describe("the quarter's draft in a co-chair's direct messages, on a database restored from before it was sent", () => {
  it('is found in those direct messages (not the reminder channel), recorded as sent, and neither it nor its files go again', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'gcm.sqlite');
    const stores = loadedStores(file);
    const first = await startBot(env, '2024-03-29T10:00:00', { stores });
    await first.bot.reminders.tick();
    const backup = await backupDatabase(stores.db, path.join(dir, 'b'), Date.parse('2024-03-30T06:00:00Z'));
    first.clock.set(at('2024-04-01T10:00:00'));
    expect((await first.bot.reminders.tick()).sent).toContain(key);
    const [draft] = draftPosts(first);
    expect(draft!.channel).toBe(first.standin.dmChannelOf(coChair));
    const files = filesInThread(first, draft!.ts);
    expect(files).toEqual(['gcm-update-2024-01-01-2024-03-31.docx', 'gcm-update-2024-01-01-2024-03-31.md', 'gcm-update-2024-01-01-2024-03-31.xlsx']);
    // A fresh post has no replies: its thread is not read.
    expect(first.standin.callsOf('conversations.replies')).toHaveLength(0);
    await first.bot.app.stop();
    stores.close();

    await restoreBackup(backup, file, Date.parse('2024-04-01T16:00:00Z'));
    const restored = openStores(file);
    expect(restored.reminders.get(key)).toBeNull();
    const t = await startBot(env, '2024-04-01T10:05:00', { stores: restored, standin: first.standin });
    const pass = await t.bot.reminders.tick();
    expect(pass.sent).toEqual([]);
    expect(pass.recovered).toContain(key);
    expect(restored.reminders.get(key)).toMatchObject({ status: 'sent', channel: draft!.channel, messageTs: draft!.ts });
    restored.close();
    expect(draftPosts(t)).toHaveLength(1);
    expect(filesInThread(t, draft!.ts)).toEqual(files);
    // Its thread was read, and no file was uploaded again.
    expect(t.standin.callsOf('conversations.replies').some((c) => c.params.channel === draft!.channel && c.params.ts === draft!.ts)).toBe(true);
  });
});
