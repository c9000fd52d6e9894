import { DateTime } from 'luxon';
import { LogLevel, type Logger } from '@slack/bolt';
import { ConfigError, loadConfig, type Config } from './config.js';
import { offsetClock, parseInstant, systemClock, type Clock } from './clock.js';
import { createLogger } from './logger.js';
import { openStores, type Stores } from './stores.js';
import { planUnchanged } from './plan/unchanged-plan.js';
import { importAtStart } from './start-import.js';
import { createSlackApp, tokenFailure, verifyToken } from './slack-app.js';
import { startScheduler } from './scheduler/start-scheduler.js';
import { installLastResort } from './last-resort.js';
import { startSidePorts } from './slack/side-server.js';
import { startNightlyBackup } from './scheduler/nightly-backup.js';
import { missingDatabaseRefusal } from './db/backup.js';
import type { WriteFailure } from './db/database-file.js';

const noTokenHelp = (url: string) => `No Slack token is set, so this is the playground: the real bot against a local stand-in of Slack.

  Open ${url} — a channel where you type /gcm …, click the buttons as a co-chair or a member,
  open the App Home, and move the clock to watch reminders arrive.

To run the bot in Slack instead, create the app from manifest.yml (README, "Slack app setup") and set
  SLACK_BOT_TOKEN=xoxb-…     the Bot User OAuth Token
  SLACK_APP_TOKEN=xapp-…     an app-level token with connections:write (Socket Mode, no public URL)
  or SLACK_SIGNING_SECRET=…  for HTTP mode on PORT (Slack posts to /slack/events)

Ctrl-C stops the playground.`;

/** The bot's clock: GCM_NOW starts it at a given instant and it runs on; else the real clock. */
export function clockFor(config: Config): Clock {
  return config.now ? offsetClock(parseInstant(config.now, config.timezone)!, config.timezone) : systemClock(config.timezone);
}

type Started = number | 'running';

const onSignals = (stop: (signal: string) => Promise<void>) => {
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
};

function readConfig(): Config | null {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    return null;
  }
}

/** No token: the real bot against the local stand-in of Slack, loaded only now (never part of the production graph). */
async function runPlayground(config: Config, logger: Logger): Promise<Started> {
  try {
    const { startPlayground } = await import('../dev/playground/playground.js');
    // As the bot: its database file deleted or replaced under it, it stops (exit 1) rather than go on unsaved.
    const loss = stopOnLoss((f) => `${f.detail}: the playground stops (exit 1); start it again with npm start`);
    const playground = await startPlayground(config, logger, config.port, loss.onDatabaseLost);
    const shutdown = stopsOnce(logger, [() => playground.stop()], playground.stores);
    onSignals((signal) => shutdown(`${signal}: stopping`, 0));
    console.log(noTokenHelp(playground.url));
    loss.arm(shutdown);
    return 'running';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${config.port} is in use: set PORT to another one.`
        : `The playground could not start: ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }
}

/**
 * Opens the database and imports GCM_PLAN (YAML, an .xlsx workbook or a folder of CSV files) when it changed;
 * null (after saying why) when the file is rejected. A YAML file unchanged since its import, with unchanged
 * reference files, is not read again: the parsers and the plan's schemas are loaded only for a file to import.
 */
async function openWithPlan(config: Config, logger: Logger): Promise<Stores | null> {
  const stores = openStores(config.databasePath, {
    backupDir: config.backupDir,
    onBackup: (file, from) => logger.info(`the database was at schema version ${from}: backed it up to ${file} before migrating`),
  });
  if (planUnchanged(stores, config.planFile, config.dataDir)) return stores;
  const { databasePath, planFile, dataDir } = config;
  const imported = await importAtStart(stores, { databasePath, planFile, dataDir, importedAt: DateTime.utc().toISO()! });
  if (!imported.ok) {
    console.error(`The plan file was rejected; fix it or set GCM_PLAN:\n${imported.problems.map((p) => `  ${p}`).join('\n')}`);
    stores.close();
    return null;
  }
  if (!imported.skipped) logger.info(`imported plan ${imported.planId}: ${imported.activities} activities`);
  for (const key of imported.orphaned) logger.warn(`kept state of ${key}: its activity is no longer in the plan file`);
  return stores;
}

/**
 * A missing DATABASE_PATH while GCM_BACKUP_DIR holds backups is not started on (says what to do), unless
 * GCM_NEW_DATABASE=1 or `--new-database` asks for a new database on purpose.
 */
function refusedOnMissingDatabase(config: Config): boolean {
  if (config.newDatabase || process.argv.includes('--new-database') || !config.backupDir) return false;
  const refusal = missingDatabaseRefusal(config.databasePath, config.backupDir);
  if (refusal) console.error(refusal);
  return refusal !== null;
}

type Shutdown = (line: string, code: number) => Promise<void>;

/**
 * The bot's stop, once however often asked: the line logged (an error for a code other than 0), each part
 * stopped in order (a failure skipped), the database closed, the process ended with `code`.
 */
function stopsOnce(logger: Logger, parts: (() => Promise<unknown> | undefined)[], stores: Stores): Shutdown {
  let stopping = false;
  return async (line, code) => {
    if (stopping) return;
    stopping = true;
    if (code === 0) logger.info(line);
    else logger.error(line);
    for (const stop of parts) await stop()?.catch(() => undefined);
    stores.close();
    process.exit(code);
  };
}

/**
 * The database file deleted or replaced under the process (found by a write): `onDatabaseLost` stops it with
 * exit code 1 and `line`, once `arm` has given it its stop; lost before that, at `arm`.
 */
