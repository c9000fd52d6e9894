import type { App, BlockAction, ViewSubmitAction } from '@slack/bolt';
import { interactions, modals } from '../commands/table.js';
import { slashCommand } from '../views/action-ids.js';
import { interactionAction } from './actions/interaction-action.js';
import { gcmCommand } from './commands/gcm-command.js';
import type { ListenerDeps } from './deps.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { registerAssistant } from './assistant/gcm-assistant.js';
import { viewSubmission } from './views/view-submission.js';

/** Every Slack surface the bot answers: `/gcm`, each interaction and modal of the command table, the App Home, the assistant pane. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(slashCommand, gcmCommand(deps));
  for (const interaction of interactions) app.action<BlockAction>(interaction.actionId, interactionAction(deps, interaction));
  for (const modal of modals) app.view<ViewSubmitAction>({ callback_id: modal.callbackId, type: 'view_submission' }, viewSubmission(deps, modal));
  app.event('app_home_opened', appHomeOpened(deps));
  registerAssistant(app, deps);
}
