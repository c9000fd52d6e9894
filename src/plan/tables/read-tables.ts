import type { Problem } from '../load.js';
import { planFileSchema, type AgenciesFile, type PlanFile } from '../schema.js';
import { agencyNames, fold, inferKind, readEntity, readKind, readPriorityId, readSchedule, workstreamsOf } from './wording.js';

// The plan's three tables (Plan, Priorities, Activities), from a workbook or a folder of CSV files, read
// into the PlanFile the YAML gives. Every problem names its cell: FILE:SHEET:ROW:COLUMN.

/** One sheet: its rows as text, the first one the headers. Row n of `rows` is the spreadsheet's row n+1. */
export interface Table {
  file: string;
  sheet: string;
  rows: string[][];
}

export interface Tables {
  plan: Table;
  priorities: Table;
  activities: Table;
}

/** Something the import decided for a cell, to tell the person importing (and `# CHECK` in --draft). */
export interface Remark {
  /** Path in the PlanFile: ['priorities', 0, 'activities', 1, 'kind']. */
  path: (string | number)[];
  where: string;
  message: string;
  /** A reading made with a guess (inferred kind, a year from the plan's period), to review. */
  guess: boolean;
}

export type TablesReading = { ok: true; plan: PlanFile; remarks: Remark[] } | { ok: false; problems: Problem[] };

export const sheetNames = {
  plan: ['plan'],
  priorities: ['priorities', 'prioridades'],
  activities: ['activities', 'actividades'],
} as const;

type Column = { key: string; names: string[]; required: boolean };

const planColumns: Column[] = [
  { key: 'field', names: ['field', 'campo'], required: true },
  { key: 'value', names: ['value', 'valor'], required: true },
];
const priorityColumns: Column[] = [
  { key: 'priority', names: ['priority', 'prioridad', 'id'], required: true },
  { key: 'title', names: ['title', 'titulo'], required: true },
  { key: 'text', names: ['text', 'texto'], required: false },
  {
    key: 'objectives',
    names: ['gcm objectives', 'objectives', 'compact objectives', 'objetivos del pacto', 'objetivos del pmm', 'objetivos'],
    required: false,
  },
  { key: 'note', names: ['notes', 'note', 'notas', 'nota'], required: false },
  { key: 'title_es', names: ['title (spanish)', 'titulo (espanol)', 'spanish title', 'titulo en espanol'], required: false },
  { key: 'text_es', names: ['text (spanish)', 'texto (espanol)', 'spanish text', 'texto en espanol'], required: false },
  { key: 'note_es', names: ['notes (spanish)', 'notas (espanol)', 'note (spanish)', 'nota (espanol)'], required: false },
];
const activityColumns: Column[] = [
  { key: 'priority', names: ['priority', 'prioridad'], required: true },
  { key: 'number', names: ['no.', 'no', 'id', 'n.o', 'n°', 'nº', 'number', 'numero', 'num.'], required: false },
  { key: 'text', names: ['activity', 'actividad'], required: true },
  {
    key: 'references',
    names: ['references', 'referencias', 'global network plan and other references', 'plan de la red mundial y otras referencias'],
    required: true,
  },
  { key: 'entity', names: ['entity in charge', 'entidad a cargo', 'entidad responsable'], required: true },
  { key: 'schedule', names: ['scheduling', 'schedule', 'calendario', 'cronograma'], required: true },
  { key: 'kind', names: ['kind', 'tipo'], required: false },
  { key: 'note', names: ['notes', 'note', 'notas', 'nota'], required: false },
  {
    key: 'other',
    names: ['text (spanish)', 'text (english)', 'texto (ingles)', 'texto (espanol)', 'spanish text', 'english text', 'texto en ingles', 'texto en espanol'],
    required: false,
  },
  { key: 'note_es', names: ['notes (spanish)', 'notas (espanol)', 'note (spanish)', 'nota (espanol)'], required: false },
];

const planFields: Record<string, string[]> = {
  id: ['id'],
  title: ['title', 'titulo'],
  network: ['network', 'red'],
  start: ['start', 'inicio'],
  end: ['end', 'fin'],
  endorsed: ['endorsed', 'aprobado'],
  language: ['language', 'idioma'],
  co_leads: ['co-leads', 'co leads', 'co_leads', 'co-chairs', 'copresidencia', 'codireccion', 'co-lideres'],
  published: ['published', 'publicado'],
  source: ['source', 'fuente'],
  period_note: ['period note', 'nota del periodo'],
  monitoring: ['monitoring', 'seguimiento'],
  translation_es: ['spanish texts', 'textos en espanol'],
  title_es: ['spanish title', 'titulo en espanol', 'title (spanish)', 'titulo (espanol)'],
};

