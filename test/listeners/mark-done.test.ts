import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openStores } from '../../src/stores.js';
import { channel, coChair, eventually, member, startBot } from '../helpers/slack.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

type Msg = { text: string; blocks: unknown[] };

describe('Mark done from a button', () => {
  // docs/decisions/occurrences.md: with none named, the earliest occurrence not done whose due date is on or before the end of
  // the current month: on 24 April 2024 with nothing marked, that is June 2023.
  it("a co-chair's click on an activity answer marks the current occurrence done and updates the message", async () => {
    const t = await startBot();
    const answer = (await t.command('activity B1.3', coChair)).json as Msg;
    expect(JSON.stringify(answer.blocks)).toContain('Mark done · June 2023');
    const res = await t.click(answer, 'gcm_mark_done', coChair);
    expect(res.status).toBe(200);
    const replaced = await eventually(() => t.standin.callsOf('response_url').find((c) => c.params.replace_original === true));
    const blocks = JSON.stringify(replaced.params.blocks);
    expect(blocks).toContain('B1.3 · June 2023 marked done by <@U0COCHAIR>');
    expect(blocks).toContain('Reopen · June 2023');
    expect(blocks).toContain('Mark done · September 2023');
    expect(t.stores.state.completions('lac-2023-2024').get('B1.3@2023-06')?.doneBy).toBe(coChair);
    expect(t.stores.state.auditOf('lac-2023-2024', 'B1.3@2023-06')).toEqual([
      expect.objectContaining({ actor: coChair, action: 'done', source: expect.stringMatching(/^button:C0NETWORK\//) }),
    ]);
    // Visible in the next answer.
    const next = (await t.command('activity B1.3')).json as Msg;
    expect(JSON.stringify(next.blocks)).toContain('1 of 7 done');
  });

  it("someone else's click changes nothing and tells them why, ephemerally", async () => {
    const t = await startBot();
    const answer = (await t.command('activity B1.5', member)).json as Msg;
    await t.click(answer, 'gcm_mark_done', member);
    const reply = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(reply.params.replace_original).toBe(false);
    expect(reply.params.text).toMatch(/Only the co-chairs/);
    expect(t.stores.state.completions('lac-2023-2024').size).toBe(0);
    expect(t.stores.state.auditCount()).toBe(0);
  });

  it('the check runs on the server whatever the message shows: a forged value from a member does nothing', async () => {
    const t = await startBot();
    const forged = {
      blocks: [
        {
          type: 'actions',
          block_id: 'x',
          elements: [
            {
              type: 'button',
              action_id: 'gcm_mark_done',
              value: JSON.stringify({ c: 'activity B1.2', l: 'en', k: 'B1.2@2024-05', p: 'lac-2023-2024' }),
              text: { type: 'plain_text', text: 'Mark done' },
            },
          ],
        },
      ],
    };
    await t.click(forged, 'gcm_mark_done', member, { ephemeral: false });
    await eventually(() => t.standin.callsOf('chat.postEphemeral')[0]);
    expect(t.standin.callsOf('chat.postEphemeral')[0]!.params).toMatchObject({ channel, user: member });
    expect(t.standin.callsOf('chat.update')).toHaveLength(0);
    expect(t.stores.state.completions('lac-2023-2024').size).toBe(0);
  });

  it('on a channel message the original is updated with chat.update', async () => {
    const t = await startBot();
    const posted = t.standin.addMessage({ channel, text: 'x', blocks: ((await t.command('activity B1.2')).json as Msg).blocks, user: t.standin.botUserId });
    await t.click(posted, 'gcm_mark_done', coChair, { ephemeral: false });
    const update = await eventually(() => t.standin.callsOf('chat.update')[0]);
    expect(update.params).toMatchObject({ channel, ts: posted.ts });
    expect(JSON.stringify(update.params.blocks)).toContain('B1.2 · August 2023 marked done');
  });

  it('two clicks at the same moment give one completion and one audit row', async () => {
    const t = await startBot();
    const answer = (await t.command('activity B1.5')).json as Msg;
    await Promise.all([t.click(answer, 'gcm_mark_done', coChair), t.click(answer, 'gcm_mark_done', coChair), t.click(answer, 'gcm_mark_done', coChair)]);
    await eventually(() => t.standin.callsOf('response_url').length === 3);
    expect(t.stores.state.completions('lac-2023-2024').size).toBe(1);
    expect(t.stores.state.auditCount()).toBe(1);
    const texts = t.standin.callsOf('response_url').map((c) => JSON.stringify(c.params.blocks));
    expect(texts.filter((s) => s.includes('already marked done'))).toHaveLength(2);
  });

  it('Reopen undoes it, with an audit row', async () => {
    const t = await startBot();
    const answer = (await t.command('activity B1.5')).json as Msg;
    await t.click(answer, 'gcm_mark_done', coChair);
    const updated = await eventually(() => t.standin.callsOf('response_url')[0]);
    await t.click({ blocks: updated.params.blocks as unknown[] }, 'gcm_reopen', coChair);
    await eventually(() => t.standin.callsOf('response_url').length === 2);
    expect(t.stores.state.completions('lac-2023-2024').size).toBe(0);
    expect(t.stores.state.auditOf('lac-2023-2024', 'B1.5').map((a) => a.action)).toEqual(['done', 'reopen']);
  });

  it("a click reads the activity's schedule, statuses and meeting dates again only once the database changed, from this bot or another", async () => {
    const file = path.join(tempDir(), 'bot.sqlite');
    const t = await startBot({}, undefined, { stores: loadedStores(file) });
    const reads = [vi.spyOn(t.stores.plans, 'activitySchedule'), vi.spyOn(t.stores.state, 'statusesOf'), vi.spyOn(t.stores.state, 'meetingDatesOf')];
    const readCounts = () => reads.map((r) => r.mock.calls.length);
    const answer = (await t.command('activity B1.3', coChair)).json as Msg;
    const posts = () => t.standin.callsOf('response_url').map((c) => JSON.stringify(c.params.blocks));
    const clickAndWait = async (n: number) => {
      await t.click(answer, 'gcm_mark_done', coChair);
      await eventually(() => posts().length === n);
      return posts()[n - 1]!;
    };
    expect(await clickAndWait(1)).toContain('B1.3 · June 2023 marked done by <@U0COCHAIR>');
    expect(readCounts()).toEqual([1, 1, 1]);
    // The mark was a write: the next click reads again; the one after it, with nothing written since, does not.
    expect(await clickAndWait(2)).toContain('B1.3 · June 2023 was already marked done');
    expect(readCounts()).toEqual([2, 2, 2]);
    expect(await clickAndWait(3)).toContain('already marked done');
    expect(readCounts()).toEqual([2, 2, 2]);
    // Another connection to the same file (a second copy of the bot) reopens it: read again, and marked again.
    const other = openStores(file);
    other.state.reopen('lac-2023-2024', 'B1.3@2023-06', { userId: 'U0OTHER', source: 'test' }, '2024-04-24T11:00:00.000Z');
    other.close();
    expect(await clickAndWait(4)).toContain('B1.3 · June 2023 marked done by <@U0COCHAIR>');
    expect(readCounts()).toEqual([3, 3, 3]);
    expect(t.stores.state.auditOf('lac-2023-2024', 'B1.3@2023-06').map((a) => a.action)).toEqual(['done', 'reopen', 'done']);
  });

  it('a button keeps the language of its message', async () => {
    const t = await startBot();
    const answer = (await t.command('actividad B1.3', coChair)).json as Msg;
    expect(JSON.stringify(answer.blocks)).toContain('Marcar como hecha · junio de 2023');
    await t.click(answer, 'gcm_mark_done', coChair);
    const replaced = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(JSON.stringify(replaced.params.blocks)).toContain('marcada como hecha por <@U0COCHAIR>');
  });
});

describe('/gcm done and /gcm reopen', () => {
  it('a co-chair marks the current occurrence of a recurring activity and is told how to name another', async () => {
    const t = await startBot();
    await t.command('done B1.4 2024-03', coChair);
    const ack = await t.command('done B1.4', coChair);
    expect(ack.status).toBe(200);
    const reply = await eventually(() => t.standin.callsOf('response_url')[1]);
    expect(reply.params.text).toContain('B1.4 · June 2023 marked done');
    expect(JSON.stringify(reply.params.blocks)).toContain('/gcm done B1.4');
    expect(t.stores.state.auditOf('lac-2023-2024', 'B1.4@2023-06')[0]!.source).toBe('command:/gcm done B1.4');
    // Once every earlier one is done, it is the current month's.
    for (let m = 7; m <= 12; m++)
      t.stores.state.markDone('lac-2023-2024', 'B1.4', `B1.4@2023-${String(m).padStart(2, '0')}`, { userId: coChair, source: 'test' }, '2024-04-01T00:00:00Z');
    for (const m of ['01', '02'])
      t.stores.state.markDone('lac-2023-2024', 'B1.4', `B1.4@2024-${m}`, { userId: coChair, source: 'test' }, '2024-04-01T00:00:00Z');
    await t.command('done B1.4', coChair);
    const third = await eventually(() => t.standin.callsOf('response_url')[2]);
    expect(third.params.text).toContain('B1.4 · April 2024 marked done');
  });

  it('names an occurrence as B1.2 2024-08 or B1.2@2024-08, and hecho answers in Spanish', async () => {
    const t = await startBot();
    await t.command('done B1.2 2024-08', coChair);
    await t.command('hecho B1.2@2024-11', coChair);
    await eventually(() => t.standin.callsOf('response_url').length === 2);
    expect([...t.stores.state.completions('lac-2023-2024').keys()].sort()).toEqual(['B1.2@2024-08', 'B1.2@2024-11']);
    expect(t.standin.callsOf('response_url')[1]!.params.text).toMatch(/marcada como hecha/);
  });

  it('reopen acts on the one marked last; bad input gets a helpful reply', async () => {
    const t = await startBot();
    await t.command('done B1.5', coChair);
    await eventually(() => t.standin.callsOf('response_url').length === 1);
    await t.command('reopen B1.5', coChair);
    await t.command('done B1.2 2031-01', coChair);
    await t.command('done B9.9', coChair);
    const replies = await eventually(() => t.standin.callsOf('response_url').length === 4 && t.standin.callsOf('response_url'));
    expect(replies[1]!.params.text).toContain('B1.5 reopened by <@U0COCHAIR>');
    expect(replies[2]!.params.text).toMatch(/no occurrence 2031-01.*2024-05/);
    expect(replies[3]!.params.text).toMatch(/no activity B9\.9/);
  });

  it("a member's /gcm done is refused and changes nothing", async () => {
    const t = await startBot();
    await t.command('done B1.5', member);
    const reply = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(reply.params.text).toMatch(/Only the co-chairs/);
    expect(t.stores.state.auditCount()).toBe(0);
  });

  it('members of GCM_CO_CHAIRS_USERGROUP are co-chairs, looked up once and cached', async () => {
    const t = await startBot({ GCM_CO_CHAIRS: '', GCM_CO_CHAIRS_USERGROUP: 'S0CHAIRS' });
    t.standin.usergroups.set('S0CHAIRS', ['U0GROUPCHAIR']);
    await t.command('done B1.5', 'U0GROUPCHAIR');
    await t.command('done B1.6', member);
    await t.command('done B2.2', 'U0GROUPCHAIR');
    await eventually(() => t.standin.callsOf('response_url').length === 3);
    expect([...t.stores.state.completions('lac-2023-2024').keys()].sort()).toEqual(['B1.5', 'B2.2']);
    expect(t.standin.callsOf('usergroups.users.list')).toHaveLength(1);
  });
});

describe('sharing and the App Home', () => {
  it('Share in channel posts the answer in the channel and removes the private copy', async () => {
    const t = await startBot();
    const answer = (await t.command('objetivo 8')).json as Msg;
    await t.click(answer, 'gcm_share', member);
    await eventually(() => t.standin.callsOf('response_url').length === 2);
    const [post, del] = t.standin.callsOf('response_url');
    expect(post!.params.response_type).toBe('in_channel');
    expect(post!.params.text).toContain('Salvar vidas');
    expect(JSON.stringify(post!.params.blocks)).not.toContain('gcm_share');
    expect(del!.params.delete_original).toBe(true);
  });

  it("app_home_opened publishes progress, the next 30 days and the agency menu, in the user's locale", async () => {
    const t = await startBot();
    t.standin.locales.set('U0ES', 'es-LA');
    const res = await t.sender.event({ type: 'app_home_opened', user: 'U0ES', channel: 'D0HOME', tab: 'home' });
    expect(res.status).toBe(200);
    const publish = await eventually(() => t.standin.callsOf('views.publish')[0]);
    const view = JSON.stringify(publish.params.view);
    expect(publish.params.user_id).toBe('U0ES');
    expect(view).toContain('Avance del plan');
    expect(view).toContain('Vence en los próximos 30 días');
    expect(view).toContain('B1.2');
    expect(view).toContain('gcm_pick_agency');
  });

  it('picking an agency shows what it leads and supports; the Home refreshes when something is marked done', async () => {
    const t = await startBot();
    await t.sender.event({ type: 'app_home_opened', user: member, channel: 'D0HOME', tab: 'home' });
    await eventually(() => t.standin.callsOf('views.publish').length === 1);
    await t.sender.interaction({
      type: 'block_actions',
      user: { id: member },
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', type: 'home' },
      actions: [
        {
          type: 'static_select',
          action_id: 'gcm_pick_agency',
          block_id: 'gcm_my_agency',
          selected_option: { value: 'UNDP', text: { type: 'plain_text', text: 'UNDP' } },
        },
      ],
    });
    const second = await eventually(() => t.standin.callsOf('views.publish')[1]);
    expect(JSON.stringify(second.params.view)).toMatch(/B3\.1.*T2\.2/);
    expect(t.stores.state.userAgency(member)).toBe('UNDP');
    await t.command('done B1.5', coChair);
    const third = await eventually(() => t.standin.callsOf('views.publish')[2]);
    expect(third.params.user_id).toBe(member);
    expect(JSON.stringify(third.params.view)).toContain('1 of 6 activities done');
  });
});
