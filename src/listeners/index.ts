import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { interactions, modals } from '../commands/table.js';
import { slashCommand } from '../views/action-ids.js';
import { interactionAction } from './actions/interaction-action.js';
import { gcmCommand } from './commands/gcm-command.js';
import type { ListenerDeps } from './deps.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { registerAssistant } from './assistant/gcm-assistant.js';
import { viewSubmission } from './views/view-submission.js';

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;
type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * Every Slack surface the bot answers: `/gcm`, each interaction and modal of the command table, the App Home, the assistant pane.
 * One middleware finds the handler of a request by its kind and id (the command's name, the action's id, the
 * modal's callback id, the event's type), in place of a Bolt listener each: Bolt runs every listener's chain on
 * every request (a copy of the chain, a closure and an object of arguments per step), so fourteen listeners
 * cost every command what fourteen lookups would. A request none of them handles is left unacknowledged, as no
 * listener would have matched it: the door acknowledges it and logs its kind once.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerAssistant(app, deps);
  const command = gcmCommand(deps);
  const actions = new Map(interactions.map((i) => [i.actionId, interactionAction(deps, i)]));
  const views = new Map(modals.map((m) => [m.callbackId, viewSubmission(deps, m)]));
  const homeOpened = appHomeOpened(deps);
  app.use(async (args: Args): Promise<void> => {
    const body = args.body as { type?: unknown; command?: unknown };
    if (body.command === slashCommand) return command(args as SlackCommandMiddlewareArgs & AllMiddlewareArgs);
    if (body.type === 'block_actions') return actions.get((args as ActionArgs).action.action_id)?.(args as ActionArgs);
    if (body.type === 'view_submission') return views.get((args as ViewArgs).view.callback_id)?.(args as ViewArgs);
    const event = (args as { event?: { type?: unknown } }).event;
    if (event?.type === 'app_home_opened') return homeOpened(args as SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs);
  });
}
