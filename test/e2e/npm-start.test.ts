import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { openStores } from '../../src/stores.js';
import { WebApiStandIn } from '../../dev/standin/web-api.js';
import { blockActionsPayload, SlackSender, slashCommandFields } from '../../dev/standin/sender.js';
import { eventually, freePort, passEnded } from '../helpers/slack.js';
import { tempDir } from '../helpers/stores.js';

function start(env: Record<string, string>): { child: ChildProcess; out: string[] } {
  const out: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', ...env } });
  child.stdout!.on('data', (d) => out.push(String(d)));
  child.stderr!.on('data', (d) => out.push(String(d)));
  return { child, out };
}

/** The environment of a bot against the stand-in at `apiUrl`, on `port`, with a fresh database; `extra` adds to it. */
function botEnv(apiUrl: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-e2e-secret-token',
    SLACK_SIGNING_SECRET: 'e2e-secret',
    SLACK_API_URL: apiUrl,
    PORT: String(port),
    DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'),
    GCM_TIMEZONE: 'America/Santiago',
    ...extra,
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('npm start, as a process, against a local stand-in of Slack', () => {
  it('posts the reminders due at GCM_NOW once, answers signed commands, and posts nothing new after a restart', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const port = await freePort();
    const env = botEnv(apiUrl, port, { GCM_CO_CHAIRS: 'U0COCHAIR', GCM_REMINDER_CHANNEL: 'C0NETWORK', GCM_NOW: '2024-04-24T10:00:00' });
    let run = start(env);
    try {
      await eventually(() => standin.callsOf('chat.postMessage').length >= 5, 20_000);
      const keys = standin
        .callsOf('chat.postMessage')
        .map((c) => (c.params.metadata as { event_payload: { key: string } }).event_payload.key)
        .sort();
      expect(keys).toEqual([
        'lac-2023-2024|B1.2@2024-05|7',
        'lac-2023-2024|B1.3@2024-04|7',
        'lac-2023-2024|B1.4@2024-04|7',
        'lac-2023-2024|B2.1@2024-05|7',
        'lac-2023-2024|B3.1@2024-05|7',
      ]);
      const sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, 'e2e-secret');
      const res = await sender.command({
        command: '/gcm',
        text: 'activity B1.3',
        user_id: 'U0MEMBER',
        channel_id: 'C0NETWORK',
        response_url: standin.newResponseUrl('C0NETWORK', 'U0MEMBER'),
      });
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.json)).toContain('Led by');
      const bad = await sender.command({ command: '/gcm', text: 'help' }, { secret: 'wrong' });
      expect(bad.status).toBe(401);
      expect(run.out.join('')).not.toContain('xoxb-e2e-secret-token');
      await stop(run.child);

      run = start(env);
      await eventually(() => passEnded(run.out.join('')), 20_000);
      expect(run.out.join('')).toMatch(/reminder pass: 0 posted, 0 found already posted, 0 to retry(?! \()/);
      expect(standin.callsOf('chat.postMessage')).toHaveLength(5);
    } finally {
      await stop(run.child);
      await standin.stop();
    }
  }, 60_000);

  it('with bad configuration lists every problem and exits 1, without a stack trace', async () => {
    const run = start({ SLACK_BOT_TOKEN: 'nope', GCM_TIMEZONE: 'Mars/Base', GCM_LANGUAGE: 'fr' });
    const code = await new Promise((r) => run.child.once('exit', r));
    const out = run.out.join('');
    expect(code).toBe(1);
    for (const v of ['SLACK_BOT_TOKEN', 'GCM_TIMEZONE', 'GCM_LANGUAGE']) expect(out).toContain(v);
    expect(out).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('when the port is taken by another running bot, the second prints why and exits 1; the first keeps answering', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const port = await freePort();
    const env = (db: string) => botEnv(apiUrl, port, { DATABASE_PATH: path.join(tempDir(), db) });
    const first = start(env('first.sqlite'));
    let second: ReturnType<typeof start> | undefined;
    try {
      await eventually(() => first.out.join('').includes('listening for Slack'), 20_000);
      second = start(env('second.sqlite'));
      const code = await Promise.race([
        new Promise((r) => second!.child.once('exit', r)),
        new Promise((r) => setTimeout(() => r('still running after 20 s'), 20_000)),
      ]);
      const out = second.out.join('');
      expect(code).toBe(1);
      expect(out).toContain(`Port ${port} is in use`);
      expect(out).toContain('set PORT to another one');
      expect(out).not.toMatch(/\n\s+at /);
      expect(first.child.exitCode).toBeNull();
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
    } finally {
      if (second) await stop(second.child);
      await stop(first.child);
      await standin.stop();
    }
  }, 60_000);
  it('GCM_PLAN may be a folder of CSV tables: the bot imports it at start and answers from it', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const port = await freePort();
    const env = botEnv(apiUrl, port, { GCM_NOW: '2025-07-15T10:00:00', GCM_PLAN: path.join(projectRoot, 'test/fixtures/plans/lac-2025-2026-es') });
    const run = start(env);
    try {
      await eventually(() => run.out.join('').includes('listening for Slack') || run.child.exitCode !== null, 20_000);
      expect(run.child.exitCode).toBeNull();
      const sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, 'e2e-secret');
      const res = await sender.command({
        token: 'x',
        team_id: 'T0',
        channel_id: 'C0NETWORK',
        user_id: 'U0MEMBER',
        command: '/gcm',
        text: 'proximo',
        response_url: standin.newResponseUrl('C0NETWORK', 'U0MEMBER'),
        trigger_id: 't',
        api_app_id: 'A0GCM',
      });
      const text = JSON.stringify(res.json);
      expect(run.out.join('')).toContain('imported plan lac-2025-2026: 10 activities');
      expect(text).toContain('31 de julio de 2025');
      expect(text).toContain('Organizar reuniones trimestrales de la Red Regional');
      // Written in Spanish: its texts are the plan's own, and no answer calls them a translation.
      expect(text).not.toContain('Traducción no oficial');
    } finally {
      await stop(run.child);
      await standin.stop();
    }
  });
});

