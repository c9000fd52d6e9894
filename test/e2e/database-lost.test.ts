import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WriteFailure } from '../../src/db/database-file.js';
import { channel, coChair, eventually, startBot } from '../helpers/slack.js';
import { at, loadedStores, tempDir } from '../helpers/stores.js';

const plan = 'lac-2023-2024';
/** The five reminders due at 2024-04-24 10:00 (test/outbox/outbox.test.ts). */
const dueAt24April = [`${plan}|B1.2@2024-05|7`, `${plan}|B1.3@2024-04|7`, `${plan}|B1.4@2024-04|7`, `${plan}|B2.1@2024-05|7`, `${plan}|B3.1@2024-05|7`];
type Msg = { blocks: unknown[]; ts?: string; metadata?: { event_payload: Record<string, unknown> } };
const keyOf = (m: Msg) => String(m.metadata?.event_payload.key ?? '');

describe('the database deleted under a running bot (issue 21.4)', () => {
  it('confirms nothing afterwards (it says nothing was saved, and stops), and after a restart posts no reminder twice', async () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    const env = { GCM_REMINDER_CHANNEL: channel, DATABASE_PATH: file };
    const lost: WriteFailure[] = [];
    const first = await startBot(env, '2024-04-24T10:00:00', { stores: loadedStores(file), onDatabaseLost: (f) => lost.push(f) });
    expect((await first.bot.reminders.tick()).sent.sort()).toEqual(dueAt24April);
    const reminders = first.standin.messages.filter((m) => m.metadata);
    expect(reminders.map(keyOf).sort()).toEqual(dueAt24April);
    // Before: a Mark done is saved and confirmed.
    await first.command('done B1.5', coChair);
    expect((await eventually(() => first.standin.callsOf('response_url')[0])).params.text).toMatch(/^✓ B1\.5 marked done/);

    rmSync(file);

    // A command that writes: no ✓, but "nothing was saved" and why; the bot is told to stop once the reply is sent.
    await first.command('done B1.6', coChair);
    const refused = await eventually(() => first.standin.callsOf('response_url')[1]);
    expect(refused.params.text).toMatch(/Nothing was saved: the bot’s database file was deleted while the bot was running/);
    // Told to stop once the reply went out (main.ts then exits 1: test/e2e/database-lost-process.test.ts).
    expect(await eventually(() => lost.length > 0 && lost)).toEqual([expect.objectContaining({ reason: 'deleted', fatal: true })]);
    // A click on a reminder's Mark done: the same.
    const b12 = reminders.find((m) => keyOf(m) === dueAt24April[0])!;
    await first.click(b12, 'gcm_mark_done', coChair, { ephemeral: false });
    const clicked = await eventually(() => first.standin.callsOf('chat.postEphemeral')[0]);
    expect(clicked.params.text).toMatch(/Nothing was saved/);
    expect(first.standin.callsOf('chat.update')).toHaveLength(0);
    expect(JSON.stringify(first.standin.calls)).not.toMatch(/✓ B1\.(6|2)/);
    expect(first.logs.filter((l) => l.includes('nothing was saved') && l.includes('was deleted while the bot runs'))).toHaveLength(2);
    // The outbox posts nothing more either, and says why.
    first.clock.set(at('2024-04-25T10:00:00'));
    expect((await first.bot.reminders.tick()).skipped).toBe('database_lost');
    expect(first.logs.some((l) => l.includes('no more reminders are posted; the bot stops'))).toBe(true);
    const posts = first.standin.callsOf('chat.postMessage').length;
    await first.bot.app.stop();
    first.stores.close();

    // The supervisor starts it again: no backups, so a new database; the channel says what was posted.
    const second = await startBot(env, '2024-04-24T10:05:00', { stores: loadedStores(file), standin: first.standin });
    const pass = await second.bot.reminders.tick();
    expect(pass.sent).toEqual([]);
    expect(pass.recovered.sort()).toEqual(dueAt24April);
    expect(second.standin.callsOf('chat.postMessage')).toHaveLength(posts);
    for (const m of reminders) expect(second.stores.reminders.get(keyOf(m))).toMatchObject({ status: 'sent', messageTs: m.ts });
    // And later passes post only what comes due later.
    second.clock.set(at('2024-04-24T10:06:00'));
    expect((await second.bot.reminders.tick()).sent).toEqual([]);
    expect(
      second.standin.messages
        .filter((m) => m.metadata)
        .map(keyOf)
        .sort(),
    ).toEqual(dueAt24April);
  });
});
