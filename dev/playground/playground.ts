import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Logger } from '@slack/bolt';
import { loadConfig, projectRoot, type Config } from '../../src/config.js';
import { offsetClock, parseInstant, type SettableClock } from '../../src/clock.js';
import { openStores, type Stores } from '../../src/stores.js';
import { formatProblem, importPlanFile } from '../../src/plan/import-plan.js';
import { createSlackApp, type SlackApp } from '../../src/slack-app.js';
import { WebApiStandIn, type StoredFile, type StoredMessage } from '../standin/web-api.js';
import { maxEventStreams, readLimited, refusal } from './guard.js';
import { SlackSender, blockActionsPayload, slashCommandFields, viewSubmissionPayload } from '../standin/sender.js';
import { currentPlan } from '../../src/domain/questions.js';
import { nextReminders } from '../../src/domain/reminders.js';
import { planOccurrences } from '../../src/domain/occurrences.js';
import { calendarFile } from '../../src/commands/calendar.js';
import { readTarget } from '../../src/slack/door.js';

/**
 * The people of the playground's workspace, with Slack-like ids, handles and names: the co-chair, members,
 * and people of the agencies who can be named focal points (`/gcm focal IOM @sofia`). The page lets you act
 * as any of them and mention them with `@`; the stand-in's `users.info` answers them (and only them). Sofía is
 * IOM's focal point from the start (`playgroundFocalPoints`): IOM leads the activities of the page's examples
 * (B1.2, B2.1), so acting as her shows what a lead agency's focal point may do (Update), and as a member what not.
 */
export const playgroundUsers = [
  { id: 'U0COCHAIR', name: 'ana', realName: 'Ana Morales', displayName: 'Ana', role: 'co-chair', coChair: true },
  { id: 'U0MEMBER', name: 'luis', realName: 'Luis Pérez', displayName: 'Luis', role: 'member', coChair: false },
  { id: 'U0IOM0001', name: 'sofia', realName: 'Sofía Ramírez', displayName: 'Sofía', role: 'IOM focal point', coChair: false },
  { id: 'U0UNHCR01', name: 'carlos', realName: 'Carlos Díaz', displayName: 'Carlos', role: 'UNHCR', coChair: false },
  { id: 'U0UNICEF1', name: 'marta', realName: 'Marta Silva', displayName: 'Marta', role: 'UNICEF', coChair: false },
  { id: 'U0UNDP001', name: 'jorge', realName: 'Jorge Castillo', displayName: 'Jorge', role: 'UNDP', coChair: false },
] as const;
/** The focal points the playground's database starts with (kept when a DATABASE_PATH already has them). */
export const playgroundFocalPoints: Record<string, string[]> = { IOM: ['U0IOM0001'] };
export const playgroundChannel = { id: 'C0NETWORK', name: 'regional-network' };

/** Where the playground's clock starts (docs/decisions/playground-and-standin.md): Monday 22 April 2024, 08:30, reminders about to fire. */
export const playgroundStart = '2024-04-22T08:30:00';

// From the project root, not this file: the compiled playground (dist/dev/playground/) reads the same page.
const pageFile = path.join(projectRoot, 'dev', 'playground', 'page.html');

export interface Playground {
  url: string;
  standin: WebApiStandIn;
  clock: SettableClock;
  stores: Stores;
  bot: SlackApp;
  stop(): Promise<void>;
}

/** How many lines of a file the page previews. */
const previewLines = 8;

/** The order messages were posted in (the ts's sequence part), whatever the bot's clock said. */
const seqOf = (ts: string) => Number(ts.split('.')[1] ?? 0);

/**
 * The bot with a local Slack: the real Bolt app over HTTP with its real receiver, a stand-in of Slack's Web
 * API in memory, and a page on 127.0.0.1 that looks and behaves like a channel. Slash commands, clicks and
 * `app_home_opened` reach the bot as signed HTTP requests, exactly as from Slack.
 */
