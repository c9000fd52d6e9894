import path from 'node:path';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { planLimits } from '../limits.js';
import { WorkbookRefusal, zipParts, type ZipParts } from './zip-parts.js';

// An .xlsx workbook's sheets as rows of text, read part by part with a streaming XML parser: time is linear
// in the cells present (a far cell costs one cell, not the rows and columns before it), and every limit
// (rows, columns, cells, shared strings, one text's length, the unpacked size) is checked as the file is
// read, so a hostile file is refused at the cell where it passes one. The text of a cell is what a
// spreadsheet shows for it: rich text joined, a formula's result, a date cell as YYYY-MM-DD, a merged
// cell's value in every cell of the range.

/** One sheet by its name in the workbook, its rows as text (row n of `rows` is the sheet's row n+1). */
export interface SheetRows {
  name: string;
  rows: string[][];
}

const n = (x: number) => x.toLocaleString('en-US');
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Feeds a part into a SAX parser; a text run (inside a cell) longer than the limit allows is refused while it streams. */
async function parsePart(
  zip: ZipParts,
  part: string,
  handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (t: string) => void },
  where: () => string,
): Promise<void> {
  if (!zip.names.has(part)) return;
  const parser = new SaxesParser();
  // Where the text since the last tag began: saxes keeps a text run whole until the next tag.
  let textFrom = 0;
  parser.on('opentag', (tag) => {
    textFrom = parser.position;
    handlers.open?.(tag);
  });
  parser.on('closetag', (tag) => {
    textFrom = parser.position;
    handlers.close?.(local(tag.name));
  });
  if (handlers.text) parser.on('text', handlers.text);
  let failure: unknown = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  // Entities can make the raw text longer than what it says; eight times the limit is beyond any real cell.
  const rawLimit = planLimits.cellChars * 8;
  try {
    await zip.read(part, (chunk) => {
      parser.write(chunk);
      if (failure) throw failure;
      if (parser.position - textFrom > rawLimit) throw new WorkbookRefusal(where(), tooLong(rawLimit));
    });
  } catch (e) {
    // A limit of the zip (its unpacked size) is said at the place reached in the part, a sheet's cell.
    if (e instanceof WorkbookRefusal && e.where.startsWith('(')) throw new WorkbookRefusal(where(), e.message);
    throw e;
  }
  parser.close();
  if (failure) throw failure;
}

const tooLong = (chars: number) => `a text of more than ${n(chars)} characters, over the limit of ${n(planLimits.cellChars)} for a cell`;

/** The sheets' names and parts, and the parts of shared strings and styles (workbook.xml and its relations). */
async function workbookMap(zip: ZipParts) {
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  await parsePart(
    zip,
    'xl/workbook.xml',
    {
      open: (tag) => {
        const name = local(tag.name);
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
        if (name !== 'sheet') return;
        const rid = Object.entries(tag.attributes).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        sheets.push({ name: tag.attributes.name ?? '', rid });
      },
    },
    () => '(xl/workbook.xml)',
  );
  const targets = new Map<string, { target: string; type: string }>();
  await parsePart(
    zip,
    'xl/_rels/workbook.xml.rels',
    {
      open: (tag) => {
        if (local(tag.name) !== 'Relationship') return;
        const target = tag.attributes.Target ?? '';
        const resolved = target.startsWith('/') ? target.slice(1) : path.posix.normalize(`xl/${target}`);
        targets.set(tag.attributes.Id ?? '', { target: resolved, type: tag.attributes.Type ?? '' });
      },
    },
    () => '(xl/_rels/workbook.xml.rels)',
  );
  const byType = (suffix: string, fallback: string) => [...targets.values()].find((t) => t.type.endsWith(suffix))?.target ?? fallback;
  return {
    sheets: sheets.map((s) => ({ name: s.name, part: targets.get(s.rid)?.target ?? '' })),
    sharedStrings: byType('/sharedStrings', 'xl/sharedStrings.xml'),
    styles: byType('/styles', 'xl/styles.xml'),
    date1904,
  };
}

/** Excel's built-in number formats that show a date or time. */
const builtInDates = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

const isDateFormat = (code: string) =>
  /[dmyhs]/i.test(
    code
      .replace(/"[^"]*"/g, '')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/\\./g, ''),
  );

