import { LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { OutboxView } from '../../src/commands/use-case.js';
import { createLogger } from '../../src/logger.js';
import { CoChairs } from '../../src/slack/co-chairs.js';
import { Router } from '../../src/slack/router.js';
import { coChair, eventually, startBot, type TestBot } from '../helpers/slack.js';
import { at, loadedStores, zone } from '../helpers/stores.js';

/** Runs `/gcm text` as `user` and returns the text of the reply that came through the response_url. */
async function replyText(t: TestBot, text: string, user: string): Promise<string> {
  const before = t.standin.callsOf('response_url').length;
  expect((await t.command(text, user)).status).toBe(200);
  const call = await eventually(() => t.standin.callsOf('response_url')[before]);
  return JSON.stringify(call.params.blocks);
}

describe('/gcm focal checks each person added with users.info', () => {
  it('refuses an id Slack does not know, naming the mention, and stores nothing', async () => {
    const t = await startBot();
    t.standin.knownUsers = new Set([coChair, 'U0ANA']);
    const r = await replyText(t, 'focal IOM <@U0ANA|ana> <@U0NOBODY>', coChair);
    expect(r).toContain('<@U0NOBODY> is not an active member of this Slack workspace, so nothing was changed');
    expect(r).not.toContain('<@U0ANA> is not');
    expect(t.stores.state.focalPointsOf('IOM')).toEqual([]);
    expect(t.standin.callsOf('users.info').map((c) => c.params.user)).toEqual(expect.arrayContaining(['U0ANA', 'U0NOBODY']));
  });

  it('refuses in Spanish, naming every unknown mention', async () => {
    const t = await startBot();
    t.standin.knownUsers = new Set([coChair]);
    const r = await replyText(t, 'enlace OIM <@U0NADIE> <@U0OTRO>', coChair);
    expect(r).toContain('<@U0NADIE>, <@U0OTRO> no son miembros activos de este espacio de trabajo de Slack, así que no cambió nada');
    expect(t.stores.state.focalPointsOf('IOM')).toEqual([]);
  });

  it('stores known people, and still lets a co-chair remove someone Slack no longer knows', async () => {
    const t = await startBot();
    const added = await replyText(t, 'focal IOM <@U0ANA> <@U0GONE>', coChair);
    expect(added).toContain('now answer for IOM');
    t.standin.knownUsers = new Set([coChair, 'U0ANA']);
    const removed = await replyText(t, 'focal IOM remove <@U0GONE>', coChair);
    expect(removed).toContain('<@U0GONE> no longer answers for IOM');
    expect(t.stores.state.focalPointsOf('IOM')).toEqual(['U0ANA']);
  });
});

describe('Router.unknownUsers', () => {
  function routerWith(usersInfo: (user: string) => Promise<unknown>, logs: string[] = []) {
    const stores = loadedStores();
    const logger = createLogger((l) => logs.push(l), LogLevel.DEBUG);
    const client = { users: { info: ({ user }: { user: string }) => usersInfo(user) } } as unknown as WebClient;
    return new Router({
      stores,
      clock: fixedClock(at('2024-04-24T10:00:00'), zone),
      language: 'en',
      coChairs: new CoChairs([coChair], undefined, async () => [], logger, Date.now),
      outbox: {} as OutboxView,
      client,
      logger,
    });
  }
  const notFound = () => Promise.reject(Object.assign(new Error('An API error occurred: user_not_found'), { data: { ok: false, error: 'user_not_found' } }));

  it('counts a deactivated account and user_not_found as unknown, an active account as known', async () => {
    const router = routerWith(async (user) => (user === 'U0NOBODY' ? notFound() : { ok: true, user: { id: user, deleted: user === 'U0LEFT' } }));
    const uc = router.context({ userId: coChair, source: 'test', text: '', lang: 'en' });
    expect(await uc.unknownUsers(['U0ANA', 'U0LEFT', 'U0NOBODY'])).toEqual(['U0LEFT', 'U0NOBODY']);
  });

  it('counts a user Slack could not be asked about as known, and logs it', async () => {
    const logs: string[] = [];
    const router = routerWith(() => Promise.reject(new Error('connect ECONNREFUSED')), logs);
    const uc = router.context({ userId: coChair, source: 'test', text: '', lang: 'en' });
    expect(await uc.unknownUsers(['U0ANA'])).toEqual([]);
    expect(logs.join('\n')).toContain('users.info failed for U0ANA');
  });
});
