import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportStores } from './plan/import-port.js';
import type { StartImport, StartImportJob, StartImportReply } from './start-import-job.js';

/**
 * start-import-job as a child process of this one, with the same runtime flags (so, from the sources, tsx):
 * its .js beside this module in the build, its .ts from the sources.
 */
function startImportProcess(job: StartImportJob): ChildProcess {
  const self = fileURLToPath(import.meta.url);
  const entry = path.join(path.dirname(self), `start-import-job${path.extname(self)}`);
  return fork(entry, [JSON.stringify(job)], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

/**
 * Imports GCM_PLAN at start (only if it changed) in a short-lived child process with its own connection to the
 * database file: the YAML parser, the plan's schemas, the importer and their garbage live and die there, never
 * in the bot's memory (issue 26.1). The import is the same call, one transaction, its problems the same lines; a
 * child stopped at the start-up deadline leaves the database as it was. A private in-memory database (':memory:')
 * cannot be shared with another process, so it is imported here, the same way.
 */
export async function importAtStart(stores: ImportStores, job: StartImportJob): Promise<StartImport> {
  if (job.databasePath === ':memory:') {
    const { runStartImport } = await import('./start-import-job.js');
    return runStartImport(stores, job);
  }
  const child = startImportProcess(job);
  return new Promise((resolve, reject) => {
    let reply: StartImportReply | null = null;
    child.once('message', (m: StartImportReply) => {
      reply = m;
      // Refused (the deadline among the reasons): the import may still run there; it is stopped, unwritten.
      if ('outcome' in m && !m.outcome.ok) child.kill();
    });
    child.once('error', reject);
    // Settled once the child is gone, so that its memory is too.
    child.once('exit', (code) => {
      if (reply && 'outcome' in reply) resolve(reply.outcome);
      else reject(new Error(reply?.error ?? `the plan's import stopped (exit code ${code})`));
    });
  });
}
