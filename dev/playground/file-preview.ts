import type { FilePreview, StoredFile } from '../standin/web-api.js';

/*
 * What the page shows of a shared .docx or .xlsx file, as Slack does (issue 23.8): a card with the first
 * paragraphs of a document or the first rows of a spreadsheet. Read from the uploaded bytes, once, when the
 * file is uploaded to the stand-in.
 */

/** How many paragraphs or rows a card shows. */
export const previewItems = 6;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e.startsWith('#x') || e.startsWith('#X')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : entities[e]!,
  );

/** The text of a Word document's first non-empty paragraphs (word/document.xml: each `w:p`, its `w:t` runs). */
async function docxLines(bytes: Buffer): Promise<string[]> {
  const { default: JSZip } = await import('jszip');
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
  if (!xml) return [];
  const lines: string[] = [];
  for (const p of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const text = [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join('');
    if (text.trim()) lines.push(text);
    if (lines.length === previewItems) break;
  }
  return lines;
}

/** The first rows of a workbook's first sheet, each cell as its text (a link as its text). */
async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const rows: string[][] = [];
  ws?.eachRow((row, n) => {
    if (n <= previewItems)
      rows.push((row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'text' in v ? String(v.text) : String(v ?? ''))));
  });
  return rows;
}

/** The preview of `file` when it is a .docx or .xlsx; none for other files (the page shows their first lines). */
export async function describeFile(file: StoredFile): Promise<FilePreview | undefined> {
  if (/\.docx$/i.test(file.filename)) return { lines: await docxLines(file.bytes) };
  if (/\.xlsx$/i.test(file.filename)) return { rows: await xlsxRows(file.bytes) };
  return undefined;
}
