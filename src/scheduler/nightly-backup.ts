import type { Logger } from '@slack/bolt';
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../db/open-database.js';
import { backupDatabase, pruneBackups } from '../db/backup.js';

export interface NightlyBackupOptions {
  db: Db;
  /** GCM_BACKUP_DIR */
  dir: string;
  /** GCM_BACKUP_KEEP */
  keep: number;
  /** GCM_TIMEZONE: 02:00 is read in it. */
  zone: string;
  /** Whether this copy of the bot holds the scheduler lease: only that copy backs up, so two copies on one database make one backup. */
  holdsLease: () => boolean;
  logger: Logger;
  wallMs?: () => number;
}

/**
 * Every night at 02:00 in `zone` (node-cron), the copy of the bot that holds the scheduler lease backs the
 * database up into `dir` (backupDatabase) and keeps the last `keep` nightly backups. A failure is logged as an
 * error and tried again the next night; it never stops the bot.
 */
export function startNightlyBackup(o: NightlyBackupOptions): { stop(): Promise<void> } {
  const wallMs = o.wallMs ?? Date.now;
  const run = async () => {
    if (!o.holdsLease()) {
      o.logger.debug('nightly backup: another copy of the bot holds the scheduler lease and makes it');
      return;
    }
    try {
      const file = await backupDatabase(o.db, o.dir, wallMs());
      const pruned = pruneBackups(o.dir, o.keep);
      o.logger.info(`nightly backup: ${file}${pruned.length ? ` (removed ${pruned.length} older than the last ${o.keep})` : ''}`);
    } catch (e) {
      o.logger.error(`nightly backup into ${o.dir} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const task: ScheduledTask = cron.schedule('0 2 * * *', run, { timezone: o.zone, name: 'gcm-backup', noOverlap: true });
  return { stop: async () => void (await task.stop()) };
}
