import type { Logger } from '@slack/bolt';
import type { WriteFailure } from '../db/database-file.js';
import type { Language } from '../domain/types.js';
import type { HomePublisher } from '../slack/home-publisher.js';
import type { Router } from '../slack/router.js';

/** What the handlers need; built once in the app factory. */
export interface ListenerDeps {
  router: Router;
  homes: HomePublisher;
  logger: Logger;
  /** GCM_LANGUAGE: the language of an element whose message says none. */
  language: Language;
  /** The database file is gone or replaced (a write found it so): called once the person was told; it stops the bot. */
  onDatabaseLost: (failure: WriteFailure) => void;
}
