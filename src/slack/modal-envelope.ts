import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { ModalView } from '../views/modal-view.js';

/**
 * What the bot keeps in a modal's `private_metadata` (at most 3000 characters): the channel it was opened
 * from (where the result is told privately: transport, added here) around the use case's own metadata.
 */
interface Envelope {
  /** The channel of the command or the message, or null (the App Home). */
  channel: string | null;
  /** The use case's metadata, as it wrote it. */
  metadata: string;
}

/** The view with the channel wrapped around its metadata. */
export function sealModal(view: ModalView, channel: string | undefined): ModalView {
  const envelope: Envelope = { channel: channel ?? null, metadata: view.private_metadata ?? '' };
  return { ...view, private_metadata: JSON.stringify(envelope) };
}

/** The envelope of a submitted modal; null when the bot did not write it (never trust what a client sends). */
export function openEnvelope(raw: string | undefined): Envelope | null {
  try {
    const e = JSON.parse(raw ?? '') as Partial<Envelope>;
    if (typeof e.metadata !== 'string' || (e.channel !== null && typeof e.channel !== 'string')) return null;
    return { channel: e.channel ?? null, metadata: e.metadata };
  } catch {
    return null;
  }
}

/**
 * Opens `view` for the trigger of a command or click, the channel wrapped around its metadata. False (and
 * logged) when Slack refused it (a trigger older than 3 seconds, Slack unreachable): the caller says so.
 */
export async function openModal(client: WebClient, triggerId: string, view: ModalView, channel: string | undefined, logger: Logger): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: triggerId, view: sealModal(view, channel) });
    return true;
  } catch (e) {
    logger.warn(`views.open failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
