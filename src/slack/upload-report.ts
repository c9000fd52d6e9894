import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/**
 * Attaches a file to a channel (`files.uploadV2`): text (a report's Markdown) or bytes (an update's .docx or
 * .xlsx). Returns false, logging why, when Slack refuses (bot not in the channel, scope missing, a stand-in
 * without file support): the message is still posted, and the report's says the file could not be attached.
 */
export async function uploadReport(
  client: WebClient,
  channel: string,
  filename: string,
  content: string | Uint8Array,
  title: string,
  logger: Logger,
  threadTs?: string,
): Promise<boolean> {
  try {
    const body = typeof content === 'string' ? { content } : { file: Buffer.from(content) };
    await client.files.uploadV2(
      threadTs ? { channel_id: channel, thread_ts: threadTs, filename, title, ...body } : { channel_id: channel, filename, title, ...body },
    );
    return true;
  } catch (e) {
    logger.warn(`could not attach ${filename} to ${channel}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/** A file someone asked for, and where it goes (src/commands/asked-file.ts). */
export interface AskedFile {
  filename: string;
  content: string;
  title: string;
  /** The line on the file: what it is, and who asked (in the channel) or how to share it (privately). */
  comment: string;
  to: 'channel' | 'dm';
  /** Binary files shared with it, in the same message (the update's .docx and .xlsx). */
  more?: { filename: string; title: string; content: Uint8Array }[];
}

/**
 * Uploads a file someone asked for with its line: to `channel`, or to `userId`'s direct messages with the bot
 * (`conversations.open`, scope `im:write`, then the upload there). False, logged, when Slack refuses either.
 */
export async function deliverAskedFile(client: WebClient, channel: string, userId: string, file: AskedFile, logger: Logger): Promise<boolean> {
  let target = channel;
  if (file.to === 'dm') {
    try {
      const opened = await client.conversations.open({ users: userId });
      target = String(opened.channel?.id ?? '');
      if (!target) throw new Error('conversations.open gave no channel');
    } catch (e) {
      logger.warn(`could not open a direct message with ${userId} for ${file.filename}: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }
  try {
    if (file.more?.length) {
      const more = file.more.map((f) => ({ filename: f.filename, title: f.title, file: Buffer.from(f.content) }));
      await client.files.uploadV2({
        channel_id: target,
        initial_comment: file.comment,
        file_uploads: [{ filename: file.filename, title: file.title, content: file.content }, ...more],
      });
    } else
      await client.files.uploadV2({ channel_id: target, filename: file.filename, title: file.title, content: file.content, initial_comment: file.comment });
    return true;
  } catch (e) {
    logger.warn(`could not attach ${file.filename} to ${target}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