/**
 * `translation_es` from the Plan sheet's `spanish texts` field (official/oficial, project/proyecto,
 * unspecified/sin indicar); without it, a plan written in Spanish holds its own texts (official).
 */
function translationOf(cell: string | undefined, language: string | null): { translation_es?: 'official' | 'project' } {
  const v = fold(cell ?? '');
  if (['official', 'oficial'].includes(v)) return { translation_es: 'official' };
  if (['project', 'proyecto', 'del proyecto'].includes(v)) return { translation_es: 'project' };
  if (['unspecified', 'sin indicar'].includes(v)) return {};
  return language === 'es' ? { translation_es: 'official' } : {};
}

/** A = 0, B = 1, … AA = 26. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellProblem(t: Table, row: number, col: number | null, message: string, header?: string): Problem {
  const h = header ?? (col !== null ? (t.rows[0]?.[col] ?? '') : '');
  return {
    file: `${t.file}:${t.sheet}:${row}${col !== null ? `:${columnLetter(col)}` : ''}`,
    path: h ? `(${h})` : '(row)',
    message,
  };
}

const headerKey = (h: string) =>
  fold(h)
    .replace(/\s*\(\s*/g, ' (')
    .replace(/\s*\)/g, ')');

function mapHeaders(t: Table, columns: Column[], problems: Problem[]): Map<string, number> | null {
  const header = t.rows[0] ?? [];
  const map = new Map<string, number>();
  let bad = false;
  header.forEach((h, i) => {
    if (h.trim() === '') return;
    const k = headerKey(h);
    const c = columns.find((col) => col.names.includes(k));
    if (!c) {
      problems.push(cellProblem(t, 1, i, `unknown column "${h}"; the columns are ${columns.map((col) => `"${col.names[0]}"`).join(', ')}`));
      bad = true;
    } else if (map.has(c.key)) {
      problems.push(cellProblem(t, 1, i, `column "${h}" appears twice`));
      bad = true;
    } else map.set(c.key, i);
  });
  for (const c of columns) {
    if (c.required && !map.has(c.key)) {
      problems.push(
        cellProblem(
          t,
          1,
          null,
          `missing column "${c.names[0]}" (or "${c.names.find((n) => /[ñáéíóú]|^(prioridad|actividad|referencias|entidad|calendario|campo|valor|titulo)/.test(n)) ?? c.names[1]}")`,
          'headers',
        ),
      );
      bad = true;
    }
  }
  return bad ? null : map;
}

