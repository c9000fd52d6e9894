import { describe, expect, it } from 'vitest';
import { blockActionsPayload, viewSubmissionPayload } from '../../dev/standin/sender.js';
import { channel, coChair, eventually, member, startBot, type TestBot } from '../helpers/slack.js';

/** The update of the first quarter of 2024, as `/gcm brief` names it, and the outbox key of its post. */
const q1 = 'brief 2024-01-01 2024-03-31';
const publishKey = 'lac-2023-2024|brief|2024-01-01|2024-03-31';
const otherChair = 'U0COCHAIR2';

type Msg = { text: string; blocks: unknown[]; ts?: string };
type View = Record<string, unknown> & { id: string };

/** The bot's posts carrying `key` in their metadata (the outbox's), in the order posted. */
const postsOf = (t: TestBot, key: string) =>
  t.standin.callsOf('chat.postMessage').filter((c) => (c.params.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key === key);

/** `/gcm brief` for the first quarter as `user`: the private draft it answers with (through the response_url). */
async function draftOf(t: TestBot, user = coChair): Promise<Msg> {
  const before = t.standin.callsOf('response_url').length;
  await t.command(q1, user);
  const reply = await eventually(() => t.standin.callsOf('response_url')[before]);
  return { text: String(reply.params.text), blocks: reply.params.blocks as unknown[] };
}

/** Clicks Edit on `draft` as `user` and returns the modal the bot opened. */
async function openEdit(t: TestBot, draft: Msg, user = coChair): Promise<View> {
  const before = t.standin.views.size;
  await t.click(draft, 'gcm_brief_edit', user);
  return (await eventually(() => t.standin.views.size > before && t.standin.lastView(user)))!.view as View;
}

/** The last private answer through a response_url that replaced the message clicked. */
const lastReplaced = (t: TestBot) =>
  t.standin
    .callsOf('response_url')
    .filter((c) => c.params.replace_original === true)
    .at(-1);

describe('the draft of the update: Edit', () => {
  it('the private draft carries Edit and Publish; the words saved in the modal show at its top as written, pinging no one', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel });
    const draft = await draftOf(t);
    const buttons = JSON.stringify(draft.blocks);
    expect(buttons).toContain('gcm_brief_edit');
    expect(buttons).toContain('gcm_brief_publish');
    expect(buttons).toContain(`Draft, for the co-chairs only.`);
    const view = await openEdit(t, draft);
    const hostile = 'A quarter of <!channel> work & <@U0MEMBER> *bold* <https://evil.example|click>';
    const res = await t.sender.interaction(
      viewSubmissionPayload(coChair, view, { paragraph_en: hostile, highlights_en: 'First <!here>\n\nSecond', paragraph_es: 'Un trimestre.' }),
    );
    expect(res.status).toBe(200);
    const redrawn = await eventually(() => lastReplaced(t));
    const blocks = JSON.stringify(redrawn.params.blocks);
    expect(blocks).toContain('A quarter of &lt;!channel&gt; work &amp; &lt;@U0MEMBER&gt;');
    expect(blocks).toContain('First &lt;!here&gt;');
    expect(blocks).toContain('Second');
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).not.toContain('<!here>');
    expect(blocks).not.toContain('<@U0MEMBER>');
    // Still a draft, with who saved the words, and the buttons.
    expect(blocks).toContain(`Opening by the co-chairs, last saved by <@${coChair}>`);
    expect(blocks).toContain('gcm_brief_publish');
    // Kept with the draft: the next /gcm brief shows them, and the modal opens with them; Spanish in the Spanish draft.
    expect(JSON.stringify((await draftOf(t)).blocks)).toContain('A quarter of &lt;!channel&gt;');
    const again = await openEdit(t, await draftOf(t));
    expect(JSON.stringify(again.blocks)).toContain(JSON.stringify(hostile).slice(1, -1));
    await t.command('resumen 2024-01-01 2024-03-31', coChair);
    const es = JSON.stringify(
      (await eventually(() => t.standin.callsOf('response_url').filter((c) => /Un trimestre\./.test(JSON.stringify(c.params.blocks)))[0])).params.blocks,
    );
    expect(es).not.toContain('A quarter of');
    expect(t.stores.briefs.draft({ planId: 'lac-2023-2024', from: '2024-01-01', to: '2024-03-31' }).intro).toEqual({
      en: { paragraph: hostile, highlights: ['First <!here>', 'Second'] },
      es: { paragraph: 'Un trimestre.', highlights: [] },
    });
  });

  it('words over the limits keep the modal open with the problem under each field; nothing is saved', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel });
    const view = await openEdit(t, await draftOf(t));
    const nine = Array.from({ length: 9 }, (_, i) => `Highlight ${i + 1}`).join('\n');
    const res = await t.sender.interaction(viewSubmissionPayload(coChair, view, { paragraph_en: 'x'.repeat(2001), highlights_es: nine }));
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { paragraph_en: 'Too long: at most 2000 characters.', highlights_es: 'Too many: at most 8 highlights, one per line.' },
    });
    expect(t.stores.briefs.draft({ planId: 'lac-2023-2024', from: '2024-01-01', to: '2024-03-31' }).editedBy).toBeNull();
  });
});

