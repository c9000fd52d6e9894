import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { fixedClock } from '../src/clock.js';
import { createLogger } from '../src/logger.js';
import { createSlackApp } from '../src/slack-app.js';
import { WebApiStandIn } from '../dev/standin/web-api.js';
import { at, loadedStores, zone } from './helpers/stores.js';

const secrets = {
  botToken: 'xoxb-1234-5678-abcdefSECRET',
  appToken: 'xapp-1-A0-99-ffffSECRET',
  signingSecret: '8f14e45fceea167a5a36dedd4bea2543',
  bearer: 'opaque-credential-4242',
};

/** Logs an object, an error and a sentence that each carry a secret; returns the lines written. */
function logSecrets(format: 'text' | 'json'): string[] {
  const lines: string[] = [];
  const logger = createLogger((l) => lines.push(l), LogLevel.INFO, 'gcm', format);
  logger.info('client options', {
    token: secrets.botToken,
    nested: { signingSecret: secrets.signingSecret, headers: { Authorization: `Bearer ${secrets.bearer}` } },
    channel: 'C0NETWORK',
  });
  logger.warn(`socket opened with ${secrets.appToken}`);
  logger.error(
    'call failed:',
    Object.assign(new Error(`invalid_auth for ${secrets.botToken}`), { config: { headers: { Authorization: `Bearer ${secrets.bearer}` } } }),
  );
  return lines;
}

describe('the logger', () => {
  it('LOG_FORMAT=json: one JSON object per line, with level, time, name, message and an error with its stack', () => {
    const lines = logSecrets('json');
    expect(lines).toHaveLength(3);
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines) expect(l).not.toContain('\n');
    expect(entries.map((e) => e.level)).toEqual(['info', 'warn', 'error']);
    for (const e of entries) {
      expect(e.name).toBe('gcm');
      expect(Number.isNaN(Date.parse(String(e.time)))).toBe(false);
      expect(typeof e.pid).toBe('number');
    }
    expect(entries[0]!.msg).toContain('"channel":"C0NETWORK"');
    const err = entries[2]!.err as { type: string; message: string; stack: string };
    expect(err.type).toBe('Error');
    expect(err.stack).toContain('logger.test.ts');
  });

  it('the default format stays one readable line: time LEVEL [name] message', () => {
    const lines = logSecrets('text');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z INFO \[gcm\] client options \{/);
    expect(lines[1]).toMatch(/ WARN \[gcm\] socket opened with x\*\*\*-\[redacted\]$/);
    expect(lines[2]).toMatch(/ ERROR \[gcm\] call failed: invalid_auth for x\*\*\*-\[redacted\]$/);
  });

  it('redacts tokens, the signing secret and Authorization headers in both formats, in objects, messages and errors', () => {
    for (const format of ['text', 'json'] as const) {
      const all = logSecrets(format).join('\n');
      for (const [what, value] of Object.entries(secrets)) expect(all, `${format}: ${what}`).not.toContain(value);
      expect(all).toContain('[redacted]');
    }
  });

  it('follows its level: debug lines only at debug', () => {
    const lines: string[] = [];
    const logger = createLogger((l) => lines.push(l), LogLevel.INFO);
    logger.debug('hidden');
    logger.setLevel(LogLevel.DEBUG);
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
    logger.debug('shown');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DEBUG [gcm] shown');
  });

  it("LOG_LEVEL=debug reaches Bolt: the app keeps the logger's level and its Web API client logs its calls at debug", async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    try {
      for (const level of [LogLevel.DEBUG, LogLevel.INFO]) {
        const lines: string[] = [];
        const logger = createLogger((l) => lines.push(l), level, 'gcm', 'json');
        const config = loadConfig({ SLACK_BOT_TOKEN: secrets.botToken, SLACK_SIGNING_SECRET: 's', SLACK_API_URL: apiUrl, PORT: '0', GCM_TIMEZONE: zone });
        const bot = createSlackApp({
          config,
          stores: loadedStores(),
          clock: fixedClock(at('2024-04-24T10:00:00'), zone),
          logger,
          retries: 0,
          identity: { botId: 'B0GCMBOT', botUserId: standin.botUserId },
        });
        expect(logger.getLevel()).toBe(level);
        await bot.app.client.auth.test();
        const debug = lines.map((l) => JSON.parse(l) as { level: string; msg: string }).filter((e) => e.level === 'debug');
        if (level === LogLevel.DEBUG) expect(debug.map((e) => e.msg).join('\n')).toContain("apiCall('auth.test') start");
        else expect(debug).toEqual([]);
        expect(lines.join('\n')).not.toContain(secrets.botToken);
      }
    } finally {
      await standin.stop();
    }
  });
});

describe('LOG_FORMAT', () => {
  it('is text by default, json when asked, and anything else is refused by name', () => {
    expect(loadConfig({}).logFormat).toBe('text');
    expect(loadConfig({ LOG_FORMAT: ' JSON ' }).logFormat).toBe('json');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT: must be text or json/);
  });
});

describe('redaction', () => {
  it('leaves ordinary words alone: a basic priority stays a basic priority', () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).info('imported Basic priority B1 and basic priority B2, bearer of news');
    expect(lines[0]).toContain('imported Basic priority B1 and basic priority B2, bearer of news');
  });
});
