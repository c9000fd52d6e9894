import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { csvCellRead } from '../../domain/csv-cell.js';
import { hashText, type Loaded, type Problem } from '../load.js';
import { fold } from './wording.js';
import { sheetNames, type Table, type Tables } from './read-tables.js';
import { fileTooLarge, planLimits } from '../limits.js';

// Reading the three tables from disk: a folder of CSV files (csv-parse) or an .xlsx workbook (xlsx-reader.ts).
// Files over the size limit are refused before they are parsed; both readers are loaded on first use.

import { tableSourceOf } from './source.js';

export { tableSourceOf, type TableSource } from './source.js';

const sheetTitle = { plan: 'Plan', priorities: 'Priorities', activities: 'Activities' } as const;
type SheetKey = keyof typeof sheetNames;
const keys: SheetKey[] = ['plan', 'priorities', 'activities'];

function tooLarge(file: string, size: number): Problem {
  return { file, path: '(file)', message: fileTooLarge(size, planLimits.tableFileBytes) ?? '' };
}

/** One CSV table: its rows (cells the bot neutralised read back as they were), or the problem that stops it. */
async function readCsvTable(file: string, key: SheetKey): Promise<{ table: Table; text: string } | { problem: Problem }> {
  const size = statSync(file).size;
  if (size > planLimits.tableFileBytes) return { problem: tooLarge(file, size) };
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const { CsvError, parse } = await import('csv-parse/sync');
  try {
    const cells = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
    // A cell the bot neutralised when it wrote the file (a leading apostrophe before =, +, -, @) reads back as it was.
    return { table: { file, sheet: sheetTitle[key], rows: cells.map((row) => row.map(csvCellRead)) }, text };
  } catch (e) {
    const line = e instanceof CsvError ? (e as { lines?: number }).lines : undefined;
    const record = e instanceof CsvError ? (e as { records?: number }).records : undefined;
    return {
      problem: {
        file: `${file}:${sheetTitle[key]}:${record !== undefined ? record + 1 : '?'}`,
        path: '(csv)',
        message: `not readable as CSV${line ? ` at line ${line}` : ''}: ${e instanceof Error ? e.message : String(e)}`,
      },
    };
  }
}

/** Reads plan.csv, priorities.csv (prioridades.csv), activities.csv (actividades.csv) from a folder. */
export async function readCsvFolder(folderOrFile: string): Promise<Loaded<Tables>> {
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
    const read = await readCsvTable(path.join(folder, name), key);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    sources += `${key}\n${read.text}\n`;
    tables[key] = read.table;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: tables as Tables, hash: hashText(sources) };
}

/** A refusal of the workbook reader as a problem: FILE:SHEET:ROW:COLUMN (cell B12), or FILE (part). */
function refusalProblem(file: string, where: string, message: string): Problem {
  if (where.startsWith('(')) return { file, path: where, message };
  const i = where.indexOf(' (');
  return { file: `${file}:${where.slice(0, i)}`, path: where.slice(i + 1), message };
}

// The library's own words (zip internals) would tell a secretariat nothing.
const notWorkbook = 'not an .xlsx workbook: it could not be opened as one (save it from the spreadsheet program as .xlsx, or as CSV files)';

/** Reads the sheets Plan, Priorities (Prioridades), Activities (Actividades) of an .xlsx workbook, within the limits. */
export async function readWorkbook(file: string): Promise<Loaded<Tables>> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return { ok: false, problems: [{ file, path: '(file)', message: 'file not found' }] };
  }
  if (size > planLimits.tableFileBytes) return { ok: false, problems: [tooLarge(file, size)] };
  const bytes = readFileSync(file);
  // Loaded on first use: the bot that never reads a workbook never loads the zip and XML readers.
  const { readXlsxSheets } = await import('./xlsx-reader.js');
  const { WorkbookRefusal } = await import('./zip-parts.js');
  const sheetOf = (key: SheetKey, names: string[]) => names.find((name) => sheetNames[key].includes(fold(name) as never));
  let read: Awaited<ReturnType<typeof readXlsxSheets>>;
  try {
    read = await readXlsxSheets(bytes, (names) => keys.flatMap((key) => sheetOf(key, names) ?? []));
  } catch (e) {
    if (e instanceof WorkbookRefusal) return { ok: false, problems: [refusalProblem(file, e.where, e.message)] };
    return { ok: false, problems: [{ file, path: '(file)', message: notWorkbook }] };
  }
  const problems: Problem[] = [];
  const tables: Partial<Tables> = {};
  for (const key of keys) {
    const sheet = read.sheets.find((s) => s.name === sheetOf(key, read.names));
    if (!sheet) {
      problems.push({ file, path: '(workbook)', message: `no sheet ${sheetNames[key].map((n) => `"${n[0]!.toUpperCase()}${n.slice(1)}"`).join(' or ')}` });
      continue;
    }
    tables[key] = { file, sheet: sheet.name, rows: sheet.rows };
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: tables as Tables, hash: hashText(bytes.toString('base64')) };
}

/** The tables of a plan given as a folder of CSV files or a workbook. */
export async function readTableFiles(file: string): Promise<Loaded<Tables>> {
  return tableSourceOf(file) === 'xlsx' ? readWorkbook(file) : readCsvFolder(file);
}
