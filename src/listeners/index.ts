import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { interactions, modals } from '../commands/table.js';
import { slashCommand } from '../views/action-ids.js';
import { interactionAction } from './actions/interaction-action.js';
import { gcmCommand } from './commands/gcm-command.js';
import type { ListenerDeps } from './deps.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { registerAssistant } from './assistant/gcm-assistant.js';
import { viewSubmission } from './views/view-submission.js';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Every Slack surface the bot answers: `/gcm`, each interaction and modal of the command table, the App Home, the assistant pane.
 * One Bolt listener per kind, which finds the interaction or modal by its id: Bolt runs every listener's
 * middleware on every request (a copy of its chain, a closure and an object of arguments each), so twelve
 * listeners cost every command what twelve lookups would. An id the bot does not know is left unacknowledged,
 * as no listener would have matched it: the door acknowledges it and logs its kind once.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(slashCommand, gcmCommand(deps));
  const actions = new Map(interactions.map((i) => [i.actionId, interactionAction(deps, i)]));
  app.action<BlockAction>({ type: 'block_actions' }, (args: ActionArgs) => actions.get(args.action.action_id)?.(args) ?? Promise.resolve());
  const views = new Map(modals.map((m) => [m.callbackId, viewSubmission(deps, m)]));
  app.view<ViewSubmitAction>({ type: 'view_submission' }, (args: ViewArgs) => views.get(args.view.callback_id)?.(args) ?? Promise.resolve());
  app.event('app_home_opened', appHomeOpened(deps));
  registerAssistant(app, deps);
}