describe('the draft of the update: Publish', () => {
  it('posts to the channel once, with who published it and the file in its thread; a second click and another co-chair are told who and when', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel, GCM_CO_CHAIRS: `${coChair},${otherChair}` });
    const draft = await draftOf(t);
    const other = await draftOf(t, otherChair);
    await t.click(draft, 'gcm_brief_publish', coChair);
    const post = await eventually(() => postsOf(t, publishKey)[0]);
    expect(post.params.channel).toBe(channel);
    expect(JSON.stringify(post.params.blocks)).toContain(`Published by <@${coChair}>`);
    expect(JSON.stringify(post.params.blocks)).not.toContain('gcm_brief_publish');
    const file = await eventually(() =>
      t.standin.callsOf('files.completeUploadExternal').find((c) => c.params.thread_ts === t.stores.reminders.get(publishKey)?.messageTs),
    );
    expect(file.params.channel_id).toBe(channel);
    expect([...t.standin.files.values()].map((f) => f.filename)).toContain('gcm-update-2024-01-01-2024-03-31.md');
    // The draft clicked is drawn again: published, its buttons gone.
    const redrawn = JSON.stringify(lastReplaced(t)!.params.blocks);
    expect(redrawn).toContain(`Published: it goes to <#${channel}>`);
    expect(redrawn).not.toContain('gcm_brief_publish');
    // The same click again, and the other co-chair's, post nothing more: they are told who published it.
    await t.click(draft, 'gcm_brief_publish', coChair);
    await t.click(other, 'gcm_brief_publish', otherChair);
    await eventually(() => t.standin.callsOf('response_url').filter((c) => JSON.stringify(c.params.blocks).includes('already published')).length === 2);
    expect(JSON.stringify(lastReplaced(t)!.params.blocks)).toContain(`This update was already published by <@${coChair}>`);
    await t.bot.reminders.tick();
    expect(postsOf(t, publishKey)).toHaveLength(1);
    expect(t.stores.briefs.draft({ planId: 'lac-2023-2024', from: '2024-01-01', to: '2024-03-31' }).publishedBy).toBe(coChair);
    // Once published, Edit opens nothing: the post stays as it went out.
    const views = t.standin.views.size;
    await t.click(other, 'gcm_brief_edit', otherChair);
    const refused = await eventually(() =>
      t.standin.callsOf('response_url').find((c) => /the post in the channel stays as it was/.test(String(c.params.text))),
    );
    expect(refused.params.text).toContain(`published by <@${coChair}>`);
    expect(t.standin.views.size).toBe(views);
  });

  it('without GCM_REMINDER_CHANNEL the draft says it cannot be published, and Publish posts nothing', async () => {
    const t = await startBot();
    const draft = await draftOf(t);
    expect(JSON.stringify(draft.blocks)).toContain('It cannot be published: GCM_REMINDER_CHANNEL is not set.');
    await t.click(draft, 'gcm_brief_publish', coChair);
    const told = await eventually(() => t.standin.callsOf('response_url').find((c) => /There is no channel to publish to/.test(String(c.params.text))));
    expect(told.params.replace_original).toBe(false);
    expect(t.stores.briefs.draft({ planId: 'lac-2023-2024', from: '2024-01-01', to: '2024-03-31' }).publishedBy).toBeNull();
    expect(postsOf(t, publishKey)).toHaveLength(0);
  });

  it('a member can neither brief, nor publish, nor save words in the modal: each is refused and nothing changes', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel });
    await t.command(q1, member);
    const refused = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(JSON.stringify(refused.params)).not.toContain('gcm_brief_publish');
    expect(String(refused.params.text)).toMatch(/co-chairs/);
    const draft = await draftOf(t);
    const view = await openEdit(t, draft);
    await t.click(draft, 'gcm_brief_publish', member);
    const told = await eventually(() =>
      t.standin.callsOf('response_url').find((c) => c.params.replace_original === false && /co-chairs/.test(String(c.params.text))),
    );
    expect(told.params.text).toMatch(/co-chairs/);
    const res = await t.sender.interaction(viewSubmissionPayload(member, view, { paragraph_en: 'Mine now' }));
    expect(res.status).toBe(200);
    const toldPrivately = await eventually(() => t.standin.callsOf('chat.postEphemeral').find((c) => c.params.user === member));
    expect(toldPrivately.params.text).toMatch(/co-chairs/);
    await t.bot.reminders.tick();
    expect(postsOf(t, publishKey)).toHaveLength(0);
    expect(t.stores.briefs.draft({ planId: 'lac-2023-2024', from: '2024-01-01', to: '2024-03-31' })).toMatchObject({
      publishedBy: null,
      editedBy: null,
      intro: {},
    });
  });
});

