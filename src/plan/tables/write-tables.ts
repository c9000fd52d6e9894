import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { csvCellText } from '../../domain/csv-cell.js';
import type { PlanFile } from '../schema.js';
import type { Table, Tables } from './read-tables.js';
import { writeEntity } from './wording.js';

// Writing a plan back as its three tables, in the plan's wording: a workbook (exceljs) or a folder of CSV
// files (csv-stringify). What readTables reads back is the same plan.

export type TableLanguage = 'en' | 'es';

const words = {
  en: {
    sheets: { plan: 'Plan', priorities: 'Priorities', activities: 'Activities' },
    files: { plan: 'plan.csv', priorities: 'priorities.csv', activities: 'activities.csv' },
    plan: ['Field', 'Value'],
    fields: {
      id: 'id',
      title: 'title',
      network: 'network',
      start: 'start',
      end: 'end',
      endorsed: 'endorsed',
      language: 'language',
      co_leads: 'co-leads',
      published: 'published',
      source: 'source',
      period_note: 'period note',
      monitoring: 'monitoring',
      translation_es: 'spanish texts',
      title_es: 'spanish title',
    },
    translation: { official: 'official', project: 'project', unspecified: 'unspecified' },
    priorities: ['Priority', 'Title', 'Text', 'GCM objectives', 'Notes', 'Title (Spanish)', 'Text (Spanish)', 'Notes (Spanish)'],
    activities: ['Priority', 'No.', 'Activity', 'References', 'Entity in charge', 'Scheduling', 'Kind', 'Notes', 'Text (Spanish)', 'Notes (Spanish)'],
    kinds: { meeting: 'meeting', deadline: 'deadline' },
  },
  es: {
    sheets: { plan: 'Plan', priorities: 'Prioridades', activities: 'Actividades' },
    files: { plan: 'plan.csv', priorities: 'prioridades.csv', activities: 'actividades.csv' },
    plan: ['Campo', 'Valor'],
    fields: {
      id: 'id',
      title: 'título',
      network: 'red',
      start: 'inicio',
      end: 'fin',
      endorsed: 'aprobado',
      language: 'idioma',
      co_leads: 'copresidencia',
      published: 'publicado',
      source: 'fuente',
      period_note: 'nota del periodo',
      monitoring: 'seguimiento',
      translation_es: 'textos en español',
      title_es: 'título en español',
    },
    translation: { official: 'oficial', project: 'proyecto', unspecified: 'sin indicar' },
    priorities: ['Prioridad', 'Título', 'Texto', 'Objetivos del Pacto', 'Notas', 'Título (español)', 'Texto (español)', 'Notas (español)'],
    activities: ['Prioridad', 'No.', 'Actividad', 'Referencias', 'Entidad a cargo', 'Calendario', 'Tipo', 'Notas', 'Texto (inglés)', 'Notas (español)'],
    kinds: { meeting: 'reunión', deadline: 'plazo' },
  },
} as const;

/** The language a plan's texts are in: Spanish when every activity has its Spanish text. */
export function planLanguage(plan: PlanFile): TableLanguage {
  const activities = plan.priorities.flatMap((p) => p.activities);
  return activities.length > 0 && activities.every((a) => a.text_es !== undefined) ? 'es' : 'en';
}

/** The Plan sheet's rows: a field and its value each, the optional ones only when the plan has them. */
function planSheetRows(plan: PlanFile, language: TableLanguage): string[][] {
  const w = words[language];
  const f = w.fields;
  return [
    [...w.plan],
    [f.id, plan.id],
    [f.title, plan.title],
    ...(plan.title_es ? [[f.title_es, plan.title_es]] : []),
    [f.network, plan.network],
    [f.start, plan.period.start],
    [f.end, plan.period.end],
    ...(plan.endorsed ? [[f.endorsed, plan.endorsed]] : []),
    [f.language, language],
    ...(plan.co_leads.length ? [[f.co_leads, plan.co_leads.join(', ')]] : []),
    ...(plan.published ? [[f.published, plan.published]] : []),
    ...(plan.source ? [[f.source, plan.source]] : []),
    ...(plan.period_note ? [[f.period_note, plan.period_note]] : []),
    ...(plan.monitoring ? [[f.monitoring, plan.monitoring]] : []),
    // Said whenever the texts are written in Spanish, so that reading them back does not take them for the plan's own.
    ...(plan.translation_es || language === 'es' ? [[f.translation_es, w.translation[plan.translation_es ?? 'unspecified']]] : []),
  ];
}

