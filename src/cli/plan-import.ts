import { DateTime } from 'luxon';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openStores } from '../stores.js';
import { formatProblem, importPlanFile, previewPlanFile } from '../plan/import-plan.js';
import { planChangesLines } from '../views/plan-changes-view.js';

/**
 * `npm run plan:import -- [--dry-run] [FILE]`: validates and imports a plan (default GCM_PLAN or the bundled
 * one) into DATABASE_PATH, keeping all user state, and prints what changed against the stored plan of the
 * same id. `--dry-run` prints the same summary and changes nothing. Exit 0 on success, 1 when the file is
 * rejected (nothing changed).
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
  const dryRun = args.includes('--dry-run');
  const named = args.filter((a) => a !== '--dry-run');
  const file = named[0] ? path.resolve(named[0]) : config.planFile;
  // A dry run never creates the database: with none yet, it compares against an empty one in memory.
  const stores = openStores(dryRun && config.databasePath !== ':memory:' && !existsSync(config.databasePath) ? ':memory:' : config.databasePath);
  try {
    if (dryRun) {
      const preview = previewPlanFile(stores, file, config.dataDir);
      if (!preview.ok) {
        out(`Rejected. ${preview.problems.length} ${preview.problems.length === 1 ? 'problem' : 'problems'}:`);
        for (const p of preview.problems) out(`  ${formatProblem(p)}`);
        return 1;
      }
      out(`Dry run: importing would change plan ${preview.changes.planId} as follows; nothing was changed.`);
      for (const line of planChangesLines(preview.changes)) out(`  ${line}`);
      return 0;
    }
    const result = importPlanFile(stores, file, config.dataDir, DateTime.utc().toISO()!);
    if (!result.ok) {
      out(`Rejected, the database is unchanged. ${result.problems.length} ${result.problems.length === 1 ? 'problem' : 'problems'}:`);
      for (const p of result.problems) out(`  ${formatProblem(p)}`);
      return 1;
    }
    const r = result.report;
    out(`Imported plan ${r.planId}: ${r.priorities} priorities, ${r.activities} activities${r.changed ? '' : ' (unchanged)'}.`);
    if (r.added.length && !r.changes) out(`  added: ${r.added.join(', ')}`);
    if (r.removed.length && !r.changes) out(`  no longer in the file: ${r.removed.join(', ')}`);
    for (const o of r.orphanedState) {
      out(`  kept ${o.kind === 'completion' ? 'the completion mark' : 'the meeting date'} of ${o.occurrenceKey}, whose activity is no longer in the file`);
    }
    if (r.changes && r.changed) for (const line of planChangesLines(r.changes)) out(`  ${line}`);
    return 0;
  } finally {
    stores.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = runPlanImport(process.argv.slice(2), process.env, (s) => console.log(s));
}
