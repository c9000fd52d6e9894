import type { ImportReport } from '../db/plan-import-store.js';
import { parseOccurrenceKey } from '../domain/occurrences.js';
import { planChanges, type PlanChanges } from '../domain/plan-diff.js';
import type { Stores } from '../stores.js';
import { loadBundle, type Bundle, type Problem } from './load.js';
import { activitiesOfFile } from './plan-activities.js';

export type ImportOutcome = { ok: true; report: ImportReport; skipped: boolean } | { ok: false; problems: Problem[] };

/** What an import reads and writes. */
type ImportStores = Pick<Stores, 'imports' | 'plans' | 'state' | 'reminders'>;

/**
 * What importing `bundle` would change against the stored plan of the same id: read through the stores,
 * compared by the domain's pure planChanges. Writes nothing.
 */
export function changesOfBundle(stores: Omit<ImportStores, 'imports'>, bundle: Bundle): PlanChanges {
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
  const recorded = [...reminders.keysOfPlan(file.id)].flatMap((key) => {
    const r = reminders.get(key);
    return r?.occurrenceKey && r.activityId ? [{ activityId: r.activityId, occurrenceKey: r.occurrenceKey }] : [];
  });
  return planChanges(
    file.id,
    stored ? { period: stored, activities: plans.activities(file.id) } : null,
    { period: { periodStart: file.period.start, periodEnd: file.period.end }, activities: activitiesOfFile(file) },
    { occurrences: [...completions, ...dates], reminders: recorded, focalAgencies: [...state.focalPoints().keys()] },
  );
}

/** `plan:import --dry-run`: validates `planFile` and says what importing it would change. Writes nothing. */
export function previewPlanFile(
  stores: Omit<ImportStores, 'imports'>,
  planFile: string,
  dataDir: string,
): { ok: true; changes: PlanChanges } | { ok: false; problems: Problem[] } {
  const bundle = loadBundle(planFile, dataDir);
  return bundle.ok ? { ok: true, changes: changesOfBundle(stores, bundle.value) } : bundle;
}

/**
 * Validates `planFile` with the reference files of `dataDir` and imports them in one transaction (the import
 * store's). A bad file changes nothing. With `onlyIfChanged`, a plan whose file and reference data are
 * unchanged since the last import is left alone (the bot's start-up); its activities are counted by the plan store.
 * The report carries what the import changed (`changes`), recorded with the import.
 */
export function importPlanFile(stores: ImportStores, planFile: string, dataDir: string, importedAt: string, onlyIfChanged = false): ImportOutcome {
  const { imports, plans } = stores;
  const bundle = loadBundle(planFile, dataDir);
  if (!bundle.ok) return bundle;
  const b = bundle.value;
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
  return { ok: true, skipped: false, report: imports.importBundle(b, importedAt, changesOfBundle(stores, b)) };
}

/** A problem as one line: `data/plan.yaml:42 priorities[0].activities[2].lead.agencies[0]: unknown agency "XYZ"`. */
export function formatProblem(p: Problem, cwd = process.cwd()): string {
  const file = p.file.startsWith(`${cwd}/`) ? p.file.slice(cwd.length + 1) : p.file;
  return `${file}${p.line ? `:${p.line}` : ''} ${p.path}: ${p.message}`;
}
