import { DateTime } from 'luxon';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { parseInstant } from '../clock.js';
import { openStores, type Stores } from '../stores.js';
import { formatProblem, importPlanFile } from '../plan/import-plan.js';

/** What a terminal command works with: the configuration, the moment it runs, the stores with the plan loaded. */
export interface CliContext {
  config: Config;
  now: DateTime;
  stores: Stores;
}

/**
 * Reads the configuration, opens the database and imports the plan when its file changed (or on first use).
 * Null, with the problems written to `errOut`, when the configuration or the plan file is bad. The caller
 * closes `stores`.
 */
export function openCliContext(env: NodeJS.ProcessEnv, errOut: (s: string) => void): CliContext | null {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      errOut(e.message);
      return null;
    }
    throw e;
  }
  const now = config.now ? parseInstant(config.now, config.timezone)! : DateTime.now().setZone(config.timezone);
  const stores = openStores(config.databasePath);
  const imported = importPlanFile(stores, config.planFile, config.dataDir, DateTime.utc().toISO()!, true);
  if (!imported.ok) {
    errOut(`The plan could not be loaded:\n${imported.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    stores.close();
    return null;
  }
  return { config, now, stores };
}
