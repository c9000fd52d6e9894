import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/** The App Home's "My agency" menu: remembers the choice and re-publishes the Home. */
export function pickAgencyAction({ service, homes }: ListenerDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    service.setUserAgency(body.user.id, action.selected_option.value);
    await homes.publish(client, body.user.id);
  };
}
