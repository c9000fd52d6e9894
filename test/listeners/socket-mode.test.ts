import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createSlackApp } from '../../src/slack-app.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { at, loadedStores, zone } from '../helpers/stores.js';

describe('Socket Mode', () => {
  it('connects to a local WebSocket server, answers a slash command envelope in its ack', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    standin.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
    const acked = new Promise<{ envelope_id: string; payload: { text: string; response_type: string } }>((resolve) => {
      wss.on('connection', (socket: WebSocket) => {
        socket.on('message', (data) => resolve(JSON.parse(String(data))));
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0GCM' }, debug_info: { host: 'local' } }));
        socket.send(
          JSON.stringify({
            envelope_id: 'env-1',
            type: 'slash_commands',
            accepts_response_payload: true,
            payload: {
              token: 'x',
              team_id: 'T0STANDIN',
              channel_id: 'C0NETWORK',
              user_id: 'U0MEMBER',
              command: '/gcm',
              text: 'agencia CEPAL',
              response_url: standin.newResponseUrl('C0NETWORK', 'U0MEMBER'),
              trigger_id: '1',
              api_app_id: 'A0GCM',
            },
          }),
        );
      });
    });
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: apiUrl, GCM_TIMEZONE: zone });
    const logs: string[] = [];
    const bot = createSlackApp({
      config,
      stores: loadedStores(),
      clock: fixedClock(at('2024-04-24T10:00:00'), zone),
      logger: createLogger((l) => logs.push(l), LogLevel.INFO),
      retries: 0,
    });
    try {
      await bot.app.start();
      const ack = await acked;
      expect(ack.envelope_id).toBe('env-1');
      expect(ack.payload.response_type).toBe('ephemeral');
      expect(ack.payload.text).toContain('ECLAC');
      expect(standin.callsOf('apps.connections.open')).toHaveLength(1);
      expect(logs.join('\n')).not.toContain('xapp-test');
    } finally {
      await bot.app.stop();
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(r));
      await standin.stop();
    }
  });
});