/** The data rows (not the header, not wholly empty), with their spreadsheet row numbers. */
function dataRows(t: Table): { row: number; cells: string[] }[] {
  return t.rows
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(1)
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/**
 * Reads the three tables into a PlanFile, checked against the schema. Nothing is guessed silently: an
 * unreadable cell is a problem; a kind inferred or a year taken from the plan's period is a remark.
 */
export function readTables(tables: Tables, agencies: AgenciesFile): TablesReading {
  const problems: Problem[] = [];
  const remarks: Remark[] = [];
  const names = agencyNames(agencies);

  // ---- Plan ----
  const pt = tables.plan;
  const pcols = mapHeaders(pt, planColumns, problems);
  const fields = new Map<string, { value: string; row: number }>();
  if (pcols) {
    for (const { row, cells } of dataRows(pt)) {
      const name = (cells[pcols.get('field')!] ?? '').trim();
      const value = (cells[pcols.get('value')!] ?? '').trim();
      const key = Object.entries(planFields).find(([, ns]) => ns.includes(fold(name)))?.[0];
      if (!key) {
        problems.push(
          cellProblem(
            pt,
            row,
            pcols.get('field')!,
            `unknown field "${name}"; the fields are ${Object.values(planFields)
              .map((n) => n[0])
              .join(', ')}`,
          ),
        );
        continue;
      }
      if (fields.has(key)) problems.push(cellProblem(pt, row, pcols.get('field')!, `field "${name}" is given twice (rows ${fields.get(key)!.row} and ${row})`));
      fields.set(key, { value, row });
    }
    for (const req of ['id', 'title', 'network', 'start', 'end']) {
      if (!fields.get(req)?.value) problems.push(cellProblem(pt, 1, null, `missing field "${req}" (${planFields[req]!.join('/')})`, 'fields'));
    }
  }
  const languageCell = fields.get('language');
  const lang = languageCell ? fold(languageCell.value) : 'en';
  const language = ['es', 'spanish', 'espanol'].includes(lang) ? 'es' : ['en', 'english', 'ingles', ''].includes(lang) ? 'en' : null;
  if (language === null && pcols && languageCell)
    problems.push(cellProblem(pt, languageCell.row, pcols.get('value')!, `language "${languageCell.value}": expected en or es`));
  const period = { start: fields.get('start')?.value ?? '', end: fields.get('end')?.value ?? '' };
  const periodOk = /^\d{4}-\d{2}-\d{2}$/.test(period.start) && /^\d{4}-\d{2}-\d{2}$/.test(period.end);
  for (const k of ['start', 'end', 'endorsed'] as const) {
    const f = fields.get(k);
    if (f?.value && !/^\d{4}-\d{2}-\d{2}$/.test(f.value) && pcols)
      problems.push(cellProblem(pt, f.row, pcols.get('value')!, `"${f.value}": expected a date YYYY-MM-DD`));
  }

  // ---- Priorities ----
  const prt = tables.priorities;
  const prcols = mapHeaders(prt, priorityColumns, problems);
  const priorities: PlanFile['priorities'] = [];
  const priorityRow = new Map<string, number>();
  if (prcols) {
    const cell = (cells: string[], k: string) => (prcols.has(k) ? (cells[prcols.get(k)!] ?? '').trim() : '');
    for (const { row, cells } of dataRows(prt)) {
      const raw = cell(cells, 'priority');
      const id = readPriorityId(raw);
      if (!id) {
        problems.push(cellProblem(prt, row, prcols.get('priority')!, `"${raw}": expected a priority such as B1, T2, Basic 1 or Temática 2`));
        continue;
      }
      if (priorityRow.has(id)) {
        problems.push(cellProblem(prt, row, prcols.get('priority')!, `priority ${id} is also on row ${priorityRow.get(id)}`));
        continue;
      }
      priorityRow.set(id, row);
      const objectivesText = cell(cells, 'objectives').replace(/\.$/, '');
      const objectives: number[] = [];
      for (const part of objectivesText.split(/[,;\s]+|\by\b|\band\b/).filter((s) => s.trim() !== '')) {
        if (/^\d+$/.test(part)) objectives.push(Number(part));
        else problems.push(cellProblem(prt, row, prcols.get('objectives')!, `"${objectivesText}": expected GCM objective numbers such as 1, 8, 23`));
      }
      const title = cell(cells, 'title');
      const optional = Object.fromEntries((['title_es', 'text_es', 'note', 'note_es'] as const).flatMap((k) => (cell(cells, k) ? [[k, cell(cells, k)]] : [])));
      priorities.push({
        id,
        kind: id.startsWith('B') ? 'basic' : 'thematic',
        title,
        text: cell(cells, 'text') || title,
        objectives,
        ...optional,
        activities: [],
      });
    }
  }

  // ---- Activities ----
  const at = tables.activities;
  const acols = mapHeaders(at, activityColumns, problems);
  const activityRow = new Map<string, number>();
  const located = new Map<string, { table: Table; row: number; cols: Map<string, number> }>();
  priorities.forEach((p, i) => {
    if (prcols) located.set(`priorities[${i}]`, { table: prt, row: priorityRow.get(p.id)!, cols: prcols });
  });
  if (acols) {
    const cell = (cells: string[], k: string) => (acols.has(k) ? (cells[acols.get(k)!] ?? '').trim() : '');
    const col = (k: string) => acols.get(k) ?? null;
    for (const { row, cells } of dataRows(at)) {
      const bad = (k: string, message: string) => problems.push(cellProblem(at, row, col(k), message));
      const rawPriority = cell(cells, 'priority');
      const pid = readPriorityId(rawPriority);
      const pi = pid ? priorities.findIndex((p) => p.id === pid) : -1;
      if (!pid) bad('priority', `"${rawPriority}": expected a priority such as B1, T2, Basic 1 or Temática 2`);
      else if (pi < 0 && prcols) bad('priority', `priority ${pid} is not on the ${prt.sheet} sheet`);
      let text = cell(cells, 'text');
      let number = cell(cells, 'number');
      const prefix = /^(\d+)\s*\.\s*(\d+)\s*\.?\s+/.exec(text);
      if (prefix) {
        text = text.slice(prefix[0].length).trim();
        if (!number) number = `${prefix[1]}.${prefix[2]}`;
      }
      if (text === '') bad('text', 'empty activity: the activity has no text');
      let id: string | null = null;
      if (pid) {
        const n = /^(?:([BT])?(\d+)\.)?(\d+)\.?$/i.exec(number.replace(/\s/g, ''));
        if (!number)
          bad(
            acols.has('number') ? 'number' : 'text',
            `no activity number: start the text with the plan's number ("1.2. Organize…") or fill the ${acols.has('number') ? 'number' : '"No." column'}`,
          );
        else if (!n) bad(acols.has('number') ? 'number' : 'text', `"${number}": expected the plan's activity number, such as 1.2 or ${pid}.2`);
        else if (n[2] !== undefined && `${n[1] ? n[1].toUpperCase() : pid[0]}${Number(n[2])}` !== pid) {
          bad(acols.has('number') && cell(cells, 'number') ? 'number' : 'text', `activity ${number} is listed under priority ${pid}`);
        } else id = `${pid}.${Number(n[3])}`;
      }
      if (id && activityRow.has(id)) {
        problems.push(cellProblem(at, row, col('number') ?? col('text'), `two rows with one id: ${id} is also on row ${activityRow.get(id)}`));
        id = null;
      }
      const schedule = readSchedule(cell(cells, 'schedule'), periodOk ? period : { start: '2000-01-01', end: '2000-12-31' });
      if (!schedule.ok) bad('schedule', `${schedule.message} ("${cell(cells, 'schedule')}")`);
      const entity = readEntity(cell(cells, 'entity'), names);
      if (!entity.ok) bad('entity', `${entity.message} ("${cell(cells, 'entity')}")`);
      const kindCell = cell(cells, 'kind');
      let kind = kindCell ? readKind(kindCell) : null;
      if (kindCell && !kind) bad('kind', `"${kindCell}": expected meeting/reunión or deadline/plazo`);
      if (!id || pi < 0 || !schedule.ok || !entity.ok || (kindCell && !kind)) continue;
      activityRow.set(id, row);
      const p = priorities[pi]!;
      const ai = p.activities.length;
      const base = ['priorities', pi, 'activities', ai];
      const where = `${at.file}:${at.sheet}:${row}`;
      if (!kind) {
        const inferred = inferKind(text, schedule.value.text);
        kind = inferred.kind;
        remarks.push({
          path: [...base, 'kind'],
          where: `${where}:${columnLetter(col('text')!)}`,
          message: `${id}: kind ${kind}, inferred: ${inferred.because} (fill the Kind column to choose)`,
          guess: true,
        });
      }
      if (schedule.guess)
        remarks.push({
          path: [...base, 'schedule'],
          where: `${where}:${columnLetter(col('schedule')!)}`,
          message: `${id}: ${schedule.guess} ("${schedule.value.text}")`,
          guess: true,
        });
      if (entity.note)
        remarks.push({ path: [...base, 'lead'], where: `${where}:${columnLetter(col('entity')!)}`, message: `${id}: ${entity.note}`, guess: false });
      const references = cell(cells, 'references')
        .split(/\r?\n/)
        .map((r) => r.trim())
        .filter((r) => r !== '' && !/^(-\s*)+$/.test(r));
      const other = cell(cells, 'other');
      const note = cell(cells, 'note');
      const noteEs = cell(cells, 'note_es');
      const texts = language === 'es' ? { text: other || text, text_es: text } : { text, ...(other ? { text_es: other } : {}) };
      located.set(`priorities[${pi}].activities[${ai}]`, { table: at, row, cols: acols });
      p.activities.push({
        id,
        ...texts,
        references,
        workstreams: workstreamsOf(references),
        lead: entity.value.lead,
        support: entity.value.support,
        kind,
        schedule: schedule.value,
        ...(note ? { note } : {}),
        ...(noteEs ? { note_es: noteEs } : {}),
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const value = (k: string) => fields.get(k)?.value || undefined;
  const raw = {
    id: value('id'),
    title: value('title'),
    ...(value('title_es') ? { title_es: value('title_es') } : {}),
    network: value('network'),
    co_leads: (value('co_leads') ?? '')
      .split(/[,;]+|\s+(?:and|y)\s+/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const r = readEntity(s, names);
        return r.ok && r.value.lead.agencies.length === 1 ? r.value.lead.agencies[0]! : s;
      }),
    ...(value('published') ? { published: value('published') } : {}),
    ...(value('endorsed') ? { endorsed: value('endorsed') } : {}),
    ...(value('source') ? { source: value('source') } : {}),
    period,
    ...(value('period_note') ? { period_note: value('period_note') } : {}),
    ...(value('monitoring') ? { monitoring: value('monitoring') } : {}),
    // Who wrote the Spanish texts, when the Plan sheet says; a plan written in Spanish: its own (official).
    ...translationOf(value('translation_es'), language),
    priorities,
  };
  const parsed = planFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        locate(
          issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s)),
          issue.message,
        ),
      ),
    };
  }
  return { ok: true, plan: parsed.data, remarks };

  function locate(path: (string | number)[], message: string): Problem {
    return locateProblem(tables, fields, located, pcols, path, message);
  }
}

