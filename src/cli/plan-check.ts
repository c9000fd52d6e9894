import { runIfMain } from './cli-context.js';
import path from 'node:path';
import { defaultDataDir, defaultPlanFile } from '../config.js';
import { checkLoadedPlan, detectKind, loadDataFile, loadReference, type Problem, type Reference } from '../plan/load.js';
import { formatProblem } from '../plan/import-plan.js';
import { tableSourceOf } from '../plan/tables/files.js';
import { loadTablesBundle } from '../plan/tables/load-tables.js';

/**
 * `npm run plan:check [file]`: validates a data file (kind detected from its keys: a plan, agencies, gcm or
 * matrix file), and a plan against the reference files in data/. Without a file: every file in data/.
 * Prints every problem with its file, line and place in plain words (`data/plan.yaml:57 B1.2 schedule.months: 13
 * is not a month (1-12)`): all of them, the cross-checks included on whatever parsed. Everything it says goes to
 * `out`, which is stderr when run (it prints messages, no data); exit 1 on any problem, 0 when all is well.
 * A plan may also be an .xlsx workbook or a folder of CSV files: its problems name FILE:SHEET:ROW:COLUMN.
 */
export async function runPlanCheck(args: string[], out: (s: string) => void, dataDir = defaultDataDir): Promise<number> {
  const files = args.length > 0 ? args.map((f) => path.resolve(f)) : [defaultPlanFile];
  const problems: Problem[] = [];
  const reference = loadReference(dataDir);
  if (!reference.ok) problems.push(...reference.problems);
  for (const file of files) problems.push(...(await checkFile(file, reference.ok ? reference.value : null, dataDir, out)));
  return reportProblems(problems, files, dataDir, out);
}

/** One file's problems: a workbook or CSV folder read whole (its remarks printed), or a data file (a plan also cross-checked against the reference). */
async function checkFile(file: string, reference: Reference | null, dataDir: string, out: (s: string) => void): Promise<Problem[]> {
  if (tableSourceOf(file) !== null) {
    const tables = await loadTablesBundle(file, dataDir);
    if (!tables.ok) return tables.problems;
    for (const r of tables.remarks) out(`  ${r.guess ? 'chose' : 'note'}: ${r.message}`);
    return [];
  }
  const loaded = loadDataFile(file);
  const isPlan = loaded.ok ? loaded.value.kind === 'plan' : loaded.raw !== undefined && detectKind(loaded.raw) === 'plan';
  if (isPlan) return checkLoadedPlan(loaded, reference, file).problems;
  return loaded.ok ? [] : loaded.problems;
}

/** Prints each distinct problem once and returns 1, or the all-clear naming the files and the data folder and returns 0. */
function reportProblems(problems: Problem[], files: string[], dataDir: string, out: (s: string) => void): number {
  const unique = [...new Map(problems.map((p) => [formatProblem(p), p])).keys()];
  if (unique.length > 0) {
    out(`${unique.length} ${unique.length === 1 ? 'problem' : 'problems'}:`);
    for (const line of unique) out(`  ${line}`);
    return 1;
  }
  out(
    `OK: ${files.map((f) => path.relative(process.cwd(), f)).join(', ')} and the reference files in ${path.relative(process.cwd(), dataDir) || '.'} are valid.`,
  );
  return 0;
}

await runIfMain(import.meta.url, 'plan:check', () => runPlanCheck(process.argv.slice(2), (s) => console.error(s)));
