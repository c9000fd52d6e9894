import { describe, expect, it } from 'vitest';
import type { WebApiStandIn } from '../../dev/standin/web-api.js';
import { coChair, eventually, member, startBot } from '../helpers/slack.js';
import { at } from '../helpers/stores.js';

const env = { GCM_REMINDER_CHANNEL: 'C0NETWORK' };
const plan = 'lac-2023-2024';
/** The five reminders due at 2024-04-24 10:00 (test/outbox/outbox.test.ts). */
const dueAt24April = [`${plan}|B1.2@2024-05|7`, `${plan}|B1.3@2024-04|7`, `${plan}|B1.4@2024-04|7`, `${plan}|B2.1@2024-05|7`, `${plan}|B3.1@2024-05|7`];
type Bot = Awaited<ReturnType<typeof startBot>>;
const keyOf = (m: { metadata?: { event_payload: Record<string, unknown> } }) => String(m.metadata?.event_payload.key ?? '');
const postedKeys = (t: { standin: WebApiStandIn }) => t.standin.messages.filter((m) => m.metadata).map(keyOf);
const statuses = (t: Bot) => dueAt24April.map((k) => t.stores.reminders.get(k)!.status);

/** Every reminder due now fails with `not_in_channel`, and stays failed over the passes of the next minutes. */
async function failedForGood(t: Bot): Promise<void> {
  t.standin.failNext('chat.postMessage', ...dueAt24April.map(() => ({ error: 'not_in_channel' })));
  await t.bot.reminders.tick();
  for (const minutes of [1, 5, 30]) {
    t.clock.set(at('2024-04-24T10:00:00').plus({ minutes }));
    await t.bot.reminders.tick();
  }
  expect(statuses(t)).toEqual(dueAt24April.map(() => 'failed'));
  expect(t.standin.callsOf('chat.postMessage')).toHaveLength(dueAt24April.length);
  expect(postedKeys(t)).toEqual([]);
}

/** `/gcm text` as `user`; the answer it gets through its response_url (text and blocks, as JSON). */
async function ask(t: Bot, text: string, user: string): Promise<{ json: string; blocks: unknown[] }> {
  const before = t.standin.callsOf('response_url').length;
  await t.command(text, user);
  const params = (await eventually(() => t.standin.callsOf('response_url')[before])).params;
  return { json: JSON.stringify([params.text, params.blocks]), blocks: params.blocks as unknown[] };
}

/** Clicks `Retry failed` on `answer` as `user`; the reply it gets. */
async function clickRetry(t: Bot, answer: { blocks: unknown[] }, user: string): Promise<string> {
  const before = t.standin.callsOf('response_url').length;
  await t.click(answer, 'gcm_retry_failed', user);
  return JSON.stringify((await eventually(() => t.standin.callsOf('response_url')[before])).params);
}

/** The next pass posts every queued reminder, once; later passes post nothing more. */
async function postedOnceAtNextPass(t: Bot, keys: string[]): Promise<void> {
  t.clock.set(at('2024-04-24T10:31:00'));
  expect((await t.bot.reminders.tick()).sent.sort()).toEqual([...keys].sort());
  t.clock.set(at('2024-04-24T10:32:00'));
  expect((await t.bot.reminders.tick()).sent).toEqual([]);
  expect(postedKeys(t).sort()).toEqual([...keys].sort());
  for (const key of keys) expect(t.stores.reminders.get(key)).toMatchObject({ status: 'sent', lastError: null });
}

