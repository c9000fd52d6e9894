import type { App, BlockAction, ButtonAction, DatepickerAction, StaticSelectAction } from '@slack/bolt';
import { setDateAction } from './actions/set-date-action.js';
import { actionIds, slashCommand } from '../views/action-ids.js';
import { gcmCommand } from './commands/gcm-command.js';
import { markAction } from './actions/mark-action.js';
import { shareAction } from './actions/share-action.js';
import { pickAgencyAction } from './actions/pick-agency-action.js';
import { appHomeOpened } from './events/app-home-opened.js';
import type { ListenerDeps } from './deps.js';

/** The routing table: every Slack surface the bot answers, and its handler. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command(slashCommand, gcmCommand(deps));
  app.action<BlockAction<ButtonAction>>(actionIds.markDone, markAction(deps, 'done'));
  app.action<BlockAction<ButtonAction>>(actionIds.reopen, markAction(deps, 'reopen'));
  app.action<BlockAction<ButtonAction>>(actionIds.share, shareAction(deps));
  app.action<BlockAction<StaticSelectAction>>(actionIds.pickAgency, pickAgencyAction(deps));
  app.action<BlockAction<DatepickerAction>>(actionIds.setDate, setDateAction(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
