import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedPlan } from '../domain/ports.js';
import { hashText, referenceFiles, referenceHash } from './hash.js';
import type { PlanImportWriter } from './import-port.js';
import { tableSourceOf } from './tables/source.js';

/** What the quick look reads: the hashes recorded with the imports, and which file each stored plan came from. */
export interface ImportedHashes {
  imports: Pick<PlanImportWriter, 'importedHash' | 'importedHashOf'>;
  plans: { loadedPlans(): Pick<LoadedPlan, 'id' | 'filePath'>[] };
}

/**
 * The hash of a file's text, or null when it cannot be read (the full import then says why). Its bytes are
 * hashed as read: the same hash as hashText of its text (UTF-8), without a copy of a large file as a string.
 */
function hashOfFile(file: string): string | null {
  try {
    return hashText(readFileSync(file));
  } catch {
    return null;
  }
}

/**
 * The start-up's quick look at GCM_PLAN (a YAML file): true when it and the reference files of `dataDir` are,
 * byte for byte, what was last imported, and the stored plan was imported from this file as it is now. The
 * full import would then leave everything as it is (import-plan.ts, `onlyIfChanged`), so nothing is parsed: the
 * YAML parser and the plan's schemas are not even loaded. False whenever anything differs, was never imported
 * or cannot be read, and for tables (a workbook, CSV files): the full import decides.
 */
export function planUnchanged(stores: ImportedHashes, planFile: string, dataDir: string): boolean {
  if (tableSourceOf(planFile) !== null) return false;
  const [gcm, agencies, matrix] = [referenceFiles.gcm, referenceFiles.agencies, referenceFiles.matrix].map((f) => hashOfFile(path.join(dataDir, f)));
  if (!gcm || !agencies || !matrix || stores.imports.importedHash('reference') !== referenceHash(gcm, agencies, matrix)) return false;
  const planHash = hashOfFile(planFile);
  if (planHash === null || stores.imports.importedHashOf(planFile) !== planHash) return false;
  return stores.plans.loadedPlans().some((p) => p.filePath === planFile && stores.imports.importedHash(p.id) === planHash);
}
