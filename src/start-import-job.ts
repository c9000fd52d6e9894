import { fileURLToPath } from 'node:url';
import { openStores } from './stores.js';
import { withinDeadline } from './plan/deadline.js';
import { formatProblem, importPlanSource } from './plan/import-plan.js';
import type { ImportStores } from './plan/import-port.js';

/** What the start-up's import of GCM_PLAN tells the start: the lines it prints, nothing it must keep. */
export type StartImport = { ok: true; skipped: boolean; planId: string; activities: number; orphaned: string[] } | { ok: false; problems: string[] };

/** The start-up import's work, as start-import.ts gives it to the child process. */
export interface StartImportJob {
  databasePath: string;
  planFile: string;
  dataDir: string;
  importedAt: string;
}

/** What the child process sends back: the outcome, or the message of an error it did not expect. */
export type StartImportReply = { outcome: StartImport } | { error: string };

/** The start-up's import of GCM_PLAN (only if it changed), within the start-up deadline, as start-import.ts reports it. */
export async function runStartImport(stores: ImportStores, job: StartImportJob): Promise<StartImport> {
  const imported = await withinDeadline(importPlanSource(stores, job.planFile, job.dataDir, job.importedAt, true), job.planFile);
  if (!imported.ok) return { ok: false, problems: imported.problems.map((p) => formatProblem(p)) };
  const { planId, activities, orphanedState } = imported.report;
  return { ok: true, skipped: imported.skipped, planId, activities, orphaned: orphanedState.map((o) => o.occurrenceKey) };
}

/** The child process of start-import.ts: its own connection to the database file, one reply, then it ends. */
async function runAsChild(send: (reply: StartImportReply) => void): Promise<void> {
  const job = JSON.parse(process.argv[2]!) as StartImportJob;
  let reply: StartImportReply;
  try {
    const stores = openStores(job.databasePath);
    try {
      reply = { outcome: await runStartImport(stores, job) };
    } finally {
      stores.close();
    }
  } catch (e) {
    reply = { error: e instanceof Error ? e.message : String(e) };
  }
  send(reply);
  process.disconnect?.();
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  const send = process.send.bind(process);
  void runAsChild((reply) => send(reply));
}
