import type { Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { LogLevel } from '@slack/bolt';
import { afterEach } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { fixedClock, type SettableClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../src/slack-app.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { SlackSender, blockActionsPayload, slashCommandFields } from '../../dev/standin/sender.js';
import type { Stores } from '../../src/stores.js';
import { at, loadedStores, zone } from './stores.js';

export const secret = 'test-signing-secret-0123456789';
export const coChair = 'U0COCHAIR';
export const member = 'U0MEMBER';
export const channel = 'C0NETWORK';

export interface TestBot {
  standin: WebApiStandIn;
  sender: SlackSender;
  bot: SlackApp;
  stores: Stores;
  clock: SettableClock;
  logs: string[];
  /** The bot's HTTP receiver, `http://127.0.0.1:PORT` (its custom routes: the calendar). */
  baseUrl: string;
  /** Sends `/gcm text` as `user` and returns the acknowledgement. */
  command(text: string, user?: string): ReturnType<SlackSender['command']>;
  /**
   * Clicks a button of a message the bot wrote, as Slack would send it: in an actions block or a section's
   * accessory, the `blockIndex`-th block holding one (whose value `value` accepts, when given).
   */
  click(
    message: { blocks: unknown[]; ts?: string },
    actionId: string,
    user: string,
    opts?: { ephemeral?: boolean; blockIndex?: number; value?: (value: string) => boolean },
  ): ReturnType<SlackSender['interaction']>;
}

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (running.length) await running.pop()!();
});

/** How startBot may differ: a shorter Web API timeout; the stores, or the stand-in, of an earlier bot (a restart). */
export interface StartOptions {
  apiTimeoutMs?: number;
  stores?: Stores;
  standin?: WebApiStandIn;
  onDatabaseLost?: SlackAppOptions['onDatabaseLost'];
}

/** The real Bolt app over HTTP on a free loopback port, its Web API a local stand-in. */
export async function startBot(env: Record<string, string> = {}, now = '2024-04-24T10:00:00', opts: StartOptions = {}): Promise<TestBot> {
  const { stores = loadedStores(), standin = new WebApiStandIn(), ...more } = opts;
  const apiUrl = opts.standin ? standin.apiUrl : await standin.start();
  const clock = fixedClock(at(now), zone);
  const logs: string[] = [];
  const logger = createLogger((l) => logs.push(l), LogLevel.DEBUG);
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    GCM_CO_CHAIRS: coChair,
    GCM_TIMEZONE: zone,
    DATABASE_PATH: ':memory:',
    ...env,
  });
  const bot = createSlackApp({ config, stores, clock, logger, retries: 0, identity: { botId: 'B0GCMBOT', botUserId: standin.botUserId }, ...more });
  const server = (await bot.app.start(0)) as unknown as Server;
  const port = (server.address() as AddressInfo).port;
  const sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, secret);
  running.push(async () => {
    await bot.app.stop();
    await standin.stop();
  });
  return {
    standin,
    sender,
    bot,
    stores,
    clock,
    logs,
    baseUrl: `http://127.0.0.1:${port}`,
    command: (text, user = member) => sender.command(slashCommandFields({ text, user, channel, responseUrl: standin.newResponseUrl(channel, user) })),
    click: (message, actionId, user, opts = {}) => {
      type Element = { action_id: string; value: string; type: string; text: unknown };
      const blocks = message.blocks as { type: string; block_id?: string; elements?: Element[]; accessory?: Element }[];
      const buttonOf = (b: (typeof blocks)[number]) =>
        [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])].find((e) => e.action_id === actionId && (opts.value?.(e.value) ?? true));
      const block = blocks.filter((b) => buttonOf(b))[opts.blockIndex ?? 0];
      if (!block) throw new Error(`no ${actionId} button in the message`);
      const element = buttonOf(block)!;
      const ephemeral = opts.ephemeral ?? true;
      const ts = message.ts ?? '1713960000.000100';
      return sender.interaction(
        blockActionsPayload(
          user,
          {
            kind: 'message',
            channel,
            messageTs: ts,
            ephemeral,
            message: { text: 'x', blocks: message.blocks, user: standin.botUserId },
            responseUrl: standin.newResponseUrl(channel, user, ts),
          },
          { type: element.type, action_id: element.action_id, block_id: block.block_id, value: element.value, text: element.text },
        ),
      );
    },
  };
}

/**
 * Waits until `check` holds (the bot's async work after an ack: a call the stand-in records), failing after
 * `ms`. The last resort where no promise or hook says it happened: the deadline is generous (a loaded
 * machine is slow, not wrong), under the test's own timeout, and only a failure ever waits that long.
 */
export async function eventually<T>(check: () => T | undefined | false, ms = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * True once a bot's log holds a reminder pass that ran to its end. A minute's tick that comes while the pass
 * before it still runs logs its own "reminder pass:" line, skipped, with the reason in brackets ("(overlap)"):
 * that line says nothing about what the running pass did, and does not count.
 */
export function passEnded(log: string): boolean {
  return /reminder pass: [^\n(]* to retry(?! \()/.test(log);
}

/** A TCP port free on 127.0.0.1 at the time of asking, for a bot started as a process. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}
