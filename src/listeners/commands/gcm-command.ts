import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { openModal } from '../../slack/modal-envelope.js';
import { modalNotOpened } from '../../views/modal-view.js';
import { type AskedFile, deliverAskedFile } from '../../slack/upload-report.js';
import type { Outcome } from '../../commands/use-case.js';
import type { Logger } from '@slack/bolt';
import { responder } from '../../slack/respond.js';
import { perObject } from '../../slack/per-object.js';
import type { ListenerDeps } from '../deps.js';
import { unlessNotSaved } from '../not-saved.js';
import type { Message } from '../../views/message-view.js';

/**
 * The file of a file outcome with the binary files made beside it (the update's Word file and workbook): when
 * they cannot be made, the first file still goes, and it is logged.
 */
async function askedFile(outcome: Extract<Outcome, { kind: 'file' }>, logger: Logger): Promise<AskedFile> {
  const more = await outcome.more?.().catch((e: unknown) => {
    logger.warn(`could not make the files for ${outcome.file.filename}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  });
  return { ...outcome.file, comment: outcome.comment, to: outcome.to, ...(more ? { more } : {}) };
}

/**
 * `message` as an ephemeral acknowledgement: the same frozen object for the same message (a cached answer is
 * the same object each time), so that the door encodes a cached answer once (src/slack/guarded-receiver.ts,
 * HttpAck), not on every request.
 */
const ephemeral = perObject(
  (message: Message): Readonly<Message & { response_type: 'ephemeral' }> => Object.freeze({ response_type: 'ephemeral' as const, ...message }),
);

/**
 * `/gcm …`, through the command table. A use case that answers in the acknowledgement is answered there
 * (ephemeral); the others are acknowledged at once and answered through the response_url.
 */
export function gcmCommand(deps: ListenerDeps) {
  const { router, homes, logger } = deps;
  return async ({ command, ack, respond: boltRespond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = command.text ?? '';
    const found = router.find(text);
    const request = { userId: command.user_id, source: `command:/gcm ${command.text}`, text, lang: found.lang };
    const what = { lang: found.lang, who: command.user_id, source: request.source };
    if (found.command.reply === 'ack') {
      const ackWith = (m: Message) => ack(ephemeral(m));
      const outcome = await unlessNotSaved(deps, what, ackWith, () => router.command(found.command, found.arg, request));
      if (!outcome) return;
      if (outcome.kind === 'message') return ackWith(outcome.message);
    }
    await ack();
    const respond = responder(command.response_url, boltRespond);
    const outcome = await unlessNotSaved(
      deps,
      what,
      (m) => respond({ response_type: 'ephemeral', ...m }),
      () => router.command(found.command, found.arg, request),
    );
    if (!outcome) return;
    if (outcome.kind === 'file') {
      const attached = await deliverAskedFile(client, command.channel_id, command.user_id, await askedFile(outcome, logger), logger);
      await respond({ response_type: 'ephemeral', ...outcome.message(attached) });
      return;
    }
    if (outcome.kind === 'modal') {
      // The trigger_id is valid for 3 seconds: the modal opens right after the (fast) use case.
      if (!(await openModal(client, command.trigger_id, outcome.view, command.channel_id, logger)))
        await respond({ response_type: 'ephemeral', ...modalNotOpened(found.lang) });
      return;
    }
    await respond({ response_type: 'ephemeral', ...outcome.message });
    if (outcome.changed) homes.refreshAll(client);
  };
}
