import { statSync } from 'node:fs';

// Apart from the readers (files.ts) so that the start-up import can tell a YAML plan from tables without
// loading the table readers: they are loaded on first use.

export type TableSource = 'csv' | 'xlsx';

/** A plan given as tables (a folder, an .xlsx or .csv file), or null for YAML. */
export function tableSourceOf(file: string): TableSource | null {
  if (/\.xlsx$/i.test(file)) return 'xlsx';
  if (/\.csv$/i.test(file)) return 'csv';
  try {
    if (statSync(file).isDirectory()) return 'csv';
  } catch {
    // a missing file is reported by whoever reads it
  }
  return null;
}
