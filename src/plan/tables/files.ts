import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { hashText, type Loaded, type Problem } from '../load.js';
import { fold } from './wording.js';
import { sheetNames, type Tables } from './read-tables.js';
import { fileTooLarge, planLimits } from '../limits.js';

// Reading the three tables from disk: a folder of CSV files (csv-parse) or an .xlsx workbook (exceljs).
// Files over the size limit are refused before they are parsed.

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

const sheetTitle = { plan: 'Plan', priorities: 'Priorities', activities: 'Activities' } as const;
type SheetKey = keyof typeof sheetNames;
const keys: SheetKey[] = ['plan', 'priorities', 'activities'];

function tooLarge(file: string, size: number): Problem {
  return { file, path: '(file)', message: fileTooLarge(size, planLimits.tableFileBytes) ?? '' };
}

/** Reads plan.csv, priorities.csv (prioridades.csv), activities.csv (actividades.csv) from a folder. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: split under issue 22 in the sheets change
export function readCsvFolder(folderOrFile: string): Loaded<Tables> {
  const isFolder = existsSync(folderOrFile) && statSync(folderOrFile).isDirectory();
  const folder = !isFolder && /\.csv$/i.test(folderOrFile) ? path.dirname(folderOrFile) : folderOrFile;
  if (!existsSync(folder)) return { ok: false, problems: [{ file: folder, path: '(file)', message: 'file not found' }] };
  const present = readdirSync(folder);
  const problems: Problem[] = [];
  const tables: Partial<Tables> = {};
  let sources = '';
  for (const key of keys) {
    const name = present.find((f) => /\.csv$/i.test(f) && sheetNames[key].includes(fold(f.replace(/\.csv$/i, '')) as never));
    if (!name) {
      problems.push({ file: folder, path: '(folder)', message: `no ${sheetNames[key].map((n) => `${n}.csv`).join(' or ')} in the folder` });
      continue;
    }
    const file = path.join(folder, name);
    const size = statSync(file).size;
    if (size > planLimits.tableFileBytes) {
      problems.push(tooLarge(file, size));
      continue;
    }
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    sources += `${key}\n${text}\n`;
    try {
      const rows = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
      tables[key] = { file, sheet: sheetTitle[key], rows };
    } catch (e) {
      const line = e instanceof CsvError ? (e as CsvError & { lines?: number }).lines : undefined;
      const record = e instanceof CsvError ? (e as CsvError & { records?: number }).records : undefined;
      problems.push({
        file: `${file}:${sheetTitle[key]}:${record !== undefined ? record + 1 : '?'}`,
        path: '(csv)',
        message: `not readable as CSV${line ? ` at line ${line}` : ''}: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: tables as Tables, hash: hashText(sources) };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

/** Reads the sheets Plan, Priorities (Prioridades), Activities (Actividades) of an .xlsx workbook. */
export async function readWorkbook(file: string): Promise<Loaded<Tables>> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return { ok: false, problems: [{ file, path: '(file)', message: 'file not found' }] };
  }
  if (size > planLimits.tableFileBytes) return { ok: false, problems: [tooLarge(file, size)] };
  const bytes = readFileSync(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // The library's own words (zip internals, a link to its docs) would tell a secretariat nothing.
    const message = 'not an .xlsx workbook: it could not be opened as one (save it from the spreadsheet program as .xlsx, or as CSV files)';
    return { ok: false, problems: [{ file, path: '(file)', message }] };
  }
  const problems: Problem[] = [];
  const tables: Partial<Tables> = {};
  for (const key of keys) {
    const ws = workbook.worksheets.find((w) => sheetNames[key].includes(fold(w.name) as never));
    if (!ws) {
      problems.push({ file, path: '(workbook)', message: `no sheet ${sheetNames[key].map((n) => `"${n[0]!.toUpperCase()}${n.slice(1)}"`).join(' or ')}` });
      continue;
    }
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(ws.columnCount, row.cellCount); c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    }
    tables[key] = { file, sheet: ws.name, rows };
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: tables as Tables, hash: hashText(bytes.toString('base64')) };
}

/** The tables of a plan given as a folder of CSV files or a workbook. */
export async function readTableFiles(file: string): Promise<Loaded<Tables>> {
  return tableSourceOf(file) === 'xlsx' ? readWorkbook(file) : readCsvFolder(file);
}
