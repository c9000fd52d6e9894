import { messages } from '../i18n/messages.js';
import { esc } from '../views/blocks.js';
import type { UseCaseContext } from './use-case.js';

/** The words that share a file someone asks for in the channel, in either language (`/gcm report share`). */
const shareWords = new Set(['share', 'compartir']);

/** Where a file someone asked for goes: the channel the command came from, or the asker's direct messages. */
export type FileAudience = 'channel' | 'dm';

/** The argument without a last word `share` (`compartir`), and whether it had one. */
export function splitShare(arg: string): { arg: string; share: boolean } {
  const words = arg.split(/\s+/).filter(Boolean);
  const share = words.length > 0 && shareWords.has(words.at(-1)!.toLowerCase());
  return { arg: (share ? words.slice(0, -1) : words).join(' '), share };
}

/**
 * A file a co-chair asks for goes to the channel; a member's goes to their direct messages, unless they
 * add `share` (docs: README, "Files people ask for").
 */
export async function fileAudience(uc: UseCaseContext, share: boolean): Promise<FileAudience> {
  return share || (await uc.isCoChair()) ? 'channel' : 'dm';
}

/**
 * What is said with the file (`comment`: what it is and who asked, on the file itself) and, when it went to
 * the asker privately, the line for the answer saying where it is and how to share it.
 */
export function askedFileWords(uc: UseCaseContext, to: FileAudience, what: string): { comment: string; answer: string | null } {
  const m = messages(uc.lang).askedFile;
  const command = esc(`/gcm ${uc.text.trim()}`);
  const share = `${command} ${m.shareWord}`;
  if (to === 'channel') return { comment: m.inChannel(what, `<@${uc.userId}>`, command), answer: null };
  return { comment: m.privately(what, command, share), answer: m.sentPrivately(share) };
}
