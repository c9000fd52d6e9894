import { checkPlan, formatPath, loadReference, type Bundle, type Problem } from '../load.js';
import { limitProblems } from '../limits.js';
import { readTableFiles } from './files.js';
import { locateCheckProblems, readTables, type Remark } from './read-tables.js';

export type TablesBundle = { ok: true; value: Bundle; hash: string; remarks: Remark[] } | { ok: false; problems: Problem[] };

/**
 * A plan given as tables (a workbook or a folder of CSV files), read with the reference files of `dataDir`
 * and checked by the same cross-checks as a YAML plan. Problems name their cells (FILE:SHEET:ROW:COLUMN).
 */
export async function loadTablesBundle(file: string, dataDir: string): Promise<TablesBundle> {
  const reference = loadReference(dataDir);
  const tables = await readTableFiles(file);
  const problems = [...(reference.ok ? [] : reference.problems), ...(tables.ok ? [] : tables.problems)];
  if (!reference.ok || !tables.ok) return { ok: false, problems };
  const read = readTables(tables.value, reference.value.agencies);
  if (!read.ok) return read;
  const over = limitProblems(read.plan).map((o) => ({ file, path: formatPath(o.segments), message: o.message }));
  // The cell's value follows the message in quotes: a few words of it are enough to find it.
  const clip = (p: Problem) => ({ ...p, message: p.message.replace(/ \("([\s\S]{60})[\s\S]+"\)$/, ' ("$1…")') });
  if (over.length > 0) return { ok: false, problems: locateCheckProblems(tables.value, read.plan, over).map(clip) };
  const cross = checkPlan(read.plan, reference.value, file);
  if (cross.length > 0) return { ok: false, problems: locateCheckProblems(tables.value, read.plan, cross) };
  return {
    ok: true,
    value: { reference: reference.value, plan: read.plan, planHash: tables.hash, planFile: file },
    hash: tables.hash,
    remarks: read.remarks,
  };
}
