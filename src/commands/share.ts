import { actionIds, decodeValue, shareBlockId, type ActionValue } from '../views/action-ids.js';
import { esc } from '../views/blocks.js';
import type { Interaction } from './use-case.js';

/** "Share in channel": the same answer, fresh, for everyone in the channel (the private copy is removed). */
export const shareButton: Interaction<ActionValue> = {
  actionId: actionIds.share,
  guard: 'anyone',
  language: (click, fallback) => decodeValue(click.value)?.l ?? fallback,
  input: (click) => {
    const value = decodeValue(click.value);
    return value ? { ok: true, input: value } : { ok: false, reason: 'a value the bot did not write' };
  },
  run: async (value, uc) => {
    const message = await uc.reanswer(value.c, value.l, `<@${uc.userId}>: \`/gcm ${esc(value.c)}\``);
    return { kind: 'share', message: { ...message, blocks: message.blocks.filter((b) => b.block_id !== shareBlockId) } };
  },
};
