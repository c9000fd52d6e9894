import { describe, expect, it } from 'vitest';
import { viewSubmissionPayload } from '../../dev/standin/sender.js';
import { channel, coChair, eventually, startBot, type TestBot } from '../helpers/slack.js';

type Msg = { text: string; blocks: unknown[]; ts?: string };
type View = Record<string, unknown> & { id: string };

/** Clicks the Update button of `key` on `message`, as the co-chair; returns the modal the bot opened. */
async function openUpdate(t: TestBot, message: Msg, key: string, ephemeral: boolean): Promise<View> {
  const before = t.standin.views.size;
  await t.click(message, 'status_update', coChair, { ephemeral, value: (v) => (JSON.parse(v) as { key: string }).key === key });
  return (await eventually(() => t.standin.views.size > before && t.standin.lastView(coChair)))!.view as View;
}

async function postpone(t: TestBot, view: View, date: string): Promise<void> {
  const res = await t.sender.interaction(viewSubmissionPayload(coChair, view, { status: 'postponed', date, note: null, link: null }));
  expect(res.status).toBe(200);
}

describe('after a change in the Update modal, the message it was opened from is drawn again', () => {
  it('an answer (ephemeral): replaced through its response_url with the new state and who changed what on top', async () => {
    const t = await startBot();
    const answer = (await t.command('activity B1.2', coChair)).json as Msg;
    expect(JSON.stringify(answer.blocks)).toContain('*B1.2 · May 2024*: Due 1 May 2024 · *planned*');
    await postpone(t, await openUpdate(t, answer, 'B1.2@2024-05', true), '2024-05-20');
    const redrawn = await eventually(() => t.standin.callsOf('response_url').find((c) => c.params.replace_original === true));
    const blocks = JSON.stringify(redrawn.params.blocks);
    expect(blocks).toContain(`<@${coChair}>: B1.2 · May 2024 is now *postponed*, new date 20 May 2024.`);
    expect(blocks).toContain('*B1.2 · May 2024*: Due 20 May 2024 · *postponed to 20 May 2024*');
    expect(blocks).not.toContain('*B1.2 · May 2024*: Due 1 May 2024 · *planned*');
  });

  it('a reminder in the channel: updated in place, its gap counted to the new date', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel });
    await t.bot.reminders.tick();
    const reminder = t.standin.messages.find((m) => (m.metadata?.event_payload as { key?: string } | undefined)?.key === 'lac-2023-2024|B2.1@2024-05|7')!;
    expect(JSON.stringify(reminder.blocks)).toContain('Reminder: due in 7 days');
    await postpone(t, await openUpdate(t, { text: reminder.text, blocks: reminder.blocks, ts: reminder.ts }, 'B2.1@2024-05', false), '2024-05-20');
    const update = await eventually(() => t.standin.callsOf('chat.update').find((c) => c.params.ts === reminder.ts));
    expect(update.params.channel).toBe(channel);
    const blocks = JSON.stringify(update.params.blocks);
    expect(blocks).toContain('B2.1 · May 2024: Due 20 May 2024');
    // 24 April to 20 May 2024.
    expect(blocks).toContain('Reminder: due in 26 days');
    expect(blocks).toContain('postponed to 20 May 2024');
    expect(blocks).toContain(`<@${coChair}>: B2.1 · May 2024 is now *postponed*`);
  });
});