export async function startPlayground(base: Config, logger: Logger, port = base.port): Promise<Playground> {
  const clock = offsetClock(parseInstant(base.now ?? playgroundStart, base.timezone)!, base.timezone);
  // Messages are stamped with the bot's clock, so the page shows when, for the bot, they were posted.
  const standin = new WebApiStandIn(() => clock.now().toMillis() / 1000);
  standin.addUsers(...playgroundUsers.map(({ id, name, realName, displayName }) => ({ id, name, realName, displayName, tz: base.timezone })));
  const apiUrl = await standin.start();
  const secret = randomBytes(16).toString('hex');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-playground',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    GCM_CO_CHAIRS: playgroundUsers
      .filter((u) => u.coChair)
      .map((u) => u.id)
      .join(','),
    GCM_REMINDER_CHANNEL: playgroundChannel.id,
    GCM_TIMEZONE: base.timezone,
    GCM_LANGUAGE: base.language,
    GCM_REMINDER_DAYS: base.reminderDays.join(','),
    GCM_REMINDER_TIME: base.reminderTime,
    GCM_DIGEST:
      base.digest === 'off'
        ? 'off'
        : `${['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][base.digest.weekday - 1]} ${base.digest.time}`,
    GCM_PLAN: base.planFile,
  });
  // A fresh database per playground unless DATABASE_PATH says otherwise: a demo starts clean.
  const stores = openStores(base.databasePathSet ? base.databasePath : ':memory:');
  const imported = importPlanFile(stores, config.planFile, config.dataDir, DateTime.utc().toISO()!, true);
  if (!imported.ok) throw new Error(`the plan file was rejected:\n${imported.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
  for (const [agency, people] of Object.entries(playgroundFocalPoints))
    stores.state.changeFocalPoints(agency, people, [], { userId: 'playground', source: 'playground' }, clock.now().toUTC().toISO()!);
  const bot = createSlackApp({
    config,
    stores,
    clock,
    logger,
    retries: 0,
    identity: { botId: 'B0GCMBOT', botUserId: standin.botUserId },
    // Unique per start: two playgrounds on one database hold the scheduler lease in turn, like two bots.
    instanceId: `playground:${process.pid}:${randomBytes(4).toString('hex')}`,
  });
  // The bot's receiver, like everything else here, listens on the loopback interface only.
  const botServer = (await bot.app.start({ port: 0, host: '127.0.0.1' })) as unknown as Server;
  const sender = new SlackSender(`http://127.0.0.1:${(botServer.address() as AddressInfo).port}/slack/events`, secret);

  let stopping = false;
  let passes: Promise<void> = Promise.resolve();
  const tick = () => {
    if (stopping) return passes;
    const pass = bot.reminders.tick().then(
      () => undefined,
      (e: unknown) => logger.error(`reminder pass failed: ${e instanceof Error ? e.message : String(e)}`),
    );
    passes = Promise.all([passes, pass]).then(() => undefined);
    return pass;
  };
  await tick();
  // The playground's clock runs on at the wall clock's pace: a pass every 5 s keeps reminders on time.
  const timer = setInterval(() => void tick(), 5000);

  const sseClients = new Set<ServerResponse>();
  standin.onChange = () => {
    for (const res of sseClients) res.write('data: change\n\n');
  };

  const fileView = (f: StoredFile) => ({
    id: f.id,
    name: f.filename,
    title: f.title ?? f.filename,
    size: Buffer.byteLength(f.content, 'utf8'),
    preview: f.content.split('\n').slice(0, previewLines).join('\n'),
    url: `/files/${encodeURIComponent(f.id)}/${encodeURIComponent(f.filename)}`,
  });
  // A shared file is a message of its own (Slack shows it so): in the channel, or in the thread it was shared in.
  const fileMessages = (): StoredMessage[] =>
    [...standin.files.values()]
      .filter((f) => f.channel === playgroundChannel.id && f.ts)
      .map((f) => ({ channel: f.channel!, ts: f.ts!, text: f.initialComment ?? '', blocks: [], user: f.user, threadTs: f.threadTs, fileId: f.id }));
  const messageView = (m: StoredMessage & { fileId?: string }) => {
    const file = m.fileId ? standin.files.get(m.fileId) : undefined;
    return {
      ts: m.ts,
      text: m.text,
      blocks: m.blocks,
      ephemeral: Boolean(m.ephemeralTo),
      edited: Boolean(m.edited),
      fromBot: m.user === standin.botUserId,
      user: m.user,
      files: file ? [fileView(file)] : [],
    };
  };
  const state = (user: string) => {
    const all = [...standin.channelMessages(playgroundChannel.id, user), ...fileMessages()].sort((a, b) => seqOf(a.ts) - seqOf(b.ts));
    return {
      now: clock.now().toISO(),
      zone: clock.zone,
      users: playgroundUsers,
      channel: playgroundChannel,
      botUserId: standin.botUserId,
      messages: all.filter((m) => !m.threadTs).map((m) => ({ ...messageView(m), replies: all.filter((r) => r.threadTs === m.ts).map(messageView) })),
      home: standin.homes.get(user) ?? null,
      modal: openModal(user),
    };
  };

  // The modal open for `user` (Slack shows one at a time): the last one opened, until it is closed.
  const openModal = (user: string) => {
    const v = standin.lastView(user);
    return v && !v.closed ? { id: v.id, view: v.view, errors: v.errors } : null;
  };

  const nextReminderAt = (): DateTime | null => {
    const now = clock.now();
    const plan = currentPlan(stores.plans, now.toISODate()!);
    if (!plan) return null;
    const occ = planOccurrences(stores, plan);
    return nextReminders(plan.id, occ, stores.state.completions(plan.id), now, bot.reminders.settings, 1)[0]?.fireAt ?? null;
  };

  let pagePort = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
      res.end(JSON.stringify(body));
    };
    // A target that is no URL (400) or a path with a malformed escape (404) is answered, never thrown on.
    const target = readTarget(req.url);
    if (!target.ok) return json(target.refusal.status, { error: target.refusal.reason });
    const url = { pathname: target.path, searchParams: target.query };
    // Refused before a byte of the body is read (docs: README, "The playground").
    const refused = refusal(req, pagePort);
    if (refused) return json(refused.status, { error: refused.error }, { connection: 'close' });
    const user = url.searchParams.get('user') ?? playgroundUsers[0].id;
    if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
      res.end(readFileSync(pageFile));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/state') return json(200, state(user));
    if (req.method === 'GET' && url.pathname === '/api/events') {
      if (sseClients.size >= maxEventStreams) return json(429, { error: 'too many open event streams' });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write('data: hello\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    // The plan's calendar, the same file as /gcm calendar and the subscription (no token: the page is local).
    if (req.method === 'GET' && url.pathname === '/calendar.ics') {
      const q = url.searchParams;
      const params = { agency: q.get('agency') ?? undefined, priority: q.get('priority') ?? undefined, lang: q.get('lang') ?? undefined };
      const made = calendarFile({ plans: stores.plans, state: stores.state, now: clock.now() }, stores.directory(), params, config.language);
      if (!made.ok) return json(400, { error: made.error });
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': `attachment; filename="${made.filename.replace(/[^\w.-]/g, '_')}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(made.ics);
      return;
    }
    const fileRoute = req.method === 'GET' ? /^\/files\/([^/]+)(?:\/[^/]*)?$/.exec(url.pathname) : null;
    if (fileRoute) {
      const file = standin.files.get(decodeURIComponent(fileRoute[1]!));
      if (!file?.ts) return json(404, { error: 'no such file' });
      res.writeHead(200, {
        'content-type': `${file.filename.endsWith('.md') ? 'text/markdown' : file.filename.endsWith('.ics') ? 'text/calendar' : 'text/plain'}; charset=utf-8`,
        'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(file.content);
      return;
    }
    if (req.method !== 'POST') return json(404, { error: 'not found' });
    const raw = await readLimited(req);
    if (raw === null) return json(413, { error: 'the request is too large' }, { connection: 'close' });
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return json(400, { error: 'expected a JSON object' });
    }
    const who = String(body.user ?? playgroundUsers[0].id);
    if (!playgroundUsers.some((u) => u.id === who)) return json(400, { error: 'unknown user' });
    switch (url.pathname) {
      case '/api/command': {
        const text = String(body.text ?? '').replace(/^\s*\/gcm\b\s*/, '');
        const ts = standin.nextTs();
        const ack = await sender.command(
          slashCommandFields({
            text,
            user: who,
            channel: playgroundChannel.id,
            channelName: playgroundChannel.name,
            responseUrl: standin.newResponseUrl(playgroundChannel.id, who, ts),
          }),
        );
        const answer = ack.json as { text?: string; blocks?: unknown[] } | null;
        if (answer && (answer.text || answer.blocks))
          standin.addMessage({
            channel: playgroundChannel.id,
            ts,
            text: answer.text ?? '',
            blocks: answer.blocks ?? [],
            user: standin.botUserId,
            ephemeralTo: who,
          });
        return json(200, { status: ack.status });
      }
      case '/api/action': {
        const inHome = body.surface === 'home';
        const message = inHome ? undefined : standin.messages.find((m) => m.ts === body.ts);
        if (!inHome && !message) return json(404, { error: 'no such message' });
        const action: Record<string, unknown> = { action_id: body.actionId, block_id: body.blockId, type: body.type };
        if (body.type === 'button') action.value = body.value;
        if (body.type === 'static_select') action.selected_option = { value: body.value, text: { type: 'plain_text', text: String(body.value) } };
        if (body.type === 'datepicker') action.selected_date = body.value;
        const ephemeral = Boolean(message?.ephemeralTo);
        const r = await sender.interaction(
          blockActionsPayload(
            who,
            inHome
              ? { kind: 'home' }
              : {
                  kind: 'message',
                  channel: playgroundChannel.id,
                  channelName: playgroundChannel.name,
                  messageTs: message!.ts,
                  ephemeral,
                  message: { text: message!.text, blocks: message!.blocks, user: message!.user },
                  responseUrl: standin.newResponseUrl(playgroundChannel.id, who, message!.ts),
                },
            action,
          ),
        );
        return json(200, { status: r.status });
      }
      case '/api/view-submit': {
        const opened = standin.views.get(String(body.viewId ?? ''));
        if (!opened || opened.closed || opened.user !== who) return json(404, { error: 'no such open modal' });
        const fill: Record<string, string | null> = {};
        for (const [k, v] of Object.entries((body.values ?? {}) as Record<string, unknown>)) fill[k] = typeof v === 'string' && v !== '' ? v : null;
        let payload: Record<string, unknown>;
        try {
          payload = viewSubmissionPayload(who, opened.view, fill);
        } catch (e) {
          return json(400, { error: e instanceof Error ? e.message : 'the modal has no such input' });
        }
        const r = await sender.interaction(payload);
        standin.applySubmissionAck(opened.id, r.json);
        return json(200, { status: r.status });
      }
      case '/api/view-close': {
        const opened = standin.views.get(String(body.viewId ?? ''));
        if (!opened || opened.user !== who) return json(404, { error: 'no such open modal' });
        // Slack closes it at once; the bot asked for no view_closed (notify_on_close), so it is not told.
        opened.closed = true;
        standin.onChange();
        return json(200, {});
      }
      case '/api/home': {
        const r = await sender.event({ type: 'app_home_opened', user: who, channel: 'D0HOME', tab: 'home', event_ts: String(Date.now() / 1000) });
        return json(200, { status: r.status });
      }
      case '/api/clock': {
        const now = clock.now();
        let target: DateTime | null = null;
        if (typeof body.set === 'string') target = parseInstant(body.set, clock.zone);
        else if (body.jump === 'hour') target = now.plus({ hours: 1 });
        else if (body.jump === 'day') target = now.plus({ days: 1 });
        else if (body.jump === 'week') target = now.plus({ weeks: 1 });
        else if (body.jump === 'next') target = nextReminderAt();
        if (!target) return json(400, { error: body.jump === 'next' ? 'no more reminders in this plan' : 'expected an ISO date-time' });
        clock.set(target);
        await tick();
        standin.onChange();
        return json(200, { now: clock.now().toISO() });
      }
      default:
        return json(404, { error: 'not found' });
    }
  };

  const page = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      logger.error(`playground request failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'the playground could not do that' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    page.once('error', reject);
    page.listen(port, '127.0.0.1', resolve);
  });
  pagePort = (page.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${pagePort}/`;
  return {
    url,
    standin,
    clock,
    stores,
    bot,
    // As the bot on SIGTERM: no new pass, the running one finished, the scheduler lease given back (so a
    // later start on the same database posts at once), then the servers and the database closed.
    stop: async () => {
      stopping = true;
      clearInterval(timer);
      await passes;
      bot.reminders.release();
      for (const r of sseClients) r.end();
      page.closeAllConnections();
      await new Promise((r) => page.close(r));
      await bot.app.stop();
      await standin.stop();
      stores.close();
    },
  };
}
