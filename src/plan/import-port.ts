import type { PlanChanges } from '../domain/plan-changes.js';
import type { PlanReader, StateReader } from '../domain/ports.js';
import type { ReminderRecord } from '../domain/types.js';
import type { Bundle } from './load.js';

/**
 * The port an import goes through (import-plan.ts): what it reads of the stored plans and state, and the
 * one write. The stores of src/db implement it (src/stores.ts hands them over whole), so the plan layer
 * never imports a store: the arrow points down only (`.dependency-cruiser.cjs`, plan-below-the-stores).
 */

/** What an import did: counts, and the user state it kept for activities no longer in the file. */
export interface ImportReport {
  planId: string;
  changed: boolean;
  priorities: number;
  activities: number;
  added: string[];
  removed: string[];
  /** Completions and meeting dates kept for activities the file no longer has (never deleted). */
  orphanedState: { activityId: string; occurrenceKey: string; kind: 'completion' | 'meeting_date' | 'status' }[];
  /** What the import changed against the stored plan, compared before writing (recorded with the import). */
  changes?: PlanChanges;
}

/** Writes an import and says what was imported before (src/db/plan-import-store.ts). */
export interface PlanImportWriter {
  /** The hash of the last imported plan file of this id, or of the reference data (`reference`). */
  importedHash(planId: string | 'reference'): string | null;
  /** The file the plan of this id was last imported from. */
  importedFrom(planId: string): string | null;
  /** The hash of `file` when it was last imported. */
  importedHashOf(file: string): string | null;
  /** Writes the reference data and the plan in one transaction. */
  importBundle(bundle: Bundle, importedAt: string, changes?: PlanChanges): ImportReport;
}

/** What importing a plan (or previewing one) reads: the stored plan, what people recorded on it, the reminders sent. */
export interface ImportReads {
  plans: Pick<PlanReader, 'plan' | 'activities'> & { activityCount(planId: string): number };
  state: Pick<StateReader, 'completions' | 'meetingDates' | 'statuses' | 'focalPoints'>;
  reminders: { keysOfPlan(planId: string): Iterable<string>; get(key: string): Pick<ReminderRecord, 'activityId' | 'occurrenceKey'> | null };
}

/** What an import reads and writes. */
export interface ImportStores extends ImportReads {
  imports: PlanImportWriter;
}
