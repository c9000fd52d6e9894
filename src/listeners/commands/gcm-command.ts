import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { answerReport } from './report-command.js';

/**
 * `/gcm …`. Questions are answered in the acknowledgement itself (ephemeral, a few milliseconds of SQLite,
 * well inside Slack's 3 seconds). `done`/`reopen` are acknowledged first, then answered through the
 * response_url, since the co-chair check may call Slack.
 */
export function gcmCommand(deps: ListenerDeps) {
  const { service, homes } = deps;
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const parsed = service.parse(command.text ?? '');
    if (!service.isMutation(parsed)) {
      await ack({ response_type: 'ephemeral', ...service.answerMessage(command.text ?? '') });
      return;
    }
    await ack();
    if (parsed.name === 'report') return answerReport(deps, parsed, command.channel_id, respond, client);
    const { reply, changed } = await service.commandMutation(parsed, command.user_id, `command:/gcm ${command.text}`);
    await respond({ response_type: 'ephemeral', ...reply });
    if (changed) await homes.refreshAll(client);
  };
}
