import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { projectRoot, type Config } from '../../src/config.js';
import { parseInstant, type SettableClock } from '../../src/clock.js';
import type { Stores } from '../../src/stores.js';
import type { SlackApp } from '../../src/slack-app.js';
import { calendarFile } from '../../src/commands/calendar.js';
import { readTarget } from '../../src/slack/door.js';
import type { WebApiStandIn } from '../standin/web-api.js';
import { blockActionsPayload, slashCommandFields, viewSubmissionPayload, type SlackSender } from '../standin/sender.js';
import { askAssistant, openAssistant } from './assistant-routes.js';
import { maxEventStreams, readLimited, refusal } from './guard.js';
import { pageState } from './page-state.js';
import { playgroundChannel, playgroundUsers } from './people.js';
import { nextPostAt } from './timeline.js';

// From the project root, not this file: the compiled playground (dist/dev/playground/) reads the same page.
const pageFile = path.join(projectRoot, 'dev', 'playground', 'page.html');

/** The parts of a running playground its page's routes work with. */
export interface PlaygroundCore {
  standin: WebApiStandIn;
  clock: SettableClock;
  stores: Stores;
  bot: SlackApp;
  config: Config;
  sender: SlackSender;
  /** Runs a reminder pass at the clock's time: inside `exclusive` only, so that no other pass overlaps it. */
  tick(): Promise<void>;
  /** Runs `fn` with no pass of the 5-second timer and no other move of the clock in between. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** The page's open event streams (SSE). */
  sseClients: Set<ServerResponse>;
  /** The port the page listens on, once it listens. */
  pagePort(): number;
}

type Json = (status: number, body: unknown, headers?: Record<string, string>) => void;

/** A GET as a route sees it: the request, its target, whom the page acts as, and how to answer. */
interface GetRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  user: string;
  json: Json;
}

/** What a POST route answers: an HTTP status and a JSON body. */
type Answer = [status: number, body: unknown];
type PostRoute = (pg: PlaygroundCore, body: Record<string, unknown>, who: string) => Promise<Answer>;

const attachment = (filename: string) => `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`;

function servePage({ res }: GetRequest): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-frame-options': 'DENY' });
  res.end(readFileSync(pageFile));
}