describe('sending failed reminders again once the cause is fixed', () => {
  it("a member's `reminders retry` is refused and changes nothing; the co-chair's queues them, the next pass posts each once", async () => {
    const t = await startBot(env);
    await failedForGood(t);
    const refused = await ask(t, 'reminders retry', member);
    expect(refused.json).toContain('Only the co-chairs can send failed reminders again. Nothing was changed.');
    expect(statuses(t)).toEqual(dueAt24April.map(() => 'failed'));
    expect(t.stores.reminders.get(dueAt24April[0]!)).toMatchObject({ attempts: 1, lastError: 'not_in_channel' });

    const queued = await ask(t, 'reminders retry', coChair);
    expect(queued.json).toContain('5 failed messages were queued again: they go out at the next pass, within a minute.');
    expect(queued.json).not.toContain('left failed');
    for (const key of dueAt24April) {
      expect(t.stores.reminders.get(key)).toMatchObject({
        status: 'pending',
        attempts: 0,
        lastError: null,
        nextAttemptAt: at('2024-04-24T10:30:00').toUTC().toISO(),
      });
    }
    // Asked again, nothing is failed any more.
    expect((await ask(t, 'reminders retry', coChair)).json).toContain('No reminder has failed: there is nothing to send again.');
    await postedOnceAtNextPass(t, dueAt24April);
  });

  it('the Retry failed button: shown to co-chairs only when something failed; refused to a member, queues them for a co-chair', async () => {
    const t = await startBot(env);
    expect((await ask(t, 'reminders', coChair)).json).not.toContain('gcm_retry_failed');
    await failedForGood(t);
    expect((await ask(t, 'reminders', member)).json).not.toContain('gcm_retry_failed');
    const answer = await ask(t, 'reminders', coChair);
    expect(answer.json).toContain('Retry failed');
    expect(answer.json).toContain('press *Retry failed* (or `/gcm reminders retry`)');

    // The guard is on the server: a member who gets hold of the button is refused.
    expect(await clickRetry(t, answer, member)).toContain('Only the co-chairs can send failed reminders again.');
    expect(statuses(t)).toEqual(dueAt24April.map(() => 'failed'));

    expect(await clickRetry(t, answer, coChair)).toContain('5 failed messages were queued again');
    expect(statuses(t)).toEqual(dueAt24April.map(() => 'pending'));
    await postedOnceAtNextPass(t, dueAt24April);
  });

  it('Retry failed draws the message it sits on again: what was queued on top, then the status as it now stands', async () => {
    const t = await startBot(env);
    await failedForGood(t);
    const answer = await ask(t, 'reminders', coChair);
    expect(answer.json).toContain('gcm_retry_failed');
    const redrawn = JSON.parse(await clickRetry(t, answer, coChair)) as { replace_original?: boolean; text: string; blocks: unknown[] };
    expect(redrawn.replace_original).toBe(true);
    expect(redrawn.text).toContain('5 failed messages were queued again');
    const blocks = JSON.stringify(redrawn.blocks);
    expect(blocks).toContain('5 failed messages were queued again');
    expect(blocks).toContain('Reminders');
    // Nothing is failed any more: the button is gone from the redrawn message, and the queued ones are listed as pending.
    expect(blocks).not.toContain('gcm_retry_failed');
    expect(blocks).toContain('pending');
    expect(redrawn.blocks.length).toBeLessThanOrEqual(50);
  });

  it('a failed reminder of an occurrence marked done meanwhile is not queued again; the answer says why', async () => {
    const t = await startBot(env);
    await failedForGood(t);
    const done = `${plan}|B1.3@2024-04|7`;
    await ask(t, 'done B1.3 2024-04', coChair);
    const answer = await ask(t, 'reminders retry', coChair);
    expect(answer.json).toContain('4 failed messages were queued again');
    expect(answer.json).toContain(
      `1 left failed, no longer worth posting: the occurrence is done, cancelled or moved to another date, or is no longer in the plan: ${done}`,
    );
    expect(t.stores.reminders.get(done)).toMatchObject({ status: 'failed', lastError: 'not_in_channel' });
    await postedOnceAtNextPass(
      t,
      dueAt24April.filter((k) => k !== done),
    );
    expect(t.stores.reminders.get(done)!.status).toBe('failed');
  });

  it('a failed reminder whose due date has passed is not queued again (too late to post)', async () => {
    const t = await startBot(env);
    await failedForGood(t);
    const dueDates = dueAt24April.map((k) => t.stores.reminders.get(k)!.dueDate!);
    const earliest = [...dueDates].sort()[0]!;
    // The day after the earliest due date: those due then are past; the others still worth posting.
    t.clock.set(at(`${earliest}T10:00:00`).plus({ days: 1 }));
    const past = dueAt24April.filter((_, i) => dueDates[i]! <= earliest);
    expect(past.length).toBeGreaterThan(0);
    expect(past.length).toBeLessThan(dueAt24April.length);
    const answer = await ask(t, 'reminders retry', coChair);
    expect(answer.json).toContain(`${dueAt24April.length - past.length} failed messages were queued again`);
    expect(answer.json).toContain(`${past.length} left failed, too late to post`);
    for (const key of past) expect(t.stores.reminders.get(key)!.status).toBe('failed');
  });

  it('in Spanish: `recordatorios reintentar`, the refusal, the button and the answer', async () => {
    const t = await startBot(env);
    await failedForGood(t);
    t.standin.locales.set(coChair, 'es-ES');
    t.standin.locales.set(member, 'es-ES');
    expect((await ask(t, 'recordatorios reintentar', member)).json).toContain(
      'Solo la copresidencia puede volver a enviar los recordatorios fallidos. No se cambió nada.',
    );
    expect(statuses(t)).toEqual(dueAt24April.map(() => 'failed'));
    await ask(t, 'hecho B1.3 2024-04', coChair);
    const status = await ask(t, 'recordatorios', coChair);
    expect(status.json).toContain('Reintentar fallidos');
    expect(status.json).toContain('`/gcm recordatorios reintentar`');
    const reply = await clickRetry(t, status, coChair);
    expect(reply).toContain('4 mensajes fallidos volvieron a la cola: salen en la siguiente pasada');
    expect(reply).toContain('1 queda fallido, ya no vale la pena publicarlos');
    expect(statuses(t).filter((s) => s === 'pending')).toHaveLength(4);
  });

  it('`reminders` with another word says what it takes, the word escaped, and changes nothing', async () => {
    const t = await startBot(env);
    await failedForGood(t);
    const answer = await ask(t, 'reminders again <!channel>', coChair);
    expect(answer.json).toContain('`/gcm reminders` takes nothing, or `retry`');
    expect(answer.json).toContain('again &lt;!channel&gt;');
    expect(answer.json).not.toContain('<!channel>');
    expect(statuses(t)).toEqual(dueAt24April.map(() => 'failed'));
  });

  it('a reminder whose earlier post may have gone out is looked for in the channel first after a retry, never posted twice', async () => {
    const t = await startBot(env);
    // The post goes out but the answer is lost; then the bot is removed from the channel before the lookup.
    t.standin.failNext('chat.postMessage', { cutAfter: true });
    await t.bot.reminders.tick();
    const lost = t.stores.reminders.unsent()[0]!;
    t.standin.failNext('conversations.history', { error: 'not_in_channel' });
    t.clock.set(at('2024-04-24T10:01:00'));
    await t.bot.reminders.tick();
    expect(t.stores.reminders.get(lost.key)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'not_in_channel' });
    expect((await ask(t, 'reminders retry', coChair)).json).toContain('1 failed message was queued again: it goes out at the next pass');
    // One attempt stays counted: the next pass looks for it before posting.
    expect(t.stores.reminders.get(lost.key)).toMatchObject({ status: 'pending', attempts: 1 });
    t.clock.set(at('2024-04-24T10:31:00'));
    expect((await t.bot.reminders.tick()).recovered).toEqual([lost.key]);
    expect(postedKeys(t).filter((k) => k === lost.key)).toHaveLength(1);
    expect(postedKeys(t).sort()).toEqual(dueAt24April);
  });

  it("a failed weekly digest is not queued again after its day: the digest kind's own rule", async () => {
    const t = await startBot(env, '2024-04-22T09:00:00');
    t.standin.failNext('chat.postMessage', ...Array.from({ length: 30 }, () => ({ error: 'not_in_channel' })));
    await t.bot.reminders.tick();
    const digest = `${plan}|digest|2024-04-22`;
    expect(t.stores.reminders.get(digest)).toMatchObject({ status: 'failed', lastError: 'not_in_channel' });
    t.clock.set(at('2024-04-23T09:00:00'));
    expect((await ask(t, 'reminders retry', coChair)).json).toContain(
      `left failed, too late to post: a reminder after its due date, a follow-up or report more than a week late, a digest after its day: ${digest}`,
    );
    expect(t.stores.reminders.get(digest)!.status).toBe('failed');
  });
});
