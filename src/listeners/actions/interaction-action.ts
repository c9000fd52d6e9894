import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ActionOutcome, Click, Interaction } from '../../commands/use-case.js';
import { openModal, type ModalOrigin } from '../../slack/modal-envelope.js';
import { responder, type Respond } from '../../slack/respond.js';
import { modalNotOpened } from '../../views/modal-view.js';
import type { Language } from '../../domain/types.js';
import type { Message } from '../../views/message-view.js';
import type { ListenerDeps } from '../deps.js';
import { unlessNotSaved } from '../not-saved.js';

type ElementAction = { action_id: string; block_id: string; value?: string; selected_date?: string | null; selected_option?: { value: string } | null };

/**
 * A button, menu or date picker of the bot, through its use case: ack, read the click, guard, run, then
 * the one Web API call the outcome asks for. An ephemeral message (and one without a channel) is answered
 * through the response_url, since chat.update and chat.postEphemeral cannot reach it.
 */
export function interactionAction<I>(deps: ListenerDeps, interaction: Interaction<I>) {
  const { router, homes, logger, language } = deps;
  // Made once, not per click: what a call still under way holds is only what it needs (see `update`).
  const failed = (e: unknown) => logger.error(`handler failed: ${e instanceof Error ? e.message : String(e)}`);
  return async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const element = action as ElementAction;
    const click: Click = {
      value: element.value ?? element.selected_option?.value,
      date: element.selected_date ?? undefined,
      blockId: element.block_id,
      blocks: body.message?.blocks,
    };
    const input = interaction.input(click);
    if (!input.ok) return logger.warn(`ignored a ${element.action_id} click with ${input.reason}`);
    const channel = body.channel?.id;
    const ts = body.container?.message_ts ?? body.message?.ts;
    const privateOnly = Boolean(body.container?.is_ephemeral) || !channel;
    const request = { userId: body.user.id, source: `button:${channel ?? '?'}/${ts ?? '?'}`, text: '', lang: interaction.language(click, language) };
    const where = { channel, ts, privateOnly, hasMessage: Boolean(body.message), triggerId: body.trigger_id, responseUrl: body.response_url };
    const d: Delivery = { respond: responder(body.response_url, respond), client, homes, logger, userId: body.user.id, lang: request.lang, ...where };
    const what = { lang: request.lang, who: request.userId, source: request.source };
    const outcome = await unlessNotSaved(
      deps,
      what,
      (m) => reply(m, d),
      () => router.interaction(interaction, input.input, request),
    );
    // Not awaited: the request (its HTTP objects, Bolt's arguments, the payload) is let go once acknowledged and
    // run, while Slack answers the one call; a failure is logged as Bolt's error handler logs it (slack-app.ts).
    if (outcome) deliver(outcome, d).catch(failed);
  };
}

type Delivery = Pick<SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs, 'client'> & {
  respond: Respond;
  homes: ListenerDeps['homes'];
  logger: ListenerDeps['logger'];
  userId: string;
  channel: string | undefined;
  ts: string | undefined;
  privateOnly: boolean;
  hasMessage: boolean;
  triggerId: string;
  responseUrl: string | undefined;
  lang: Language;
};

/** The one Web API call each outcome needs (and the App Homes refreshed after a change). */
async function deliver(outcome: ActionOutcome, d: Delivery): Promise<void> {
  switch (outcome.kind) {
    case 'reply':
      return reply(outcome.message, d);
    case 'update':
      return update(outcome.message, outcome.changed, d);
    case 'share':
      await d.respond({ response_type: 'in_channel', replace_original: false, ...outcome.message });
      await d.respond({ delete_original: true });
      return;
    case 'home':
      d.homes.publish(d.client, d.userId);
      return;
    case 'modal':
      // Where the clicked message is, so that it is drawn again once the modal changed something.
      if (!(await openModal(d.client, d.triggerId, outcome.view, d.channel, d.logger, modalOrigin(d)))) await reply(modalNotOpened(d.lang), d);
      return;
  }
}

/**
 * The clicked message drawn again, then (after a change) the App Homes refreshed. Returned, not awaited, so that
 * while Slack answers, the call under way holds the post and, after a change, the Homes and the client, not
 * the click's Delivery, outcome and request: under a burst of clicks, posts wait their turn in the pool by the
 * thousand, and each thing they hold outlives two minor collections and is promoted to the old space.
 */
function update(message: Message, changed: boolean, d: Delivery): Promise<void> {
  const sent =
    d.privateOnly || !d.hasMessage || !d.channel || !d.ts
      ? d.respond.replace(message)
      : d.client.chat.update({ channel: d.channel, ts: d.ts, ...message }).then(nothing);
  if (!changed) return sent;
  const { homes, client } = d;
  return sent.then(() => homes.refreshAll(client));
}

const nothing = (): void => undefined;

/** The clicked message, for a modal opened from it: by ts when chat.update can reach it, else by response_url. */
function modalOrigin(d: Delivery): ModalOrigin | undefined {
  if (!d.privateOnly && d.hasMessage && d.channel && d.ts) return { ts: d.ts, ephemeral: false };
  return d.responseUrl ? { responseUrl: d.responseUrl, ephemeral: true } : undefined;
}

/** A short private answer to the person who clicked. */
async function reply(message: Message, d: Delivery): Promise<void> {
  if (d.privateOnly || !d.channel) await d.respond({ response_type: 'ephemeral', replace_original: false, ...message });
  else await d.client.chat.postEphemeral({ channel: d.channel, user: d.userId, ...message });
}
