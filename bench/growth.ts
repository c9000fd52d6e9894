/**
 * One size of the growth benchmark, in a fresh process so that memory figures do not accumulate:
 *
 *   node --expose-gc --import tsx bench/growth.ts N PLAN_FILE [options]
 *
 * Imports PLAN_FILE (a synthetic plan of N activities, written by run.ts) into a fresh store (in memory, or a
 * database file with --database) as the bot does at start-up, times the domain's answers to the questions the
 * bot gets most (`askQuestion(ctx, text)`, no rendering), the minute's pass's computation (the occurrences that
 * can be due in the reminders' and follow-ups' windows, then dueReminders and dueFollowups), and reports resident
 * memory. Prints one JSON line (GrowthResult).
 *
 * Options:
 *   --only=import,objective,…       run only these phases (the import always runs: the rest needs its data)
 *   --profile=import,…              run these phases under the CPU profiler (for a profiling-only run)
 *   --profile-warmup                run each query's warm-up calls under the profiler: a profile of every
 *                                   query for free, without touching the timed calls
 *   --profile-dir=DIR               where the .cpuprofile files go (bench/results/profiles)
 *   --database=FILE                 import into a new database file, as the bot keeps its plan, instead of a
 *                                   private in-memory one (whose pages are all part of the resident memory)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultDataDir } from '../src/config.js';
import { openStores, type Stores } from '../src/stores.js';
import { importPlanFile } from '../src/plan/import-plan.js';
import { currentPlan } from '../src/domain/questions.js';
import { askQuestion } from '../src/commands/ask.js';
import type { Context } from '../src/domain/ports.js';
import type { Occurrence } from '../src/domain/types.js';
import type { DateTime } from 'luxon';
import { dueFollowups, dueReminders, followupWindow, occurrencesInWindow, reminderWindow } from '../src/domain/reminders.js';
import { benchNow, channel, queryKinds, summarize, zone, type Phase, type QueryKind, type Summary } from './common.js';
import { Profiler } from './profile.js';

export interface GrowthResult {
  activities: number;
  importMs: number | null;
  /** The import's CPU time in this process (`process.cpuUsage`, user + system): what a busy machine moves least. */
  importCpuMs: number | null;
  /** How long the process took, after the import and a full collection, to be quiet before the queries (settle). */
  settleMs: number;
  queries: Partial<Record<QueryKind, Summary & { text: string }>>;
  reminders: {
    occurrences: number;
    due: number;
    occurrencesMs: number;
    dueRemindersMs: number;
    totalMs: number;
    /**
     * The first pass on an empty outbox, which finds every reminder come and every past follow-up (then recorded
     * as the outbox would: sent or skipped); `due` is what it found. The passes timed after it are every minute's.
     */
    firstPassMs: number;
    /** The pass the next day at the reminder time (09:00), when a day's reminders come: the busiest minute. */
    morning: { occurrences: number; due: number; ms: number };
    runs: number;
  } | null;
  memory: {
    /** process.memoryUsage().rss at the end, as the process stands. */
    rssMb: number;
    /**
     * The same once settled: after a full garbage collection, half a second for V8 to hand the freed pages back
     * to the system, and another collection. What the process holds while it serves (needs --expose-gc).
     */
    settledRssMb: number | null;
    heapUsedMb: number;
    /** Peak resident memory of the process (the import's YAML parse, mostly). */
    maxRssMb: number;
    /** Before the store was opened: Node, tsx and the modules. */
    baselineRssMb: number;
    /**
     * The database's pages: in memory, all part of the RSS; in a database file (--database), on disk, of which
     * the RSS holds only SQLite's page cache.
     */
    databaseMb: number;
    /** The settled RSS in two parts (/proc/self/status): anonymous (the heaps) and file-backed (node's binary, the addon). */
    settledAnonMb: number | null;
    settledFileMb: number | null;
  };
  /** Profiles written, by phase. */
  profiles: Partial<Record<Phase, string>>;
}

/**
 * Per query kind: at most `maxCalls` timed calls and at most `budgetMs` (at least one call): at 100,000
 * activities one call can take seconds, and the whole benchmark must stay within a few minutes.
 */
const maxCalls = 300;
const budgetMs = Number(process.env.BENCH_QUERY_BUDGET_MS ?? 2500);
const warmupCalls = 5;
const warmupBudgetMs = 500;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** This process's anonymous and file-backed resident memory in bytes (Linux's /proc/self/status; NaN elsewhere). */
function rssParts(): Record<'RssAnon' | 'RssFile', number> {
  let status = '';
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    // not Linux
  }
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN) * 1024;
  return { RssAnon: kb('RssAnon'), RssFile: kb('RssFile') };
}

/**
 * Imports `planFile` into `stores` as the bot's start-up does and checks it took `n` activities; returns its
 * wall-clock and CPU time only. The outcome is dropped here, as the bot drops it once logged: its report's
 * strings are slices of the YAML source (V8's sliced strings), so holding the report would hold the whole plan
 * file's text (15 MB at 10,000 activities), which the bot does not.
 */
