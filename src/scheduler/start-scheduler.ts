import type { Logger } from '@slack/bolt';
import cron, { type ScheduledTask } from 'node-cron';
import { leaseRenewMs, type Outbox } from '../outbox/outbox.js';

/** A retry sooner than the next minute's pass (a 429's Retry-After, a lease about to expire) gets its own pass. */
const nextPassMs = 60_000;

/**
 * Runs the outbox's pass at start-up and then every minute (node-cron, in the configured zone), plus an
 * extra pass when a record may be retried, or the lease taken, before the next minute (a 429 with a short
 * Retry-After is retried when Slack says). Renews the lease every `leaseRenewMs` between passes. Each pass
 * reads the clock once; overlapping passes are skipped by the outbox itself, which says so. `stop()` lets
 * the post in flight finish (bounded) and gives the lease back.
 */
export function startScheduler(outbox: Pick<Outbox, 'tick' | 'stop' | 'renewLease'>, zone: string, logger: Logger): { stop(): Promise<void> } {
  let first = true;
  let soon: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      const r = await outbox.tick();
      if (first || r.sent.length || r.recovered.length || r.failed.length) {
        first = false;
        logger.info(
          `reminder pass: ${r.sent.length} posted, ${r.recovered.length} found already posted, ${r.failed.length} to retry${r.skipped ? ` (${r.skipped})` : ''}`,
        );
      }
      if (r.retryInMs !== undefined && r.retryInMs < nextPassMs) {
        clearTimeout(soon);
        soon = setTimeout(() => void run(), r.retryInMs);
        soon.unref();
      }
    } catch (e) {
      logger.error(`reminder pass failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const task: ScheduledTask = cron.schedule('* * * * *', run, { timezone: zone, name: 'gcm-reminders' });
  const renew = setInterval(() => {
    try {
      outbox.renewLease();
    } catch (e) {
      logger.error(`renewing the scheduler lease failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, leaseRenewMs);
  renew.unref();
  void run();
  return {
    stop: async () => {
      clearInterval(renew);
      clearTimeout(soon);
      await task.stop();
      await outbox.stop();
    },
  };
}
