import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { ModalSubmit, Submission } from '../../commands/use-case.js';
import { openEnvelope } from '../../slack/modal-envelope.js';
import type { ListenerDeps } from '../deps.js';

/**
 * A modal of the bot submitted: read it, guard (again: who submits may not be who opened), run, and answer
 * in the acknowledgement (Slack's 3 seconds): field errors keep the modal open; otherwise it closes and
 * the person is told the result privately in the channel it came from (else in the app's DM).
 */
export function viewSubmission<I>({ router, homes, logger, language }: ListenerDeps, modal: ModalSubmit<I>) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const envelope = openEnvelope(view.private_metadata);
    const submission: Submission = { values: view.state.values as Submission['values'], metadata: envelope?.metadata ?? '' };
    const input = envelope ? modal.input(submission) : { ok: false as const, reason: 'metadata the bot did not write' };
    if (!input.ok) {
      await ack();
      return logger.warn(`ignored a ${modal.callbackId} submission with ${input.reason}`);
    }
    const request = { userId: body.user.id, source: `modal:${envelope?.channel ?? 'home'}`, text: '', lang: modal.language(submission, language) };
    const outcome = await router.submission(modal, input.input, request);
    if (outcome.kind === 'errors') return ack({ response_action: 'errors', errors: outcome.errors });
    await ack();
    const channel = envelope?.channel;
    if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, ...outcome.message });
    else await client.chat.postMessage({ channel: body.user.id, ...outcome.message });
    if (outcome.changed) await homes.refreshAll(client);
  };
}
