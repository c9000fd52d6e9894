import type { PlanStore, ImportReport } from '../db/plan-store.js';
import { loadBundle, type Problem } from './load.js';

export type ImportOutcome = { ok: true; report: ImportReport; skipped: boolean } | { ok: false; problems: Problem[] };

/**
 * Validates `planFile` with the reference files of `dataDir` and imports them in one transaction. A bad file
 * changes nothing. With `onlyIfChanged`, a plan whose file and reference data are unchanged since the last
 * import is left alone (the bot's start-up).
 */
export function importPlanFile(plans: PlanStore, planFile: string, dataDir: string, importedAt: string, onlyIfChanged = false): ImportOutcome {
  const bundle = loadBundle(planFile, dataDir);
  if (!bundle.ok) return bundle;
  const b = bundle.value;
  if (onlyIfChanged && plans.importedHash(b.plan.id) === b.planHash && plans.importedHash('reference') === b.reference.hash) {
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
  return { ok: true, skipped: false, report: plans.importBundle(b, importedAt) };
}

/** A problem as one line: `data/plan.yaml:42 priorities[0].activities[2].lead.agencies[0]: unknown agency "XYZ"`. */
export function formatProblem(p: Problem, cwd = process.cwd()): string {
  const file = p.file.startsWith(`${cwd}/`) ? p.file.slice(cwd.length + 1) : p.file;
  return `${file}${p.line ? `:${p.line}` : ''} ${p.path}: ${p.message}`;
}
