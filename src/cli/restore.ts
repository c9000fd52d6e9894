import { configOf, runIfMain } from './cli-context.js';
import { checkBackup, liveLease, restoreBackup } from '../db/backup.js';
import { schedulerLease } from '../outbox/outbox.js';

const usage = 'usage: npm run restore -- FILE   (a backup made by npm run backup or the nightly job; restored onto DATABASE_PATH)';

/**
 * `npm run restore -- FILE`: checks FILE (integrity, a gcm database, a schema version this bot knows) and
 * copies it onto DATABASE_PATH, keeping the file it replaces beside it. Refused, with one line saying why,
 * for a bad file or while a running bot holds the scheduler lease on DATABASE_PATH. Exit 0 or 1.
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
    const lease = liveLease(target, schedulerLease, wallMs());
    if (lease) {
      out(`Refused: a running bot (${lease.holder}) holds the scheduler lease on ${target}. Stop it first, then restore. Nothing was changed.`);
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

await runIfMain(import.meta.url, 'restore', () => runRestore(process.argv.slice(2), process.env, (s) => console.log(s)));
