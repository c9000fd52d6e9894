import { describe, expect, it } from 'vitest';
import { startBot } from '../helpers/slack.js';

describe('requests into the real HTTP receiver', () => {
  it('answers a correctly signed /gcm command in the acknowledgement', async () => {
    const t = await startBot();
    const res = await t.command('objective 23');
    expect(res.status).toBe(200);
    const json = res.json as { response_type: string; text: string; blocks: unknown[] };
    expect(json.response_type).toBe('ephemeral');
    expect(json.text).toContain('Strengthen international cooperation');
    expect(JSON.stringify(json.blocks)).toContain('T3.2');
  });

  it.each([
    ['a tampered body', { tamper: (b: string) => b.replace('B1.5', 'B1.6') }],
    ['a wrong secret', { secret: 'not-the-secret' }],
    ['a stale timestamp', { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 }],
  ])('rejects %s with 401 and runs no handler', async (_name, overrides) => {
    const t = await startBot();
    const before = t.stores.state.auditCount();
    const res = await t.sender.command(
      { command: '/gcm', text: 'done B1.5', user_id: 'U0COCHAIR', channel_id: 'C0NETWORK', response_url: t.standin.newResponseUrl('C0NETWORK', 'U0COCHAIR') },
      overrides,
    );
    expect(res.status).toBe(401);
    expect(res.body).toBe('');
    // A full round trip through the bot afterwards, instead of a wait: the refused request started nothing.
    expect((await t.command('objective 23')).status).toBe(200);
    expect(t.standin.callsOf('response_url')).toHaveLength(0);
    expect(t.stores.state.auditCount()).toBe(before);
  });

  it("checks Slack's published signature example", async () => {
    const { signature } = await import('../../dev/standin/sender.js');
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(signature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });

  it('serves a health check', async () => {
    const t = await startBot();
    await t.bot.reminders.tick();
    const url = (t.sender as unknown as { eventsUrl: string }).eventsUrl.replace('/slack/events', '/health');
    const res = await fetch(url);
    expect(res.status).toBe(200);
  });
});
