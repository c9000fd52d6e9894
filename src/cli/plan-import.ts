import { writeFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { openStores } from '../stores.js';
import { formatProblem, importPlanSource } from '../plan/import-plan.js';
import { draftYaml } from '../plan/tables/draft.js';
import { tableSourceOf } from '../plan/tables/files.js';
import { loadTablesBundle } from '../plan/tables/load-tables.js';

/**
 * `npm run plan:import -- [FILE]`: validates and imports a plan (default GCM_PLAN or the bundled one) into
 * DATABASE_PATH, keeping all user state. FILE is a YAML plan, an .xlsx workbook or a folder of CSV files.
 * `--draft [--out PATH]` writes the YAML a workbook or CSV folder would load, with `# CHECK` on every
 * guess, and imports nothing (the YAML on `data`, stdout, without --out). Exit 0 on success, 1 when the file is rejected (nothing changed).
 * Everything else it says is a message, not data: on stderr when run.
 */
export async function runPlanImport(args: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, data: (s: string) => void = out): Promise<number> {
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
  const draft = args.includes('--draft');
  const outIndex = args.indexOf('--out');
  const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  const file = positional[0] ? path.resolve(positional[0]) : config.planFile;
  const rejected = (problems: Parameters<typeof formatProblem>[0][]) => {
    out(`Rejected, the database is unchanged. ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}:`);
    for (const p of problems) out(`  ${formatProblem(p)}`);
    return 1;
  };
  if (draft) {
    if (tableSourceOf(file) === null) {
      out('--draft reads a workbook (.xlsx) or a folder of CSV files; a YAML plan is already its own draft.');
      return 1;
    }
    const bundle = await loadTablesBundle(file, config.dataDir);
    if (!bundle.ok) return rejected(bundle.problems);
    const yaml = draftYaml(bundle.value.plan, bundle.remarks, path.relative(process.cwd(), file) || file);
    if (outFile) {
      writeFileSync(outFile, yaml);
      out(`Wrote ${outFile}: plan ${bundle.value.plan.id}, ${bundle.remarks.filter((r) => r.guess).length} readings to check (# CHECK).`);
    } else data(yaml.trimEnd());
    return 0;
  }
  const stores = openStores(config.databasePath);
  try {
    const result = await importPlanSource(stores, file, config.dataDir, DateTime.utc().toISO()!);
    if (!result.ok) return rejected(result.problems);
    const r = result.report;
    out(`Imported plan ${r.planId}: ${r.priorities} priorities, ${r.activities} activities${r.changed ? '' : ' (unchanged)'}.`);
    for (const remark of result.remarks ?? []) out(`  ${remark.guess ? 'chose' : 'note'}: ${remark.message}`);
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
  process.exitCode = await runPlanImport(
    process.argv.slice(2),
    process.env,
    (s) => console.error(s),
    (s) => console.log(s),
  );
}
