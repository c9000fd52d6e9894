import { threadId, workerData } from 'node:worker_threads';
import { type Reply, type SearchRowsJob, finished, started } from './search-rows-worker.js';
import { sectionColumns } from './search-rows.js';

/**
 * The worker thread's entry (src/db/search-rows-worker.ts starts it): makes a plan's search columns from the
 * texts it is given, sends them, and says so through the shared state the importing thread waits on.
 */
function runJob(job: SearchRowsJob): void {
  Atomics.store(job.state, 0, started);
  Atomics.notify(job.state, 0);
  let reply: Reply;
  try {
    reply = { ok: true, result: { ...sectionColumns(job.rows, job.digits), thread: threadId } };
  } catch (e) {
    reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  job.port.postMessage(reply);
  Atomics.store(job.state, 0, finished);
  Atomics.notify(job.state, 0);
  job.port.close();
}

runJob(workerData as SearchRowsJob);
