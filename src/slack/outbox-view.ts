import type { OutboxView } from '../commands/use-case.js';
import type { Logger } from '@slack/bolt';
import type { Config } from '../config.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Stores } from '../stores.js';

/**
 * What the use cases see of the outbox: its settings for `/gcm reminders`, who holds the scheduler lease
 * (`holder()`, null when none), what is unsent, and the current message of a posted item after a click.
 */
export function outboxView(config: Config, stores: Stores, outbox: Outbox, holder: () => string | null, instanceId: string, logger: Logger): OutboxView {
  return {
    channel: config.reminderChannel,
    settings: outbox.settings,
    digest: config.digest,
    scheduler: () => {
      const h = holder();
      return h === null ? 'none' : h === instanceId ? 'me' : 'other';
    },
    unsent: () => stores.reminders.unsent(),
    retryFailed: (by) => outbox.retryFailed(by),
    record: (key) => stores.reminders.get(key),
    message: (key, lang, notice) => outbox.message(key, lang, notice),
    postSoon: () => postSoon(outbox, logger, overlapRetries),
  };
}

/** How often a pass asked for at once is tried again, a second apart, while another pass is running. */
const overlapRetries = 5;

/**
 * A pass now (what a click recorded goes out at once, not at the next minute). One already running may have
 * read before the click: this one is tried again after it, a second apart. A failure is logged; the
 * minute's pass posts it anyway.
 */
function postSoon(outbox: Outbox, logger: Logger, retries: number): void {
  outbox.tick().then(
    (r) => {
      if (r.skipped === 'overlap' && retries > 0) setTimeout(() => postSoon(outbox, logger, retries - 1), 1000).unref();
    },
    (e: unknown) => logger.error(`a pass asked for at once failed: ${e instanceof Error ? e.message : String(e)}; the next minute's pass tries again`),
  );
}
