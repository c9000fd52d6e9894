import { App, type CustomRoute, type Logger, type Receiver } from '@slack/bolt';
import { ErrorCode, WebClient, type WebClientOptions } from '@slack/web-api';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Outbox, schedulerLease } from './outbox/outbox.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Stores } from './stores.js';
import { CoChairs } from './slack/co-chairs.js';
import { homeOf } from './commands/home.js';
import { Router } from './slack/router.js';
import { outboxView } from './slack/outbox-view.js';
import { HomePublisher } from './slack/home-publisher.js';
import { registerListeners } from './listeners/index.js';
import { uploadReport } from './slack/upload-report.js';
import { type DoorOptions, GuardedHttpReceiver, GuardedSocketModeReceiver } from './slack/guarded-receiver.js';
import { HealthMonitor } from './slack/health.js';
import { calendarRoute } from './slack/calendar-route.js';
import { storedCalendarToken } from './db/calendar-token.js';
import type { WriteFailure } from './db/database-file.js';
import type { InFlight } from './slack/in-flight.js';

export interface SlackAppOptions {
  config: Config;
  stores: Stores;
  clock: Clock;
  logger: Logger;
  /** Web API retries. Tests pass 0: a dead stand-in must fail fast, not retry for half an hour. */
  retries?: number;
  /** The wall clock for caches and the scheduler lease; never the plan's clock. */
  wallMs?: () => number;
  /** This process's name in the scheduler lease. */
  instanceId?: string;
  /** The bot's identity from `auth.test` (see verifyToken); without it Bolt calls auth.test itself. */
  identity?: { botId: string; botUserId: string };
  /** How long one Web API call may take (webApiTimeoutMs by default); tests shorten it. */
  apiTimeoutMs?: number;
  /** More HTTP routes on the bot's port (Bolt's CustomRoute), served by whichever receiver runs. */
  customRoutes?: CustomRoute[];
  /**
   * The database file was found deleted or replaced (src/db/database-file.ts), by a write of a handler (once
   * the person was told nothing was saved) or of the outbox (which stopped posting): main.ts stops the bot.
   */
  onDatabaseLost?: (failure: WriteFailure) => void;
}

/**
 * How long one Web API call may wait for Slack's answer before it fails: a call Slack never answers must
 * not hold a handler, the reminder pass or the start-up. Posts that time out are retried like any failure.
 */
export const webApiTimeoutMs = 10_000;

/**
 * Checks the bot token against the Web API once at start (`auth.test`) and returns the bot's identity, so
 * that a bad token is reported plainly before anything else starts.
 */
export async function verifyToken(
  token: string,
  apiUrl: string | undefined,
  timeoutMs = webApiTimeoutMs,
): Promise<{ botId: string; botUserId: string; team: string }> {
  // One retry at most: a Slack that does not answer is reported after two timeouts, not left silent.
  const client = new WebClient(token, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), timeout: timeoutMs, retryConfig: { retries: 1, maxTimeout: 1000 } });
  const res = await client.auth.test();
  return { botId: String(res.bot_id ?? ''), botUserId: String(res.user_id ?? ''), team: String(res.team ?? '') };
}

/** Why verifyToken failed, in one plain sentence for the start-up (the token itself never appears). */
export function tokenFailure(e: unknown, apiUrl: string | undefined, timeoutMs = webApiTimeoutMs): string {
  const err = e as { code?: string; data?: { error?: string }; original?: { name?: string } };
  if (err.code === ErrorCode.PlatformError)
    return `Slack refused SLACK_BOT_TOKEN (${err.data?.error ?? 'error'}): copy the Bot User OAuth Token again from the app's settings, or reinstall the app.`;
  if (err.original?.name === 'TimeoutError')
    return `Slack did not answer auth.test within ${timeoutMs / 1000} s, twice, at ${apiUrl ?? 'https://slack.com/api/'}: check the network (a proxy, a firewall) and SLACK_API_URL.`;
  return `Slack could not be reached to check SLACK_BOT_TOKEN (${e instanceof Error ? e.message : String(e)}). Check the network and SLACK_API_URL.`;
}

export interface SlackApp {
  app: App;
  router: Router;
  homes: HomePublisher;
  coChairs: CoChairs;
  receiver: Receiver;
  /** The outbox (reminders, follow-ups, digests, reports); the caller starts its cron (startScheduler) or, in tests, ticks it by hand. */
  reminders: Outbox;
  /** GET /health: served here in HTTP mode; main.ts serves its route on HEALTH_PORT in Socket Mode. */
  health: HealthMonitor;
  /** The calendar's subscription route: served by the HTTP receiver, or by the side server on CALENDAR_PORT in Socket Mode. */
  calendar: CustomRoute;
  /** The requests still being answered: a stop lets them finish (src/slack/in-flight.ts). */
  requests: InFlight;
}

/** The Web API client's options: SLACK_API_URL when set (a local stand-in), a timeout and bounded retries. */
function webClientOptions(apiUrl: string | undefined, logger: Logger, retries: number, timeoutMs: number): WebClientOptions {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    timeout: timeoutMs,
    logger,
    // Bounded retries: a rate-limited or failing call must not hold a handler for minutes.
    retryConfig: { retries, factor: 2, minTimeout: 250, maxTimeout: 4000 },
  };
}

/**
 * The receiver, behind the door (src/slack/door.ts: size, signature and its age, body shape, app and
 * workspace): Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT serving `routes` too.
 */
