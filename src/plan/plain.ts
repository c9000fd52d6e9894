import type { z } from 'zod';

// Problems in plain words: where (an activity or priority id and a field, not `priorities[0].activities[1]`)
// and what (the value that is wrong and why), with the nearest known name when a name is misspelt.

/** Edit distance (insertions, deletions, substitutions, and swaps of two neighbours: `titel` is 1 from `title`), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[s.length]![t.length]!;
}

/** The candidates nearest to `word` by edit distance (ties kept, at most `limit`), closest first. */
export function nearest(word: string, candidates: readonly string[], limit = 3): { name: string; distance: number }[] {
  const scored = [...new Set(candidates)].map((name) => ({ name, distance: editDistance(word, name) }));
  scored.sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name));
  const best = scored[0]?.distance;
  if (best === undefined) return [];
  return scored.filter((s) => s.distance === best).slice(0, limit);
}

/** The one candidate close enough to be what was meant (a typo), or undefined. */
export function closeMatch(word: string, candidates: readonly string[]): string | undefined {
  const [first] = nearest(word, candidates, 1);
  if (!first) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return first.distance <= limit && first.distance < word.length ? first.name : undefined;
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** A value as the user wrote it: strings in quotes, numbers as they are. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** The value at `segments` inside `raw`, or undefined. */
export function valueAt(raw: unknown, segments: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[s];
  }
  return v;
}

function idOf(v: unknown): string | undefined {
  const id = v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** `schedule.months[0]` → `schedule.months`: the field, without list positions. */
function fieldPath(segments: readonly PropertyKey[]): string {
  return segments
    .filter((s) => typeof s !== 'number')
    .map(String)
    .join('.');
}

/**
 * Where a problem is, in the plan's own words: `B1.2 schedule.months`, `T3 objectives`, `period.end`, `the
 * plan`. Priorities and activities are named by their id (or `B1 activity 3` when the id itself is missing).
 */
export function planWhere(raw: unknown, segments: readonly PropertyKey[]): string {
  if (segments.length === 0) return 'the plan';
  if (segments[0] !== 'priorities' || typeof segments[1] !== 'number') return fieldPath(segments) || 'the plan';
  const pi = segments[1];
  const priority = valueAt(raw, ['priorities', pi]);
  const pid = idOf(priority) ?? `priority ${pi + 1}`;
  let name = pid;
  let rest = segments.slice(2);
  if (rest[0] === 'activities' && typeof rest[1] === 'number') {
    const ai = rest[1];
    name = idOf(valueAt(priority, ['activities', ai])) ?? `${pid} activity ${ai + 1}`;
    rest = rest.slice(2);
  }
  const field = fieldPath(rest);
  return field ? `${name} ${field}` : name;
}

// ---- zod issues in plain words ----

type AnySchema = z.core.$ZodType;

function defOf(schema: AnySchema): { type: string } & Record<string, unknown> {
  return schema._zod.def as unknown as { type: string } & Record<string, unknown>;
}

/** The object schema found at `segments` (following the raw data through discriminated unions), if any. */
export function schemaAt(schema: AnySchema, segments: readonly PropertyKey[], raw: unknown): AnySchema | undefined {
  let s: AnySchema | undefined = schema;
  let v: unknown = raw;
  let i = 0;
  while (s) {
    const def = defOf(s);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') {
      s = def.innerType as AnySchema;
      continue;
    }
    if (def.type === 'union') {
      const options = def.options as AnySchema[];
      const key = def.discriminator as string | undefined;
      const wanted = key ? valueAt(v, [key]) : undefined;
      s = options.find((o) => {
        const shape = (defOf(o).shape ?? {}) as Record<string, AnySchema>;
        const lit = key ? shape[key] : undefined;
        return lit && (defOf(lit).values as unknown[] | undefined)?.includes(wanted);
      });
      continue;
    }
    if (i >= segments.length) return s;
    const seg = segments[i++]!;
    v = valueAt(v, [seg]);
    if (def.type === 'object') s = (def.shape as Record<string, AnySchema>)[String(seg)];
    else if (def.type === 'array') s = def.element as AnySchema;
    else return undefined;
  }
  return undefined;
}

function fieldsOf(schema: AnySchema | undefined): string[] {
  if (!schema) return [];
  const def = defOf(schema);
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
};

/** The last named field of a path (`months` for `schedule.months[0]`). */
function lastField(segments: readonly PropertyKey[]): string {
  for (let i = segments.length - 1; i >= 0; i--) if (typeof segments[i] === 'string') return segments[i] as string;
  return '';
}

export interface PlainIssue {
  /** The path of the issue (for its line); for an unknown field, the field itself. */
  segments: PropertyKey[];
  /** The path named in the message: the issue's, or the meant field for a misspelt one. */
  whereSegments: PropertyKey[];
  message: string;
}

/**
 * Every zod issue in plain words. A field reported missing is left out when a misspelt field already names it
 * (`knd` for `kind`: one problem, not two).
 */
export function plainIssueList(issues: readonly z.core.$ZodIssue[], raw: unknown, root: AnySchema): (PlainIssue & { issue: z.core.$ZodIssue })[] {
  const all = issues.flatMap((issue) => plainIssues(issue, raw, root).map((p) => ({ ...p, issue })));
  const meant = new Set(all.filter((p) => p.issue.code === 'unrecognized_keys' && p.whereSegments !== p.issue.path).map((p) => p.whereSegments.join('\u0000')));
  return all.filter((p) => !(p.message.startsWith('missing') && meant.has(p.segments.join('\u0000'))));
}

/**
 * A missing field that a misspelt key stands for (`typ: recurring_months` for `type`): the union it chooses
 * between fails before its strict check would name the unknown key, so it is named here.
 */