type Located = Map<string, { table: Table; row: number; cols: Map<string, number> }>;

const fieldColumn: Record<string, string> = {
  text: 'text',
  text_es: 'other',
  title: 'title',
  references: 'references',
  workstreams: 'references',
  lead: 'entity',
  support: 'entity',
  kind: 'kind',
  schedule: 'schedule',
  note: 'note',
  objectives: 'objectives',
  id: 'priority',
};

/** The cell a path of the PlanFile came from: a schema or cross-check problem named by sheet, row and column. */
function locateProblem(
  tables: Tables,
  fields: Map<string, { value: string; row: number }>,
  located: Located,
  pcols: Map<string, number> | null,
  path: (string | number)[],
  message: string,
): Problem {
  if (path[0] === 'priorities' && typeof path[1] === 'number') {
    const isActivity = path[2] === 'activities' && typeof path[3] === 'number';
    const key = isActivity ? `priorities[${path[1]}].activities[${path[3]}]` : `priorities[${path[1]}]`;
    const loc = located.get(key);
    if (loc) {
      const field = String(path[isActivity ? 4 : 2] ?? '');
      const colKey = isActivity && field === 'id' ? (loc.cols.has('number') ? 'number' : 'text') : (fieldColumn[field] ?? '');
      const col = loc.cols.get(colKey);
      const text = col !== undefined ? (loc.table.rows[loc.row - 1]?.[col] ?? '') : '';
      return cellProblem(loc.table, loc.row, col ?? null, text ? `${message} ("${text}")` : message);
    }
  }
  const top = String(path[0] ?? '');
  const fieldName = top === 'period' ? String(path[1] ?? 'start') : top;
  const f = fields.get(fieldName);
  if (f && pcols) return cellProblem(tables.plan, f.row, pcols.get('value')!, `${message} ("${f.value}")`);
  return { file: `${tables.plan.file}:${tables.plan.sheet}`, path: `(${path.join('.') || 'plan'})`, message };
}

