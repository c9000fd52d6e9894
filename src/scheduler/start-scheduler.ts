import type { Logger } from '@slack/bolt';
import cron, { type ScheduledTask } from 'node-cron';
import type { Outbox } from '../outbox/outbox.js';

/**
 * Runs the outbox's pass at start-up and then every minute (node-cron, in the configured zone). Each pass
 * reads the clock once; overlapping passes are skipped by the outbox itself.
 */
export function startScheduler(outbox: Pick<Outbox, 'tick' | 'release'>, zone: string, logger: Logger): { stop(): Promise<void> } {
  let first = true;
  const run = async () => {
    try {
      const r = await outbox.tick();
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
      outbox.release();
    },
  };
}
