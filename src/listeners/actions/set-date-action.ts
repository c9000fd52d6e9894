import type { AllMiddlewareArgs, BlockAction, DatepickerAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/** "Set date" on a meeting reminder: a co-chair picks the real date; the reminder is updated. */
export function setDateAction({ service, homes, language }: ListenerDeps) {
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockAction<DatepickerAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const channel = body.channel?.id;
    const ts = body.container?.message_ts ?? body.message?.ts;
    const lang = language(body.message?.blocks);
    const result = await service.setDateFromPicker(action.block_id, action.selected_date ?? '', body.user.id, `button:${channel ?? '?'}/${ts ?? '?'}`, lang);
    if (!result.ok) {
      if (!channel) return;
      await client.chat.postEphemeral({ channel, user: body.user.id, ...result.reply });
      return;
    }
    if (channel && ts && !body.container?.is_ephemeral) await client.chat.update({ channel, ts, ...result.updated });
    else await respond({ replace_original: true, ...result.updated });
    await homes.refreshAll(client);
  };
}
