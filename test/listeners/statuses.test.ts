import { describe, expect, it } from 'vitest';
import type { StatusChange } from '../../src/domain/types.js';
import { coChair, eventually, startBot, type TestBot } from '../helpers/slack.js';

type Msg = { text: string; blocks: unknown[] };
const plan = 'lac-2023-2024';
const leadFp = 'U0LEADFP';
const supportFp = 'U0SUPPFP';

/** IOM leads B1.3; UNICEF only supports it (as a member of the Network). */
function withFocalPoints(t: TestBot) {
  const actor = { userId: coChair, source: 'test' };
  t.stores.state.changeFocalPoints('IOM', [leadFp], [], actor, '2024-01-01T00:00:00.000Z');
  t.stores.state.changeFocalPoints('UNICEF', [supportFp], [], actor, '2024-01-01T00:00:00.000Z');
}

const replies = (t: TestBot) => t.standin.callsOf('response_url');

describe('Mark done and Reopen: co-chairs and the focal points of the lead agencies', () => {
  it('a lead focal point marks done and reopens by command; a supporting agency focal point is refused, in both languages', async () => {
    const t = await startBot();
    withFocalPoints(t);
    await t.command('done B1.3 2024-04', supportFp);
    const refused = await eventually(() => replies(t)[0]);
    expect(refused.params.text).toBe("Only the co-chairs and the focal points of the activity's lead agencies can change its status. Nothing was changed.");
    await t.command('hecho B1.3 2024-04', supportFp);
    const refusedEs = await eventually(() => replies(t)[1]);
    expect(refusedEs.params.text).toMatch(/^Solo la copresidencia y los puntos focales de las agencias líderes/);
    expect(t.stores.state.statuses(plan).size).toBe(0);
    expect(t.stores.state.statusHistory(plan, 'B1.3@2024-04')).toEqual([]);

    await t.command('done B1.3 2024-04', leadFp);
    const done = await eventually(() => replies(t)[2]);
    expect(JSON.stringify(done.params.blocks)).toContain(`B1.3 · April 2024 marked done by <@${leadFp}>`);
    expect(t.stores.state.statuses(plan).get('B1.3@2024-04')).toMatchObject({ status: 'done', by: leadFp });
    await t.command('reopen B1.3 2024-04', leadFp);
    await eventually(() => replies(t)[3]);
    expect(t.stores.state.statuses(plan).get('B1.3@2024-04')).toMatchObject({ status: 'planned', by: leadFp });
    expect(t.stores.state.completions(plan).size).toBe(0);
  });

  it('done without a month skips a cancelled occurrence', async () => {
    const t = await startBot();
    t.stores.state.changeStatus({
      planId: plan,
      activityId: 'B1.3',
      key: 'B1.3@2023-06',
      status: 'cancelled',
      date: null,
      note: null,
      links: [],
      by: coChair,
      source: 'test',
      at: '2024-04-01T12:00:00.000Z',
    });
    await t.command('done B1.3', coChair);
    await eventually(() => replies(t)[0]);
    expect(t.stores.state.statuses(plan).get('B1.3@2023-09')?.status).toBe('done');
    expect(t.stores.state.statuses(plan).get('B1.3@2023-06')?.status).toBe('cancelled');
  });

  it('the Mark done button: a lead focal point allowed, a supporting one refused', async () => {
    const t = await startBot();
    withFocalPoints(t);
    const answer = (await t.command('activity B1.3', supportFp)).json as Msg;
    await t.click(answer, 'gcm_mark_done', supportFp);
    const refused = await eventually(() => replies(t)[0]);
    expect(refused.params.replace_original).toBe(false);
    expect(refused.params.text).toMatch(/^Only the co-chairs and the focal points/);
    expect(t.stores.state.completions(plan).size).toBe(0);
    await t.click(answer, 'gcm_mark_done', leadFp);
    const replaced = await eventually(() => replies(t).find((c) => c.params.replace_original === true));
    expect(JSON.stringify(replaced.params.blocks)).toContain(`B1.3 · June 2023 marked done by <@${leadFp}>`);
    expect(t.stores.state.completions(plan).get('B1.3@2023-06')?.doneBy).toBe(leadFp);
  });
});

describe('statuses in activity answers', () => {
  const markup = 'agenda <!channel> @here <@U123> <https://x.org|click> & more';
  const change = (c: Partial<StatusChange> & Pick<StatusChange, 'status' | 'at'>): StatusChange => ({
    planId: plan,
    activityId: 'B1.2',
    key: 'B1.2@2024-05',
    date: null,
    note: null,
    links: [],
    by: coChair,
    source: 'test',
    ...c,
  });

  it('each occurrence shows its status, its last note (escaped) and links, the last three changes and an Update button', async () => {
    const t = await startBot();
    const s = t.stores.state;
    s.changeStatus(change({ status: 'in_progress', at: '2024-04-01T12:00:00.000Z' }));
    s.changeStatus(change({ status: 'in_progress', note: 'first', at: '2024-04-02T12:00:00.000Z', by: leadFp }));
    s.changeStatus(change({ status: 'cancelled', at: '2024-04-03T12:00:00.000Z' }));
    s.changeStatus(
      change({ status: 'postponed', date: '2024-06-10', note: markup, links: ['https://example.org/minutes'], at: '2024-04-04T12:00:00.000Z', by: leadFp }),
    );
    const en = (await t.command('activity B1.2')).json as Msg;
    const blocks = en.blocks as { text?: { text: string }; accessory?: { action_id: string; value: string } }[];
    const may = blocks.find((b) => b.text?.text.startsWith('*B1.2 · May 2024*'))!;
    expect(may.text!.text).toBe(
      [
        '*B1.2 · May 2024*: Due 10 June 2024 · *postponed to 10 June 2024*',
        '> agenda &lt;!channel&gt; @here &lt;@U123&gt; &lt;https://x.org|click&gt; &amp; more',
        'Links: https://example.org/minutes',
        `_postponed to 10 June 2024, by <@${leadFp}> on 4 April 2024_`,
        `_cancelled, by <@${coChair}> on 3 April 2024_`,
        `_in progress, by <@${leadFp}> on 2 April 2024_`,
      ].join('\n'),
    );
    expect(may.accessory).toMatchObject({ action_id: 'status_update', value: JSON.stringify({ plan, key: 'B1.2@2024-05', l: 'en', c: 'activity B1.2' }) });
    expect(JSON.stringify(en.blocks)).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/x\.org/);
    const es = (await t.command('actividad B1.2')).json as Msg;
    const mayo = JSON.stringify(es.blocks);
    expect(mayo).toContain('*B1.2 · mayo de 2024*: Vence 10 de junio de 2024 · *aplazada al 10 de junio de 2024*');
    expect(mayo).toContain('Actualizar');
    expect(mayo).toContain('&lt;!channel&gt;');
  });

  it('a long note is clipped in the answer, inside Slack limits', async () => {
    const t = await startBot();
    t.stores.state.changeStatus(change({ status: 'in_progress', note: `${'word '.repeat(199)}<!channel>`, at: '2024-04-01T12:00:00.000Z' }));
    const en = (await t.command('activity B1.2')).json as Msg;
    const may = (en.blocks as { text?: { text: string } }[]).find((b) => b.text?.text.startsWith('*B1.2 · May 2024*'))!;
    expect(may.text!.text).toMatch(/> (word ){70,}.*…/);
    expect(may.text!.text.length).toBeLessThan(600);
    expect(JSON.stringify(en.blocks)).not.toContain('<!channel>');
  });
});