/** For each cell style (the `s` of a cell), whether it shows a date. */
async function dateStyles(zip: ZipParts, part: string): Promise<boolean[]> {
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await parsePart(
    zip,
    part,
    {
      open: (tag) => {
        const name = local(tag.name);
        if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), isDateFormat(tag.attributes.formatCode ?? ''));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(tag.attributes.numFmtId ?? 0);
          styles.push(custom.get(id) ?? builtInDates.has(id));
        }
      },
      close: (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    () => `(${part})`,
  );
  return styles;
}

/** The shared strings (rich text joined; phonetic runs left out), each within the limits as it is read. */
async function sharedStrings(zip: ZipParts, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | null = null;
  let length = 0;
  let inText = false;
  let inPhonetic = false;
  const where = () => `(shared string ${n(strings.length + 1)})`;
  await parsePart(
    zip,
    part,
    {
      open: (tag) => {
        const name = local(tag.name);
        if (name === 'si') {
          if (strings.length >= planLimits.sharedStrings) {
            throw new WorkbookRefusal(where(), `more than ${n(planLimits.sharedStrings)} shared strings, over the limit`);
          }
          current = [];
          length = 0;
        } else if (name === 'rPh') inPhonetic = true;
        else if (name === 't') inText = !inPhonetic;
      },
      close: (name) => {
        if (name === 'si' && current) {
          strings.push(current.join(''));
          current = null;
        } else if (name === 'rPh') inPhonetic = false;
        else if (name === 't') inText = false;
      },
      text: (t) => {
        if (!inText || !current) return;
        length += t.length;
        if (length > planLimits.cellChars) throw new WorkbookRefusal(where(), tooLong(planLimits.cellChars));
        current.push(t);
      },
    },
    where,
  );
  return strings;
}

/** A = 1, B = 2, … XFD = 16384. */
function columnNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c;
}

/** "B12" → { row: 12, col: 2 }; null when the reference is not one. */
export function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(ref);
  return m ? { row: Number(m[2]), col: columnNumber(m[1]!) } : null;
}

export const cellName = (row: number, col: number) => {
  let s = '';
  for (let x = col; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return `${s}${row}`;
};

/** Refuses a cell outside the rows and columns a sheet may use. */
function checkPlace(sheet: string, row: number, col: number): void {
  const where = `${sheet}:${row}:${cellName(row, col).replace(/\d+$/, '')} (cell ${cellName(row, col)})`;
  if (row > planLimits.sheetRows) throw new WorkbookRefusal(where, `row ${n(row)} is past the limit of ${n(planLimits.sheetRows)} rows of a sheet`);
  if (col > planLimits.sheetColumns) throw new WorkbookRefusal(where, `column ${n(col)} is past the limit of ${n(planLimits.sheetColumns)} columns of a sheet`);
}

interface ReadContext {
  zip: ZipParts;
  strings: string[];
  dates: boolean[];
  date1904: boolean;
  /** Cells left to read in the whole workbook. */
  cellsLeft: { value: number };
}

/** What a cell shows, from its type (`t`), style (`s`) and raw text (its `<v>`, or its inline `<t>`s). */
function cellValue(ctx: ReadContext, type: string, style: number, raw: string): string {
  if (raw === '') return '';
  if (type === 's') return ctx.strings[Number(raw)] ?? '';
  if (type === 'inlineStr' || type === 'str' || type === 'e') return raw;
  if (type === 'b') return raw === '1' ? 'true' : 'false';
  if (type === 'd') {
    const d = new Date(raw);
    return Number.isNaN(d.getTime()) ? raw : d.toISOString().slice(0, 10);
  }
  const x = Number(raw);
  if (Number.isNaN(x)) return raw;
  if (ctx.dates[style]) return new Date(Math.round((x - (ctx.date1904 ? 24107 : 25569)) * 86_400_000)).toISOString().slice(0, 10);
  return String(x);
}

/** Puts `text` at (row, col), the rows and cells before it filled with empty ones. */
function place(rows: string[][], row: number, col: number, text: string): void {
  while (rows.length < row) rows.push([]);
  const cells = rows[row - 1]!;
  while (cells.length < col - 1) cells.push('');
  cells[col - 1] = text;
}

/** Copies each merged range's first cell into the rest of the range, as spreadsheets show it. */
function fillMerges(ctx: ReadContext, sheet: string, rows: string[][], merges: string[]): void {
  for (const ref of merges) {
    const [from, to] = ref.split(':').map(cellRef);
    if (!from || !to) continue;
    checkPlace(sheet, to.row, to.col);
    const area = (to.row - from.row + 1) * (to.col - from.col + 1);
    ctx.cellsLeft.value -= area;
    if (ctx.cellsLeft.value < 0) throw new WorkbookRefusal(`${sheet} (merged ${ref})`, `more than ${n(planLimits.workbookCells)} cells, over the limit`);
    const master = rows[from.row - 1]?.[from.col - 1] ?? '';
    for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) place(rows, r, c, master);
  }
}