/**
 * The plan as its three tables, in `language` (headers, field names, kinds and the Entity cell's labels), with
 * every field the plan has, its Spanish titles, texts and notes included: read back, it is the same plan.
 */
export function planToTables(plan: PlanFile, language: TableLanguage = planLanguage(plan), file = ''): Tables {
  const w = words[language];
  const planRows = planSheetRows(plan, language);
  const priorityRows: string[][] = [
    [...w.priorities],
    ...plan.priorities.map((p) => [p.id, p.title, p.text, p.objectives.join(', '), p.note ?? '', p.title_es ?? '', p.text_es ?? '', p.note_es ?? '']),
  ];
  const activityRows: string[][] = [[...w.activities]];
  for (const p of plan.priorities) {
    for (const a of p.activities) {
      const [main, other] = language === 'es' ? [a.text_es ?? a.text, a.text === a.text_es ? '' : a.text] : [a.text, a.text_es ?? ''];
      activityRows.push([
        p.id,
        a.id.slice(1),
        main,
        a.references.join('\n'),
        writeEntity({ lead: a.lead, support: a.support }, language),
        a.schedule.text,
        w.kinds[a.kind],
        a.note ?? '',
        other,
        a.note_es ?? '',
      ]);
    }
  }
  return {
    plan: { file, sheet: w.sheets.plan, rows: planRows },
    priorities: { file, sheet: w.sheets.priorities, rows: priorityRows },
    activities: { file, sheet: w.sheets.activities, rows: activityRows },
  };
}

/**
 * Writes the tables as plan.csv, priorities.csv (prioridades.csv), activities.csv (actividades.csv), each cell
 * a spreadsheet would run as a formula neutralised (csvCellText; readCsvFolder reads it back as it was).
 */
export async function writeCsvFolder(tables: Tables, folder: string, language: TableLanguage): Promise<string[]> {
  // Loaded on first use: the running bot never writes a CSV table.
  const { stringify } = await import('csv-stringify/sync');
  mkdirSync(folder, { recursive: true });
  const w = words[language];
  return (['plan', 'priorities', 'activities'] as const).map((key) => {
    const file = path.join(folder, w.files[key]);
    writeFileSync(
      file,
      stringify(
        tables[key].rows.map((row) => row.map(csvCellText)),
        { record_delimiter: 'windows' },
      ),
    );
    return file;
  });
}

const widths: Record<string, number[]> = {
  plan: [18, 90],
  priorities: [12, 50, 80, 20, 30, 50, 80, 30],
  activities: [10, 7, 70, 45, 45, 35, 11, 30, 50, 30],
};

function addSheet(wb: ExcelJS.Workbook, t: Table, key: keyof typeof widths) {
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const row of t.rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c, i) => {
    c.width = widths[key]?.[i] ?? 20;
    c.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** The tables as an .xlsx workbook (sheets Plan, Priorities, Activities or their Spanish names). */
export async function workbookBuffer(tables: Tables): Promise<Buffer> {
  // Loaded on first use: the running bot never writes a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'gcm-workplan-bot';
  // Fixed dates: the same plan gives the same workbook.
  wb.created = new Date(Date.UTC(2023, 4, 31));
  wb.modified = wb.created;
  addSheet(wb, tables.plan, 'plan');
  addSheet(wb, tables.priorities, 'priorities');
  addSheet(wb, tables.activities, 'activities');
  return fixedZipDates(Buffer.from(await wb.xlsx.writeBuffer()), wb.created);
}

/**
 * The zip again with every part dated `date`: exceljs dates them now, so that the same plan would give other
 * bytes each time (and the tracked templates would show as modified after every `npm run templates`).
 */
async function fixedZipDates(bytes: Buffer, date: Date): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  for (const part of Object.values(zip.files)) part.date = date;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

export async function writeWorkbook(tables: Tables, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, await workbookBuffer(tables));
}