/** Clicks `actionId` on a message of the bot in a direct-message channel (not ephemeral: Slack sends the message). */
function clickInDm(t: TestBot, dm: { channel: string; ts: string; blocks: unknown[] }, actionId: string, user: string) {
  const blocks = dm.blocks as { block_id?: string; elements?: { action_id: string; value: string; type: string; text: unknown }[] }[];
  const block = blocks.find((b) => b.elements?.some((e) => e.action_id === actionId))!;
  const el = block.elements!.find((e) => e.action_id === actionId)!;
  return t.sender.interaction(
    blockActionsPayload(
      user,
      {
        kind: 'message',
        channel: dm.channel,
        messageTs: dm.ts,
        ephemeral: false,
        message: { text: 'x', blocks: dm.blocks, user: t.standin.botUserId },
        responseUrl: t.standin.newResponseUrl(dm.channel, user, dm.ts),
      },
      { type: el.type, action_id: el.action_id, block_id: block.block_id, value: el.value, text: el.text },
    ),
  );
}

describe("the quarter's draft (GCM_REPORT)", () => {
  const draftKey = (user: string) => `lac-2023-2024|brief-draft|2024-01-01|${user}`;
  const env = { GCM_REMINDER_CHANNEL: channel, GCM_CO_CHAIRS: `${coChair},${otherChair}` };

  it('draft (the default): each co-chair gets it in their direct messages once, across passes and a restart; the channel gets nothing until one publishes', async () => {
    const t = await startBot(env, '2024-04-01T08:59:00');
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('brief'))).toEqual([]);
    t.clock.set(t.clock.now().plus({ minutes: 1 }));
    const first = await t.bot.reminders.tick();
    expect(first.sent.filter((k) => k.includes('brief')).sort()).toEqual([draftKey(coChair), draftKey(otherChair)]);
    expect(first.sent.filter((k) => k.includes('|report|'))).toEqual([]);
    const dms = [coChair, otherChair].map((u) => postsOf(t, draftKey(u)));
    expect(dms.map((d) => d.length)).toEqual([1, 1]);
    expect(dms.map((d) => d[0]!.params.channel)).toEqual([t.standin.dmChannelOf(coChair), t.standin.dmChannelOf(otherChair)]);
    expect(
      t.standin
        .callsOf('conversations.open')
        .map((c) => c.params.users)
        .sort(),
    ).toEqual([coChair, otherChair]);
    const dm = t.standin.messages.find((m) => m.channel === t.standin.dmChannelOf(coChair) && !m.threadTs)!;
    expect(JSON.stringify(dm.blocks)).toContain('Last quarter’s update is ready for your review');
    expect(JSON.stringify(dm.blocks)).toContain('gcm_brief_publish');
    // Its file in the draft's thread, in the direct messages.
    expect(t.standin.callsOf('files.completeUploadExternal').some((c) => c.params.channel_id === dm.channel && c.params.thread_ts === dm.ts)).toBe(true);
    // Later passes, and a restart on the same database, send it to nobody again.
    t.clock.set(t.clock.now().plus({ hours: 3 }));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('brief'))).toEqual([]);
    await t.bot.reminders.stop();
    const restarted = await startBot(env, '2024-04-02T09:00:00', { stores: t.stores, standin: t.standin });
    expect((await restarted.bot.reminders.tick()).sent.filter((k) => k.includes('brief'))).toEqual([]);
    expect(t.standin.messages.filter((m) => m.channel === channel && JSON.stringify(m.metadata ?? {}).includes('brief'))).toEqual([]);
    // A co-chair publishes it from their direct messages: the draft there is drawn again, and the channel gets it once.
    await clickInDm(restarted, { channel: dm.channel, ts: dm.ts, blocks: dm.blocks }, 'gcm_brief_publish', otherChair);
    const post = await eventually(() => postsOf(restarted, publishKey)[0]);
    expect(post.params.channel).toBe(channel);
    const update = await eventually(() => restarted.standin.callsOf('chat.update').find((c) => c.params.ts === dm.ts));
    expect(update.params.channel).toBe(dm.channel);
    expect(JSON.stringify(update.params.blocks)).not.toContain('gcm_brief_publish');
    await restarted.bot.reminders.tick();
    expect(postsOf(restarted, publishKey)).toHaveLength(1);
  });

  it('auto (and on, its old word): the unreviewed report goes to the channel, no draft to anyone; off: neither', async () => {
    for (const [setting, report] of [
      ['auto', true],
      ['on', true],
      ['off', false],
    ] as const) {
      const t = await startBot({ ...env, GCM_REPORT: setting }, '2024-04-01T09:00:00');
      const sent = (await t.bot.reminders.tick()).sent;
      expect(sent.filter((k) => k.includes('|report|'))).toEqual(report ? ['lac-2023-2024|report|2024-01-01'] : []);
      expect(sent.filter((k) => k.includes('brief'))).toEqual([]);
      expect(t.standin.callsOf('conversations.open')).toEqual([]);
    }
  });
});
