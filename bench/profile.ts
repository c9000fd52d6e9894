/**
 * CPU profiles: taking one around a piece of work in this process (V8's sampling profiler through
 * node:inspector, the same data `node --cpu-prof` writes), and reading a .cpuprofile back into the functions
 * where the time went.
 *
 *   node --import tsx bench/profile.ts FILE.cpuprofile [TOP]    prints the top self-time functions
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session } from 'node:inspector/promises';
import { projectRoot } from '../src/config.js';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** A function's share of a profile: self time (its own code) and total time (with what it called). */
export interface FunctionTime {
  name: string;
  /** `src/domain/questions.ts:33`, `node:internal/…`, or empty for V8's own entries ((garbage collector) …). */
  where: string;
  selfMs: number;
  selfPct: number;
  totalMs: number;
  totalPct: number;
}

export interface ProfileSummary {
  file: string;
  /** Milliseconds sampled, idle excluded. */
  busyMs: number;
  /** Top functions by self time. */
  self: FunctionTime[];
  /** Top functions of the bot itself (src/) by total time: the entry points that cost the most. */
  botTotal: FunctionTime[];
}

/** A sampling profiler on this process; start() and stop(file) around the work to profile. */
export class Profiler {
  private session: Session | null = null;

  /** 200 µs: fine enough for sub-millisecond requests and queries, coarse enough to distort them little. */
  async start(intervalMicros = 200): Promise<void> {
    if (!this.session) {
      this.session = new Session();
      this.session.connect();
      await this.session.post('Profiler.enable');
    }
    await this.session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
    await this.session.post('Profiler.start');
  }

  async stop(file: string): Promise<string> {
    if (!this.session) throw new Error('the profiler was not started');
    const { profile } = await this.session.post('Profiler.stop');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    return file;
  }

  close(): void {
    this.session?.disconnect();
    this.session = null;
  }
}

const sources = new Map<string, string[] | null>();

/**
 * The line where `name` is defined in a TypeScript file. tsx compiles the bot's .ts files on the fly, so the
 * profile's line numbers point into the compiled code; the definition is looked up in the source instead.
 */
function definitionLine(file: string, name: string): number | undefined {
  if (!name || name.startsWith('(')) return undefined;
  if (!sources.has(file)) {
    try {
      sources.set(file, readFileSync(file, 'utf8').split('\n'));
    } catch {
      sources.set(file, null);
    }
  }
  const lines = sources.get(file);
  if (!lines) return undefined;
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = [
    new RegExp(`\\bfunction\\*?\\s+${n}\\s*[<(]`),
    new RegExp(`\\b(?:const|let|var)\\s+${n}\\s*=`),
    // A method: `  name(…): T {` (or `async name(`, `private name(`), not a call.
    new RegExp(`^\\s*(?:(?:public|private|protected|static|async|override)\\s+)*${n}\\s*[<(].*\\{\\s*$`),
    new RegExp(`^\\s*${n}\\s*:\\s*(?:async\\s*)?\\(`),
  ];
  for (const re of patterns) {
    const i = lines.findIndex((l) => re.test(l));
    if (i >= 0) return i + 1;
  }
  return undefined;
}

/** Native functions that show up without a file, named for the report. */
const natives: Record<string, string> = {
  all: 'native: better-sqlite3 Statement.all, i.e. SQLite',
  get: 'native: better-sqlite3 Statement.get, i.e. SQLite',
  iterate: 'native: better-sqlite3 Statement.iterate, i.e. SQLite',
  run: 'native: likely better-sqlite3 Statement.run, i.e. SQLite',
  writev: 'native: socket write',
  writeLatin1String: 'native: socket write',
  writeUtf8String: 'native: socket write',
  writeBuffer: 'native: socket write',
};

function where(frame: CallFrame): string {
  if (!frame.url) return natives[frame.functionName] ?? '';
  let file = frame.url;
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {
      // keep as is
    }
  }
  const shown = file.startsWith(projectRoot + path.sep) ? path.relative(projectRoot, file) : file;
  if (file.endsWith('.ts')) {
    const line = definitionLine(file, frame.functionName);
    return line ? `${shown}:${line}` : shown;
  }
  return `${shown}:${frame.lineNumber + 1}`;
}

/**
 * Sums a profile's samples per function (name and place). Self time: each sample's interval goes to the
 * function on top of the stack; total time: to every distinct function on the stack (recursion counted once).
 * "(idle)" (waiting for I/O) is kept out of the percentages' base when `excludeIdle`; "(program)" (V8 and native
 * code not attributed to a JS function) and "(garbage collector)" stay in.
 */
export function summarizeProfile(profile: CpuProfile, file = '', top = 12, excludeIdle = true): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\u0000${where(n.callFrame)}`;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busyUs = 0;
  // The interval after sample i is timeDeltas[i + 1] (the last one runs to endTime), as DevTools reads it.
  let t = profile.startTime;
  const stamps = deltas.map((d) => (t += d));
  for (let i = 0; i < samples.length; i++) {
    const us = i + 1 < stamps.length ? stamps[i + 1]! - stamps[i]! : Math.max(0, profile.endTime - (stamps[i] ?? profile.endTime));
    const node = byId.get(samples[i]!);
    if (!node) continue;
    if (excludeIdle && node.callFrame.functionName === '(idle)') continue;
    busyUs += us;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const k = keyOf(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const entry = (key: string): FunctionTime => {
    const [name, at] = key.split('\u0000') as [string, string];
    const s = self.get(key) ?? 0;
    const tt = total.get(key) ?? 0;
    return { name, where: at, selfMs: s / 1000, selfPct: busyUs ? (100 * s) / busyUs : 0, totalMs: tt / 1000, totalPct: busyUs ? (100 * tt) / busyUs : 0 };
  };
  const selfTop = [...self.keys()]
    .map(entry)
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, top);
  const botTotal = [...total.keys()]
    .filter((k) => k.split('\u0000')[1]!.startsWith('src/'))
    .map(entry)
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, Math.ceil(top / 2));
  return { file, busyMs: busyUs / 1000, self: selfTop, botTotal };
}

export function readProfile(file: string, top?: number): ProfileSummary {
  return summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, file, top);
}

/** The summary as indented lines for the printed report. */
export function formatProfile(s: ProfileSummary, indent = '    '): string {
  const line = (f: FunctionTime, pct: number, ms: number) =>
    `${indent}  ${pct.toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${f.name}${f.where ? `  (${f.where})` : ''}`;
  return [
    `${indent}${path.relative(process.cwd(), s.file) || s.file}: ${s.busyMs.toFixed(0)} ms sampled`,
    `${indent}top self time:`,
    ...s.self.map((f) => line(f, f.selfPct, f.selfMs)),
    ...(s.botTotal.length > 0 ? [`${indent}bot functions by total time (self + callees):`, ...s.botTotal.map((f) => line(f, f.totalPct, f.totalMs))] : []),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node --import tsx bench/profile.ts FILE.cpuprofile [TOP]');
    process.exitCode = 2;
  } else {
    console.log(formatProfile(readProfile(file, top ? Number(top) : 15), ''));
  }
}
