import { describe, expect, it } from 'vitest';
import { blockActionsPayload } from '../../dev/standin/sender.js';
import { channel, coChair, eventually, startBot, type TestBot } from '../helpers/slack.js';
import { at } from '../helpers/stores.js';

const plan = 'lac-2023-2024';

/** Runs `/gcm text` as a co-chair and returns the text of the reply that came through the response_url. */
async function reply(t: TestBot, text: string): Promise<string> {
  const before = t.standin.callsOf('response_url').length;
  expect((await t.command(text, coChair)).status).toBe(200);
  return String((await eventually(() => t.standin.callsOf('response_url')[before])).params.text);
}

/** A co-chair picks `date` in Set date on the posted 7-day reminder of B2.1 · May 2024 (as Slack sends the click). */
async function setDateOnReminder(t: TestBot, date: string): Promise<void> {
  const reminder = t.standin.messages.find((m) => (m.metadata?.event_payload as { key?: string } | undefined)?.key === `${plan}|B2.1@2024-05|7`)!;
  const block = (reminder.blocks as { type: string; block_id: string }[]).find((b) => b.type === 'actions')!;
  await t.sender.interaction(
    blockActionsPayload(
      coChair,
      {
        kind: 'message',
        channel,
        messageTs: reminder.ts,
        ephemeral: false,
        message: { text: reminder.text, blocks: reminder.blocks, user: t.standin.botUserId },
        responseUrl: t.standin.newResponseUrl(channel, coChair, reminder.ts),
      },
      { type: 'datepicker', action_id: 'gcm_set_date', block_id: block.block_id, selected_date: date },
    ),
  );
}

describe("a meeting's date belongs to its occurrence's month", () => {
  it('/gcm schedule B1.2@2024-05 2204-05-14 (a typo of 2024) is refused with the reason, and the May meeting stays upcoming', async () => {
    const t = await startBot();
    const r = await reply(t, 'schedule B1.2@2024-05 2204-05-14');
    expect(r).toBe(
      "2204-05-14 is not in May 2024, the month of B1.2@2024-05, so nothing was changed. Scheduling sets a meeting's real date within its month; moving it to another month is postponing it, not scheduling it.",
    );
    expect(t.stores.state.meetingDates(plan).get('B1.2@2024-05')).toBeUndefined();
    expect(JSON.stringify((await t.command('upcoming', coChair)).json)).toContain('B1.2');
  });

  it('is refused in Spanish too, and a date in another month of the same year as well', async () => {
    const t = await startBot();
    const r = await reply(t, 'fecha B1.2@2024-05 2024-06-03');
    expect(r).toBe(
      '2024-06-03 no está en mayo de 2024, el mes de B1.2@2024-05, así que no cambió nada. Fijar la fecha pone la fecha real de una reunión dentro de su mes; pasarla a otro mes es aplazarla, no fijar su fecha.',
    );
    expect(t.stores.state.meetingDates(plan).size).toBe(0);
  });

  it('a date inside the month is still set, on the first and the last day', async () => {
    const t = await startBot();
    expect(await reply(t, 'schedule B1.2@2024-05 2024-05-01')).toContain('date set to 1 May 2024');
    expect(await reply(t, 'schedule B1.2@2024-05 2024-05-31')).toContain('date set to 31 May 2024');
    expect(t.stores.state.meetingDates(plan).get('B1.2@2024-05')).toBe('2024-05-31');
  });

  it.each([
    ['en', 'is not in May 2024, the month of B2.1@2024-05'],
    ['es', 'no está en mayo de 2024, el mes de B2.1@2024-05'],
  ] as const)(
    "Set date on a reminder refuses a date outside the occurrence's month, privately, and leaves the reminder as it was (%s)",
    async (lang, words) => {
      const t = await startBot({ GCM_REMINDER_CHANNEL: channel, GCM_LANGUAGE: lang }, '2024-04-24T10:00:00');
      await t.bot.reminders.tick();
      await setDateOnReminder(t, '2024-06-09');
      const refusal = await eventually(() => t.standin.callsOf('chat.postEphemeral')[0]);
      expect(String(refusal.params.text)).toContain(`2024-06-09 ${words}`);
      expect(t.standin.callsOf('chat.update')).toHaveLength(0);
      expect(t.stores.state.meetingDates(plan).size).toBe(0);
    },
  );
});

describe('a date entered follows one rule everywhere: not before today, inside a loaded plan (as the Update modal)', () => {
  it('/gcm schedule with a date already past (in its own month) is refused with the reason, and nothing is set', async () => {
    const t = await startBot({}, '2024-05-20T10:00:00');
    const r = await reply(t, 'schedule B1.2@2024-05 2024-05-14');
    expect(r).toBe('2024-05-14: The new date cannot be before today. Nothing was changed.');
    expect(t.stores.state.meetingDates(plan).size).toBe(0);
    expect(await reply(t, 'fecha B1.2@2024-05 2024-05-14')).toBe('2024-05-14: La nueva fecha no puede ser anterior a hoy. No se cambió nada.');
  });

  it('Set date on a reminder refuses a date already past, privately, and leaves the reminder as it was', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel }, '2024-04-24T10:00:00');
    await t.bot.reminders.tick();
    t.clock.set(at('2024-05-06T10:00:00'));
    await setDateOnReminder(t, '2024-05-03');
    const refusal = await eventually(() => t.standin.callsOf('chat.postEphemeral')[0]);
    expect(String(refusal.params.text)).toBe('2024-05-03: The new date cannot be before today. Nothing was changed.');
    expect(t.standin.callsOf('chat.update')).toHaveLength(0);
    expect(t.stores.state.meetingDates(plan).size).toBe(0);
  });
});

describe('occurrenceMonths', () => {
  it("a one-off meeting's months come from its schedule; a meeting the plan gives no month may take any date", async () => {
    const { resolveScheduleTarget } = await import('../../src/domain/schedule-meeting.js');
    const { contextAt, loadedStores } = await import('../helpers/stores.js');
    const ctx = contextAt(loadedStores(), '2023-06-15T10:00:00');
    const p = ctx.plans.plan(plan)!;
    expect(resolveScheduleTarget(ctx, p, 'B3.2 2023-07-20').ok).toBe(true);
    expect(resolveScheduleTarget(ctx, p, 'B3.2 2023-08-01')).toEqual({
      ok: false,
      error: { code: 'date_outside_occurrence', given: '2023-08-01', occurrence: 'B3.2', from: '2023-07', to: '2023-07' },
    });
    expect(resolveScheduleTarget(ctx, p, 'T1.1 2023-08-31').ok).toBe(true);
    expect(resolveScheduleTarget(ctx, p, 'T1.1 2023-09-01').ok).toBe(false);
    expect(resolveScheduleTarget(ctx, p, 'B3.5 2024-03-12').ok).toBe(true);
  });
});