describe('a crash or a shutdown in the middle of a post (a real bot process against the stand-in)', () => {
  const remindersEnv = { GCM_REMINDER_CHANNEL: 'C0NETWORK', GCM_NOW: '2024-04-24T10:00:00' };
  const postedKeys = (standin: WebApiStandIn) => standin.messages.filter((m) => m.metadata).map((m) => String(m.metadata!.event_payload.key));
  const exitOf = (child: ChildProcess) => new Promise<number | string | null>((r) => child.once('exit', (code, signal) => r(code ?? signal)));

  it('kill -9 while Slack holds a post: after a restart every reminder is posted exactly once, within 60 s', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const env = botEnv(apiUrl, await freePort(), remindersEnv);
    // The first post reaches Slack, and its answer never comes back: the kill lands mid-post.
    standin.failNext('chat.postMessage', { hangAfter: true });
    let run = start(env);
    try {
      await eventually(() => standin.callsOf('chat.postMessage').length === 1, 20_000);
      const killed = exitOf(run.child);
      run.child.kill('SIGKILL');
      expect(await killed).toBe('SIGKILL');
      const restartedAt = Date.now();
      run = start(env);
      await eventually(() => postedKeys(standin).length >= 5, 60_000);
      expect(Date.now() - restartedAt).toBeLessThan(60_000);
      await eventually(() => passEnded(run.out.join('')), 10_000);
      const keys = postedKeys(standin);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.sort()).toEqual([
        'lac-2023-2024|B1.2@2024-05|7',
        'lac-2023-2024|B1.3@2024-04|7',
        'lac-2023-2024|B1.4@2024-04|7',
        'lac-2023-2024|B2.1@2024-05|7',
        'lac-2023-2024|B3.1@2024-05|7',
      ]);
      const out = run.out.join('');
      expect(out).toMatch(/took over the scheduler lease from .* whose process \(pid \d+ on this host\) no longer exists/);
      expect(out).toContain('was already in the channel');
    } finally {
      await stop(run.child);
      await standin.stop();
    }
  }, 90_000);

  it('SIGTERM mid-post: the post finishes and is recorded, no other starts, the lease is given back; a restart posts the rest once', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const env = botEnv(apiUrl, await freePort(), remindersEnv);
    standin.failNext('chat.postMessage', { delayMs: 1500 });
    let run = start(env);
    try {
      await eventually(() => standin.callsOf('chat.postMessage').length === 1, 20_000);
      const exited = exitOf(run.child);
      run.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(standin.callsOf('chat.postMessage')).toHaveLength(1);
      const [first] = postedKeys(standin);
      const stores = openStores(env.DATABASE_PATH!);
      try {
        expect(stores.reminders.get(first!)).toMatchObject({ status: 'sent', attempts: 1 });
        expect(stores.reminders.unsent()).toHaveLength(4);
        expect(stores.reminders.leaseHolder()).toBeNull();
      } finally {
        stores.close();
      }
      run = start(env);
      await eventually(() => postedKeys(standin).length >= 5, 30_000);
      expect(new Set(postedKeys(standin)).size).toBe(5);
      expect(run.out.join('')).not.toContain('took over the scheduler lease');
    } finally {
      await stop(run.child);
      await standin.stop();
    }
  }, 90_000);

  it('SIGTERM while a command is being answered: the person still gets the answer and its file, then the process exits 0', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const port = await freePort();
    const run = start(botEnv(apiUrl, port, { GCM_NOW: '2024-04-24T10:00:00' }));
    try {
      await eventually(() => run.out.join('').includes('listening for Slack'), 20_000);
      // Slack holds the report's upload; the bot is told to stop while it waits.
      standin.failNext('files.getUploadURLExternal', { delayMs: 1500 });
      const sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, 'e2e-secret');
      const res = await sender.command({
        command: '/gcm',
        text: 'report 2024-01-01 2024-03-31',
        user_id: 'U0MEMBER',
        channel_id: 'C0NETWORK',
        response_url: standin.newResponseUrl('C0NETWORK', 'U0MEMBER'),
      });
      expect(res.status).toBe(200);
      await eventually(() => standin.callsOf('files.getUploadURLExternal').length === 1, 20_000);
      const exited = exitOf(run.child);
      run.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(standin.callsOf('files.completeUploadExternal')).toHaveLength(1);
      const replies = standin.callsOf('response_url');
      expect(replies).toHaveLength(1);
      expect(replies[0]!.params.text).toBe('Progress report, 1 January 2024 to 31 March 2024');
    } finally {
      await stop(run.child);
      await standin.stop();
    }
  }, 60_000);

  // Publish on the update's draft (issue 23.5): the click records it, the outbox posts it once.
  const publishedKey = 'lac-2023-2024|brief|2024-01-01|2024-03-31';
  const keyOfPost = (params: Record<string, unknown>) => (params.metadata as { event_payload?: { key?: string } } | undefined)?.event_payload?.key;

  it('kill -9 while Slack holds the published update: after a restart it is in the channel exactly once, never posted again', async () => {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const port = await freePort();
    const env = botEnv(apiUrl, port, { ...remindersEnv, GCM_CO_CHAIRS: 'U0COCHAIR' });
    const sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, 'e2e-secret');
    let run = start(env);
    try {
      // The start-up pass posts the day's five reminders; then the update's post reaches Slack and its answer never comes back.
      await eventually(() => passEnded(run.out.join('')), 30_000);
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
      await eventually(() => standin.callsOf('chat.postMessage').some((c) => keyOfPost(c.params) === publishedKey), 20_000);
      const killed = exitOf(run.child);
      run.child.kill('SIGKILL');
      expect(await killed).toBe('SIGKILL');
      run = start(env);
      await eventually(() => run.out.join('').includes(`reminder ${publishedKey} was already in the channel`), 60_000);
      await eventually(() => passEnded(run.out.join('')), 10_000);
      const posts = standin.callsOf('chat.postMessage').filter((c) => keyOfPost(c.params) === publishedKey);
      expect(posts).toHaveLength(1);
      expect(JSON.stringify(posts[0]!.params.blocks)).toContain('Published by <@U0COCHAIR>');
      expect(run.out.join('')).toMatch(/took over the scheduler lease from .* whose process \(pid \d+ on this host\) no longer exists/);
      const stores = openStores(env.DATABASE_PATH!);
      try {
        expect(stores.reminders.get(publishedKey)).toMatchObject({ status: 'sent', channel: 'C0NETWORK' });
        expect(stores.briefs.draft({ planId: 'lac-2023-2024', from: '2024-01-01', to: '2024-03-31' }).publishedBy).toBe('U0COCHAIR');
      } finally {
        stores.close();
      }
    } finally {
      await stop(run.child);
      await standin.stop();
    }
  }, 120_000);

  /** A co-chair asks for the first quarter's update and clicks Publish on its draft (the command's own files are shared by then). */
  async function publishQuarter(standin: WebApiStandIn, sender: SlackSender, beforeClick: () => void): Promise<void> {
    const responseUrl = standin.newResponseUrl('C0NETWORK', 'U0COCHAIR');
    await sender.command(slashCommandFields({ text: 'brief 2024-01-01 2024-03-31', user: 'U0COCHAIR', channel: 'C0NETWORK', responseUrl }));
    const draft = await eventually(() => standin.callsOf('response_url').find((c) => JSON.stringify(c.params.blocks).includes('gcm_brief_publish')), 20_000);
    const blocks = draft.params.blocks as { block_id?: string; elements?: { action_id: string; value: string; type: string; text: unknown }[] }[];
    const row = blocks.find((b) => b.elements?.some((e) => e.action_id === 'gcm_brief_publish'))!;
    const { type, action_id, value, text } = row.elements!.find((e) => e.action_id === 'gcm_brief_publish')!;
    beforeClick();
    const where = { kind: 'message' as const, channel: 'C0NETWORK', messageTs: '1713960000.000100', ephemeral: true, responseUrl };
    await sender.interaction(blockActionsPayload('U0COCHAIR', where, { type, action_id, block_id: row.block_id, value, text }));
  }

  /**
   * Publish, then kill -9 once the files' uploads asked for reach `killAtUpload` (the upload that Slack holds),
   * and restart: the update is in the channel once, and its thread holds each of its three files once.
   */
  async function publishKilledAtUpload(killAtUpload: number): Promise<void> {
    const standin = new WebApiStandIn();
    const apiUrl = await standin.start();
    const port = await freePort();
    const env = botEnv(apiUrl, port, { ...remindersEnv, GCM_CO_CHAIRS: 'U0COCHAIR' });
    const sender = new SlackSender(`http://127.0.0.1:${port}/slack/events`, 'e2e-secret');
    const uploads = () => standin.callsOf('files.getUploadURLExternal').length;
    let run = start(env);
    try {
      await eventually(() => passEnded(run.out.join('')), 30_000);
      let before = 0;
      await publishQuarter(standin, sender, () => {
        before = uploads();
        // The uploads before the held one go through; the held one never takes effect, and the kill lands there.
        standin.failNext('files.getUploadURLExternal', ...Array.from({ length: killAtUpload - 1 }, () => ({ delayMs: 0 })), { hang: true });
      });
      await eventually(() => uploads() === before + killAtUpload, 30_000);
      const killed = exitOf(run.child);
      run.child.kill('SIGKILL');
      expect(await killed).toBe('SIGKILL');
      const posts = () => standin.messages.filter((m) => m.metadata?.event_payload.key === publishedKey);
      expect(posts()).toHaveLength(1);
      const inThread = () => [...standin.files.values()].filter((f) => f.threadTs === posts()[0]!.ts).map((f) => f.filename);
      expect(inThread()).toHaveLength(killAtUpload - 1);
      run = start(env);
      await eventually(() => passEnded(run.out.join('')), 60_000);
      expect(run.out.join('')).toContain(`reminder ${publishedKey} was already in the channel`);
      expect(posts()).toHaveLength(1);
      const names = inThread().sort();
      expect(names).toEqual(['gcm-update-2024-01-01-2024-03-31.docx', 'gcm-update-2024-01-01-2024-03-31.md', 'gcm-update-2024-01-01-2024-03-31.xlsx']);
      const stores = openStores(env.DATABASE_PATH!);
      try {
        expect(stores.reminders.get(publishedKey)).toMatchObject({ status: 'sent', messageTs: posts()[0]!.ts });
      } finally {
        stores.close();
      }
    } finally {
      await stop(run.child);
      await standin.stop();
    }
  }

  it('kill -9 after the published update is posted and before its files: after a restart, one post and each of its files once in its thread', async () => {
    await publishKilledAtUpload(1);
  }, 150_000);

  it('kill -9 between the first and the second file of the published update: after a restart, each file once in its thread', async () => {
    await publishKilledAtUpload(2);
  }, 150_000);
});
