import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MessagePort, Worker } from 'node:worker_threads';
import { type MatchColumns, type SearchTexts, type SectionCounts, sectionColumns } from './search-rows.js';

/**
 * A plan's search index columns (folded words, stems, term counts: a fifth of a large import's time) made on
 * another core while the import's transaction writes the plan's other rows (issue 26.4), then taken,
 * synchronously, inside the transaction: the transaction and its all-or-nothing are unchanged, only where the
 * strings are made moves. The same function makes them in either thread (`sectionColumns`), so the same rows.
 */

/** A section's matching columns and term counts, as `sectionColumns` gives them. */
export interface SectionResult {
  columns: MatchColumns[];
  counts: SectionCounts;
  /** The worker thread's id when a worker made them. */
  thread?: number;
}

/** Columns being made; `take()` waits for them (in the transaction, which is synchronous); `stop()` drops them. */
export interface PendingColumns {
  take(): SectionResult;
  stop(): void;
}

/** What the worker (src/db/search-rows-job.ts) is given: the rows' texts, and the state it sets when started and finished. */
export interface SearchRowsJob {
  rows: SearchTexts[];
  digits: boolean;
  state: Int32Array;
  port: MessagePort;
}

export type Reply = { ok: true; result: SectionResult } | { ok: false; error: string };

export const started = 1;
export const finished = 2;
/** A worker not started in this time (it cannot load, say) is given up: the columns are made here instead. */
const startTimeoutMs = 10_000;
/** The work itself is bounded by the plan's limits (100,000 activities: about 3 s); past this, made here. */
const workTimeoutMs = 120_000;

/** `sectionColumns(rows, digits)` made in this thread, when taken. */
export function columnsHere(rows: SearchTexts[], digits: boolean): PendingColumns {
  return { take: () => sectionColumns(rows, digits), stop: () => {} };
}

/**
 * The worker: its entry is search-rows-job beside this module (the .js of a build, the bundle's entry among
 * them; the .ts of the sources). From the sources, node cannot load TypeScript in a worker by itself, and on
 * Node 20 `--import tsx` in a worker's execArgv does not reach its entry: the worker registers tsx first.
 */
function startWorker(job: SearchRowsJob): Worker {
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const self = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(self), `search-rows-job${path.extname(self)}`);
  const options = { workerData: job, transferList: [job.port] };
  if (!entry.endsWith('.ts')) return new Worker(entry, options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const code = `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

/**
 * `sectionColumns(rows, digits)` started on a worker thread. Should the worker not start or fail, `take()` makes
 * the columns in this thread: the same rows either way, only slower.
 */
export function columnsInWorker(rows: SearchTexts[], digits: boolean): PendingColumns {
  const { MessageChannel, receiveMessageOnPort } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');
  const state = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | null = null;
  try {
    worker = startWorker({ rows, digits, state, port: port2 });
    // A failure is told by its missing reply (take() then makes the columns here), not by an event. The
    // listener is not a closure of this scope: the Worker outlives the import until the event loop turns, and
    // would hold the rows' texts (slices of the whole plan file's text) through it.
    worker.on('error', ignore);
  } catch {
    worker = null;
  }
  let texts: SearchTexts[] | null = rows;
  const stop = () => {
    port1.close();
    void worker?.terminate();
    worker = null;
    texts = null;
  };
  return {
    take() {
      const reply = worker ? awaitReply(state, () => receiveMessageOnPort(port1)?.message as Reply | undefined) : null;
      const here = texts;
      stop();
      return reply?.ok ? reply.result : sectionColumns(here ?? [], digits);
    },
    stop,
  };
}

const ignore = () => {};

/** The worker's reply, waited for with the thread blocked (Atomics.wait), or null when it did not come in time. */
function awaitReply(state: Int32Array, receive: () => Reply | undefined): Reply | null {
  if (Atomics.wait(state, 0, 0, startTimeoutMs) === 'timed-out') return null;
  while (Atomics.load(state, 0) !== finished) {
    if (Atomics.wait(state, 0, started, workTimeoutMs) === 'timed-out') return null;
  }
  return receive() ?? null;
}
