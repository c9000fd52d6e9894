import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { openStores } from '../../src/stores.js';
import { blockActionsPayload, SlackSender, slashCommandFields } from '../../dev/standin/sender.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { eventually, freePort } from '../helpers/slack.js';
import { tempDir } from '../helpers/stores.js';

/** `src/main.ts` as a process, as npm start runs it, its output collected (as test/e2e/npm-start.test.ts does). */
function start(env: Record<string, string>): { child: ChildProcess; out: string[] } {
  const out: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', ...env } });
  child.stdout!.on('data', (d) => out.push(String(d)));
  child.stderr!.on('data', (d) => out.push(String(d)));
  return { child, out };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const exitOf = (child: ChildProcess) => new Promise<number | string | null>((r) => child.once('exit', (code, signal) => r(code ?? signal)));
const publishKey = 'lac-2023-2024|brief|2024-01-01|2024-03-31';
const keyOf = (params: Record<string, unknown>) => (params.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

describe('Publish, with the bot as a process killed mid-post', () => {
  it('kill -9 while Slack holds the published update: after a restart it is in the channel exactly once, never posted again', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-e2e-secret-token',
      SLACK_SIGNING_SECRET: 'e2e-secret',
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'),
      GCM_TIMEZONE: 'America/Santiago',
      GCM_CO_CHAIRS: 'U0COCHAIR',
      GCM_REMINDER_CHANNEL: 'C0NETWORK',
      GCM_NOW: '2024-04-24T10:00:00',
    };
    const sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, 'e2e-secret');
    let run = start(env);
    try {
      // The start-up pass posts the day's five reminders; then the update's post reaches Slack and its answer never comes back.
      await eventually(() => run.out.join('').includes('reminder pass:'), 30_000);
      standin.failNext('chat.postMessage', { hangAfter: true });
      await sender.command(
        slashCommandFields({
          text: 'brief 2024-01-01 2024-03-31',
          user: 'U0COCHAIR',
          channel: 'C0NETWORK',
          responseUrl: standin.newResponseUrl('C0NETWORK', 'U0COCHAIR'),
        }),
      );
      const draft = await eventually(() => standin.callsOf('response_url').find((c) => JSON.stringify(c.params.blocks).includes('gcm_brief_publish')), 20_000);
      const blocks = draft.params.blocks as { block_id?: string; elements?: { action_id: string; value: string; type: string; text: unknown }[] }[];
      const row = blocks.find((b) => b.elements?.some((e) => e.action_id === 'gcm_brief_publish'))!;
      const button = row.elements!.find((e) => e.action_id === 'gcm_brief_publish')!;
      await sender.interaction(
        blockActionsPayload(
          'U0COCHAIR',
          {
            kind: 'message',
            channel: 'C0NETWORK',
            messageTs: '1713960000.000100',
            ephemeral: true,
            responseUrl: standin.newResponseUrl('C0NETWORK', 'U0COCHAIR'),
          },
          { type: button.type, action_id: button.action_id, block_id: row.block_id, value: button.value, text: button.text },
        ),
      );
      await eventually(() => standin.callsOf('chat.postMessage').some((c) => keyOf(c.params) === publishKey), 20_000);
      const killed = exitOf(run.child);
      run.child.kill('SIGKILL');
      expect(await killed).toBe('SIGKILL');
      run = start(env);
      await eventually(() => run.out.join('').includes(`reminder ${publishKey} was already in the channel`), 60_000);
      await eventually(() => run.out.join('').includes('reminder pass:'), 10_000);
      const posts = standin.callsOf('chat.postMessage').filter((c) => keyOf(c.params) === publishKey);
      expect(posts).toHaveLength(1);
      expect(JSON.stringify(posts[0]!.params.blocks)).toContain('Published by <@U0COCHAIR>');
      expect(run.out.join('')).toMatch(/took over the scheduler lease from .* whose process \(pid \d+ on this host\) no longer exists/);
      const stores = openStores(env.DATABASE_PATH);
      try {
        expect(stores.reminders.get(publishKey)).toMatchObject({ status: 'sent', channel: 'C0NETWORK' });
        expect(stores.briefs.draft({ planId: 'lac-2023-2024', from: '2024-01-01', to: '2024-03-31' }).publishedBy).toBe('U0COCHAIR');
      } finally {
        stores.close();
      }
    } finally {
      await stop(run.child);
      await standin.stop();
    }
  }, 120_000);
});