function timedImport(stores: Stores, planFile: string, n: number): { importMs: number; importCpuMs: number } {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const imported = importPlanFile(stores, planFile, defaultDataDir, new Date().toISOString());
  const importMs = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  if (!imported.ok) throw new Error(`the synthetic plan was rejected: ${imported.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  if (imported.report.activities !== n) throw new Error(`expected ${n} activities, imported ${imported.report.activities}`);
  return { importMs, importCpuMs: (user + system) / 1000 };
}

/** The process's CPU in a quiet window below which its helper threads count as idle: a tenth of a core. */
const quietWindowMs = 100;
const quietCpuMs = 10;

/**
 * Waits until the process has been quiet for a window of `quietWindowMs` (its threads together used under
 * `quietCpuMs` of CPU), at most 3 s; returns how long it waited.
 */
async function settle(): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < 3000) {
    const before = process.cpuUsage();
    await new Promise((r) => setTimeout(r, quietWindowMs));
    const used = process.cpuUsage(before);
    if ((used.user + used.system) / 1000 < quietCpuMs) break;
  }
  return performance.now() - start;
}

async function main(): Promise<void> {
  const [nArg, planFile, ...flags] = process.argv.slice(2);
  const n = Number(nArg);
  if (!Number.isInteger(n) || n <= 0 || !planFile) throw new Error('usage: growth.ts N PLAN_FILE [--only=… --profile=… --profile-warmup --profile-dir=DIR]');
  const flag = (name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);
  const list = (name: string) => new Set((flag(name) ?? '').split(',').filter(Boolean));
  const only = list('only');
  const profiled = list('profile');
  const profileWarmup = flags.includes('--profile-warmup');
  const profileDir = flag('profile-dir') ?? path.resolve('bench/results/profiles');
  const runs = (p: Phase) => only.size === 0 || only.has(p) || p === 'import';

  const profiler = new Profiler();
  const profiles: GrowthResult['profiles'] = {};
  /** Runs `fn`; under the profiler when `profile` holds. */
  const maybeProfiled = async <T>(name: Phase, profile: boolean, fn: () => T): Promise<T> => {
    if (!profile) return fn();
    await profiler.start();
    try {
      return fn();
    } finally {
      profiles[name] = await profiler.stop(path.join(profileDir, `growth-${n}-${name}.cpuprofile`));
    }
  };

  const baselineRss = process.memoryUsage().rss;
  const stores = openStores(flag('database') ?? ':memory:');

  // Import: validation (YAML parse, schema, references) and the one SQLite transaction, as at start-up.
  const { importMs, importCpuMs } = await maybeProfiled('import', profiled.has('import'), () => timedImport(stores, planFile, n));

  // The running bot answers long after its start-up import; here the queries come right after it, in a heap
  // full of the import's garbage (the YAML of a 76 MB plan), whose collection would land in the queries' p99.
  // One full collection first, when exposed (run.ts passes --expose-gc): the queries are timed as the bot
  // serves them, not as the import's cleanup.
  (globalThis as { gc?: () => void }).gc?.();
  // That collection leaves the freed pages to V8's helper threads, busy for 0.2-0.3 s after it at 100,000
  // activities; on this machine's two cores, a thread busy beside the answering one slows it: the slowest of the
  // first calls timed took four to seven times the median, the process's CPU twice their wall time. The
  // process is let go quiet first (settle), as it is long before a running bot's first question.
  const settleMs = await settle();

  const now = benchNow();
  const ctx: Context = { plans: stores.plans, state: stores.state, now };
  const plan = currentPlan(stores.plans, now.toISODate()!);
  if (!plan) throw new Error('no plan covers the benchmark date');

  // Activity ids spread over the plan (the synthetic plan deals activities round-robin to 7 priorities), at
  // most .9999: the bot reads activity numbers of up to 4 digits (parseActivityRef), so B3.13384 of the
  // 100,000-activity plan cannot be asked for at all.
  const priorities = stores.plans.priorities(plan.id).map((p) => p.id);
  const perPriority = Math.min(9999, Math.floor(n / priorities.length));
  let seed = 12345;
  const nextId = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return `${priorities[seed % priorities.length]}.${1 + (Math.floor(seed / 7) % Math.max(1, perPriority))}`;
  };
  const texts: Record<QueryKind, () => string> = {
    objective: () => 'objective 23',
    activity: () => `activity ${nextId()}`,
    agency: () => 'agency IOM',
    search: () => 'search migrants',
  };

  const queries: GrowthResult['queries'] = {};
  for (const kind of queryKinds.filter(runs)) {
    const make = texts[kind];
    const ask = () => {
      const a = askQuestion(ctx, make(), 'en');
      if (a.kind === 'error') throw new Error(`${kind} answered an error: ${JSON.stringify(a.error)}`);
    };
    // Warm-up (JIT, statement caches), bounded in time: one call can take seconds at 100,000 activities.
    await maybeProfiled(kind, profileWarmup, () => {
      const start = performance.now();
      for (let i = 0; i < warmupCalls && (i === 0 || performance.now() - start < warmupBudgetMs); i++) ask();
    });
    const samples: number[] = [];
    await maybeProfiled(kind, profiled.has(kind), () => {
      const start = performance.now();
      while (samples.length < maxCalls && (samples.length === 0 || performance.now() - start < budgetMs)) {
        const t = performance.now();
        ask();
        samples.push(performance.now() - t);
      }
    });
    queries[kind] = { text: kind === 'activity' ? 'activity <random id>' : make(), ...summarize(samples) };
  }

  // The outbox pass's computation, as its two occurrence kinds do it (src/outbox/kinds/reminder.ts and
  // followup.ts, without the writes): the occurrences that can be due in each kind's window, read from the
  // index (src/domain/reminders.ts, occurrencesInWindow), then the rules, at `now` (7 and 1 days before, 09:00).
  // The first pass on an empty outbox finds every reminder come and every past follow-up, recorded then; the
  // passes timed are the ones after it (every minute's), the first is reported apart.
  let reminders: GrowthResult['reminders'] = null;
  if (runs('reminders')) {
    const settings = { days: [7, 1], time: '09:00', zone };
    const pass = (at = now) => {
      const t0 = performance.now();
      const done = stores.state.completions(plan.id);
      const recorded = stores.reminders.recorded();
      const near = occurrencesInWindow(stores, plan, reminderWindow(at, settings));
      const past = occurrencesInWindow(stores, plan, followupWindow(at, settings));
      const t1 = performance.now();
      const r = dueReminders(plan.id, near, done, recorded, at, settings);
      const f = dueFollowups(plan.id, past, done, recorded, at, settings);
      const t2 = performance.now();
      return { occ: t1 - t0, due: t2 - t1, occurrences: near.length + past.length, dueCount: r.post.length + r.superseded.length + f.post.length, r, f };
    };
    const first = pass();
    const createdAt = now.toUTC().toISO()!;
    // What the outbox writes of it: the reminders and follow-ups to post (sent once posted), those superseded
    // or stale (skipped), so that the next passes, as every minute's after it, have only what came since.
    const write = (kind: string, o: Occurrence, x: { key: string; at: DateTime; offsetDays: number | null }, status: 'sent' | 'skipped') =>
      stores.reminders.record(
        {
          key: x.key,
          kind,
          planId: plan.id,
          occurrenceKey: o.key,
          activityId: o.activityId,
          offsetDays: x.offsetDays,
          dueDate: o.due,
          fireAt: x.at.toUTC().toISO()!,
          late: false,
          channel,
        },
        createdAt,
        status,
      );
    stores.reminders.transaction(() => {
      for (const x of first.r.post) write('reminder', x.occurrence, { ...x, at: x.fireAt }, 'sent');
      for (const x of first.r.superseded) write('reminder', x.occurrence, { ...x, at: x.fireAt }, 'skipped');
      for (const x of first.f.post) write('followup', x.occurrence, { ...x, offsetDays: null }, 'sent');
      for (const x of first.f.stale) write('followup', x.occurrence, { ...x, offsetDays: null }, 'skipped');
    });
    const passes: ReturnType<typeof pass>[] = [];
    await maybeProfiled('reminders', profiled.has('reminders'), () => {
      const start = performance.now();
      while (passes.length < 5 && (passes.length === 0 || performance.now() - start < budgetMs)) passes.push(pass());
    });
    // The busiest minute of a day: the next morning at the reminder time, when that day's reminders come.
    const morning = pass(now.plus({ days: 1 }).set({ hour: 9, minute: 0 }));
    const occMs = summarize(passes.map((r) => r.occ)).p50;
    const dueMs = summarize(passes.map((r) => r.due)).p50;
    reminders = {
      occurrences: passes[0]!.occurrences,
      due: first.dueCount,
      occurrencesMs: occMs,
      dueRemindersMs: dueMs,
      totalMs: occMs + dueMs,
      firstPassMs: first.occ + first.due,
      morning: { occurrences: morning.occurrences, due: morning.dueCount, ms: morning.occ + morning.due },
      runs: passes.length,
    };
  }

  const mem = process.memoryUsage();
  const gc = (globalThis as { gc?: () => void }).gc;
  let settledRss: number | null = null;
  let settledParts: Record<'RssAnon' | 'RssFile', number> | null = null;
  if (gc) {
    gc();
    await new Promise((r) => setTimeout(r, 500));
    gc();
    settledRss = process.memoryUsage().rss;
    settledParts = rssParts();
  }
  const result: GrowthResult = {
    activities: n,
    importMs,
    importCpuMs,
    settleMs,
    queries,
    reminders,
    memory: {
      rssMb: mb(mem.rss),
      settledRssMb: settledRss === null ? null : mb(settledRss),
      heapUsedMb: mb(mem.heapUsed),
      maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
      baselineRssMb: mb(baselineRss),
      settledAnonMb: settledParts && mb(settledParts.RssAnon),
      settledFileMb: settledParts && mb(settledParts.RssFile),
      databaseMb: mb((stores.db.pragma('page_count', { simple: true }) as number) * (stores.db.pragma('page_size', { simple: true }) as number)),
    },
    profiles,
  };
  profiler.close();
  stores.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
