import type { Problem } from '../load.js';
import { planFileSchema, type ActivityKind, type AgenciesFile, type PlanFile, type Schedule } from '../schema.js';
import { agencyNames, type AgencyNames, fold, inferKind, readEntity, readKind, readPriorityId, readSchedule, workstreamsOf } from './wording.js';

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

type Fields = Map<string, { value: string; row: number }>;
type Located = Map<string, { table: Table; row: number; cols: Map<string, number> }>;
const priorityProblem = (raw: string) => `"${raw}": expected a priority such as B1, T2, Basic 1 or Temática 2`;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** The Plan sheet: its fields by name, the language of the texts and the period (for years a schedule leaves out). */
interface PlanSheet {
  cols: Map<string, number> | null;
  fields: Fields;
  language: 'en' | 'es' | null;
  period: { start: string; end: string };
  periodOk: boolean;
}

/** The Plan sheet's rows, field by field; an unknown or repeated field, or a required one missing, is a problem. */
function readPlanFields(pt: Table, pcols: Map<string, number>, problems: Problem[]): Fields {
  const fields: Fields = new Map();
  for (const { row, cells } of dataRows(pt)) {
    const name = (cells[pcols.get('field')!] ?? '').trim();
    const value = (cells[pcols.get('value')!] ?? '').trim();
    const key = Object.entries(planFields).find(([, ns]) => ns.includes(fold(name)))?.[0];
    if (!key) {
      const known = Object.values(planFields)
        .map((n) => n[0])
        .join(', ');
      problems.push(cellProblem(pt, row, pcols.get('field')!, `unknown field "${name}"; the fields are ${known}`));
      continue;
    }
    if (fields.has(key)) problems.push(cellProblem(pt, row, pcols.get('field')!, `field "${name}" is given twice (rows ${fields.get(key)!.row} and ${row})`));
    fields.set(key, { value, row });
  }
  for (const req of ['id', 'title', 'network', 'start', 'end']) {
    if (!fields.get(req)?.value) problems.push(cellProblem(pt, 1, null, `missing field "${req}" (${planFields[req]!.join('/')})`, 'fields'));
  }
  return fields;
}

function readPlanSheet(pt: Table, problems: Problem[]): PlanSheet {
  const cols = mapHeaders(pt, planColumns, problems);
  const fields = cols ? readPlanFields(pt, cols, problems) : new Map();
  const languageCell = fields.get('language');
  const lang = languageCell ? fold(languageCell.value) : 'en';
  const language = ['es', 'spanish', 'espanol'].includes(lang) ? 'es' : ['en', 'english', 'ingles', ''].includes(lang) ? 'en' : null;
  if (language === null && cols && languageCell)
    problems.push(cellProblem(pt, languageCell.row, cols.get('value')!, `language "${languageCell.value}": expected en or es`));
  const period = { start: fields.get('start')?.value ?? '', end: fields.get('end')?.value ?? '' };
  for (const k of ['start', 'end', 'endorsed'] as const) {
    const f = fields.get(k);
    if (f?.value && !isoDay.test(f.value) && cols) problems.push(cellProblem(pt, f.row, cols.get('value')!, `"${f.value}": expected a date YYYY-MM-DD`));
  }
  return { cols, fields, language, period, periodOk: isoDay.test(period.start) && isoDay.test(period.end) };
}

