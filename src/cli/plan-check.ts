import path from 'node:path';
import { defaultDataDir, defaultPlanFile } from '../config.js';
import { checkPlan, loadDataFile, loadReference, withLines, type Problem } from '../plan/load.js';
import type { PlanFile } from '../plan/schema.js';
import { formatProblem } from '../plan/import-plan.js';
import { tableSourceOf } from '../plan/tables/files.js';
import { loadTablesBundle } from '../plan/tables/load-tables.js';

/**
 * `npm run plan:check [file]`: validates a data file (kind detected from its keys: a plan, agencies, gcm or
 * matrix file), and a plan against the reference files in data/. Without a file: every file in data/.
 * A plan may also be an .xlsx workbook or a folder of CSV files: its problems name FILE:SHEET:ROW:COLUMN.
 * Prints every problem with its path and line; exit 1 on any, 0 when all is well.
 */
export async function runPlanCheck(args: string[], out: (s: string) => void, dataDir = defaultDataDir): Promise<number> {
  const files = args.length > 0 ? args.map((f) => path.resolve(f)) : [defaultPlanFile];
  const problems: Problem[] = [];
  const reference = loadReference(dataDir);
  if (!reference.ok) problems.push(...reference.problems);
  for (const file of files) {
    if (tableSourceOf(file) !== null) {
      const tables = await loadTablesBundle(file, dataDir);
      if (tables.ok) for (const r of tables.remarks) out(`  ${r.guess ? 'chose' : 'note'}: ${r.message}`);
      else problems.push(...tables.problems);
      continue;
    }
    const loaded = loadDataFile(file);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    if (loaded.value.kind === 'plan' && reference.ok) problems.push(...withLines(checkPlan(loaded.value.data as PlanFile, reference.value, file)));
  }
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

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runPlanCheck(process.argv.slice(2), (s) => console.log(s));
}
