import { randomBytes } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import type { Logger } from '@slack/bolt';
import { digestSetting, loadConfig, type Config } from '../../src/config.js';
import { offsetClock, parseInstant, type SettableClock } from '../../src/clock.js';
import { openStores, type Stores } from '../../src/stores.js';
import { formatProblem, importPlanFile } from '../../src/plan/import-plan.js';
import { createSlackApp, type SlackApp } from '../../src/slack-app.js';
import type { WriteFailure } from '../../src/db/database-file.js';
import { WebApiStandIn } from '../standin/web-api.js';
import { describeFile } from './file-preview.js';
import { SlackSender } from '../standin/sender.js';
import { playgroundChannel, playgroundFocalPoints, playgroundUsers } from './people.js';
import { pageHandler, type PlaygroundCore } from './routes.js';

export { playgroundChannel, playgroundFocalPoints, playgroundUsers } from './people.js';

/** Where the playground's clock starts (docs/decisions/playground-and-standin.md): Monday 22 April 2024, 08:30, reminders about to fire. */
export const playgroundStart = '2024-04-22T08:30:00';

export interface Playground {
  url: string;
  standin: WebApiStandIn;
  clock: SettableClock;
  stores: Stores;
  bot: SlackApp;
  stop(): Promise<void>;
}

/** A person's Slack locale: their own, else English (US). */
const localeOf = (u: (typeof playgroundUsers)[number]) => ('locale' in u ? u.locale : 'en-US');

/** The bot's configuration in the playground: the caller's schedule, language and plan, with the stand-in's Slack. */
function playgroundConfig(base: Config, apiUrl: string, secret: string): Config {
  return loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-playground',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    GCM_CO_CHAIRS: playgroundUsers
      .filter((u) => u.coChair)
      .map((u) => u.id)
      .join(','),
    GCM_REMINDER_CHANNEL: playgroundChannel.id,
    GCM_TIMEZONE: base.timezone,
    GCM_LANGUAGE: base.language,
    GCM_REMINDER_DAYS: base.reminderDays.join(','),
    GCM_REMINDER_TIME: base.reminderTime,
    GCM_DIGEST: digestSetting(base.digest),
    // The quarter's update as the caller set it: by default a draft in the co-chairs' direct messages (issue 23.5).
    GCM_REPORT: base.quarterlyReport,
    GCM_PLAN: base.planFile,
  });
}

/** A fresh database per playground unless DATABASE_PATH says otherwise (a demo starts clean), with the plan and the focal points. */
function playgroundStores(base: Config, config: Config, clock: SettableClock): Stores {
  const stores = openStores(base.databasePathSet ? base.databasePath : ':memory:');
  const imported = importPlanFile(stores, config.planFile, config.dataDir, DateTime.utc().toISO()!, true);
  if (!imported.ok) throw new Error(`the plan file was rejected:\n${imported.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  for (const [agency, people] of Object.entries(playgroundFocalPoints))
    stores.state.changeFocalPoints(agency, people, [], { userId: 'playground', source: 'playground' }, clock.now().toUTC().toISO()!);
  return stores;
}

/**
 * Reminder passes one after another, never two at once (an overlapping pass would be skipped by the outbox, and
 * a clock move would lose the pass it asked for), and clock moves as one step among them; after `stop()`, none.
 */
function passRunner(bot: SlackApp, logger: Logger) {
  let stopping = false;
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const pass = () =>
    stopping
      ? Promise.resolve()
      : bot.reminders.tick().then(
          () => undefined,
          (e: unknown) => logger.error(`reminder pass failed: ${e instanceof Error ? e.message : String(e)}`),
        );
  return {
    /** Queued after what runs; inside `exclusive`, call `pass` directly. */
    tick: () => exclusive(pass),
    pass,
    exclusive,
    stop: () => {
      stopping = true;
      return queue.then(() => undefined);
    },
  };
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

/**
 * The bot with a local Slack: the real Bolt app over HTTP with its real receiver, a stand-in of Slack's Web
 * API in memory, and a page on 127.0.0.1 that looks and behaves like a channel. Slash commands, clicks and
 * `app_home_opened` reach the bot as signed HTTP requests, exactly as from Slack.
 */
export async function startPlayground(
  base: Config,
  logger: Logger,
  port = base.port,
  /** The database file deleted or replaced under it (found by a write): npm start stops it, as the bot stops. */
  onDatabaseLost?: (failure: WriteFailure) => void,
): Promise<Playground> {
  const clock = offsetClock(parseInstant(base.now ?? playgroundStart, base.timezone)!, base.timezone);
  // Messages are stamped with the bot's clock, so the page shows when, for the bot, they were posted.
  const standin = new WebApiStandIn(() => clock.now().toMillis() / 1000);
  // A shared .docx or .xlsx is shown as Slack shows it: a card with its first paragraphs or rows.
  standin.describeFile = describeFile;
  standin.addUsers(
    ...playgroundUsers.map((u) => ({ id: u.id, name: u.name, realName: u.realName, displayName: u.displayName, tz: base.timezone, locale: localeOf(u) })),
  );
  const secret = randomBytes(16).toString('hex');
  const config = playgroundConfig(base, await standin.start(), secret);
  const stores = playgroundStores(base, config, clock);
  const bot = createSlackApp({
    config,
    stores,
    clock,
    logger,
    retries: 0,
    identity: { botId: 'B0GCMBOT', botUserId: standin.botUserId },
    // Unique per start: two playgrounds on one database hold the scheduler lease in turn, like two bots.
    instanceId: `playground:${process.pid}:${randomBytes(4).toString('hex')}`,
    onDatabaseLost,
  });
  // The bot's receiver, like everything else here, listens on the loopback interface only.
  const botServer = (await bot.app.start({ port: 0, host: '127.0.0.1' })) as unknown as Server;
  const sender = new SlackSender(`http://127.0.0.1:${(botServer.address() as AddressInfo).port}/slack/events`, secret);

  const passes = passRunner(bot, logger);
  await passes.tick();
  // The playground's clock runs on at the wall clock's pace: a pass every 5 s keeps reminders on time.
  const timer = setInterval(() => void passes.tick(), 5000);

  const sseClients = new Set<ServerResponse>();
  standin.onChange = () => {
    for (const res of sseClients) res.write('data: change\n\n');
  };
  let pagePort = 0;
  const core: PlaygroundCore = {
    standin,
    clock,
    stores,
    bot,
    config,
    sender,
    tick: passes.pass,
    exclusive: passes.exclusive,
    sseClients,
    pagePort: () => pagePort,
  };
  const handle = pageHandler(core);
  const page = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      logger.error(`playground request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'the playground could not do that' }));
    });
  });
  pagePort = await listen(page, port);
  return {
    url: `http://127.0.0.1:${pagePort}/`,
    standin,
    clock,
    stores,
    bot,
    // As the bot on SIGTERM: no new pass, the running one finished, the scheduler lease given back (so a
    // later start on the same database posts at once), the requests being answered finished (bounded), then
    // the servers and the database closed.
    stop: async () => {
      clearInterval(timer);
      await passes.stop();
      bot.reminders.release();
      for (const r of sseClients) r.end();
      page.closeAllConnections();
      await new Promise((r) => page.close(r));
      await bot.app.stop();
      await bot.requests.finish(logger);
      await standin.stop();
      stores.close();
    },
  };
}
