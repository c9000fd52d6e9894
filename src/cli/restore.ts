import { hostname } from 'node:os';
import { configOf, runIfMain } from './cli-context.js';
import { checkBackup, processesWithFileOpen, restoreBackup, storedLease } from '../db/backup.js';
import { processExists, schedulerLease } from '../outbox/outbox.js';

const usage = 'usage: npm run restore -- FILE   (a backup made by npm run backup or the nightly job; restored onto DATABASE_PATH)';

/**
 * `npm run restore -- FILE`: checks FILE (integrity, a gcm database, a schema version this bot knows) and
 * copies it onto DATABASE_PATH, keeping the file it replaces beside it. Refused, with one line saying why,
 * for a bad file or while a bot may still be running on DATABASE_PATH (runningBotOn). Exit 0 or 1.
 */
export async function runRestore(args: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, wallMs = Date.now): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1) {
    out(usage);
    return 1;
  }
  const config = configOf(env, out);
  if (!config) return 1;
  const target = config.databasePath;
  if (target === ':memory:') {
    out('DATABASE_PATH is :memory:: there is no database file to restore onto.');
    return 1;
  }
  const check = checkBackup(file);
  if (!check.ok) {
    out(`Refused: ${check.problem}. Nothing was changed.`);
    return 1;
  }
  try {
    const running = runningBotOn(target, wallMs());
    if (running) {
      out(`Refused: ${running}. Stop it first, then restore. Nothing was changed.`);
      return 1;
    }
    const kept = await restoreBackup(file, target, wallMs());
    out(`Restored ${file} (schema version ${check.version}) onto ${target}.${kept ? ` The file it replaced is kept at ${kept}.` : ''}`);
    return 0;
  } catch (e) {
    out(`The restore failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

/**
 * Why a bot may still be running on `target`, or null. Three signs, any one enough: its scheduler lease has
 * not expired; the lease's process is alive on this host although the lease expired (a bot paused, say
 * 50 s, resumes and writes on: the lease alone would let a restore go under it); another process of this
 * host has the file open (/proc/PID/fd: the kernel's word, which also sees a bot that holds no lease). The
 * pid check alone can be fooled by a reused pid (refusing for nothing: the safe side) and sees nothing on
 * another host; /proc sees only this host's processes, and those this user may read.
 */
function runningBotOn(target: string, nowMs: number): string | null {
  const lease = storedLease(target, schedulerLease);
  if (lease && lease.expiresAtMs > nowMs) return `a running bot (${lease.holder}) holds the scheduler lease on ${target}`;
  if (lease?.host === hostname() && lease.pid !== null && lease.pid !== process.pid && processExists(lease.pid))
    return `the bot that held the scheduler lease on ${target} (${lease.holder}) is still alive as pid ${lease.pid} on this host, though its lease expired`;
  const open = processesWithFileOpen(target);
  if (open?.length) return `process ${open.join(', ')} on this host has ${target} open (a running bot?)`;
  return null;
}

await runIfMain(import.meta.url, 'restore', () => runRestore(process.argv.slice(2), process.env, (s) => console.log(s)));
