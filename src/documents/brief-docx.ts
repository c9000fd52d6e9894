import type * as Docx from 'docx';
import type { Brief, BriefPriority } from '../domain/brief.js';
import type { Language } from '../domain/types.js';
import { formatDate, messages } from '../i18n/messages.js';
import { briefNarrative, type BriefIntro, type NarrativeParagraph, type NarrativeRun, type NarrativeSection } from '../views/brief-narrative.js';
import { briefCharts } from '../views/brief-view.js';
import { type BriefTable, type Cell, isWebLink, objectivesTable, overdueTable, prioritiesTable, priorityTable } from './brief-tables.js';
import { chartPng, chartSize } from './chart-image.js';

/*
 * The co-chairs' update as a Word document (issue 23.4), with the `docx` library (loaded on first use): the
 * title, the narrative (the co-chairs' own opening first when they wrote one), the two charts as PNG images
 * drawn from the Slack message's chart blocks, a table per priority and one by GCM objective, the overdue
 * list, evidence as clickable links. One language per brief; several briefs (English and Spanish) make one
 * file with a part per language, each starting on a new page.
 */

type Lib = typeof Docx;
type Block = Docx.Paragraph | Docx.Table;

/** The width of the page's text, in twentieths of a point (A4, 2 cm margins). */
const textWidth = 9638;
/** A chart's width on the page in pixels at 96 dpi (about 16 cm), its height in proportion. */
const imageWidth = 600;

function textRun(d: Lib, r: Extract<NarrativeRun, { kind: 'text' }>): Docx.TextRun {
  return new d.TextRun({ text: r.text, bold: r.strong === true });
}

/** A web address as a clickable link; anything else as the text it is. */
function linkRun(d: Lib, text: string, url: string, size?: number): Docx.ExternalHyperlink | Docx.TextRun {
  const sized = size ? { size } : {};
  return isWebLink(url)
    ? new d.ExternalHyperlink({ link: url, children: [new d.TextRun({ text, style: 'Hyperlink', ...sized })] })
    : new d.TextRun({ text, ...sized });
}

function paragraph(d: Lib, p: NarrativeParagraph): Docx.Paragraph {
  const children = p.runs.map((r) => (r.kind === 'link' ? linkRun(d, r.text, r.url) : textRun(d, r)));
  return new d.Paragraph({ children, ...(p.bullet ? { bullet: { level: 0 } } : {}) });
}

const heading = (d: Lib, text: string, level: 1 | 2 | 3) =>
  new d.Paragraph({ text, heading: level === 1 ? d.HeadingLevel.HEADING_1 : level === 2 ? d.HeadingLevel.HEADING_2 : d.HeadingLevel.HEADING_3 });

function section(d: Lib, s: NarrativeSection): Block[] {
  return [heading(d, s.heading, s.level), ...s.paragraphs.map((p) => paragraph(d, p))];
}

const cellLength = (c: Cell | undefined): number =>
  c === undefined ? 0 : typeof c === 'object' ? Math.max(0, ...c.links.map((l) => l.length)) : String(c).length;

/** A table's type size in half-points: 8 pt, or 7 pt when it has many columns (the counts by status). */
const tableSize = (t: BriefTable) => (t.columns.length > 7 ? 14 : 16);

/**
 * Each column's width (twentieths of a point): room for its longest header word and for cells of up to 14
 * characters on one line (keys, dates, numbers); the columns of longer texts share what is left, in proportion
 * to their length. Scaled down to the page's width when the columns need more.
 */
function columnWidths(t: BriefTable): number[] {
  const charWidth = (tableSize(t) / 2) * 11;
  const longest = t.columns.map((_, i) => Math.max(0, ...t.rows.map((r) => cellLength(r[i]))));
  const need = t.columns.map((h, i) => (Math.max(6, ...h.split(' ').map((w) => w.length), Math.min(longest[i]!, 14)) + 1.5) * charWidth);
  const long = longest.map((n) => (n > 14 ? Math.min(n, 60) : 0));
  const rest = Math.max(0, textWidth - need.reduce((a, b) => a + b, 0));
  const share = long.reduce((a, b) => a + b, 0);
  const widths = need.map((n, i) => n + (share ? (rest * long[i]!) / share : 0));
  const scale = Math.min(1, textWidth / widths.reduce((a, b) => a + b, 0));
  return widths.map((w) => Math.floor(w * scale));
}

