import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { CORE_SCHEMA, YAMLException, load as loadYaml, parseEvents } from 'js-yaml';
import * as z from 'zod';
import { agencyResolver } from './agency-names.js';
import { hashText, referenceFiles, referenceHash } from './hash.js';
import { fileTooLarge, limitProblems, planLimits } from './limits.js';
import { planWhere, plainIssueList } from './plain.js';
import {
  activitySchema,
  agenciesFileSchema,
  gcmFileSchema,
  matrixFileSchema,
  planFileSchema,
  prioritySchema,
  scheduleSchema,
  type AgenciesFile,
  type GcmFile,
  type MatrixFile,
  type PlanFile,
} from './schema.js';

/**
 * One thing wrong with a data file: where (file, path inside it, line when known) and what. `where` names the
 * place in plain words when there is a better name than the path (`B1.2 schedule.months`, `T3 objectives`).
 */
export interface Problem {
  file: string;
  path: string;
  line?: number;
  message: string;
  where?: string;
}

/** A failure keeps `raw`, the data as parsed when only the schema failed: what the cross-checks can still read. */
export type Loaded<T> = { ok: true; value: T; hash: string } | { ok: false; problems: Problem[]; raw?: unknown };

export const dataFileKinds = ['plan', 'agencies', 'gcm', 'matrix'] as const;
export type DataFileKind = (typeof dataFileKinds)[number];

const schemas = {
  plan: planFileSchema,
  agencies: agenciesFileSchema,
  gcm: gcmFileSchema,
  matrix: matrixFileSchema,
} as const;

/**
 * The `yaml` library, loaded on first use: a file is parsed with js-yaml, and again with `yaml` only when it has
 * problems, to give each its line. The running bot, whose plan is valid, never loads it (about 1 MB).
 */
let yamlLibrary: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** `source` parsed by `yaml`, with its line counter: where each problem's line comes from. */
function parseWithLines(source: string, options: { prettyErrors?: boolean; uniqueKeys?: boolean } = {}): ParsedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  return { doc: parseDocument(source, { lineCounter: lines, ...options }), lines };
}

interface ParsedYaml {
  doc: Document;
  lines: LineCounter;
}

