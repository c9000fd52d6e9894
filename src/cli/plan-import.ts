import { existsSync, writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import path from 'node:path';
import { configOf, runIfMain } from './cli-context.js';
import { openStores, type Stores } from '../stores.js';
import { formatProblem, importPlanSource, previewPlanFile } from '../plan/import-plan.js';
import type { Problem } from '../plan/load.js';
import { draftYaml } from '../plan/tables/draft.js';
import { tableSourceOf } from '../plan/tables/files.js';
import { loadTablesBundle } from '../plan/tables/load-tables.js';
import type { Remark } from '../plan/tables/read-tables.js';
import { planChangesLines } from '../views/plan-changes-view.js';

type Say = (s: string) => void;

/**
 * `npm run plan:import -- [--dry-run | --draft [--out PATH]] [FILE]`: validates and imports a plan (default
 * GCM_PLAN or the bundled one) into DATABASE_PATH, keeping all user state, and prints what changed against
 * the stored plan of the same id. FILE is a YAML plan, an .xlsx workbook or a folder of CSV files.
 * `--dry-run` prints the same summary and changes nothing. `--draft` writes the YAML a workbook or CSV
 * folder would load, with `# CHECK` on every guess, and imports nothing (the YAML on `data`, stdout, without
 * --out). Exit 0 on success, 1 when the file is rejected (nothing changed). Everything else it says is a
 * message, not data: on stderr when run.
 */
export async function runPlanImport(args: string[], env: NodeJS.ProcessEnv, out: Say, data: Say = out): Promise<number> {
  const config = configOf(env, out);
  if (!config) return 1;
  const { file, outFile } = fileArguments(args, config.planFile);
  if (args.includes('--draft')) return draft(file, config.dataDir, outFile, out, data);
  const dryRun = args.includes('--dry-run');
  // A dry run never creates the database: with none yet, it compares against an empty one in memory.
  const stores = openStores(dryRun && config.databasePath !== ':memory:' && !existsSync(config.databasePath) ? ':memory:' : config.databasePath, {
    backupDir: config.backupDir,
  });
  try {
    return dryRun ? await dryRunImport(stores, file, config.dataDir, out) : await importFile(stores, file, config.dataDir, out);
  } finally {
    stores.close();
  }
}

/** The plan file (the first argument that is neither an option nor `--out`'s path; else the configured plan) and `--out`'s path. */
function fileArguments(args: string[], planFile: string): { file: string; outFile: string | undefined } {
  const outIndex = args.indexOf('--out');
  const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  return { file: positional[0] ? path.resolve(positional[0]) : planFile, outFile };
}

/** `--dry-run`: what importing would change, said line by line; nothing is written. */
async function dryRunImport(stores: Stores, file: string, dataDir: string, out: Say): Promise<number> {
  const preview = await previewPlanFile(stores, file, dataDir);
  if (!preview.ok) return rejected(preview.problems, out);
  sayRemarks(preview.remarks, out);
  out(`Dry run: importing would change plan ${preview.changes.planId} as follows; nothing was changed.`);
  for (const line of planChangesLines(preview.changes)) out(`  ${line}`);
  return 0;
}

/** Imports the file and says what it did: its counts, the remarks, what was added or removed, the state kept, the changes. */
async function importFile(stores: Stores, file: string, dataDir: string, out: Say): Promise<number> {
  const result = await importPlanSource(stores, file, dataDir, DateTime.utc().toISO()!);
  if (!result.ok) return rejected(result.problems, out);
  const r = result.report;
  out(`Imported plan ${r.planId}: ${r.priorities} priorities, ${r.activities} activities${r.changed ? '' : ' (unchanged)'}.`);
  sayRemarks(result.remarks ?? [], out);
  if (r.added.length && !r.changes) out(`  added: ${r.added.join(', ')}`);
  if (r.removed.length && !r.changes) out(`  no longer in the file: ${r.removed.join(', ')}`);
  for (const o of r.orphanedState) {
    out(`  kept ${o.kind === 'completion' ? 'the completion mark' : 'the meeting date'} of ${o.occurrenceKey}, whose activity is no longer in the file`);
  }
  if (r.changes && r.changed) for (const line of planChangesLines(r.changes)) out(`  ${line}`);
  return 0;
}

function rejected(problems: Problem[], out: Say): number {
  out(`Rejected, the database is unchanged. ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:`);
  for (const p of problems) out(`  ${formatProblem(p)}`);
  return 1;
}

/** What reading tables chose (an inferred kind) or kept as wording, for a person to check. */
function sayRemarks(remarks: Remark[], out: Say): void {
  for (const remark of remarks) out(`  ${remark.guess ? 'chose' : 'note'}: ${remark.message}`);
}

/** `--draft`: the YAML a workbook or CSV folder would load, `# CHECK` on every guess; imports nothing. */
async function draft(file: string, dataDir: string, outFile: string | undefined, out: Say, data: Say): Promise<number> {
  if (tableSourceOf(file) === null) {
    out('--draft reads a workbook (.xlsx) or a folder of CSV files; a YAML plan is already its own draft.');
    return 1;
  }
  const bundle = await loadTablesBundle(file, dataDir);
  if (!bundle.ok) return rejected(bundle.problems, out);
  const yaml = draftYaml(bundle.value.plan, bundle.remarks, path.relative(process.cwd(), file) || file);
  if (outFile) {
    writeFileSync(outFile, yaml);
    out(`Wrote ${outFile}: plan ${bundle.value.plan.id}, ${bundle.remarks.filter((r) => r.guess).length} readings to check (# CHECK).`);
  } else data(yaml.trimEnd());
  return 0;
}

await runIfMain(import.meta.url, 'plan:import', () =>
  runPlanImport(
    process.argv.slice(2),
    process.env,
    (s) => console.error(s),
    (s) => console.log(s),
  ),
);