/** The Priorities sheet: each row a priority (its activities added later), and the row each one is on. */
function readPrioritiesSheet(prt: Table, problems: Problem[]) {
  const cols = mapHeaders(prt, priorityColumns, problems);
  const priorities: PlanFile['priorities'] = [];
  const rows = new Map<string, number>();
  if (!cols) return { cols, priorities, rows };
  const cell = (cells: string[], k: string) => (cols.has(k) ? (cells[cols.get(k)!] ?? '').trim() : '');
  for (const { row, cells } of dataRows(prt)) {
    const raw = cell(cells, 'priority');
    const id = readPriorityId(raw);
    if (!id) {
      problems.push(cellProblem(prt, row, cols.get('priority')!, priorityProblem(raw)));
      continue;
    }
    if (rows.has(id)) {
      problems.push(cellProblem(prt, row, cols.get('priority')!, `priority ${id} is also on row ${rows.get(id)}`));
      continue;
    }
    rows.set(id, row);
    const objectivesText = cell(cells, 'objectives').replace(/\.$/, '');
    const objectives: number[] = [];
    for (const part of objectivesText.split(/[,;\s]+|\by\b|\band\b/).filter((x) => x.trim() !== '')) {
      if (/^\d+$/.test(part)) objectives.push(Number(part));
      else problems.push(cellProblem(prt, row, cols.get('objectives')!, `"${objectivesText}": expected GCM objective numbers such as 1, 8, 23`));
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
  return { cols, priorities, rows };
}

/** What reading the Activities sheet needs from the others, and where it records what it read. */
interface ActivitiesContext {
  at: Table;
  acols: Map<string, number>;
  prt: Table;
  prcols: Map<string, number> | null;
  priorities: PlanFile['priorities'];
  plan: PlanSheet;
  names: AgencyNames;
  activityRow: Map<string, number>;
  located: Located;
  problems: Problem[];
  remarks: Remark[];
}

/** One activity row's cells, by column key, with a way to report a problem at a column of it. */
function rowReader(ctx: ActivitiesContext, row: number, cells: string[]) {
  const { acols, at } = ctx;
  return {
    cell: (k: string) => (acols.has(k) ? (cells[acols.get(k)!] ?? '').trim() : ''),
    col: (k: string) => acols.get(k) ?? null,
    bad: (k: string, message: string) => ctx.problems.push(cellProblem(at, row, acols.get(k) ?? null, message)),
  };
}

type RowReader = ReturnType<typeof rowReader>;

/** The row's priority (its index in the plan) and its text without the plan's number, which it gives back. */
function activityPlace(ctx: ActivitiesContext, r: RowReader) {
  const rawPriority = r.cell('priority');
  const pid = readPriorityId(rawPriority);
  const pi = pid ? ctx.priorities.findIndex((p) => p.id === pid) : -1;
  if (!pid) r.bad('priority', priorityProblem(rawPriority));
  else if (pi < 0 && ctx.prcols) r.bad('priority', `priority ${pid} is not on the ${ctx.prt.sheet} sheet`);
  let text = r.cell('text');
  let number = r.cell('number');
  const prefix = /^(\d+)\s*\.\s*(\d+)\s*\.?\s+/.exec(text);
  if (prefix) {
    text = text.slice(prefix[0].length).trim();
    if (!number) number = `${prefix[1]}.${prefix[2]}`;
  }
  if (text === '') r.bad('text', 'empty activity: the activity has no text');
  return { pid, pi, text, number };
}

/** The activity's id from its priority and the plan's number, or null (after saying why). */
function activityId(ctx: ActivitiesContext, r: RowReader, row: number, pid: string | null, number: string): string | null {
  if (!pid) return null;
  const hasNumber = ctx.acols.has('number');
  const n = /^(?:([BT])?(\d+)\.)?(\d+)\.?$/i.exec(number.replace(/\s/g, ''));
  let id: string | null = null;
  if (!number)
    r.bad(
      hasNumber ? 'number' : 'text',
      `no activity number: start the text with the plan's number ("1.2. Organize…") or fill the ${hasNumber ? 'number' : '"No." column'}`,
    );
  else if (!n) r.bad(hasNumber ? 'number' : 'text', `"${number}": expected the plan's activity number, such as 1.2 or ${pid}.2`);
  else if (n[2] !== undefined && `${n[1] ? n[1].toUpperCase() : pid[0]}${Number(n[2])}` !== pid) {
    r.bad(hasNumber && r.cell('number') ? 'number' : 'text', `activity ${number} is listed under priority ${pid}`);
  } else id = `${pid}.${Number(n[3])}`;
  if (id && ctx.activityRow.has(id)) {
    ctx.problems.push(cellProblem(ctx.at, row, r.col('number') ?? r.col('text'), `two rows with one id: ${id} is also on row ${ctx.activityRow.get(id)}`));
    return null;
  }
  return id;
}

/** The readings of the cells that need one (schedule, entity, kind); each unreadable one said. */
function activityReadings(ctx: ActivitiesContext, r: RowReader) {
  const { plan } = ctx;
  const schedule = readSchedule(r.cell('schedule'), plan.periodOk ? plan.period : { start: '2000-01-01', end: '2000-12-31' });
  if (!schedule.ok) r.bad('schedule', `${schedule.message} ("${r.cell('schedule')}")`);
  const entity = readEntity(r.cell('entity'), ctx.names);
  if (!entity.ok) r.bad('entity', `${entity.message} ("${r.cell('entity')}")`);
  const kindCell = r.cell('kind');
  const kind = kindCell ? readKind(kindCell) : null;
  if (kindCell && !kind) r.bad('kind', `"${kindCell}": expected meeting/reunión or deadline/plazo`);
  return { schedule, entity, kind, kindOk: !kindCell || kind !== null };
}

/** The remarks of a read activity: an inferred kind, a year taken from the period, a lead kept as wording. */
function activityRemarks(ctx: ActivitiesContext, r: RowReader, base: (string | number)[], where: string, id: string, read: ReadActivity) {
  const letter = (k: string) => columnLetter(r.col(k)!);
  let kind = read.kind;
  if (!kind) {
    const inferred = inferKind(read.text, read.schedule.text);
    kind = inferred.kind;
    ctx.remarks.push({
      path: [...base, 'kind'],
      where: `${where}:${letter('text')}`,
      message: `${id}: kind ${kind}, inferred: ${inferred.because} (fill the Kind column to choose)`,
      guess: true,
    });
  }
  if (read.scheduleGuess)
    ctx.remarks.push({
      path: [...base, 'schedule'],
      where: `${where}:${letter('schedule')}`,
      message: `${id}: ${read.scheduleGuess} ("${read.schedule.text}")`,
      guess: true,
    });
  if (read.entityNote) ctx.remarks.push({ path: [...base, 'lead'], where: `${where}:${letter('entity')}`, message: `${id}: ${read.entityNote}`, guess: false });
  return kind;
}

interface ReadActivity {
  text: string;
  kind: ActivityKind | null;
  schedule: Schedule;
  scheduleGuess?: string;
  entityNote?: string;
}

/** One row of the Activities sheet into its priority, or problems at its cells. */
function readActivityRow(ctx: ActivitiesContext, row: number, cells: string[]): void {
  const r = rowReader(ctx, row, cells);
  const { pid, pi, text, number } = activityPlace(ctx, r);
  const id = activityId(ctx, r, row, pid, number);
  const { schedule, entity, kind, kindOk } = activityReadings(ctx, r);
  if (!id || pi < 0 || !schedule.ok || !entity.ok || !kindOk) return;
  ctx.activityRow.set(id, row);
  const p = ctx.priorities[pi]!;
  const ai = p.activities.length;
  const read: ReadActivity = { text, kind, schedule: schedule.value, scheduleGuess: schedule.guess, entityNote: entity.note };
  const chosenKind = activityRemarks(ctx, r, ['priorities', pi, 'activities', ai], `${ctx.at.file}:${ctx.at.sheet}:${row}`, id, read);
  const references = r
    .cell('references')
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter((x) => x !== '' && !/^(-\s*)+$/.test(x));
  const other = r.cell('other');
  const note = r.cell('note');
  const noteEs = r.cell('note_es');
  const texts = ctx.plan.language === 'es' ? { text: other || text, text_es: text } : { text, ...(other ? { text_es: other } : {}) };
  ctx.located.set(`priorities[${pi}].activities[${ai}]`, { table: ctx.at, row, cols: ctx.acols });
  p.activities.push({
    id,
    ...texts,
    references,
    workstreams: workstreamsOf(references),
    lead: entity.value.lead,
    support: entity.value.support,
    kind: chosenKind,
    schedule: schedule.value,
    ...(note ? { note } : {}),
    ...(noteEs ? { note_es: noteEs } : {}),
  });
}

/** The PlanFile's fields from the Plan sheet, with the priorities read; to be checked against the schema. */
function rawPlan(plan: PlanSheet, priorities: PlanFile['priorities'], names: AgencyNames) {
  const value = (k: string) => plan.fields.get(k)?.value || undefined;
  const optional = Object.fromEntries((['title_es', 'published', 'endorsed', 'source'] as const).flatMap((k) => (value(k) ? [[k, value(k)]] : [])));
  return {
    id: value('id'),
    title: value('title'),
    ...(optional.title_es ? { title_es: optional.title_es } : {}),
    network: value('network'),
    co_leads: (value('co_leads') ?? '')
      .split(/[,;]+|\s+(?:and|y)\s+/)
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => {
        const e = readEntity(x, names);
        return e.ok && e.value.lead.agencies.length === 1 ? e.value.lead.agencies[0]! : x;
      }),
    ...(optional.published ? { published: optional.published } : {}),
    ...(optional.endorsed ? { endorsed: optional.endorsed } : {}),
    ...(optional.source ? { source: optional.source } : {}),
    period: plan.period,
    ...(value('period_note') ? { period_note: value('period_note') } : {}),
    ...(value('monitoring') ? { monitoring: value('monitoring') } : {}),
    // Who wrote the Spanish texts, when the Plan sheet says; a plan written in Spanish: its own (official).
    ...translationOf(value('translation_es'), plan.language),
    priorities,
  };
}

/**
 * Reads the three tables into a PlanFile, checked against the schema. Nothing is guessed silently: an
 * unreadable cell is a problem; a kind inferred or a year taken from the plan's period is a remark.
 */
export function readTables(tables: Tables, agencies: AgenciesFile): TablesReading {
  const problems: Problem[] = [];
  const remarks: Remark[] = [];
  const names = agencyNames(agencies);
  const plan = readPlanSheet(tables.plan, problems);
  const prt = tables.priorities;
  const { cols: prcols, priorities, rows: priorityRow } = readPrioritiesSheet(prt, problems);
  const at = tables.activities;
  const acols = mapHeaders(at, activityColumns, problems);
  const located: Located = new Map();
  priorities.forEach((p, i) => {
    if (prcols) located.set(`priorities[${i}]`, { table: prt, row: priorityRow.get(p.id)!, cols: prcols });
  });
  if (acols) {
    const ctx: ActivitiesContext = { at, acols, prt, prcols, priorities, plan, names, activityRow: new Map(), located, problems, remarks };
    for (const { row, cells } of dataRows(at)) readActivityRow(ctx, row, cells);
  }
  if (problems.length > 0) return { ok: false, problems };
  const parsed = planFileSchema.safeParse(rawPlan(plan, priorities, names));
  if (!parsed.success) {
    const segments = (p: readonly PropertyKey[]) => p.map((x) => (typeof x === 'symbol' ? String(x) : x));
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => locateProblem(tables, plan.fields, located, plan.cols, segments(issue.path), issue.message)),
    };
  }
  return { ok: true, plan: parsed.data, remarks };
}

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
  return locateInRows(located, path, message) ?? locateInPlanSheet(tables, fields, pcols, path, message);
}

