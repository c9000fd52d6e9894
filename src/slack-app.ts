import { App, HTTPReceiver, SocketModeReceiver, type Logger, type Receiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Stores } from './stores.js';
import { CoChairs } from './domain/co-chairs.js';
import { GcmService } from './gcm-service.js';
import { HomePublisher } from './slack/home-publisher.js';
import { registerListeners } from './listeners/index.js';

export interface SlackAppOptions {
  config: Config;
  stores: Stores;
  clock: Clock;
  logger: Logger;
  /** Web API retries. Tests pass 0: a dead stand-in must fail fast, not retry for half an hour. */
  retries?: number;
  /** The wall clock for caches (co-chair group, locales); never the plan's clock. */
  wallMs?: () => number;
}

export interface SlackApp {
  app: App;
  service: GcmService;
  homes: HomePublisher;
  coChairs: CoChairs;
  receiver: Receiver;
}

/**
 * Builds the Bolt app: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT with the signing secret (Bolt's
 * `POST /slack/events`, plus `GET /health`). The Web API is SLACK_API_URL when set (a local stand-in).
 */
export function createSlackApp({ config, stores, clock, logger, retries = 3, wallMs = Date.now }: SlackAppOptions): SlackApp {
  const { slack } = config;
  if (!slack.botToken) throw new Error('SLACK_BOT_TOKEN is required to talk to Slack');
  const clientOptions: WebClientOptions = {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    // Bounded retries: a rate-limited or failing call must not hold a handler for minutes.
    retryConfig: { retries, factor: 2, minTimeout: 250, maxTimeout: 4000 },
  };
  const receiver: Receiver =
    slack.transport === 'socket'
      ? new SocketModeReceiver({ appToken: slack.appToken!, logger, installerOptions: { clientOptions }, autoReconnectEnabled: true })
      : new HTTPReceiver({
          signingSecret: slack.signingSecret!,
          port: config.port,
          logger,
          customRoutes: [
            {
              path: '/health',
              method: ['GET'],
              handler: (_req, res) => {
                res.writeHead(200, { 'content-type': 'text/plain' });
                res.end('ok\n');
              },
            },
          ],
        });
  const app = new App({ token: slack.botToken, receiver, logger, clientOptions });
  const coChairs = new CoChairs(
    config.coChairs,
    config.coChairsUsergroup,
    async (usergroup) => (await app.client.usergroups.users.list({ usergroup })).users ?? [],
    logger,
    wallMs,
  );
  const service = new GcmService(stores, clock, config.language, coChairs);
  const homes = new HomePublisher(service, config.language, logger, wallMs);
  registerListeners(app, { service, homes, logger });
  app.error(async (error) => {
    logger.error(`handler failed: ${error.message}`);
  });
  return { app, service, homes, coChairs, receiver };
}
