import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/** Publishes the App Home when a user opens it (only the Home tab; a retried event publishes the same view). */
export function appHomeOpened({ homes }: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    homes.publish(client, event.user);
  };
}
