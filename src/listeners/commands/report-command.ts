import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Command } from '../../domain/command.js';
import { messages } from '../../i18n/messages.js';
import { uploadReport } from '../../slack/upload-report.js';
import type { ListenerDeps } from '../deps.js';

/** `/gcm report [FROM TO]` after the ack: the summary to the asker, the full report as a file in the channel. */
export async function answerReport({ service, logger }: ListenerDeps, command: Command, channel: string, respond: RespondFn, client: WebClient): Promise<void> {
  const r = service.report(command);
  if (!r.ok) {
    await respond({ response_type: 'ephemeral', ...r.reply });
    return;
  }
  const m = messages(command.lang);
  const title = service.reportMessage(r.report, command.lang).text;
  const attached = await uploadReport(client, channel, r.filename, r.markdown, title, logger);
  await respond({ response_type: 'ephemeral', ...service.reportMessage(r.report, command.lang, attached ? m.report.file : m.report.fileFailed) });
}
