import type { Logger } from '@slack/bolt';
import cron, { type ScheduledTask } from 'node-cron';
import type { Db } from '../db/open-database.js';
import { DateTime } from 'luxon';
import { backupDatabase, newestBackupMs, pruneBackups } from '../db/backup.js';

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

/** The last 02:00 in `zone` at or before `nowMs`: when the latest nightly backup was due. */
export function lastNightlyDue(nowMs: number, zone: string): number {
  const now = DateTime.fromMillis(nowMs, { zone });
  const today = now.set({ hour: 2, minute: 0, second: 0, millisecond: 0 });
  return (today <= now ? today : today.minus({ days: 1 })).toMillis();
}

/**
 * Every night at 02:00 in `zone` (node-cron), the copy of the bot that holds the scheduler lease backs the
 * database up into `dir` (backupDatabase) and keeps the last `keep` nightly backups. A night that was missed
 * (the bot was down at 02:00, or the backup failed) is caught up at the next half hour: every hour at :30 the
 * lease holder checks that the newest backup in `dir` is from after the last 02:00, and makes one if not. A
 * failure is logged as an error and tried again at the next check; it never stops the bot.
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
  const catchUp = async () => {
    const newest = newestBackupMs(o.dir);
    if (newest !== null && newest >= lastNightlyDue(wallMs(), o.zone)) return;
    if (o.holdsLease()) o.logger.info(`nightly backup: none in ${o.dir} since the last 02:00 (${o.zone}), making it now`);
    await run();
  };
  const task: ScheduledTask = cron.schedule('0 2 * * *', run, { timezone: o.zone, name: 'gcm-backup', noOverlap: true });
  const check: ScheduledTask = cron.schedule('30 * * * *', catchUp, { timezone: o.zone, name: 'gcm-backup-catch-up', noOverlap: true });
  return {
    stop: async () => {
      await task.stop();
      await check.stop();
    },
  };
}
