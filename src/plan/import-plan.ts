import { parseOccurrenceKey } from '../domain/occurrences.js';
import { planChanges, type PlanChanges } from '../domain/plan-diff.js';
import type { ImportReads, ImportReport, ImportStores, PlanImportWriter } from './import-port.js';
import { loadBundle, type Bundle, type Problem } from './load.js';
import { activitiesOfFile } from './plan-activities.js';
import { tableSourceOf } from './tables/source.js';
import type { Remark } from './tables/read-tables.js';

export type ImportOutcome = { ok: true; report: ImportReport; skipped: boolean; remarks?: Remark[] } | { ok: false; problems: Problem[] };

/**
 * What importing `bundle` would change against the stored plan of the same id: read through the stores,
 * compared by the domain's pure planChanges. Writes nothing.
 */
export function changesOfBundle(stores: ImportReads, bundle: Bundle): PlanChanges {
  const { plans, state, reminders } = stores;
  const file = bundle.plan;
  const stored = plans.plan(file.id);
  const completions = [...state.completions(file.id).values()].map((c) => ({
    kind: 'completion' as const,
    activityId: c.activityId,
    occurrenceKey: c.occurrenceKey,
  }));
  const dates = [...state.meetingDates(file.id).keys()].map((k) => ({
    kind: 'meeting_date' as const,
    activityId: parseOccurrenceKey(k).activityId,
    occurrenceKey: k,
  }));
  const statuses = [...state.statuses(file.id).values()]
    .filter((c) => c.status !== 'done' && c.status !== 'planned')
    .map((c) => ({ kind: 'status' as const, activityId: c.activityId, occurrenceKey: c.key }));
  const recorded = [...reminders.keysOfPlan(file.id)].flatMap((key) => {
    const r = reminders.get(key);
    return r?.occurrenceKey && r.activityId ? [{ activityId: r.activityId, occurrenceKey: r.occurrenceKey }] : [];
  });
  return planChanges(
    file.id,
    stored ? { period: stored, activities: plans.activities(file.id) } : null,
    { period: { periodStart: file.period.start, periodEnd: file.period.end }, activities: activitiesOfFile(file) },
    { occurrences: [...completions, ...dates, ...statuses], reminders: recorded, focalAgencies: [...state.focalPoints().keys()] },
  );
}

/**
 * Reads a plan given as YAML or as tables (an .xlsx workbook, a folder of CSV files; exceljs reads
 * asynchronously). The table readers are loaded on first use: a bot whose plan is YAML never loads them.
 */
async function loadSource(planFile: string, dataDir: string): Promise<{ ok: true; value: Bundle; remarks: Remark[] } | { ok: false; problems: Problem[] }> {
  if (tableSourceOf(planFile) !== null) return (await import('./tables/load-tables.js')).loadTablesBundle(planFile, dataDir);
  const bundle = loadBundle(planFile, dataDir);
  return bundle.ok ? { ...bundle, remarks: [] } : bundle;
}

/** `plan:import --dry-run`: validates `planFile` (YAML or tables) and says what importing it would change. Writes nothing. */
export async function previewPlanFile(
  stores: ImportReads,
  planFile: string,
  dataDir: string,
): Promise<{ ok: true; changes: PlanChanges; remarks: Remark[] } | { ok: false; problems: Problem[] }> {
  const bundle = await loadSource(planFile, dataDir);
  return bundle.ok ? { ok: true, changes: changesOfBundle(stores, bundle.value), remarks: bundle.remarks } : bundle;
}

/**
 * Validates the YAML plan `planFile` with the reference files of `dataDir` and imports them in one transaction
 * (the import store's). A bad file changes nothing. With `onlyIfChanged`, a plan whose file and reference
 * data are unchanged since the last import is left alone (the bot's start-up); its activities are counted by
 * the plan store. The report carries what the import changed (`changes`), recorded with the import.
 */
export function importPlanFile(stores: ImportStores, planFile: string, dataDir: string, importedAt: string, onlyIfChanged = false): ImportOutcome {
  const bundle = loadBundle(planFile, dataDir);
  if (!bundle.ok) return bundle;
  return importBundle(stores, bundle.value, importedAt, onlyIfChanged);
}

/**
 * Like importPlanFile, for a plan given as YAML or as tables (an .xlsx workbook, a folder of CSV files):
 * the tables are read first, then imported the same way, in one transaction.
 */
export async function importPlanSource(
  stores: ImportStores,
  planFile: string,
  dataDir: string,
  importedAt: string,
  onlyIfChanged = false,
): Promise<ImportOutcome> {
  const bundle = await loadSource(planFile, dataDir);
  if (!bundle.ok) return bundle;
  const outcome = importBundle(stores, bundle.value, importedAt, onlyIfChanged);
  return outcome.ok && bundle.remarks.length > 0 ? { ...outcome, remarks: bundle.remarks } : outcome;
}

/**
 * Whether the start-up import of GCM_PLAN (`onlyIfChanged`) may leave the stored plan alone: the reference
 * files are unchanged, and either this file is unchanged since it was last imported, or the plan of its id was
 * imported from another file since (an explicit `plan:import` of a spreadsheet wins over the default file,
 * which is imported again only when it changes).
 */
function upToDate(imports: PlanImportWriter, b: Bundle): boolean {
  if (imports.importedHash('reference') !== b.reference.hash) return false;
  const from = imports.importedFrom(b.plan.id);
  if (from === null) return false;
  const last = imports.importedHashOf(b.planFile);
  if (last !== null) return last === b.planHash;
  return from === b.planFile ? imports.importedHash(b.plan.id) === b.planHash : true;
}

function importBundle(stores: ImportStores, b: Bundle, importedAt: string, onlyIfChanged: boolean): ImportOutcome {
  const { imports, plans } = stores;
  if (onlyIfChanged && upToDate(imports, b)) {
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
  return { ok: true, skipped: false, report: imports.importBundle(b, importedAt, changesOfBundle(stores, b)) };
}

/**
 * A problem as one line, named in plain words where it can be: `data/plan.yaml:42 B1.3 lead.agencies: UNICF:
 * unknown agency; did you mean UNICEF?` (else by its path: `data/agencies.yaml:3 agencies[0].roles[0]: …`).
 */
export function formatProblem(p: Problem, cwd = process.cwd()): string {
  const file = p.file.startsWith(`${cwd}/`) ? p.file.slice(cwd.length + 1) : p.file;
  return `${file}${p.line ? `:${p.line}` : ''} ${p.where ?? p.path}: ${p.message}`;
}