function serveEvents(pg: PlaygroundCore, { req, res, json }: GetRequest): void {
  if (pg.sseClients.size >= maxEventStreams) {
    json(429, { error: 'too many open event streams' });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write('data: hello\n\n');
  pg.sseClients.add(res);
  req.on('close', () => pg.sseClients.delete(res));
}

/** The plan's calendar, the same file as /gcm calendar and the subscription (no token: the page is local). */
function serveCalendar(pg: PlaygroundCore, { res, url, json }: GetRequest): void {
  const q = url.searchParams;
  const params = { agency: q.get('agency') ?? undefined, priority: q.get('priority') ?? undefined, lang: q.get('lang') ?? undefined };
  const { stores, clock, config } = pg;
  const made = calendarFile({ plans: stores.plans, state: stores.state, now: clock.now() }, stores.directory(), params, config.language);
  if (!made.ok) {
    json(400, { error: made.error });
    return;
  }
  res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8',
    // One name per language: the page's English and Spanish links must not download files of the same name.
    'content-disposition': attachment(made.filename.replace(/\.ics$/, `-${made.lang}.ics`)),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(made.ics);
}

/** A file the bot shared, to download (`/files/ID/NAME`). */
function serveFile(pg: PlaygroundCore, id: string, { res, json }: GetRequest): void {
  const file = pg.standin.files.get(id);
  if (!file?.ts) {
    json(404, { error: 'no such file' });
    return;
  }
  const type = fileTypes.find(([ext]) => file.filename.endsWith(ext))?.[1] ?? 'text/plain; charset=utf-8';
  res.writeHead(200, {
    'content-type': type,
    'content-disposition': attachment(file.filename),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(file.bytes);
}

/** A shared file's media type, by its extension. */
const fileTypes: [string, string][] = [
  ['.md', 'text/markdown; charset=utf-8'],
  ['.ics', 'text/calendar; charset=utf-8'],
  ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
];

const getRoutes: Record<string, (pg: PlaygroundCore, r: GetRequest) => void> = {
  '/': (_pg, r) => servePage(r),
  '/index.html': (_pg, r) => servePage(r),
  '/api/state': (pg, r) => r.json(200, pageState(pg.standin, pg.clock, r.user, pg.config.language)),
  '/api/events': serveEvents,
  '/calendar.ics': serveCalendar,
};

function get(pg: PlaygroundCore, r: GetRequest): void {
  const route = getRoutes[r.url.pathname];
  const fileRoute = /^\/files\/([^/]+)(?:\/[^/]*)?$/.exec(r.url.pathname);
  if (route) route(pg, r);
  else if (fileRoute) serveFile(pg, decodeURIComponent(fileRoute[1]!), r);
  else r.json(404, { error: 'not found' });
}

/** A slash command typed in the message box, as Slack sends it; an answer in the acknowledgement is shown as Slack shows it (ephemeral). */
const command: PostRoute = async ({ standin, sender, bot }, body, who) => {
  const text = String(body.text ?? '').replace(/^\s*\/gcm\b\s*/, '');
  const ts = standin.nextTs();
  // The command's language (its keyword's), kept on its answers: the page draws Slack's words around them in it.
  const lang = bot.router.find(text).lang;
  const ack = await sender.command(
    slashCommandFields({
      text,
      user: who,
      channel: playgroundChannel.id,
      channelName: playgroundChannel.name,
      responseUrl: standin.newResponseUrl(playgroundChannel.id, who, ts, lang),
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
      lang,
    });
  return [200, { status: ack.status }];
};

/** The element of a click, as Slack describes it in `actions[0]`. */
function clickedElement(body: Record<string, unknown>): Record<string, unknown> {
  const action: Record<string, unknown> = { action_id: body.actionId, block_id: body.blockId, type: body.type };
  if (body.type === 'button') action.value = body.value;
  if (body.type === 'static_select') action.selected_option = { value: body.value, text: { type: 'plain_text', text: String(body.value) } };
  if (body.type === 'datepicker') action.selected_date = body.value;
  return action;
}

/** A click on a button, menu or date picker of a message or of the App Home. */
const action: PostRoute = async ({ standin, sender }, body, who) => {
  const inHome = body.surface === 'home';
  const message = inHome ? undefined : standin.messages.find((m) => m.ts === body.ts);
  if (!inHome && !message) return [404, { error: 'no such message' }];
  const where = message
    ? {
        kind: 'message' as const,
        // The message's own channel: the playground's, or a person's direct messages (the quarter's draft's buttons,
        // the assistant pane; Slack names those `directmessage`).
        channel: message.channel,
        channelName: message.channel === playgroundChannel.id ? playgroundChannel.name : 'directmessage',
        messageTs: message.ts,
        ephemeral: Boolean(message.ephemeralTo),
        message: { text: message.text, blocks: message.blocks, user: message.user },
        responseUrl: standin.newResponseUrl(message.channel, who, message.ts),
      }
    : { kind: 'home' as const };
  const r = await sender.interaction(blockActionsPayload(who, where, clickedElement(body)));
  return [200, { status: r.status }];
};

const viewSubmit: PostRoute = async ({ standin, sender }, body, who) => {
  const opened = standin.views.get(String(body.viewId ?? ''));
  if (!opened || opened.closed || opened.user !== who) return [404, { error: 'no such open modal' }];
  const fill: Record<string, string | null> = {};
  for (const [k, v] of Object.entries((body.values ?? {}) as Record<string, unknown>)) fill[k] = typeof v === 'string' && v !== '' ? v : null;
  let payload: Record<string, unknown>;
  try {
    payload = viewSubmissionPayload(who, opened.view, fill);
  } catch (e) {
    return [400, { error: e instanceof Error ? e.message : 'the modal has no such input' }];
  }
  const r = await sender.interaction(payload);
  standin.applySubmissionAck(opened.id, r.json);
  return [200, { status: r.status }];
};

const viewClose: PostRoute = async ({ standin }, body, who) => {
  const opened = standin.views.get(String(body.viewId ?? ''));
  if (!opened || opened.user !== who) return [404, { error: 'no such open modal' }];
  // Slack closes it at once; the bot asked for no view_closed (notify_on_close), so it is not told.
  opened.closed = true;
  standin.onChange();
  return [200, {}];
};

const home: PostRoute = async ({ sender }, _body, who) => {
  const r = await sender.event({ type: 'app_home_opened', user: who, channel: 'D0HOME', tab: 'home', event_ts: String(Date.now() / 1000) });
  return [200, { status: r.status }];
};

/** Where a clock request moves the clock: a date-time, a jump, or the next post; null when there is none. */
function clockTarget(pg: PlaygroundCore, body: Record<string, unknown>): DateTime | null {
  const now = pg.clock.now();
  if (typeof body.set === 'string') return parseInstant(body.set, pg.clock.zone);
  if (body.jump === 'hour') return now.plus({ hours: 1 });
  if (body.jump === 'day') return now.plus({ days: 1 });
  if (body.jump === 'week') return now.plus({ weeks: 1 });
  if (body.jump === 'next') return nextPostAt(timeline(pg), now);
  return null;
}

const timeline = ({ stores, config, bot }: PlaygroundCore) => ({ stores, config, settings: bot.reminders.settings });

/**
 * Moves the bot's clock to `target`. Forwards, it runs every pass the bot would have run on the way at which
 * something comes due (timeline.ts), in order, then one at `target`: the digest, reminders, follow-ups and
 * reports appear as they would have. Backwards, one pass at `target` (nothing is posted again).
 */
async function advanceClock(pg: PlaygroundCore, target: DateTime): Promise<void> {
  for (let at = nextPostAt(timeline(pg), pg.clock.now(), target); at; at = nextPostAt(timeline(pg), pg.clock.now(), target)) {
    pg.clock.set(at);
    await pg.tick();
  }
  pg.clock.set(target);
  await pg.tick();
}

const moveClock: PostRoute = async (pg, body) => {
  const target = await pg.exclusive(async () => {
    const to = clockTarget(pg, body);
    if (to) await advanceClock(pg, to);
    return to;
  });
  if (!target) return [400, { error: body.jump === 'next' ? 'nothing more for the bot to post: the plans have ended' : 'expected an ISO date-time' }];
  pg.standin.onChange();
  return [200, { now: pg.clock.now().toISO() }];
};

const postRoutes: Record<string, PostRoute> = {
  '/api/command': command,
  '/api/action': action,
  '/api/view-submit': viewSubmit,
  '/api/view-close': viewClose,
  '/api/home': home,
  '/api/clock': moveClock,
  '/api/assistant/open': openAssistant,
  '/api/assistant/ask': askAssistant,
};

/** The JSON object of a POST's body; null when it is too large, a string when it is not an object. */
async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown> | null | 'bad'> {
  const raw = await readLimited(req);
  if (raw === null) return null;
  try {
    const parsed: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'bad';
    return parsed as Record<string, unknown>;
  } catch {
    return 'bad';
  }
}

async function post(pg: PlaygroundCore, req: IncomingMessage, url: URL, json: Json): Promise<void> {
  const body = await readJsonObject(req);
  if (body === null) return json(413, { error: 'the request is too large' }, { connection: 'close' });
  if (body === 'bad') return json(400, { error: 'expected a JSON object' });
  const who = String(body.user ?? playgroundUsers[0].id);
  if (!playgroundUsers.some((u) => u.id === who)) return json(400, { error: 'unknown user' });
  const route = postRoutes[url.pathname];
  if (!route) return json(404, { error: 'not found' });
  const [status, answer] = await route(pg, body, who);
  json(status, answer);
}

/** The page's HTTP handler: every request through the guard (guard.ts), then its route. */
export function pageHandler(pg: PlaygroundCore) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const json: Json = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
      res.end(JSON.stringify(body));
    };
    // A target that is no URL (400) or a path with a malformed escape (404) is answered, never thrown on.
    const target = readTarget(req.url);
    if (!target.ok) return json(target.refusal.status, { error: target.refusal.reason });
    const url = new URL(`http://127.0.0.1${target.path}?${target.query}`);
    // Refused before a byte of the body is read (docs: README, "The playground").
    const refused = refusal(req, pg.pagePort());
    if (refused) return json(refused.status, { error: refused.error }, { connection: 'close' });
    const user = url.searchParams.get('user') ?? playgroundUsers[0].id;
    if (req.method === 'GET') return get(pg, { req, res, url, user, json });
    if (req.method !== 'POST') return json(404, { error: 'not found' });
    return post(pg, req, url, json);
  };
}
