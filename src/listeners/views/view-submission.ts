import type { AllMiddlewareArgs, Logger, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ModalSubmit, Submission } from '../../commands/use-case.js';
import { openEnvelope, type ModalOrigin } from '../../slack/modal-envelope.js';
import type { Message } from '../../views/message-view.js';
import type { ListenerDeps } from '../deps.js';
import { unlessNotSaved } from '../not-saved.js';

/**
 * A modal of the bot submitted: read it, guard (again: who submits may not be who opened), run, and answer
 * in the acknowledgement (Slack's 3 seconds): field errors keep the modal open; otherwise it closes and
 * the person is told the result privately in the channel it came from (else in the app's direct messages).
 */
export function viewSubmission<I>(deps: ListenerDeps, modal: ModalSubmit<I>) {
  const { router, homes, logger, language } = deps;
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const envelope = openEnvelope(view.private_metadata);
    const submission: Submission = { values: view.state.values as Submission['values'], metadata: envelope?.metadata ?? '' };
    const input = envelope ? modal.input(submission) : { ok: false as const, reason: 'metadata the bot did not write' };
    if (!input.ok) {
      await ack();
      return logger.warn(`ignored a ${modal.callbackId} submission with ${input.reason}`);
    }
    const request = { userId: body.user.id, source: `modal:${envelope?.channel ?? 'home'}`, text: '', lang: modal.language(submission, language) };
    const told = (m: Message) => tell(client, envelope?.channel ?? null, body.user.id, m, logger);
    const what = { lang: request.lang, who: request.userId, source: request.source };
    const outcome = await unlessNotSaved(
      deps,
      what,
      async (m) => {
        await ack();
        await told(m);
      },
      () => router.submission(modal, input.input, request),
    );
    if (!outcome) return;
    if (outcome.kind === 'errors') return ack({ response_action: 'errors', errors: outcome.errors });
    await ack();
    // The message the modal came from shows the new state; the person is told privately too (the note and links as written).
    if (outcome.redraw && envelope?.origin) await redrawOrigin(client, envelope.channel, envelope.origin, outcome.redraw, logger);
    await told(outcome.message);
    if (outcome.changed) homes.refreshAll(client);
  };
}

/**
 * Replaces the message the modal was opened from with `message` (its new state, who changed what on top):
 * chat.update in the channel, or the click's response_url for an ephemeral one. False (logged) when it could
 * not (the response_url expired, the message is gone): the person is still told privately.
 */
async function redrawOrigin(client: WebClient, channel: string | null, origin: ModalOrigin, message: Message, logger: Logger): Promise<boolean> {
  try {
    if (!origin.ephemeral && channel && origin.ts) {
      await client.chat.update({ channel, ts: origin.ts, ...message });
      return true;
    }
    if (!origin.responseUrl) return false;
    const res = await fetch(origin.responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, ...message }),
    });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
    return true;
  } catch (e) {
    logger.warn(`the message the modal came from could not be redrawn: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/**
 * Tells `user` privately in `channel`; from the App Home (no channel), or where the bot cannot post (a
 * channel it is not in), in the app's direct messages instead.
 */
async function tell(client: WebClient, channel: string | null, user: string, message: Message, logger: Logger): Promise<void> {
  if (channel) {
    try {
      await client.chat.postEphemeral({ channel, user, ...message });
      return;
    } catch (e) {
      logger.warn(`chat.postEphemeral in ${channel} failed (${e instanceof Error ? e.message : String(e)}): told in a direct message`);
    }
  }
  await client.chat.postMessage({ channel: user, ...message });
}
