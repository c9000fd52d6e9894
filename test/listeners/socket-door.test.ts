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

const command = (standin: WebApiStandIn, team: string) => ({
  token: 'x',
  team_id: team,
  channel_id: 'C0NETWORK',
  user_id: 'U0MEMBER',
  command: '/gcm',
  text: 'objective 23',
  response_url: standin.newResponseUrl('C0NETWORK', 'U0MEMBER'),
  trigger_id: '1',
  api_app_id: 'A0GCM',
});

describe('the door in Socket Mode', () => {
  it('acknowledges and drops envelopes with a null payload, a forged payload or for another workspace, and goes on answering', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    standin.socketUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`;
    const acks: { envelope_id: string; payload: { text?: string } }[] = [];
    const answered = new Promise<void>((resolve) => {
      wss.on('connection', (socket: WebSocket) => {
        socket.on('message', (data) => {
          const ack = JSON.parse(String(data));
          acks.push(ack);
          if (ack.envelope_id === 'good') resolve();
        });
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0GCM' }, debug_info: { host: 'local' } }));
        for (const [id, type, payload] of [
          ['events-null', 'events_api', null],
          ['events-no-event', 'events_api', { type: 'event_callback', team_id: 'T0STANDIN' }],
          ['command-null', 'slash_commands', null],
          ['interactive-null', 'interactive', null],
          ['interactive-array', 'interactive', [1, 2]],
          ['other-team', 'slash_commands', command(standin, 'T0OTHER')],
          ['forged-click', 'interactive', { type: 'block_actions', team: { id: 'T0STANDIN' }, user: { id: 5 }, actions: 'gcm_mark_done' }],
          ['good', 'slash_commands', command(standin, 'T0STANDIN')],
        ] as const) {
          socket.send(JSON.stringify({ envelope_id: id, type, accepts_response_payload: true, payload }));
        }
      });
    });
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_APP_TOKEN: 'xapp-test',
      SLACK_API_URL: apiUrl,
      GCM_TIMEZONE: zone,
      SLACK_TEAM_ID: 'T0STANDIN',
    });
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
      await answered;
      // Every envelope is acknowledged (Slack would send it again otherwise); only the good one is answered.
      expect(acks.map((a) => a.envelope_id).sort()).toEqual(
        ['command-null', 'events-no-event', 'events-null', 'forged-click', 'good', 'interactive-array', 'interactive-null', 'other-team'].sort(),
      );
      expect(acks.filter((a) => a.payload.text).map((a) => a.envelope_id)).toEqual(['good']);
      expect(acks.find((a) => a.envelope_id === 'good')!.payload.text).toContain('Strengthen international cooperation');
      expect(standin.calls.map((c) => c.method).filter((m) => m !== 'auth.test')).toEqual(['apps.connections.open']);
      expect(logs.filter((l) => l.includes('refused'))).toHaveLength(3);
      expect(logs.filter((l) => l.includes('a block_actions payload whose user.id has the wrong type or size'))).toHaveLength(1);
      expect(logs.filter((l) => l.includes(' ERROR '))).toEqual([]);
    } finally {
      await bot.app.stop();
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(r));
      await standin.stop();
    }
  });
});