/** One sheet read cell by cell: the SAX handlers and where they are. */
class SheetReader {
  readonly rows: string[][] = [];
  readonly merges: string[] = [];
  private row = 0;
  private col = 0;
  private cell: { type: string; style: number; raw: string[]; length: number } | null = null;
  private inValue = false;

  constructor(
    private readonly ctx: ReadContext,
    private readonly sheet: string,
  ) {}

  /** The sheet and the cell reached: `Activities:12:B (cell B12)`. */
  where = (): string => {
    if (this.row === 0) return `${this.sheet} (before its first cell)`;
    const name = cellName(this.row, Math.max(this.col, 1));
    return `${this.sheet}:${this.row}:${name.replace(/\d+$/, '')} (cell ${name})`;
  };

  open = (tag: SaxesTagPlain): void => {
    const name = local(tag.name);
    const a = tag.attributes;
    if (name === 'row') {
      this.row = a.r ? Number(a.r) : this.row + 1;
      this.col = 0;
    } else if (name === 'c') this.startCell(a);
    else if (name === 'v' || (name === 't' && this.cell?.type === 'inlineStr')) this.inValue = this.cell !== null;
    else if (name === 'rPh') this.inValue = false;
    else if (name === 'mergeCell' && a.ref) this.merges.push(a.ref);
  };

  private startCell(a: Record<string, string>): void {
    const ref = a.r ? cellRef(a.r) : null;
    if (ref) this.row = ref.row;
    this.col = ref ? ref.col : this.col + 1;
    if (--this.ctx.cellsLeft.value < 0) throw new WorkbookRefusal(this.where(), `more than ${n(planLimits.workbookCells)} cells, over the limit`);
    this.cell = { type: a.t ?? 'n', style: Number(a.s ?? 0), raw: [], length: 0 };
  }

  close = (name: string): void => {
    if (name === 'v' || name === 't') this.inValue = false;
    if (name !== 'c' || !this.cell) return;
    const text = cellValue(this.ctx, this.cell.type, this.cell.style, this.cell.raw.join(''));
    if (text !== '') {
      checkPlace(this.sheet, this.row, this.col);
      place(this.rows, this.row, this.col, text);
    }
    this.cell = null;
  };

  text = (t: string): void => {
    if (!this.inValue || !this.cell) return;
    this.cell.length += t.length;
    if (this.cell.length > planLimits.cellChars) throw new WorkbookRefusal(this.where(), tooLong(planLimits.cellChars));
    this.cell.raw.push(t);
  };
}

/** One sheet's rows, cell by cell. */
async function sheetRows(ctx: ReadContext, sheet: string, part: string): Promise<string[][]> {
  const reader = new SheetReader(ctx, sheet);
  await parsePart(ctx.zip, part, reader, reader.where);
  fillMerges(ctx, sheet, reader.rows, reader.merges);
  return reader.rows;
}

/**
 * The sheets named by `wanted` (given the workbook's sheet names, the ones to read), as rows of text. Throws a
 * WorkbookRefusal naming the part, or the sheet and cell, where a limit is passed; anything else thrown means
 * the file is not a workbook.
 */
export async function readXlsxSheets(bytes: Buffer, wanted: (names: string[]) => string[]): Promise<{ names: string[]; sheets: SheetRows[] }> {
  const zip = await zipParts(bytes);
  if (!zip.names.has('xl/workbook.xml')) throw new Error('no xl/workbook.xml');
  zip.declare(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);
  const map = await workbookMap(zip);
  const names = map.sheets.map((s) => s.name);
  const chosen = map.sheets.filter((s) => wanted(names).includes(s.name));
  zip.declare(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', map.styles, map.sharedStrings, ...chosen.map((s) => s.part)]);
  const ctx: ReadContext = {
    zip,
    dates: await dateStyles(zip, map.styles),
    strings: await sharedStrings(zip, map.sharedStrings),
    date1904: map.date1904,
    cellsLeft: { value: planLimits.workbookCells },
  };
  const sheets: SheetRows[] = [];
  for (const s of chosen) sheets.push({ name: s.name, rows: await sheetRows(ctx, s.name, s.part) });
  return { names, sheets };
}
