import type { Language } from '../domain/types.js';
import { errorMessage, type Message } from '../views/message-view.js';
import type { UseCaseContext } from './use-case.js';

/** Prefix of a button's command text on a message the outbox posted: `reminder KEY`. */
export const reminderCommandPrefix = 'reminder ';

/**
 * The message a clicked element sits on, drawn fresh with `notice` on top: a posted reminder or follow-up
 * (`c` is `reminder KEY`), else the answer to the command `c`.
 */
export async function redraw(uc: UseCaseContext, value: { c: string; l: Language }, notice: string): Promise<Message> {
  if (value.c.startsWith(reminderCommandPrefix)) {
    return (await uc.outbox.message(value.c.slice(reminderCommandPrefix.length), value.l, notice)) ?? errorMessage(notice);
  }
  return uc.reanswer(value.c, value.l, notice);
}
