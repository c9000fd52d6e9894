import { describe, expect, it } from 'vitest';
import { eventually, startBot, type TestBot } from '../helpers/slack.js';

/**
 * Slack's assistant pane through signed events into the real bot, its Web API the stand-in: a thread started
 * gets suggested prompts in the user's Slack language; a question typed in the thread (message.im) is answered
 * in that thread, as /gcm answers it, with the thread titled by the question.
 */
const pane = 'D0PANE';
const thread = '1713960000.000200';

function started(t: TestBot, user: string) {
  return t.sender.event({
    type: 'assistant_thread_started',
    assistant_thread: { user_id: user, channel_id: pane, thread_ts: thread, context: { channel_id: 'C0NETWORK', team_id: 'T0TEAM' } },
    event_ts: '1713960000.000300',
  });
}

function typed(t: TestBot, user: string, text: string, ts = '1713960001.000100') {
  return t.sender.event({ type: 'message', channel: pane, channel_type: 'im', user, text, ts, thread_ts: thread, event_ts: ts });
}

const callsIn = (t: TestBot, method: string) => t.standin.callsOf(method).filter((c) => c.params.channel_id === pane || c.params.channel === pane);

describe('the assistant pane', () => {
  it('suggests prompts in English to a user whose Slack locale is English', async () => {
    const t = await startBot();
    t.standin.locales.set('U0EN', 'en-US');
    expect((await started(t, 'U0EN')).status).toBe(200);
    const call = await eventually(() => callsIn(t, 'assistant.threads.setSuggestedPrompts')[0]);
    expect(call.params.thread_ts).toBe(thread);
    const prompts = JSON.parse(String(call.params.prompts)) as { title: string; message: string }[];
    expect(prompts.length).toBeGreaterThan(0);
    expect(prompts.length).toBeLessThanOrEqual(4);
    expect(prompts.map((p) => p.message)).toContain('what is due next month?');
  });

  it('suggests prompts in Spanish to a user whose Slack locale is Spanish', async () => {
    const t = await startBot();
    t.standin.locales.set('U0ES', 'es-LA');
    await started(t, 'U0ES');
    const call = await eventually(() => callsIn(t, 'assistant.threads.setSuggestedPrompts')[0]);
    expect(call.params.title).toMatch(/Pregunte/);
    expect((JSON.parse(String(call.params.prompts)) as { message: string }[]).map((p) => p.message)).toContain('¿qué vence el mes que viene?');
  });

  it('answers a question typed in the thread in that thread, as /gcm does, and titles the thread', async () => {
    const t = await startBot();
    t.standin.locales.set('U0EN', 'en-US');
    expect((await typed(t, 'U0EN', 'who leads the missing migrants workshop?')).status).toBe(200);
    const post = await eventually(() => callsIn(t, 'chat.postMessage')[0]);
    expect(post.params.thread_ts).toBe(thread);
    const slash = await t.command('who leads the missing migrants workshop?');
    expect(String(post.params.text)).toBe((slash.json as { text: string }).text);
    expect(JSON.stringify(post.params.blocks)).toContain('T1.1');
    const title = await eventually(() => callsIn(t, 'assistant.threads.setTitle')[0]);
    expect(title.params).toMatchObject({ thread_ts: thread, title: 'who leads the missing migrants workshop?' });
  });

  it('answers a follow-up in the same thread, in the language it is asked in', async () => {
    const t = await startBot();
    t.standin.locales.set('U0ES', 'es-LA');
    await typed(t, 'U0ES', 'objetivo 8');
    await eventually(() => callsIn(t, 'chat.postMessage')[0]);
    await typed(t, 'U0ES', '¿qué lidera UNICEF?', '1713960002.000100');
    const second = await eventually(() => callsIn(t, 'chat.postMessage')[1]);
    expect(second.params.thread_ts).toBe(thread);
    expect(JSON.stringify(second.params.blocks)).toContain('T3.1');
    expect(String(second.params.text)).toMatch(/UNICEF/);
  });

  it('leaves a direct message outside an assistant thread, and the bot’s own messages, unanswered', async () => {
    const t = await startBot();
    await t.sender.event({
      type: 'message',
      channel: pane,
      channel_type: 'im',
      user: 'U0EN',
      text: 'objective 8',
      ts: '1713960003.000100',
      event_ts: '1713960003.000100',
    });
    await typed(t, t.standin.botUserId, 'objective 8', '1713960004.000100');
    await typed(t, 'U0EN', 'objective 9', '1713960005.000100');
    await eventually(() => callsIn(t, 'chat.postMessage').find((c) => /objective 9\b/i.test(String(c.params.text))));
    expect(callsIn(t, 'chat.postMessage').map((c) => c.params.thread_ts)).toEqual([thread]);
  });
});
