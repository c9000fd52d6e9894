// One rule for every CSV the bot writes (the report's, the plan's tables): a cell a spreadsheet would run as a
// formula (one that begins with =, +, -, @, a tab or a carriage return) is written with a leading apostrophe,
// OWASP's rule against CSV injection, so that opening the file runs nothing. Only files get it: every other
// place shows the text as typed. A cell that already begins with apostrophes before such a character gets one
// more, so that reading a cell back (csvCellRead) is exact for every text.

const formulaStart = /^'*[=+\-@\t\r]/;

/** A text cell as written into a CSV file: neutralised when a spreadsheet would run it. */
export function csvCellText(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** A cell read from a CSV file the bot wrote (or a person saved): the text before csvCellText. */
export function csvCellRead(cell: string): string {
  return cell.startsWith("'") && formulaStart.test(cell) ? cell.slice(1) : cell;
}

/** One CSV field (RFC 4180): a text neutralised, then quoted when it holds a comma, a quote or a line break; numbers as they are. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : csvCellText(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