/** A path into a priority or an activity, named by its row in the Priorities or Activities sheet and the field's column; null when it is elsewhere or its row is unknown. */
function locateInRows(located: Located, path: (string | number)[], message: string): Problem | null {
  if (path[0] !== 'priorities' || typeof path[1] !== 'number') return null;
  const isActivity = path[2] === 'activities' && typeof path[3] === 'number';
  const key = isActivity ? `priorities[${path[1]}].activities[${path[3]}]` : `priorities[${path[1]}]`;
  const loc = located.get(key);
  if (!loc) return null;
  const field = String(path[isActivity ? 4 : 2] ?? '');
  const colKey = isActivity && field === 'id' ? (loc.cols.has('number') ? 'number' : 'text') : (fieldColumn[field] ?? '');
  const col = loc.cols.get(colKey);
  const text = col !== undefined ? (loc.table.rows[loc.row - 1]?.[col] ?? '') : '';
  return cellProblem(loc.table, loc.row, col ?? null, text ? `${message} ("${text}")` : message);
}

/** Any other path: the Plan sheet's row of its top field (the period's start or end), or the sheet itself when that row is not there. */
function locateInPlanSheet(
  tables: Tables,
  fields: Map<string, { value: string; row: number }>,
  pcols: Map<string, number> | null,
  path: (string | number)[],
  message: string,
): Problem {
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
