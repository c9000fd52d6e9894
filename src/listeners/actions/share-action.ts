import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeValue } from '../../views/action-ids.js';
import type { ListenerDeps } from '../deps.js';

/** "Share in channel": posts the same answer, fresh, in the channel, and removes the private copy. */
export function shareAction({ service, logger }: ListenerDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const value = decodeValue(action.value);
    if (!value) {
      logger.warn('ignored a share click with a value the bot did not write');
      return;
    }
    const message = service.answerMessage(value.c, value.l, `<@${body.user.id}>: \`/gcm ${value.c}\``);
    await respond({ response_type: 'in_channel', replace_original: false, ...message, blocks: message.blocks.filter((b) => b.block_id !== 'gcm_share') });
    await respond({ delete_original: true });
  };
}
