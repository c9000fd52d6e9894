import type { OutboxView } from '../commands/use-case.js';
import type { Config } from '../config.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Stores } from '../stores.js';

/**
 * What the use cases see of the outbox: its settings for `/gcm reminders`, who holds the scheduler lease
 * (`holder()`, null when none), what is unsent, and the current message of a posted item after a click.
 */
export function outboxView(config: Config, stores: Stores, outbox: Outbox, holder: () => string | null, instanceId: string): OutboxView {
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
  };
}
