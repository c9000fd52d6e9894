import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { applyStatusUpdate } from '../../src/commands/status-update.js';
import { storedCalendarToken } from '../../src/db/calendar-token.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createSlackApp } from '../../src/slack-app.js';
import { startSideServer } from '../../src/slack/side-server.js';
import { coChair, eventually, member, startBot, type TestBot } from '../helpers/slack.js';
import { at, loadedStores, zone } from '../helpers/stores.js';
import { eventOf, parseIcs } from './ics.js';

const token = 'test-calendar-token-0123456789abcdef';

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** The reply `/gcm text` got through the response_url, as JSON text (its blocks included). */
async function reply(t: TestBot, text: string, user: string): Promise<string> {
  const before = t.standin.callsOf('response_url').length;
  expect((await t.command(text, user)).status).toBe(200);
  return JSON.stringify((await eventually(() => t.standin.callsOf('response_url')[before])).params);
}

describe('the subscription address GET /calendar/TOKEN.ics (HTTP mode)', () => {
  it('serves the calendar as text/calendar with an ETag; If-None-Match with it gets 304 and no body', async () => {
    const t = await startBot({ GCM_CALENDAR_TOKEN: token });
    const ok = await get(`${t.baseUrl}/calendar/${token}.ics`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const etag = ok.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(parseIcs(ok.body).events.length).toBeGreaterThan(50);
    const again = await get(`${t.baseUrl}/calendar/${token}.ics`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    // Another filter is another file: its own ETag, and a 200.
    const iom = await get(`${t.baseUrl}/calendar/${token}.ics?agency=IOM&lang=es`, { 'if-none-match': etag });
    expect(iom.status).toBe(200);
    expect(iom.headers.get('etag')).not.toBe(etag);
    expect(parseIcs(iom.body).name).toBe('GCM Plan de Trabajo 2023-2024 · OIM (IOM)');
  });

  it.each([
    ['a wrong token', '/calendar/wrong-token-0123456789abcdef.ics'],
    ['the token without .ics', `/calendar/${token}`],
    ['a token one character short', `/calendar/${token.slice(0, -1)}.ics`],
    ['an empty token', '/calendar/.ics'],
    ['a path under it', `/calendar/${token}.ics/more`],
    ['an unknown path', '/calendar'],
  ])('%s gets 404 with an empty body', async (_what, path) => {
    const t = await startBot({ GCM_CALENDAR_TOKEN: token });
    const r = await get(`${t.baseUrl}${path}?agency=IOM`);
    expect(r.status).toBe(404);
    expect(r.body).toBe('');
    expect(r.headers.get('etag')).toBeNull();
  });

  it('a bad filter with the right token is told in plain words (400), never a stack trace', async () => {
    const t = await startBot({ GCM_CALENDAR_TOKEN: token });
    const agency = await get(`${t.baseUrl}/calendar/${token}.ics?agency=NOPE`);
    expect(agency.status).toBe(400);
    expect(agency.body).toContain('NOPE');
    const lang = await get(`${t.baseUrl}/calendar/${token}.ics?lang=fr`);
    expect([lang.status, lang.body]).toEqual([400, 'The language must be en or es, not "fr".\n']);
    const plan = await get(`${t.baseUrl}/calendar/${token}.ics?plan=nope`);
    expect(plan.status).toBe(400);
  });

  it("/gcm schedule (a signed request) moves the meeting's event, same UID, SEQUENCE raised, and a new ETag", async () => {
    const t = await startBot({ GCM_CALENDAR_TOKEN: token });
    const before = await get(`${t.baseUrl}/calendar/${token}.ics`);
    const old = eventOf(parseIcs(before.body).events, 'B1.2@2024-05');
    expect(await reply(t, 'schedule B1.2 2024-05-14', coChair)).toContain('date set to 14 May 2024');
    const after = await get(`${t.baseUrl}/calendar/${token}.ics`, { 'if-none-match': before.headers.get('etag')! });
    expect(after.status).toBe(200);
    const moved = eventOf(parseIcs(after.body).events, 'B1.2@2024-05');
    expect([old.start, moved.start]).toEqual(['2024-05-01', '2024-05-14']);
    expect(moved.uid).toBe(old.uid);
    expect(moved.sequence).toBe(old.sequence + 1);
  });

  it('postponing (applyStatusUpdate, as the Update modal) moves the event and raises SEQUENCE; cancelling makes it CANCELLED', async () => {
    const t = await startBot({ GCM_CALENDAR_TOKEN: token });
    const uc = t.bot.router.context({ userId: coChair, source: 'test', text: '', lang: 'en' });
    const url = `${t.baseUrl}/calendar/${token}.ics`;
    const old = eventOf(parseIcs((await get(url)).body).events, 'B2.1@2024-05');
    const r = await applyStatusUpdate(uc, { planId: 'lac-2023-2024', key: 'B2.1@2024-05', status: 'postponed', date: '2024-06-12' });
    expect(r.outcome).toBe('changed');
    const moved = eventOf(parseIcs((await get(url)).body).events, 'B2.1@2024-05');
    expect([moved.start, moved.uid, moved.sequence]).toEqual(['2024-06-12', old.uid, old.sequence + 1]);
    await applyStatusUpdate(uc, { planId: 'lac-2023-2024', key: 'B2.1@2024-05', status: 'cancelled' });
    const cancelled = eventOf(parseIcs((await get(url)).body).events, 'B2.1@2024-05');
    expect([cancelled.status, cancelled.sequence]).toEqual(['CANCELLED', old.sequence + 2]);
  });
});

describe('the token', () => {
  it('without GCM_CALENDAR_TOKEN, one is made at the first start, kept in the database and served the same after a restart', async () => {
    const stores = loadedStores();
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-t', SLACK_SIGNING_SECRET: 'secret', GCM_TIMEZONE: zone });
    const make = () =>
      createSlackApp({
        config,
        stores,
        clock: fixedClock(at('2024-04-24T10:00:00'), zone),
        logger: createLogger(() => {}, LogLevel.ERROR),
        retries: 0,
        identity: { botId: 'B', botUserId: 'U' },
      });
    make();
    const first = storedCalendarToken(stores.db, () => 'never-used-0123456789');
    expect(first).toMatch(/^[\w-]{32}$/);
    make();
    expect(storedCalendarToken(stores.db, () => 'never-used-0123456789')).toBe(first);
  });

  it('in Socket Mode the same route is served by the side server (CALENDAR_PORT), and a wrong token gets 404 there too', async () => {
    const t = await startBot({ GCM_CALENDAR_TOKEN: token });
    const side = await startSideServer({ host: '127.0.0.1', port: 0, routes: [t.bot.calendar], logger: createLogger(() => {}, LogLevel.ERROR) });
    try {
      const ok = await get(`http://127.0.0.1:${side.port}/calendar/${token}.ics?priority=B1`);
      expect(ok.status).toBe(200);
      expect(parseIcs(ok.body).events.every((e) => e.summary.startsWith('B1.'))).toBe(true);
      const wrong = await get(`http://127.0.0.1:${side.port}/calendar/nope-0123456789abcdef.ics`);
      expect([wrong.status, wrong.body]).toEqual([404, '']);
    } finally {
      await side.close();
    }
  });
});

describe('/gcm calendar', () => {
  it('answers anyone with the .ics file (files.uploadV2; a member’s to their direct messages); a member is told to ask a co-chair for the address', async () => {
    const t = await startBot({ GCM_CALENDAR_TOKEN: token, GCM_PUBLIC_URL: 'https://gcm.example.org/' });
    const text = await reply(t, 'calendar UNICEF', member);
    expect(text).toContain('ask a co-chair for the calendar address');
    expect(text).not.toContain(token);
    const file = [...t.standin.files.values()].find((f) => f.filename === 'gcm-lac-2023-2024-UNICEF.ics')!;
    expect(file.channel).toBe(t.standin.dmChannelOf(member));
    const events = parseIcs(file.content).events;
    expect(text).toContain(`${events.length} dated occurrences`);
    expect(events.length).toBeGreaterThan(0);
  });

  it('shows a co-chair the subscription address with the token, the agency and the language (calendario: Spanish)', async () => {
    const t = await startBot({ GCM_CALENDAR_TOKEN: token, GCM_PUBLIC_URL: 'https://gcm.example.org/' });
    const text = await reply(t, 'calendario OIM', coChair);
    const url = `https://gcm.example.org/calendar/${token}.ics?agency=IOM&lang=es`;
    // In mrkdwn, & is written &amp; (Slack shows it as &).
    expect(text).toContain(url.replace('&', '&amp;'));
    expect(text).toContain('suscríbase');
    // The address it gives is the one the bot serves.
    const served = await get(url.replace('https://gcm.example.org', t.baseUrl));
    expect(parseIcs(served.body).name).toBe('GCM Plan de Trabajo 2023-2024 · OIM (IOM)');
  });

  it('without GCM_PUBLIC_URL a co-chair is told to set it; an unknown agency is said plainly and nothing is uploaded', async () => {
    const t = await startBot({ GCM_CALENDAR_TOKEN: token });
    expect(await reply(t, 'calendar', coChair)).toContain('set `GCM_PUBLIC_URL`');
    const uploads = t.standin.files.size;
    const unknown = await reply(t, 'calendar NOPE', member);
    expect(unknown).toContain('NOPE');
    expect(t.standin.files.size).toBe(uploads);
  });

  it('is in help, in English and Spanish', async () => {
    const t = await startBot();
    expect(JSON.stringify((await t.command('help')).json)).toContain('calendar IOM');
    expect(JSON.stringify((await t.command('ayuda')).json)).toContain('calendario OIM');
  });
});