/** Maps the cross-checks' problems (paths in the PlanFile) to the cells they came from. */
export function locateCheckProblems(tables: Tables, plan: PlanFile, problems: Problem[]): Problem[] {
  // Rebuild the map from ids: each activity's row is found by reading its id back from the table.
  const reading = readTablesIndex(tables, plan);
  return problems.map((p) => {
    const segments = [...p.path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
    return locateProblem(tables, reading.fields, reading.located, reading.pcols, segments, p.message);
  });
}

function readTablesIndex(tables: Tables, plan: PlanFile) {
  const sink: Problem[] = [];
  const pcols = mapHeaders(tables.plan, planColumns, sink);
  const fields = new Map<string, { value: string; row: number }>();
  if (pcols) {
    for (const { row, cells } of dataRows(tables.plan)) {
      const key = Object.entries(planFields).find(([, ns]) => ns.includes(fold(cells[pcols.get('field')!] ?? '')))?.[0];
      if (key) fields.set(key, { value: (cells[pcols.get('value')!] ?? '').trim(), row });
    }
  }
  const located: Located = new Map();
  const prcols = mapHeaders(tables.priorities, priorityColumns, sink);
  const acols = mapHeaders(tables.activities, activityColumns, sink);
  if (prcols && acols) {
    const prows = dataRows(tables.priorities);
    const arows = dataRows(tables.activities);
    plan.priorities.forEach((p, pi) => {
      const pr = prows.find((r) => readPriorityId(r.cells[prcols.get('priority')!] ?? '') === p.id);
      if (pr) located.set(`priorities[${pi}]`, { table: tables.priorities, row: pr.row, cols: prcols });
      const mine = arows.filter((r) => readPriorityId(r.cells[acols.get('priority')!] ?? '') === p.id);
      p.activities.forEach((_, ai) => {
        const r = mine[ai];
        if (r) located.set(`priorities[${pi}].activities[${ai}]`, { table: tables.activities, row: r.row, cols: acols });
      });
    });
  }
  return { fields, located, pcols };
}
