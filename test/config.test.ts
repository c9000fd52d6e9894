import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { parseInstant } from '../src/clock.js';

describe('loadConfig', () => {
  it('has defaults for everything but secrets', () => {
    const c = loadConfig({});
    expect(c.slack.transport).toBe('none');
    expect(c.timezone).toBe('America/Santiago');
    expect(c.language).toBe('en');
    expect(c.port).toBe(3000);
    expect(c.reminderDays).toEqual([7, 1]);
    expect(c.reminderTime).toBe('09:00');
    expect(c.digest).toEqual({ weekday: 1, time: '09:00' });
  });

  it("GCM_REPORT: draft by default (the quarter's update to the co-chairs), auto and off as named, on kept as auto, anything else refused", () => {
    expect(loadConfig({}).quarterlyReport).toBe('draft');
    expect(loadConfig({ GCM_REPORT: 'auto' }).quarterlyReport).toBe('auto');
    expect(loadConfig({ GCM_REPORT: ' Off ' }).quarterlyReport).toBe('off');
    expect(loadConfig({ GCM_REPORT: 'on' }).quarterlyReport).toBe('auto');
    expect(loadConfig({ GCM_REPORT: '' }).quarterlyReport).toBe('draft');
    expect(() => loadConfig({ GCM_REPORT: 'weekly' })).toThrow(/GCM_REPORT: must be draft, auto or off/);
  });

  it('picks Socket Mode with an app token, HTTP with a signing secret', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack.transport).toBe('socket');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack.transport).toBe('http');
  });

  it('lists every problem at once, naming variables but never printing secret values', () => {
    let error: unknown;
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_APP_TOKEN: 'nope-secret', GCM_TIMEZONE: 'Nowhere/Land', PORT: 'eighty', GCM_CO_CHAIRS: 'bob' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const msg = (error as ConfigError).message;
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'GCM_TIMEZONE', 'PORT', 'GCM_CO_CHAIRS']) expect(msg).toContain(name);
    expect(msg).not.toContain('secret-value');
    expect(msg).not.toContain('nope-secret');
  });

  it('needs a bot token together with an app token or signing secret', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN or SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 'abc' })).toThrow(/SLACK_BOT_TOKEN: required/);
  });

  it('reads lists and digest settings', () => {
    const c = loadConfig({ GCM_CO_CHAIRS: 'U01, U02', GCM_REMINDER_DAYS: '1,14,7', GCM_DIGEST: 'off', SLACK_API_URL: 'http://127.0.0.1:4000/api' });
    expect(c.coChairs).toEqual(['U01', 'U02']);
    expect(c.reminderDays).toEqual([14, 7, 1]);
    expect(c.digest).toBe('off');
    expect(c.slack.apiUrl).toBe('http://127.0.0.1:4000/api/');
  });
});

describe('the door and HOST', () => {
  it('reads HOST, SLACK_APP_ID and SLACK_TEAM_ID, and names a malformed ID', () => {
    const c = loadConfig({ HOST: '127.0.0.1', SLACK_APP_ID: 'A0GCM', SLACK_TEAM_ID: 'T0STANDIN' });
    expect([c.host, c.slack.appId, c.slack.teamId]).toEqual(['127.0.0.1', 'A0GCM', 'T0STANDIN']);
    expect(loadConfig({}).host).toBeUndefined();
    expect(() => loadConfig({ SLACK_APP_ID: 'gcm', SLACK_TEAM_ID: '#general' })).toThrow(
      /SLACK_APP_ID: must be a Slack app ID[\s\S]*SLACK_TEAM_ID: must be a Slack workspace ID/,
    );
  });
});

describe('parseInstant', () => {
  it('reads a time without offset in the configured zone, and one with an offset as written', () => {
    expect(parseInstant('2024-04-24T10:00:00', 'America/Santiago')!.toUTC().toISO()).toBe('2024-04-24T14:00:00.000Z');
    expect(parseInstant('2024-04-24T10:00:00Z', 'America/Santiago')!.toUTC().toISO()).toBe('2024-04-24T10:00:00.000Z');
    expect(parseInstant('yesterday', 'America/Santiago')).toBeNull();
  });
});
