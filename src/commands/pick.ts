import { messages } from '../i18n/messages.js';
import { actionIds, decodeValue, type ActionValue } from '../views/action-ids.js';
import type { Interaction } from './use-case.js';

/**
 * A button of "Did you mean…" (several keywords or agency names as close to what was typed): the message
 * becomes the answer to the picked command, in the language of the message.
 */
export const pickChoiceButton: Interaction<ActionValue> = {
  actionId: actionIds.pickChoice,
  guard: 'anyone',
  language: (click, fallback) => decodeValue(click.value)?.l ?? fallback,
  input: (click) => {
    const value = decodeValue(click.value);
    return value ? { ok: true, input: value } : { ok: false, reason: 'a value the bot did not write' };
  },
  run: async (value, uc) => ({ kind: 'update', message: await uc.reanswer(value.c, value.l, messages(value.l).picked(value.c)), changed: false }),
};
