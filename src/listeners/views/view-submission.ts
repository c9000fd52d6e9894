import type { AllMiddlewareArgs, Logger, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ModalSubmit, Submission } from '../../commands/use-case.js';
import { openEnvelope } from '../../slack/modal-envelope.js';
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
    await told(outcome.message);
    if (outcome.changed) homes.refreshAll(client);
  };
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
