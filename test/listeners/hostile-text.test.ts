import { describe, expect, it } from 'vitest';
import { eventually, member, startBot } from '../helpers/slack.js';
import { unescapedMarkup } from '../views/markup.js';

type Msg = { text: string; blocks: unknown[] };

describe('what people type reaches Slack escaped', () => {
  it.each([
    ['search <!channel> <https://evil.example|click here>', 'search'],
    ['buscar <!here> <@U0VICTIM> <#C0OTHER>', 'buscar'],
  ])('`/gcm %s` then Share in channel posts no ping and no link', async (command) => {
    const t = await startBot();
    const answer = (await t.command(command, member)).json as Msg;
    expect(unescapedMarkup(answer)).toEqual([]);
    await t.click(answer, 'gcm_share', member);
    const post = await eventually(() => t.standin.callsOf('response_url').find((c) => c.params.response_type === 'in_channel'));
    expect(post.params.text).toContain('&lt;!');
    expect(unescapedMarkup({ text: post.params.text, blocks: post.params.blocks })).toEqual([]);
    // The sharer is named (a mention the bot writes on purpose); the typed text is shown as written.
    expect(JSON.stringify(post.params.blocks)).toContain(`<@${member}>`);
  });

  it.each([
    'agency <!channel>',
    'activity <!everyone>',
    'priority <@U0VICTIM>',
    'objective <#C0OTHER|general>',
    '<https://evil.example|click here>',
    'done <!channel>',
    'schedule B2.1 <!here>',
    'report <!channel>',
    'plan <!channel>',
    'focal IOM <!channel>',
    'upcoming <!subteam^S0EVIL>',
  ])('`/gcm %s` answers with the markup escaped', async (command) => {
    const t = await startBot();
    const res = await t.command(command, member);
    expect(res.status).toBe(200);
    // The answer: in the acknowledgement, or (a command answered later) through the response_url: wait for it.
    const answered = () => [res.json, ...t.standin.callsOf('response_url').map((c) => c.params)].filter(Boolean) as Msg[];
    const replies = await eventually(() => answered().length > 0 && answered());
    for (const m of replies) expect(unescapedMarkup(m)).toEqual([]);
  });
});
