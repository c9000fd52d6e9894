import type { Language } from '../domain/types.js';
import { messages, type Messages } from '../i18n/messages.js';
import { errorMessage, type Message } from './message-view.js';

/** Why a change did not reach the database (src/db/database-file.ts's WriteFailureReason). */
export type NotSavedReason = keyof Messages['notSaved'];

/** What the person is told when the database did not take their change: nothing was saved, and why. */
export function notSavedMessage(lang: Language, reason: NotSavedReason): Message {
  return errorMessage(`:warning: ${messages(lang).notSaved[reason]}`);
}
