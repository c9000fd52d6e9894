import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import type { HomeView } from '@slack/types';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { createLogger } from '../../src/logger.js';
import { HomePublisher } from '../../src/slack/home-publisher.js';
import { coChair, eventually, member, startBot } from '../helpers/slack.js';

const publishesTo = (standin: WebApiStandIn, user: string) => standin.callsOf('views.publish').filter((c) => c.params.user_id === user);

describe('App Home publishes are coalesced per person and paced', () => {
  it('changes made while a Home is being published give that person one more publish, drawn with all of them', async () => {
    const t = await startBot();
    // The first publish is held by Slack for a while: the changes below all happen while it is in flight.
    t.standin.failNext('views.publish', { delayMs: 1500 });
    await t.sender.event({ type: 'app_home_opened', user: member, channel: 'D0HOME', tab: 'home' });
    await eventually(() => publishesTo(t.standin, member).length === 1);
    for (const id of ['B1.5', 'B2.2', 'B1.6']) await t.command(`done ${id}`, coChair);
    await eventually(() => t.standin.callsOf('response_url').length === 3);
    expect(t.stores.state.completions('lac-2023-2024').size).toBe(3);
    // Three changes, and still only the one publish (in flight): nothing was sent for each change.
    expect(publishesTo(t.standin, member)).toHaveLength(1);
    await t.bot.homes.idle();
    const publishes = publishesTo(t.standin, member);
    expect(publishes).toHaveLength(2);
    // B1.5 and B1.6 of the basic priority 1, B2.2 of the second.
    const view = JSON.stringify(publishes[1]!.params.view);
    expect(view).toMatch(/\*B1\*[^"]*2 of 6 activities done/);
    expect(view).toMatch(/\*B2\*[^"]*1 of 4 activities done/);
  });

  it('keeps under the rate it is given, and waits out a 429 before publishing again', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    stops.push(() => standin.stop());
    const client = new WebClient('xoxb-test', { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    const logs: string[] = [];
    const began = Date.now();
    const view: HomeView = { type: 'home', blocks: [] };
    const homes = new HomePublisher(
      () => view,
      'en',
      createLogger((l) => logs.push(l), LogLevel.WARN),
      Date.now,
      50,
      { perMinute: 600, burst: 2 },
    );
    const users = ['U1', 'U2', 'U3', 'U4', 'U5'];
    for (const u of users) homes.publish(client, u);
    await homes.idle();
    const paced = standin.callsOf('views.publish');
    expect(paced.map((c) => c.params.user_id)).toEqual(users);
    // Two at once (the burst), then one every 100 ms (600 a minute): the fifth at least 300 ms after the start.
    expect(paced[4]!.at - began).toBeGreaterThanOrEqual(300);

    standin.calls.splice(0);
    standin.failNext('views.publish', { status: 429, retryAfter: 1 });
    homes.refreshAll(client);
    homes.refreshAll(client);
    await homes.idle();
    const after = standin.callsOf('views.publish');
    // U1 was refused once, then published after Retry-After; everyone else once, though asked twice.
    expect(after.map((c) => c.params.user_id)).toEqual([...users, 'U1']);
    expect(after[5]!.at - after[0]!.at).toBeGreaterThanOrEqual(990);
    expect(logs.some((l) => l.includes('could not publish the App Home of U1'))).toBe(true);
  });
});

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});