function stopOnLoss(line: (failure: WriteFailure) => string): { onDatabaseLost: (f: WriteFailure) => void; arm: (shutdown: Shutdown) => void } {
  let armed: Shutdown | null = null;
  let early: WriteFailure | null = null;
  return {
    onDatabaseLost: (f) => {
      if (armed) void armed(line(f), 1);
      else early ??= f;
    },
    arm: (shutdown) => {
      armed = shutdown;
      if (early) void shutdown(line(early), 1);
    },
  };
}

/** The bot in Slack: the plan, one auth.test, the app, the scheduler; SIGTERM stops them in order. */
async function runBot(config: Config, logger: Logger): Promise<Started> {
  const clock = clockFor(config);
  if (refusedOnMissingDatabase(config)) return 1;
  const stores = await openWithPlan(config, logger);
  if (!stores) return 1;
  logger.info('checking SLACK_BOT_TOKEN with Slack (auth.test)');
  let identity: Awaited<ReturnType<typeof verifyToken>>;
  try {
    identity = await verifyToken(config.slack.botToken!, config.slack.apiUrl);
  } catch (e) {
    console.error(tokenFailure(e, config.slack.apiUrl));
    stores.close();
    return 1;
  }
  logger.info(`signed in to ${identity.team || 'Slack'} as bot user ${identity.botUserId}`);
  // The database file deleted or replaced under the bot (found by a write): it stops, exit 1, for the supervisor.
  const loss = stopOnLoss((f) => `${f.detail}: stopping (exit 1) so that the supervisor starts the bot again`);
  const { app, reminders, health, calendar, requests } = createSlackApp({
    config,
    stores,
    clock,
    logger,
    identity: { botId: identity.botId, botUserId: identity.botUserId },
    onDatabaseLost: loss.onDatabaseLost,
  });
  // A start refused after the app exists: one plain line, the app stopped, the database closed.
  const refuse = async (line: string): Promise<1> => {
    console.error(line);
    await app.stop().catch(() => undefined);
    stores.close();
    return 1;
  };
  try {
    await app.start();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return refuse(
      code === 'EADDRINUSE'
        ? `Port ${config.port} is in use (another copy of the bot, or another program): set PORT to another one.`
        : `The bot could not start: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  // Socket Mode serves no HTTP: /health on HEALTH_PORT and the calendar on CALENDAR_PORT, when set.
  const sides =
    config.slack.transport === 'socket'
      ? await startSidePorts(
          config.host ?? '0.0.0.0',
          [
            { setting: 'HEALTH_PORT', port: config.healthPort, route: health.route() },
            { setting: 'CALENDAR_PORT', port: config.calendar.port, route: calendar },
          ],
          logger,
        )
      : [];
  if (!Array.isArray(sides)) return refuse(sides.problem);
  const scheduler = startScheduler(reminders, config.timezone, logger);
  const { backupDir: dir, backupKeep: keep, timezone: zone } = config;
  const nightly = dir ? startNightlyBackup({ db: stores.db, dir, keep, zone, holdsLease: () => health.holdsLease(), logger }) : null;
  const parts = [() => nightly?.stop(), () => scheduler.stop(), ...sides.map((side) => () => side.close()), () => app.stop()];
  // After the app stops taking requests: those already acknowledged are answered before the database closes.
  const shutdown = stopsOnce(logger, [...parts, () => requests.finish(logger)], stores);
  // Before the line that says it is listening: a SIGTERM sent on reading it stops the bot in order, never by the signal's default.
  onSignals((signal) => shutdown(`${signal}: stopping`, 0));
  logStarted(config, clock, logger);
  loss.arm(shutdown);
  return 'running';
}

function logStarted(config: Config, clock: Clock, logger: Logger): void {
  logger.info(
    config.slack.transport === 'socket'
      ? 'connected to Slack in Socket Mode'
      : `listening for Slack on http://${config.host ?? '*'}:${config.port}/slack/events (health: /health)`,
  );
  logger.info(`clock: ${clock.now().toISO()} (${config.timezone})${config.now ? ', started from GCM_NOW' : ''}`);
  if (config.backupDir) logger.info(`nightly backup at 02:00 (${config.timezone}) into ${config.backupDir}, keeping the last ${config.backupKeep}`);
  if (!config.reminderChannel) logger.warn('GCM_REMINDER_CHANNEL is not set: the bot answers but posts no reminders');
}

async function main(): Promise<Started> {
  const config = readConfig();
  if (!config) return 1;
  const logger = createLogger(undefined, config.logLevel === 'debug' ? LogLevel.DEBUG : LogLevel.WARN, 'gcm', config.logFormat);
  // Errors nobody caught are logged, never silent: a rejection is survived, a thrown error ends with code 1.
  installLastResort(logger);
  if (config.slack.transport === 'none') return runPlayground(config, logger);
  logger.setLevel(config.logLevel === 'debug' ? LogLevel.DEBUG : LogLevel.INFO);
  return runBot(config, logger);
}

/**
 * A start that failed ends the process with its code, even if something it opened (a socket, a client's
 * retry timer) would keep it alive: `npm start` never hangs after saying why it could not start. The exit
 * waits a moment so that the message reaches a pipe.
 */
function exitWith(code: number): void {
  process.exitCode = code;
  // Unref'd: when nothing else keeps the process alive it ends at once; otherwise this ends it.
  setTimeout(() => process.exit(code), 500).unref();
}

main().then(
  (code) => {
    if (code !== 'running') exitWith(code);
  },
  (e: unknown) => {
    console.error(`The bot could not start: ${e instanceof Error ? e.message : String(e)}`);
    exitWith(1);
  },
);
