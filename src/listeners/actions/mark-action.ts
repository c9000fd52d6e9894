import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeValue } from '../../views/action-ids.js';
import type { ListenerDeps } from '../deps.js';

/**
 * "Mark done" / "Reopen" on a message. The co-chair check runs on the server for every click; anyone else
 * gets a short ephemeral explanation and nothing changes. The original message is updated: through the
 * response_url when it is ephemeral (chat.update cannot edit those), with chat.update otherwise.
 */
export function markAction({ service, homes, logger }: ListenerDeps, action: 'done' | 'reopen') {
  return async ({ ack, body, action: button, respond, client }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = decodeValue(button.value);
    if (!value?.k) {
      logger.warn(`ignored a ${button.action_id} click with a value the bot did not write`);
      return;
    }
    const channel = body.channel?.id;
    const ts = body.container?.message_ts ?? body.message?.ts;
    const result = await service.markFromButton(value, action, body.user.id, `button:${channel ?? '?'}/${ts ?? '?'}`);
    if (!result.ok) {
      if (body.container?.is_ephemeral || !channel) await respond({ response_type: 'ephemeral', replace_original: false, ...result.reply });
      else await client.chat.postEphemeral({ channel, user: body.user.id, ...result.reply });
      return;
    }
    if (body.container?.is_ephemeral || !body.message || !channel || !ts) await respond({ replace_original: true, ...result.updated });
    else await client.chat.update({ channel, ts, ...result.updated });
    if (result.outcome.changed) await homes.refreshAll(client);
  };
}