function misspeltKey(raw: unknown, path: PropertyKey[]): PlainIssue[] | null {
  const field = path[path.length - 1];
  const parent = valueAt(raw, path.slice(0, -1));
  if (typeof field !== 'string' || !parent || typeof parent !== 'object' || Array.isArray(parent)) return null;
  const key = Object.keys(parent).find((k) => k !== field && closeMatch(k, [field]) === field);
  if (!key) return null;
  return [{ segments: [...path.slice(0, -1), key], whereSegments: path, message: `"${key}" is not a field; did you mean "${field}"?` }];
}

/** One zod issue (or several, one per unknown field) as plain problems over the raw data. */
export function plainIssues(issue: z.core.$ZodIssue, raw: unknown, root: AnySchema): PlainIssue[] {
  const path = issue.path as PropertyKey[];
  const at: IssueAt = { path, input: valueAt(raw, path), field: lastField(path), one: (message) => [{ segments: path, whereSegments: path, message }] };
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeys(issue, raw, root, path);
    case 'invalid_type':
      if (at.input === undefined) return at.one('missing');
      return at.one(`expected ${typeWords[issue.expected] ?? issue.expected}, not ${show(at.input)}`);
    case 'too_big':
    case 'too_small':
      return outOfBounds(issue, at);
    case 'invalid_format':
      return badFormat(issue, at);
    case 'invalid_union':
      return badUnion(issue, at, raw);
    case 'invalid_value':
      return badValue(issue, at);
    default:
      return at.one(issue.message);
  }
}

type IssueOf<C extends z.core.$ZodIssue['code']> = Extract<z.core.$ZodIssue, { code: C }>;

/** Where an issue is: its path, the raw value there, the field's name, and `one`, its message as the single problem there. */
interface IssueAt {
  path: PropertyKey[];
  input: unknown;
  field: string;
  one: (message: string) => PlainIssue[];
}

/** Each unknown field, with the known field it is close to (then pointing at that one) or the list of fields. */
function unknownKeys(issue: IssueOf<'unrecognized_keys'>, raw: unknown, root: AnySchema, path: PropertyKey[]): PlainIssue[] {
  const known = fieldsOf(schemaAt(root, path, raw));
  return issue.keys.map((key) => {
    const meant = closeMatch(key, known);
    const segments = [...path, key];
    if (meant) return { segments, whereSegments: [...path, meant], message: `"${key}" is not a field; did you mean "${meant}"?` };
    return { segments, whereSegments: path, message: `"${key}" is not a field${known.length ? ` (fields: ${known.join(', ')})` : ''}` };
  });
}

/** A number out of its range (a month, a day of a month, or bounds), an empty text, or a list too short or too long. */
function outOfBounds(issue: IssueOf<'too_big' | 'too_small'>, { input, field, one }: IssueAt): PlainIssue[] {
  if (issue.origin === 'number' && field === 'months') return one(`${show(input)} is not a month (1-12)`);
  if (issue.origin === 'number' && field === 'days') return one(`${show(input)} is not a day of a month (1-31)`);
  if (issue.origin === 'string') return one(issue.code === 'too_small' ? 'must not be empty' : issue.message);
  if (issue.origin === 'array') return one(issue.code === 'too_small' ? `give at least ${issue.minimum}` : `give at most ${issue.maximum}`);
  const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
  return one(`${show(input)} is out of range (${bound})`);
}

/** A text that is not a date (YYYY-MM-DD), not a month (YYYY-MM), or otherwise not of its format. */
function badFormat(issue: IssueOf<'invalid_format'>, { input, one }: IssueAt): PlainIssue[] {
  const s = typeof input === 'string' ? input : show(input);
  if (issue.format === 'date') return one(/^\d{4}-\d\d-\d\d$/.test(s) ? `${s} is not a date` : `${show(input)} is not a date (YYYY-MM-DD)`);
  if (/YYYY-MM\b/.test(issue.message) && !/DD/.test(issue.message)) {
    return one(/^\d{4}-\d\d$/.test(s) ? `${s} is not a month` : `${show(input)} is not a month (YYYY-MM)`);
  }
  return one(`${show(input)} is not valid: ${issue.message}`);
}

/** A choice between shapes by a field (a schedule's type): that field missing or misspelt, or its value not one of the options. */
function badUnion(issue: IssueOf<'invalid_union'>, { path, input, field, one }: IssueAt, raw: unknown): PlainIssue[] {
  const options = (issue as { options?: unknown[] }).options;
  if (options && (issue as { discriminator?: string }).discriminator !== undefined) {
    const names = options.map(String);
    if (input === undefined) return misspeltKey(raw, path) ?? one(`missing; one of ${orList(names)}`);
    const meant = typeof input === 'string' ? closeMatch(input, names) : undefined;
    return one(`${show(input)} is not a ${field === 'type' ? 'schedule type' : field}; ${meant ? `did you mean "${meant}"?` : `one of ${orList(names)}`}`);
  }
  return one(issue.message);
}

/** A value not among those allowed: missing, or with the allowed value it is close to, or the list of them. */
function badValue(issue: IssueOf<'invalid_value'>, { path, input, field, one }: IssueAt): PlainIssue[] {
  const names = issue.values.map(String);
  if (input === undefined) return one(`missing; one of ${orList(names)}`);
  const meant = typeof input === 'string' ? closeMatch(input, names) : undefined;
  const what = typeof path[path.length - 1] === 'number' ? `allowed in ${field}` : field ? `a ${field}` : 'allowed';
  return one(`${show(input)} is not ${what}; ${meant ? `did you mean "${meant}"?` : `one of ${orList(names)}`}`);
}
