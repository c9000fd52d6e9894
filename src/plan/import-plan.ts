import type { ImportReport } from '../db/plan-import-store.js';
import type { Stores } from '../stores.js';
import { loadBundle, type Bundle, type Problem } from './load.js';
import { tableSourceOf } from './tables/files.js';
import { loadTablesBundle } from './tables/load-tables.js';
import type { Remark } from './tables/read-tables.js';

export type ImportOutcome = { ok: true; report: ImportReport; skipped: boolean; remarks?: Remark[] } | { ok: false; problems: Problem[] };

/**
 * Validates `planFile` with the reference files of `dataDir` and imports them in one transaction (the import
 * store's). A bad file changes nothing. With `onlyIfChanged`, a plan whose file and reference data are
 * unchanged since the last import is left alone (the bot's start-up); its activities are counted by the plan store.
 */
export function importPlanFile(
  stores: Pick<Stores, 'imports' | 'plans'>,
  planFile: string,
  dataDir: string,
  importedAt: string,
  onlyIfChanged = false,
): ImportOutcome {
  const bundle = loadBundle(planFile, dataDir);
  if (!bundle.ok) return bundle;
  return importBundle(stores, bundle.value, importedAt, onlyIfChanged);
}

/**
 * Like importPlanFile, for a plan given as YAML or as tables (an .xlsx workbook, a folder of CSV files):
 * the tables are read first (exceljs reads asynchronously), then imported the same way, in one transaction.
 */
export async function importPlanSource(
  stores: Pick<Stores, 'imports' | 'plans'>,
  planFile: string,
  dataDir: string,
  importedAt: string,
  onlyIfChanged = false,
): Promise<ImportOutcome> {
  if (tableSourceOf(planFile) === null) return importPlanFile(stores, planFile, dataDir, importedAt, onlyIfChanged);
  const bundle = await loadTablesBundle(planFile, dataDir);
  if (!bundle.ok) return bundle;
  const outcome = importBundle(stores, bundle.value, importedAt, onlyIfChanged);
  return outcome.ok ? { ...outcome, remarks: bundle.remarks } : outcome;
}

function importBundle(stores: Pick<Stores, 'imports' | 'plans'>, b: Bundle, importedAt: string, onlyIfChanged: boolean): ImportOutcome {
  const { imports, plans } = stores;
  if (onlyIfChanged && imports.importedHash(b.plan.id) === b.planHash && imports.importedHash('reference') === b.reference.hash) {
    return {
      ok: true,
      skipped: true,
      report: {
        planId: b.plan.id,
        changed: false,
        priorities: b.plan.priorities.length,
        activities: plans.activityCount(b.plan.id),
        added: [],
        removed: [],
        orphanedState: [],
      },
    };
  }
  return { ok: true, skipped: false, report: imports.importBundle(b, importedAt) };
}

/**
 * A problem as one line, named in plain words where it can be: `data/plan.yaml:42 B1.3 lead.agencies: UNICF:
 * unknown agency; did you mean UNICEF?` (else by its path: `data/agencies.yaml:3 agencies[0].roles[0]: …`).
 */
export function formatProblem(p: Problem, cwd = process.cwd()): string {
  const file = p.file.startsWith(`${cwd}/`) ? p.file.slice(cwd.length + 1) : p.file;
  return `${file}${p.line ? `:${p.line}` : ''} ${p.where ?? p.path}: ${p.message}`;
}
