import type ExcelJS from 'exceljs';
import type { Brief } from '../domain/brief.js';
import { messages } from '../i18n/messages.js';
import { type BriefTable, type Cell, doneTable, isWebLink, nextTable, objectivesTable, overdueTable, prioritiesTable, summaryTable } from './brief-tables.js';

/*
 * The co-chairs' update as an .xlsx workbook (issue 23.4), with exceljs (loaded on first use): the same tables
 * as the Word document, one sheet each (summary, per priority, by objective, overdue, done with its links,
 * next quarter). Numbers are numbers, evidence links are clickable, the header row stays in view.
 */

const xlsxColumnWidth = { text: 60, short: 16 } as const;

/** A cell's value: the text or number as it is; evidence as its first link (clickable) and the others in the cells after it. */
function rowValues(cells: Cell[]): ExcelJS.CellValue[] {
  return cells.flatMap((c): ExcelJS.CellValue[] => {
    if (typeof c !== 'object') return [c];
    if (!c.links.length) return [''];
    return c.links.map((l) => (isWebLink(l) ? { text: l, hyperlink: l } : l));
  });
}

function addSheet(wb: ExcelJS.Workbook, name: string, t: BriefTable): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(t.columns).font = { bold: true };
  for (const r of t.rows) {
    const row = ws.addRow(rowValues(r));
    row.eachCell((cell) => {
      if (typeof cell.value === 'object' && cell.value && 'hyperlink' in cell.value) cell.font = { color: { argb: 'FF1155CC' }, underline: true };
    });
  }
  if (t.note) ws.addRows([[], [t.note]]);
  ws.columns.forEach((c, i) => {
    const long = t.rows.some((r) => typeof r[i] === 'string' && (r[i] as string).length > 30);
    c.width = long ? xlsxColumnWidth.text : xlsxColumnWidth.short;
    c.alignment = { wrapText: true, vertical: 'top' };
  });
}

/**
 * What tells several briefs' sheets apart in one workbook: the language when they differ, the plan's number
 * (1, 2, in the order given) when they cover several plans; nothing for one brief.
 */
function suffixes(briefs: readonly Brief[]): string[] {
  const langs = new Set(briefs.map((b) => b.lang)).size > 1;
  const plans = [...new Set(briefs.map((b) => b.planId))];
  return briefs.map((b) => [langs ? b.lang.toUpperCase() : '', plans.length > 1 ? String(plans.indexOf(b.planId) + 1) : ''].filter(Boolean).join(' '));
}

/**
 * The workbook of one brief, in its language (sheet names and headers too), or of several (each plan the
 * period covers, in each language asked) with their sheets side by side, each name marked by what tells them apart.
 */
export async function briefXlsx(briefs: Brief | readonly Brief[]): Promise<Buffer> {
  const list = Array.isArray(briefs) ? (briefs as readonly Brief[]) : [briefs as Brief];
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'gcm-workplan-bot';
  // The period's end, not now: the same data gives the same workbook's properties.
  wb.created = new Date(`${list[0]?.to ?? '2000-01-01'}T00:00:00Z`);
  wb.modified = wb.created;
  const marks = suffixes(list);
  for (const [i, brief] of list.entries()) {
    const s = messages(brief.lang).briefFiles.sheet;
    // A sheet's name has at most 31 characters.
    const name = (n: string) => (marks[i] ? `${n.slice(0, 31 - marks[i]!.length - 1)} ${marks[i]}` : n);
    addSheet(wb, name(s.summary), summaryTable(brief));
    addSheet(wb, name(s.priorities), prioritiesTable(brief));
    addSheet(wb, name(s.objectives), objectivesTable(brief));
    addSheet(wb, name(s.overdue), overdueTable(brief));
    addSheet(wb, name(s.done), doneTable(brief));
    addSheet(wb, name(s.next), nextTable(brief));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
