import {
  type AllMiddlewareArgs,
  type AnyMiddlewareArgs,
  type App,
  type BlockAction,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
  type SlackEventMiddlewareArgs,
  type SlackViewMiddlewareArgs,
  type ViewSubmitAction,
  ignoreSelf,
} from '@slack/bolt';
import { interactions, modals } from '../commands/table.js';
import { slashCommand } from '../views/action-ids.js';
import { interactionAction } from './actions/interaction-action.js';
import { gcmCommand } from './commands/gcm-command.js';
import type { ListenerDeps } from './deps.js';
import { appHomeOpened } from './events/app-home-opened.js';
import { assistantMiddleware } from './assistant/gcm-assistant.js';
import { viewSubmission } from './views/view-submission.js';
import { InFlight } from '../slack/in-flight.js';

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
 *
 * Bolt's self filter (`ignoreSelf`: the bot's own messages and events) and the assistant pane's middleware
 * concern events only, and are run here for events and whatever else comes, in the order Bolt ran them as
 * global middleware, never for a command, a click or a submission, which both let through untouched: two steps
 * less on every command and click (their argument objects, closures and promises). So the app is made with
 * `ignoreSelf: false` (src/slack-app.ts), and the filter is Bolt's own.
 *
 * Returns the requests being answered, counted from the start of their handler to its end: a stop waits for them.
 */
export function registerListeners(app: App, deps: ListenerDeps): InFlight {
  const assistant = assistantMiddleware(deps);
  const command = gcmCommand(deps);
  const actions = new Map(interactions.map((i) => [i.actionId, interactionAction(deps, i)]));
  const views = new Map(modals.map((m) => [m.callbackId, viewSubmission(deps, m)]));
  const homeOpened = appHomeOpened(deps);
  const requests = new InFlight();
  const handle = async (args: Args): Promise<void> => {
    const body = args.body as { type?: unknown; command?: unknown };
    if (body.command === slashCommand) return command(args as SlackCommandMiddlewareArgs & AllMiddlewareArgs);
    if (body.type === 'block_actions') return actions.get((args as ActionArgs).action.action_id)?.(args as ActionArgs);
    if (body.type === 'view_submission') return views.get((args as ViewArgs).view.callback_id)?.(args as ViewArgs);
    const onEvent = async (): Promise<void> => {
      const event = (args as { event?: { type?: unknown } }).event;
      if (event?.type === 'app_home_opened') return homeOpened(args as SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs);
    };
    return ignoreSelf({ ...args, next: () => assistant({ ...args, next: onEvent }) });
  };
  app.use((args: Args) => requests.track(handle(args)));
  return requests;
}
