import { writeFailureOf } from '../db/database-file.js';
import type { Language } from '../domain/types.js';
import type { Message } from '../views/message-view.js';
import { notSavedMessage } from '../views/not-saved-view.js';
import type { ListenerDeps } from './deps.js';

/**
 * Runs a use case (`work`). When the database refused its write (src/db/database-file.ts: the file deleted
 * or replaced under the bot, read-only, a full disk), the person is told that nothing was saved and why
 * (`reply`), the log says so, and, when the bot cannot go on, `onDatabaseLost` is called once the reply
 * has been sent (it stops the bot). Returns null then; any other error goes on to Bolt's error handler.
 */
export async function unlessNotSaved<T>(
  { logger, onDatabaseLost }: Pick<ListenerDeps, 'logger' | 'onDatabaseLost'>,
  what: { lang: Language; who: string; source: string },
  reply: (message: Message) => Promise<unknown>,
  work: () => Promise<T>,
): Promise<T | null> {
  try {
    return await work();
  } catch (e) {
    const failure = writeFailureOf(e);
    if (!failure) throw e;
    logger.error(`${what.who} (${what.source}): nothing was saved: ${failure.detail}`);
    try {
      await reply(notSavedMessage(what.lang, failure.reason));
    } finally {
      if (failure.fatal) onDatabaseLost(failure);
    }
    return null;
  }
}