function guardedReceiver(config: Config, door: DoorOptions, clientOptions: WebClientOptions, health: HealthMonitor, routes: () => CustomRoute[]): Receiver {
  const { slack } = config;
  if (slack.transport === 'socket') {
    // Socket Mode opens no port of its own: /health and other routes go on side servers (main.ts: HEALTH_PORT, CALENDAR_PORT).
    const socket = new GuardedSocketModeReceiver(
      { appToken: slack.appToken!, logger: door.logger, installerOptions: { clientOptions }, autoReconnectEnabled: true },
      door,
    );
    health.followSocket(socket.client);
    return socket;
  }
  return new GuardedHttpReceiver({ ...door, signingSecret: slack.signingSecret!, port: config.port, host: config.host, customRoutes: routes() });
}

/** What the outbox needs beside the stores: the app's settings, the co-chairs and this process's name in the lease. */
interface OutboxWiring {
  config: Config;
  stores: Stores;
  clock: Clock;
  logger: Logger;
  wallMs: () => number;
  instanceId: string;
  coChairs: CoChairs;
  clientOptions: WebClientOptions;
  onDatabaseLost: (failure: WriteFailure) => void;
}

/** The outbox (reminders, follow-ups, digests, reports), on a Web API client of its own. */
function outboxOf(w: OutboxWiring): Outbox {
  const { config, logger } = w;
  const reminderClient = new WebClient(config.slack.botToken, { ...w.clientOptions, logger, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  return new Outbox({
    stores: w.stores,
    clock: w.clock,
    // The outbox does its own backoff per message: no automatic retries, and a 429 comes back at once.
    client: reminderClient,
    coChairs: () => w.coChairs.list(),
    attachFile: (channel, threadTs, filename, content, title) => uploadReport(reminderClient, channel, filename, content, title, logger, threadTs),
    config,
    logger,
    holder: w.instanceId,
    wallMs: w.wallMs,
    onDatabaseLost: w.onDatabaseLost,
  });
}

/** The router of `/gcm`, buttons and modals, with what its use cases reach through their context. */
function routerOf(w: OutboxWiring, app: App, reminders: Outbox, calendarToken: string): Router {
  const { config, stores, wallMs } = w;
  const holder = () => {
    const lease = stores.reminders.leaseHolder(schedulerLease);
    return lease && lease.expiresAt > wallMs() ? lease.holder : null;
  };
  return new Router({
    stores,
    clock: w.clock,
    language: config.language,
    coChairs: w.coChairs,
    outbox: outboxView(config, stores, reminders, holder, w.instanceId, w.logger),
    client: app.client,
    logger: w.logger,
    calendar: {
      served: config.slack.transport === 'http' || config.calendar.port !== undefined,
      publicUrl: config.calendar.publicUrl ?? null,
      token: () => calendarToken,
    },
  });
}

/**
 * Builds the Bolt app: Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT (and HOST) with the signing secret
 * (`POST /slack/events` behind the door of src/slack/door.ts, plus `GET /health` and `customRoutes`). The Web
 * API is SLACK_API_URL when set (a local stand-in).
 */
export function createSlackApp({
  config,
  stores,
  clock,
  logger,
  identity,
  retries = 3,
  wallMs = Date.now,
  instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  apiTimeoutMs = webApiTimeoutMs,
  customRoutes = [],
  onDatabaseLost = () => undefined,
}: SlackAppOptions): SlackApp {
  const { slack } = config;
  if (!slack.botToken) throw new Error('SLACK_BOT_TOKEN is required to talk to Slack');
  // The subscription's secret: GCM_CALENDAR_TOKEN, else one made at the first start and kept in the database.
  const calendarToken = config.calendar.token ?? storedCalendarToken(stores.db);
  const calendar = calendarRoute({ stores, clock, token: calendarToken, language: config.language });
  const clientOptions = webClientOptions(slack.apiUrl, logger, retries, apiTimeoutMs);
  const health = new HealthMonitor({ stores, clock, wallMs, instanceId });
  // The calendar's subscription is served here in HTTP mode; in Socket Mode the side server on CALENDAR_PORT serves it (main.ts).
  const door = { logger, appId: slack.appId, teamId: slack.teamId, wallMs };
  const receiver = guardedReceiver(config, door, clientOptions, health, () => [health.route(), ...customRoutes, calendar]);
  // convoStore: false — the bot keeps no conversation state, and Bolt's default store runs on every request.
  // logLevel: the logger's own, else Bolt sets its logger to info (and LOG_LEVEL=debug would not reach Bolt).
  // ignoreSelf: false — Bolt's self filter runs for events only, in the listeners' middleware (src/listeners/index.ts).
  const app = new App({
    token: slack.botToken,
    receiver,
    logger,
    logLevel: logger.getLevel(),
    clientOptions,
    convoStore: false,
    ignoreSelf: false,
    ...(identity ?? {}),
  });
  const coChairs = new CoChairs(
    config.coChairs,
    config.coChairsUsergroup,
    async (usergroup) => (await app.client.usergroups.users.list({ usergroup })).users ?? [],
    logger,
    wallMs,
  );
  const wiring: OutboxWiring = { config, stores, clock, logger, wallMs, instanceId, coChairs, clientOptions, onDatabaseLost };
  const reminders = outboxOf(wiring);
  const router = routerOf(wiring, app, reminders, calendarToken);
  const homes = new HomePublisher(
    (userId, lang) => homeOf({ plans: stores.plans, state: stores.state, now: clock.now() }, stores.directory(), userId, lang),
    config.language,
    logger,
    wallMs,
  );
  const requests = registerListeners(app, { router, homes, logger, language: config.language, onDatabaseLost });
  app.error(async (error) => {
    logger.error(`handler failed: ${error.message}`);
  });
  return { app, router, homes, coChairs, receiver, reminders, health, calendar, requests };
}
