/**
 * The limits on a plan file, in one place (README, "Limits on a plan file"). A file over any of them is
 * refused whole, with one line naming the limit and where, before it can cost much memory or time; the
 * database is left as it was. They are far above any real plan (the 2023-2024 plan: 31 kB, 7 priorities,
 * 26 activities, its longest text a few hundred characters) and at or above what `npm run bench` shows
 * answering fast (100,000 activities, a 76 MB file).
 */
export const planLimits = {
  /** A YAML (or JSON) data file, checked with stat before it is read. */
  fileBytes: 100 * 1024 * 1024,
  /** Each CSV file, or the .xlsx workbook (compressed), checked with stat before it is read. */
  tableFileBytes: 10 * 1024 * 1024,
  /**
   * An .xlsx workbook, as it is read (a zip: 10 MB can unpack to gigabytes): the parts read (the workbook,
   * its styles, shared strings and the three sheets) unpack to at most this, checked against the sizes the
   * zip declares before anything is unpacked, and counted again while unpacking.
   */
  workbookUncompressedBytes: 64 * 1024 * 1024,
  /** Parts (files) in the workbook's zip. */
  workbookParts: 10_000,
  /** The last row a sheet of a workbook may use (a cell with a value further down is refused, by its cell). */
  sheetRows: 120_000,
  /** The last column a sheet may use: AN (the plan's sheets use at most twelve). */
  sheetColumns: 40,
  /** Cells in the sheets read, all together (merged ranges count each cell). */
  workbookCells: 1_000_000,
  /** Shared strings (the texts of a workbook, each kept once). */
  sharedStrings: 500_000,
  /** One cell's text while a workbook is read (Excel's own limit); the plan's texts then meet `textChars`. */
  cellChars: 32_767,
  /** Any one text in a data file: a title, an activity's text, a note, a schedule's wording. */
  textChars: 5_000,
  /** The bot's start-up import of GCM_PLAN: a file not read and imported within this is refused, and the bot does not start. */
  startupImportMs: 60_000,
  /** Priorities in one plan. */
  priorities: 100,
  /** Activities in one plan, all priorities together. */
  activities: 100_000,
} as const;

/** Refusals stop at this many: one is enough to act on, a million would be their own denial of service. */
const maxReported = 10;

/** A limit passed: where (a path of keys and indexes inside the file) and which limit. */
export interface LimitProblem {
  segments: (string | number)[];
  message: string;
}

const n = (x: number) => x.toLocaleString('en-US');

/** The size refusal of a file of `size` bytes against `limit`, or null when it is within it. */
export function fileTooLarge(size: number, limit: number): string | null {
  return size > limit ? `the file is ${(size / 1024 / 1024).toFixed(1)} MB, over the limit of ${limit / 1024 / 1024} MB` : null;
}

/**
 * The limits a parsed data file passes (its texts; for a plan, its counts of priorities and activities),
 * walked without recursion so that no shape can overflow the stack. Empty when all is within them.
 */
export function limitProblems(raw: unknown): LimitProblem[] {
  const count = countProblem(raw);
  return count ? [count] : textProblems(raw);
}

/** A plan's count of priorities, then of activities (all priorities together), over its limit; null when within them or not a plan. */
function countProblem(raw: unknown): LimitProblem | null {
  const priorities =
    raw && typeof raw === 'object' && Array.isArray((raw as { priorities?: unknown }).priorities) ? (raw as { priorities: unknown[] }).priorities : null;
  if (!priorities) return null;
  if (priorities.length > planLimits.priorities) {
    return { segments: ['priorities'], message: `${n(priorities.length)} priorities, over the limit of ${n(planLimits.priorities)}` };
  }
  let activities = 0;
  for (const p of priorities) {
    const list = p && typeof p === 'object' ? (p as { activities?: unknown }).activities : undefined;
    if (Array.isArray(list)) activities += list.length;
  }
  if (activities > planLimits.activities) {
    return { segments: ['priorities'], message: `${n(activities)} activities, over the limit of ${n(planLimits.activities)}` };
  }
  return null;
}

// Each node keeps its parent and key; a path is built only for a refusal (a large valid plan has millions of nodes).
type Node = { value: unknown; parent: Node | null; key: string | number };

/** The keys and indexes from the root down to `node`. */
function pathOf(node: Node): (string | number)[] {
  const segments: (string | number)[] = [];
  for (let at: Node | null = node; at?.parent; at = at.parent) segments.unshift(at.key);
  return segments;
}

/** Pushes the children of `node` (array items or object values) so that they are popped in order. */
function pushChildren(stack: Node[], node: Node): void {
  const { value } = node;
  if (Array.isArray(value)) {
    for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], parent: node, key: i });
  } else if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) stack.push({ value: (value as Record<string, unknown>)[keys[i]!], parent: node, key: keys[i]! });
  }
}

/** Every text over `textChars`, in document order, walked depth first with a stack; stops at `maxReported`. */
function textProblems(raw: unknown): LimitProblem[] {
  const problems: LimitProblem[] = [];
  const stack: Node[] = [{ value: raw, parent: null, key: '' }];
  while (stack.length > 0 && problems.length < maxReported) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      if (value.length > planLimits.textChars) {
        problems.push({ segments: pathOf(node), message: `a text of ${n(value.length)} characters, over the limit of ${n(planLimits.textChars)}` });
      }
    } else {
      pushChildren(stack, node);
    }
  }
  return problems;
}
