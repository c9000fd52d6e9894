import { DateTime } from 'luxon';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { parseInstant } from '../clock.js';
import { openStores, type Stores } from '../stores.js';
import { formatProblem, importPlanFile } from '../plan/import-plan.js';
import { tableSourceOf } from '../plan/tables/files.js';

/** The configuration, or null after writing every problem with it to `errOut` (never a value: some are secrets). */
export function configOf(env: NodeJS.ProcessEnv, errOut: (s: string) => void): Config | null {
  try {
    return loadConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    errOut(e.message);
    return null;
  }
}

/** What a terminal command works with: the configuration, the moment it runs, the stores with the plan loaded. */
export interface CliContext {
  config: Config;
  now: DateTime;
  stores: Stores;
}

/**
 * Reads the configuration, opens the database and imports the plan when its file changed (or on first use);
 * a GCM_PLAN that is a spreadsheet is not read here (see below).
 * Null, with the problems written to `errOut`, when the configuration or the plan file is bad. The caller
 * closes `stores`.
 */
export function openCliContext(env: NodeJS.ProcessEnv, errOut: (s: string) => void): CliContext | null {
  const config = configOf(env, errOut);
  if (!config) return null;
  const now = config.now ? parseInstant(config.now, config.timezone)! : DateTime.now().setZone(config.timezone);
  const stores = openStores(config.databasePath, { backupDir: config.backupDir });
  if (tableSourceOf(config.planFile) !== null) {
    // A spreadsheet is read asynchronously: the bot's start and `npm run plan:import` load it; the terminal
    // tools answer from what is loaded.
    if (stores.plans.plans().length > 0) return { config, now, stores };
    errOut(`GCM_PLAN is a spreadsheet and no plan is loaded yet: load it with npm run plan:import -- ${config.planFile}`);
    stores.close();
    return null;
  }
  const imported = importPlanFile(stores, config.planFile, config.dataDir, DateTime.utc().toISO()!, true);
  if (!imported.ok) {
    errOut(`The plan could not be loaded:\n${imported.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    stores.close();
    return null;
  }
  return { config, now, stores };
}

/**
 * Ends the process quietly (exit 0) when the reader of `stream` went away (`npm run calendar | head -3`):
 * there is no one left to tell, so a closed pipe is the end of the output, not a failure. Any other error of
 * the stream is one plain line (exit 1).
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream, name: string, exit: (code: number) => void = process.exit): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') console.error(`${name} failed: cannot write its output (${e.message})`);
    exit(e.code === 'EPIPE' ? 0 : 1);
  });
}

/**
 * Runs a terminal tool when its module is the one Node started (`node dist/src/cli/ask.js`), not when a test
 * imports it: sets the exit code it returns, and turns anything unexpected into one plain line (exit 1)
 * instead of a stack trace. Its output piped into a reader that stops early ends it quietly (exit 0).
 */
export async function runIfMain(moduleUrl: string, name: string, run: () => number | Promise<number>): Promise<void> {
  if (moduleUrl !== `file://${process.argv[1]}`) return;
  endQuietlyOnClosedPipe(process.stdout, name);
  try {
    process.exitCode = await run();
  } catch (e) {
    console.error(`${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
