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
  /** The message the modal was opened from, when a button on one opened it: redrawn after a change. */
  origin?: ModalOrigin;
}

/**
 * Where the message a modal was opened from is: its ts in `channel` (chat.update), or for an ephemeral one
 * (which chat.update cannot reach) the click's response_url.
 */
export interface ModalOrigin {
  ts?: string;
  responseUrl?: string;
  ephemeral: boolean;
}

/** Slack's limit on private_metadata. */
const metadataMax = 3000;

/** The view with the channel (and the message it was opened from) wrapped around its metadata, within 3000 characters. */
export function sealModal(view: ModalView, channel: string | undefined, origin?: ModalOrigin): ModalView {
  const envelope: Envelope = { channel: channel ?? null, metadata: view.private_metadata ?? '', ...(origin ? { origin } : {}) };
  const sealed = JSON.stringify(envelope);
  // Past the limit the origin is left out: the person is then told privately instead of the message being redrawn.
  return { ...view, private_metadata: sealed.length <= metadataMax ? sealed : JSON.stringify({ ...envelope, origin: undefined }) };
}

/** The envelope of a submitted modal; null when the bot did not write it (never trust what a client sends). */
export function openEnvelope(raw: string | undefined): Envelope | null {
  try {
    const e = JSON.parse(raw ?? '') as Partial<Envelope>;
    if (typeof e.metadata !== 'string' || (e.channel !== null && typeof e.channel !== 'string')) return null;
    return { channel: e.channel ?? null, metadata: e.metadata, ...(originOf(e.origin) ? { origin: originOf(e.origin)! } : {}) };
  } catch {
    return null;
  }
}

/** An origin as the bot wrote it, or undefined. */
function originOf(o: unknown): ModalOrigin | undefined {
  const v = o as Partial<ModalOrigin> | undefined;
  if (!v || typeof v !== 'object' || typeof v.ephemeral !== 'boolean') return undefined;
  const ts = typeof v.ts === 'string' ? { ts: v.ts } : {};
  const url = typeof v.responseUrl === 'string' ? { responseUrl: v.responseUrl } : {};
  return { ephemeral: v.ephemeral, ...ts, ...url };
}

/**
 * Opens `view` for the trigger of a command or click, the channel wrapped around its metadata. False (and
 * logged) when Slack refused it (a trigger older than 3 seconds, Slack unreachable): the caller says so.
 */
export async function openModal(
  client: WebClient,
  triggerId: string,
  view: ModalView,
  channel: string | undefined,
  logger: Logger,
  origin?: ModalOrigin,
): Promise<boolean> {
  try {
    await client.views.open({ trigger_id: triggerId, view: sealModal(view, channel, origin) });
    return true;
  } catch (e) {
    logger.warn(`views.open failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
