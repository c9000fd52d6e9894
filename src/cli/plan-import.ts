import { DateTime } from 'luxon';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openStores } from '../stores.js';
import { formatProblem, importPlanFile } from '../plan/import-plan.js';

/**
 * `npm run plan:import -- [FILE]`: validates and imports a plan (default GCM_PLAN or the bundled one) into
 * DATABASE_PATH, keeping all user state. Exit 0 on success, 1 when the file is rejected (nothing changed).
 * What it says is a message, not data: on stderr when run.
 */
export function runPlanImport(args: string[], env: NodeJS.ProcessEnv, out: (s: string) => void): number {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      out(e.message);
      return 1;
    }
    throw e;
  }
  const file = args[0] ? path.resolve(args[0]) : config.planFile;
  const stores = openStores(config.databasePath);
  try {
    const result = importPlanFile(stores, file, config.dataDir, DateTime.utc().toISO()!);
    if (!result.ok) {
      out(`Rejected, the database is unchanged. ${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}:`);
      for (const p of result.problems) out(`  ${formatProblem(p)}`);
      return 1;
    }
    const r = result.report;
    out(`Imported plan ${r.planId}: ${r.priorities} priorities, ${r.activities} activities${r.changed ? '' : ' (unchanged)'}.`);
    if (r.added.length) out(`  added: ${r.added.join(', ')}`);
    if (r.removed.length) out(`  no longer in the file: ${r.removed.join(', ')}`);
    for (const o of r.orphanedState) {
      out(`  kept ${o.kind === 'completion' ? 'the completion mark' : 'the meeting date'} of ${o.occurrenceKey}, whose activity is no longer in the file`);
    }
    return 0;
  } finally {
    stores.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = runPlanImport(process.argv.slice(2), process.env, (s) => console.error(s));
}
