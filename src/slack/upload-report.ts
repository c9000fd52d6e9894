import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/**
 * Attaches a report to a channel as a Markdown file (`files.uploadV2`). Returns false, logging why, when
 * Slack refuses (bot not in the channel, scope missing, a stand-in without file support): the report's
 * summary is still posted, and says the file could not be attached.
 */
export async function uploadReport(
  client: WebClient,
  channel: string,
  filename: string,
  markdown: string,
  title: string,
  logger: Logger,
  threadTs?: string,
): Promise<boolean> {
  try {
    await client.files.uploadV2(
      threadTs ? { channel_id: channel, thread_ts: threadTs, filename, title, content: markdown } : { channel_id: channel, filename, title, content: markdown },
    );
    return true;
  } catch (e) {
    logger.warn(`could not attach ${filename} to ${channel}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