/** `t` without the columns `omit` (the Word page has no room for a long title beside eight counts; the workbook keeps it). */
const without = (t: BriefTable, omit: readonly number[]): BriefTable => ({
  ...t,
  columns: t.columns.filter((_, i) => !omit.includes(i)),
  rows: t.rows.map((r) => r.filter((_, i) => !omit.includes(i))),
});

/** A cell's paragraphs: text or a number as written, links one a line. */
function cellParagraphs(d: Lib, c: Cell, header: boolean, size: number): Docx.Paragraph[] {
  if (typeof c === 'object') return c.links.length ? c.links.map((l) => new d.Paragraph({ children: [linkRun(d, l, l, size)] })) : [new d.Paragraph('')];
  return [new d.Paragraph({ children: [new d.TextRun({ text: String(c), bold: header, size })] })];
}

/** A table of `t` under its title, with a header row repeated on each page, across the page's width. */
function table(d: Lib, t: BriefTable, level: 2 | 3): Block[] {
  const widths = columnWidths(t);
  const size = tableSize(t);
  const row = (cells: Cell[], header = false) =>
    new d.TableRow({
      tableHeader: header,
      children: cells.map((c, i) => new d.TableCell({ children: cellParagraphs(d, c, header, size), width: { size: widths[i] ?? 0, type: d.WidthType.DXA } })),
    });
  const blocks: Block[] = [heading(d, t.title, level)];
  blocks.push(
    new d.Table({
      width: { size: textWidth, type: d.WidthType.DXA },
      columnWidths: widths,
      rows: [row(t.columns, true), ...t.rows.map((r) => row(r))],
    }),
  );
  if (t.note) blocks.push(new d.Paragraph({ text: t.note }));
  return blocks;
}

/** The two charts as PNG images, each with its text alternative under it (and as the image's description). */
async function charts(d: Lib, brief: Brief): Promise<Block[]> {
  const m = messages(brief.lang);
  const blocks: Block[] = [heading(d, m.briefFiles.charts, 2)];
  // briefCharts gives the status by priority first: its bars are stacked by status in the picture.
  for (const [i, { chart, inWords }] of briefCharts(brief, brief.lang).entries()) {
    const img = await chartPng(chart, { ...chartSize, stacked: i === 0 });
    const image = new d.ImageRun({
      type: 'png',
      data: img.png,
      transformation: { width: imageWidth, height: Math.round((imageWidth * img.height) / img.width) },
      altText: { name: `chart-${i + 1}`, title: m.briefFiles.chartImage(chart.title), description: inWords },
    });
    blocks.push(new d.Paragraph({ children: [image] }), new d.Paragraph({ text: inWords }));
  }
  return blocks;
}

const priorityOf = (brief: Brief, key: string): BriefPriority | undefined => brief.priorities.find((p) => `priority:${p.line.id}` === key);

/** One language's part: the title, the narrative's sections with the charts and tables where they belong, the overdue list. */
async function part(d: Lib, brief: Brief, intro: BriefIntro | undefined): Promise<Block[]> {
  const narrative = briefNarrative(brief, brief.lang, intro);
  const blocks: Block[] = [new d.Paragraph({ text: narrative.title, heading: d.HeadingLevel.TITLE })];
  for (const s of narrative.sections) {
    blocks.push(...section(d, s));
    const p = priorityOf(brief, s.key);
    if (s.key === 'overview') blocks.push(...(await charts(d, brief)), ...table(d, without(prioritiesTable(brief), [1]), 2));
    else if (p) blocks.push(...table(d, priorityTable(brief, p), 3));
    else if (s.key === 'objectives') blocks.push(...table(d, objectivesTable(brief), 3));
  }
  return [...blocks, ...table(d, overdueTable(brief), 2)];
}

/**
 * The update as a .docx file: one part per brief, in the order given (`[en, es]` for both languages in one
 * file), each with the co-chairs' opening in its language when there is one.
 */
export async function briefDocx(briefs: Brief | readonly Brief[], intros: Partial<Record<Language, BriefIntro>> = {}): Promise<Buffer> {
  const d = await import('docx');
  const list = Array.isArray(briefs) ? (briefs as readonly Brief[]) : [briefs as Brief];
  const sections = [];
  for (const b of list)
    sections.push({ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children: await part(d, b, intros[b.lang]) });
  const first = list[0];
  const doc = new d.Document({
    title: first ? messages(first.lang).brief.title(formatDate(first.from, first.lang), formatDate(first.to, first.lang)) : '',
    creator: 'GCM Work Plan bot',
    // Arial (Liberation Sans where Arial is absent, as in LibreOffice on Linux), 10.5 pt.
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections,
  });
  return d.Packer.toBuffer(doc);
}
