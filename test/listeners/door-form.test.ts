import { describe, expect, it } from 'vitest';
import { signature, slashCommandFields } from '../../dev/standin/sender.js';
import { channel, member, secret, startBot, type TestBot } from '../helpers/slack.js';

const form = 'application/x-www-form-urlencoded';

/** A signed POST to the bot's events endpoint, with the answer's headers. */
async function signedPost(t: TestBot, body: string): Promise<{ status: number; headers: Headers; text: string }> {
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch((t.sender as unknown as { eventsUrl: string }).eventsUrl, {
    method: 'POST',
    headers: { 'content-type': form, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature(secret, ts, body) },
    body,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const commandFields = (t: TestBot, text: string) => slashCommandFields({ text, user: member, channel, responseUrl: t.standin.newResponseUrl(channel, member) });

describe('the door reads a form once', () => {
  it('refuses a signed command whose form names a field twice with 400, logged once, before any handler', async () => {
    const t = await startBot();
    const before = t.stores.state.auditCount();
    const body = `${new URLSearchParams(commandFields(t, 'objective 23')).toString()}&text=${encodeURIComponent('done B1.5')}`;
    const res = await signedPost(t, body);
    expect(res.status).toBe(400);
    expect(res.text).toBe('');
    expect(t.logs.filter((l) => l.includes('refused a request (400): a form that names a field twice'))).toHaveLength(1);
    expect(t.standin.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(t.stores.state.auditCount()).toBe(before);
    const alive = await t.command('objective 23');
    expect((alive.json as { text: string }).text).toContain('Strengthen international cooperation');
  });

  it('answers a command in its acknowledgement with the JSON and its length, not a chunked body', async () => {
    const t = await startBot();
    const res = await signedPost(t, new URLSearchParams(commandFields(t, 'objective 23')).toString());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('transfer-encoding')).toBeNull();
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.text));
    expect((JSON.parse(res.text) as { response_type: string; text: string }).response_type).toBe('ephemeral');
    expect((JSON.parse(res.text) as { text: string }).text).toContain('Strengthen international cooperation');
  });
});
