import type { Logger } from '@slack/bolt';
import { defaultDataDir, defaultPlanFile, loadConfig } from '../src/config.js';
import { fixedClock } from '../src/clock.js';
import { openStores } from '../src/stores.js';
import { importPlanFile } from '../src/plan/import-plan.js';
import { createSlackApp, type SlackApp } from '../src/slack-app.js';
import { benchNow, coChair, signingSecret, zone } from './common.js';

/** The bot's identity, given so that neither the bot nor the bare apps call auth.test. */
export const benchIdentity = { botId: 'B0GCMBOT', botUserId: 'UGCMBOT' };

/**
 * The real bot as the benchmark runs it (bench/server.ts, bench/door.ts): the real plan imported into an
 * in-memory store, the signing secret, the co-chair, and a clock standing at a moment inside the plan's period,
 * as in the tests; the scheduler is not started.
 */
export function benchBot(logger: Logger, apiUrl: string): SlackApp {
  const stores = openStores(':memory:');
  const imported = importPlanFile(stores, defaultPlanFile, defaultDataDir, new Date().toISOString());
  if (!imported.ok) throw new Error('the real plan did not import');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    GCM_CO_CHAIRS: coChair,
    GCM_TIMEZONE: zone,
    DATABASE_PATH: ':memory:',
  });
  return createSlackApp({ config, stores, clock: fixedClock(benchNow(), zone), logger, retries: 0, identity: benchIdentity });
}
