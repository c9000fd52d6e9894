import type { Logger } from '@slack/bolt';
import type { Language } from '../domain/types.js';
import type { GcmService } from '../gcm-service.js';
import type { HomePublisher } from '../slack/home-publisher.js';

/** What the handlers need; built once in the app factory. */
export interface ListenerDeps {
  service: GcmService;
  homes: HomePublisher;
  logger: Logger;
  /** The language of a message the bot wrote, read from its buttons (a button keeps its message's language). */
  language: (blocks: unknown) => Language;
}
