import type { Logger } from '@slack/bolt';
import cron, { type ScheduledTask } from 'node-cron';
import type { ReminderJob } from './reminder-job.js';

/**
 * Runs the reminder pass at start-up and then every minute (node-cron, in the configured zone). Each pass
 * reads the clock once; overlapping passes are skipped by the job itself.
 */
export function startScheduler(job: ReminderJob, zone: string, logger: Logger): { stop(): Promise<void> } {
  let first = true;
  const run = async () => {
    try {
      const r = await job.tick();
      if (first || r.sent.length || r.recovered.length || r.failed.length) {
        first = false;
        logger.info(
          `reminder pass: ${r.sent.length} posted, ${r.recovered.length} found already posted, ${r.failed.length} to retry${r.skipped ? ` (${r.skipped})` : ''}`,
        );
      }
    } catch (e) {
      logger.error(`reminder pass failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const task: ScheduledTask = cron.schedule('* * * * *', run, { timezone: zone, name: 'gcm-reminders', noOverlap: true });
  void run();
  return {
    stop: async () => {
      await task.stop();
      job.release();
    },
  };
}