/** `a.b[2].c` from a path of keys and indexes. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${String(s)}` : String(s);
  return out || '(top level)';
}

/** The line of the YAML node at `segments`, or of its nearest parent present in the file. */
export function lineOf(parsed: ParsedYaml, segments: readonly PropertyKey[]): number | undefined {
  for (let n = segments.length; n >= 0; n--) {
    const node = parsed.doc.getIn(segments.slice(0, n) as unknown[], true);
    if (yaml().isNode(node) && node.range) return parsed.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** `priorities[2].id` → ['priorities', 2, 'id']. */
export function parsePath(p: string): (string | number)[] {
  return [...p.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** Adds the line of each problem's path in `file`, where the file can be read and parsed. */
export function withLines(problems: Problem[]): Problem[] {
  const parsed = new Map<string, ParsedYaml | null>();
  return problems.map((p) => {
    if (p.line !== undefined || p.path.startsWith('(')) return p;
    if (!parsed.has(p.file)) {
      try {
        parsed.set(p.file, parseWithLines(readFileSync(p.file, 'utf8')));
      } catch {
        parsed.set(p.file, null);
      }
    }
    const y = parsed.get(p.file);
    return y ? { ...p, line: lineOf(y, parsePath(p.path)) } : p;
  });
}

/** Which kind of data file this is, from its top-level keys. */
export function detectKind(value: unknown): DataFileKind {
  if (value && typeof value === 'object') {
    if ('agencies' in value) return 'agencies';
    if ('objectives' in value) return 'gcm';
    if ('issues' in value && 'columns' in value) return 'matrix';
  }
  return 'plan';
}

/**
 * Parses YAML text and validates it against the schema of `kind` ('auto': detected from its keys). Parsing
 * uses js-yaml (core schema: dates stay strings; duplicate keys are errors), several times faster than the
 * `yaml` library on large plans; a file that starts with `{` is read as JSON (YAML's subset), faster still.
 * Only when there are problems is the file parsed again with `yaml` to give each one its line. `hash`: the
 * text's hash (hashText's) when the caller has it already.
 */
export function parseDataText<K extends DataFileKind>(
  source: string,
  file: string,
  kind: K | 'auto',
  hash?: string,
): Loaded<{ kind: DataFileKind; data: unknown }> {
  let raw: unknown;
  try {
    // maxAliases 0: a plan needs no aliases, and one long string reused through them imports as gigabytes.
    raw = /^\s*\{/.test(source) ? JSON.parse(source) : loadYaml(source, { schema: CORE_SCHEMA, filename: file, maxAliases: 0 });
  } catch (e) {
    const anchors = anchorProblem(source, file, e);
    return { ok: false, problems: anchors ? [anchors] : syntaxProblems(source, file, e) };
  }
  const anchored = source.includes('&') ? anchorProblem(source, file, null) : null;
  if (anchored) return { ok: false, problems: [anchored] };
  const over = limitProblems(raw);
  if (over.length > 0) {
    const parsed = parseWithLines(source);
    return { ok: false, problems: over.map((o) => ({ file, path: formatPath(o.segments), line: lineOf(parsed, o.segments), message: o.message })) };
  }
  const actual = kind === 'auto' ? detectKind(raw) : kind;
  const schema = schemas[actual] as z.ZodType;
  const result = schema.safeParse(raw);
  if (!result.success) {
    const parsed = parseWithLines(source);
    const problems = plainIssueList(result.error.issues, raw, schema).map((p) => ({
      file,
      path: formatPath(p.issue.path),
      line: lineOf(parsed, p.segments),
      message: p.message,
      ...(actual === 'plan' ? { where: planWhere(raw, p.whereSegments) } : p.whereSegments !== p.issue.path ? { where: formatPath(p.whereSegments) } : {}),
    }));
    return { ok: false, problems: byLine(problems), raw };
  }
  return { ok: true, value: { kind: actual, data: result.data }, hash: hash ?? hashText(source) };
}

const noAnchors = 'anchors and aliases (&name, *name) are not allowed in data files: write each value out';

/**
 * The refusal of a YAML anchor or alias, with its line: `e` is js-yaml's error (an alias, refused by
 * maxAliases 0), or null to look for an anchor in a file that parsed (an anchor alone is harmless, but refused
 * too, so that the rule is simple to state).
 */
function anchorProblem(source: string, file: string, e: unknown): Problem | null {
  if (e !== null) {
    if (!(e instanceof YAMLException) || !/alias/i.test(e.reason)) return null;
    return { file, path: '(yaml)', ...(e.mark ? { line: e.mark.line + 1 } : {}), message: noAnchors };
  }
  // Source ranges are -1 when absent: the first node that declares an anchor.
  const first = parseEvents(source, {}).find((ev) => 'anchorStart' in ev && ev.anchorStart >= 0);
  if (!first || !('anchorStart' in first)) return null;
  const offset = first.anchorStart;
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return { file, path: '(yaml)', line, message: noAnchors };
}

/**
 * The first syntax error of a file, with its line (from the `yaml` library). Only the first: after one slip (an
 * unclosed quote) the parser's further complaints are about its own tokens, not the person's mistakes, so
 * checking stops there.
 */
function syntaxProblems(source: string, file: string, e: unknown): Problem[] {
  const { doc, lines } = parseWithLines(source, { prettyErrors: false, uniqueKeys: true });
  const [first] = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]).concat(doc.warnings);
  const problems = first
    ? [{ file, path: '(yaml)', line: first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line, message: first.message.split('\n')[0] ?? first.message }]
    : [];
  if (problems.length > 0) return problems;
  const mark = e instanceof YAMLException ? e.mark : undefined;
  const message = e instanceof YAMLException ? e.reason : e instanceof Error ? e.message : String(e);
  return [{ file, path: '(yaml)', ...(mark ? { line: mark.line + 1 } : {}), message }];
}

export { hashText };

/** Reads and validates one data file. A missing or unreadable file is a problem, not an exception. */
export function loadDataFile(file: string, kind: DataFileKind | 'auto' = 'auto'): Loaded<{ kind: DataFileKind; data: unknown }> {
  let read: { source: string; hash?: string };
  try {
    const tooLarge = fileTooLarge(statSync(file).size, planLimits.fileBytes);
    if (tooLarge) return { ok: false, problems: [{ file, path: '(file)', message: tooLarge }] };
    read = readText(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      problems: [{ file, path: '(file)', message: code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})` }],
    };
  }
  return parseDataText(read.source, file, kind, read.hash);
}

/**
 * A file's text (UTF-8) and, when its bytes are valid UTF-8, their hash as read: the same as hashText of the
 * text, which would encode it all again (76 MB at 100,000 activities). The bytes are not kept for the parse.
 */
function readText(file: string): { source: string; hash?: string } {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  return isUtf8(bytes) ? { source, hash: hashText(bytes) } : { source };
}

/** The reference files every plan is read against, all validated. */
export interface Reference {
  gcm: GcmFile;
  agencies: AgenciesFile;
  matrix: MatrixFile;
  hash: string;
}

/** A plan with the reference data it was checked against: what an import takes. */
export interface Bundle {
  reference: Reference;
  plan: PlanFile;
  planHash: string;
  planFile: string;
}

function loadTyped<T>(file: string, kind: DataFileKind): Loaded<T> {
  const r = loadDataFile(file, kind);
  return r.ok ? { ok: true, value: r.value.data as T, hash: r.hash } : r;
}

/** Loads data/gcm.yaml, data/agencies.yaml and data/matrix.yaml from `dataDir`, with cross-checks. */
export function loadReference(dataDir: string): Loaded<Reference> {
  const gcm = loadTyped<GcmFile>(path.join(dataDir, referenceFiles.gcm), 'gcm');
  const agencies = loadTyped<AgenciesFile>(path.join(dataDir, referenceFiles.agencies), 'agencies');
  const matrix = loadTyped<MatrixFile>(path.join(dataDir, referenceFiles.matrix), 'matrix');
  const problems = [gcm, agencies, matrix].flatMap((r) => (r.ok ? [] : r.problems));
  if (!gcm.ok || !agencies.ok || !matrix.ok) return { ok: false, problems };
  const reference = { gcm: gcm.value, agencies: agencies.value, matrix: matrix.value, hash: '' };
  const cross = checkReference(reference, dataDir);
  if (cross.length > 0) return { ok: false, problems: withLines(cross) };
  const hash = referenceHash(gcm.hash, agencies.hash, matrix.hash);
  return { ok: true, value: { ...reference, hash }, hash };
}

/** Problems in the order of the file: by file, then line (those without a line last). */
export function byLine(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((x, y) => x.p.file.localeCompare(y.p.file) || (x.p.line ?? Infinity) - (y.p.line ?? Infinity) || x.i - y.i)
    .map((x) => x.p);
}

/**
 * Every problem of a plan file read with `loadDataFile`: its syntax or schema problems and, on everything
 * that parsed (even when other parts did not), the cross-checks against the reference. With no problem, the
 * plan with its agencies resolved to canonical ids.
 */
export function checkLoadedPlan(
  loaded: Loaded<{ kind: DataFileKind; data: unknown }>,
  reference: Omit<Reference, 'hash'> | null,
  file: string,
): { problems: Problem[]; plan?: PlanFile } {
  if (loaded.ok) {
    const plan = loaded.value.data as PlanFile;
    if (!reference) return { problems: [] };
    const problems = withLines(checkPlan(plan, reference, file));
    return problems.length > 0 ? { problems: byLine(problems) } : { problems, plan: resolvePlan(plan, reference) };
  }
  const cross = reference && loaded.raw !== undefined ? withLines(checkRawPlan(loaded.raw, reference, file)) : [];
  return { problems: byLine([...loaded.problems, ...cross]) };
}

/** Loads a plan file and the reference data, and cross-checks the plan against it; agencies come back as ids. */
export function loadBundle(planFile: string, dataDir: string): Loaded<Bundle> {
  const reference = loadReference(dataDir);
  const loaded = loadDataFile(planFile, 'plan');
  const checked = checkLoadedPlan(loaded, reference.ok ? reference.value : null, planFile);
  const problems = [...(reference.ok ? [] : reference.problems), ...checked.problems];
  if (!reference.ok || !loaded.ok || !checked.plan || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { reference: reference.value, plan: checked.plan, planHash: loaded.hash, planFile }, hash: loaded.hash };
}

/** Cross-checks within the reference files: unique ids and aliases, matrix columns naming known agencies. */
export function checkReference(ref: Omit<Reference, 'hash'>, dataDir: string): Problem[] {
  const problems: Problem[] = [];
  const agenciesFile = path.join(dataDir, referenceFiles.agencies);
  const gcmFile = path.join(dataDir, referenceFiles.gcm);
  const matrixFile = path.join(dataDir, referenceFiles.matrix);
  const seenNumbers = new Set<number>();
  ref.gcm.objectives.forEach((o, i) => {
    if (seenNumbers.has(o.number)) problems.push({ file: gcmFile, path: `objectives[${i}].number`, message: `duplicate objective ${o.number}` });
    seenNumbers.add(o.number);
  });
  const ids = new Set<string>();
  const names = new Map<string, string>();
  ref.agencies.agencies.forEach((a, i) => {
    if (ids.has(a.id)) problems.push({ file: agenciesFile, path: `agencies[${i}].id`, message: `duplicate agency id ${a.id}` });
    ids.add(a.id);
    for (const name of [a.id, a.acronym_es, ...a.aliases]) {
      if (!name) continue;
      const key = name.toLowerCase();
      const owner = names.get(key);
      if (owner && owner !== a.id) {
        problems.push({ file: agenciesFile, path: `agencies[${i}]`, message: `name "${name}" is used by both ${owner} and ${a.id}` });
      }
      names.set(key, a.id);
    }
  });
  ref.matrix.columns.forEach((c, i) => {
    if (!ids.has(c.agency)) problems.push({ file: matrixFile, path: `columns[${i}].agency`, message: `unknown agency "${c.agency}"` });
  });
  const columnAgencies = new Set(ref.matrix.columns.map((c) => c.agency));
  ref.matrix.issues.forEach((issue, i) => {
    for (const id of Object.keys(issue.marks)) {
      if (!columnAgencies.has(id)) problems.push({ file: matrixFile, path: `issues[${i}].marks.${id}`, message: `"${id}" is not a column of the matrix` });
    }
  });
  return problems;
}

/** What the cross-checks read of a plan: any part may be missing (it did not pass the schema). */
export interface LoosePlan {
  period?: { start: string; end: string } | undefined;
  co_leads?: readonly (string | undefined)[] | undefined;
  priorities?: readonly (LoosePriority | undefined)[] | undefined;
}
export interface LoosePriority {
  id?: string | undefined;
  kind?: 'basic' | 'thematic' | undefined;
  objectives?: readonly (number | undefined)[] | undefined;
  activities?: readonly (LooseActivity | undefined)[] | undefined;
}
export interface LooseActivity {
  id?: string | undefined;
  lead?: { agencies?: readonly (string | undefined)[] | undefined; wording?: string | undefined } | undefined;
  support?: { agencies?: readonly (string | undefined)[] | undefined } | undefined;
  schedule?: PlanFile['priorities'][number]['activities'][number]['schedule'] | undefined;
}

function pick<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function each<T>(value: unknown, f: (item: unknown) => T): T[] | undefined {
  return Array.isArray(value) ? value.map(f) : undefined;
}

/** The parts of raw plan data that pass the schema, each on its own, in their places. */
export function salvagePlan(raw: unknown): LoosePlan {
  const plan = planFileSchema.shape;
  const priority = prioritySchema.shape;
  const activity = activitySchema.shape;
  const name = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  return {
    period: pick(plan.period, field(raw, 'period')),
    co_leads: each(field(raw, 'co_leads'), name),
    priorities: each(field(raw, 'priorities'), (p) => ({
      id: pick(priority.id, field(p, 'id')),
      kind: pick(priority.kind, field(p, 'kind')),
      objectives: each(field(p, 'objectives'), (n) => pick(z.number().int(), n)),
      activities: each(field(p, 'activities'), (a) => ({
        id: pick(activity.id, field(a, 'id')),
        lead: {
          agencies: each(field(field(a, 'lead'), 'agencies'), name),
          wording: pick(z.string().trim(), field(field(a, 'lead'), 'wording')),
        },
        support: { agencies: each(field(field(a, 'support'), 'agencies'), name) },
        schedule: pick(scheduleSchema, field(a, 'schedule')),
      })),
    })),
  };
}

/** The cross-checks on whatever parts of a plan file passed the schema: one bad activity hides no other. */
export function checkRawPlan(raw: unknown, ref: Omit<Reference, 'hash'>, file: string): Problem[] {
  return crossCheckPlan(salvagePlan(raw), ref, file, raw);
}

/** Cross-checks a plan against the reference: known agencies and objectives, unique and well-placed ids, dates. */
export function checkPlan(plan: PlanFile, ref: Omit<Reference, 'hash'>, file: string): Problem[] {
  return crossCheckPlan(plan, ref, file, plan);
}

/** The plan with every agency name (OIM, CEPAL, "UN-Habitat"…) replaced by its id; names that do not resolve stay as written. */
export function resolvePlan(plan: PlanFile, ref: Pick<Reference, 'agencies'>): PlanFile {
  const resolve = agencyResolver(ref.agencies);
  const ids = (names: string[]) =>
    names.map((n) => {
      const r = resolve(n);
      return r.ok ? r.id : n;
    });
  return {
    ...plan,
    co_leads: ids(plan.co_leads),
    priorities: plan.priorities.map((p) => ({
      ...p,
      activities: p.activities.map((a) => ({
        ...a,
        lead: { ...a.lead, agencies: ids(a.lead.agencies) },
        support: { ...a.support, agencies: ids(a.support.agencies) },
      })),
    })),
  };
}

function crossCheckPlan(plan: LoosePlan, ref: Omit<Reference, 'hash'>, file: string, labels: unknown): Problem[] {
  const problems: Problem[] = [];
  const at = (p: string, message: string) => problems.push({ file, path: p, where: planWhere(labels, parsePath(p)), message });
  const resolve = agencyResolver(ref.agencies);
  const agencies = (list: readonly (string | undefined)[] | undefined, p: string) => {
    const seen = new Map<string, string>();
    list?.forEach((name, i) => {
      if (name === undefined) return;
      const r = resolve(name);
      if (!r.ok) at(`${p}[${i}]`, r.message);
      else if (seen.has(r.id))
        at(`${p}[${i}]`, seen.get(r.id) === name ? `${name} is listed twice` : `${name} is ${r.id}, already listed as ${seen.get(r.id)}`);
      else seen.set(r.id, name);
    });
  };
  const objectiveNumbers = new Set(ref.gcm.objectives.map((o) => o.number));
  const maxObjective = Math.max(...objectiveNumbers);
  if (plan.period && plan.period.end < plan.period.start) at('period.end', `the period ends (${plan.period.end}) before it starts (${plan.period.start})`);
  agencies(plan.co_leads, 'co_leads');
  const priorityIds = new Set<string>();
  const activityIds = new Set<string>();
  plan.priorities?.forEach((p, pi) => {
    if (!p) return;
    const pp = `priorities[${pi}]`;
    if (p.id !== undefined) {
      if (priorityIds.has(p.id)) at(`${pp}.id`, `duplicate priority id ${p.id}`);
      priorityIds.add(p.id);
      if (p.kind && (p.kind === 'basic') !== p.id.startsWith('B')) at(`${pp}.id`, `a ${p.kind} priority's id starts with ${p.kind === 'basic' ? 'B' : 'T'}`);
    }
    p.objectives?.forEach((n, oi) => {
      if (n !== undefined && !objectiveNumbers.has(n)) at(`${pp}.objectives[${oi}]`, `the GCM has no objective ${n} (objectives are 1 to ${maxObjective})`);
    });
    const listed = p.objectives?.filter((n) => n !== undefined) ?? [];
    const twice = listed.find((n, i) => listed.indexOf(n) !== i);
    if (twice !== undefined) at(`${pp}.objectives`, `objective ${twice} is listed twice`);
    p.activities?.forEach((a, ai) => {
      if (a) checkActivity(a, `${pp}.activities[${ai}]`, p.id, { at, agencies, activityIds });
    });
  });
  return problems;
}

/** What an activity's checks share with the plan's: the problem sink, the agencies' check, the ids seen so far. */
interface ActivityChecks {
  at: (path: string, message: string) => void;
  agencies: (list: readonly (string | undefined)[] | undefined, path: string) => void;
  activityIds: Set<string>;
}

/** One activity: its id unique and under its priority's, its lead and support agencies known and each once, a lead given, then its schedule. */
function checkActivity(a: LooseActivity, ap: string, priorityId: string | undefined, { at, agencies, activityIds }: ActivityChecks): void {
  if (a.id !== undefined) {
    if (activityIds.has(a.id)) at(`${ap}.id`, `duplicate activity id ${a.id}`);
    activityIds.add(a.id);
    if (priorityId !== undefined && !a.id.startsWith(`${priorityId}.`))
      at(`${ap}.id`, `activity ${a.id} is listed under priority ${priorityId}: its id must start with ${priorityId}.`);
  }
  agencies(a.lead?.agencies, `${ap}.lead.agencies`);
  agencies(a.support?.agencies, `${ap}.support.agencies`);
  if (a.lead?.agencies?.length === 0 && a.lead.wording === '') at(`${ap}.lead`, "give the lead agencies or the plan's wording for them");
  if (a.schedule) checkSchedule(a.schedule, ap, at);
}

/** An activity's schedule: a range that does not end before it starts, tentative days its month has, recurring months each once. */
function checkSchedule(s: NonNullable<LooseActivity['schedule']>, ap: string, at: ActivityChecks['at']): void {
  if ((s.type === 'month_range' || s.type === 'date_range') && s.to < s.from) at(`${ap}.schedule.to`, `the range ends (${s.to}) before it starts (${s.from})`);
  if (s.type === 'tentative') {
    const [y, m] = s.month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    s.days.forEach((d, i) => {
      if (d > last) at(`${ap}.schedule.days[${i}]`, `${s.month} has no day ${d}`);
    });
  }
  if (s.type === 'recurring_months') {
    const month = s.months.find((n, i) => s.months.indexOf(n) !== i);
    if (month !== undefined) at(`${ap}.schedule.months`, `month ${month} is listed twice`);
  }
}
