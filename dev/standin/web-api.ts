import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the stand-in: a Web API method or a POST to a response_url. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
}

/** A message as the stand-in keeps it. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  user?: string;
  /** Seen only by this user (an ephemeral message). */
  ephemeralTo?: string;
  threadTs?: string;
  edited?: boolean;
  deleted?: boolean;
  /** The language of the command it answers, when the sender said (the playground draws Slack's words around it in it). */
  lang?: string;
}

/** A modal opened with views.open, as the stand-in keeps it (views.update replaces `view`). */
export interface OpenedView {
  id: string;
  /** Who it was opened for: the user a stand-in trigger_id names (sender.ts), when it names one. */
  user: string | null;
  triggerId: string;
  view: Record<string, unknown>;
  /** The field errors of the last submission answered with `response_action: 'errors'`, by block id. */
  errors: Record<string, string>;
  /** Closed by a submission's plain acknowledgement (or `clear`). */
  closed: boolean;
}

/** How long a trigger_id may open a modal, as in Slack. */
export const triggerLifetimeMs = 3000;

/**
 * A fault to answer the next call of a method with. `cutAfter`: the call takes effect, then the connection is
 * cut before the answer (a crash after the post). `hang`: the call takes no effect and is never answered (a
 * Slack that does not answer; the connection closes when the client gives up or the stand-in stops).
 * `hangAfter`: the call takes effect and is never answered (a post that reached Slack, whose answer was lost).
 * `delayMs`: the call is held that long, then takes effect and is answered (a slow Slack).
 * `until`: the call is held until the promise settles, then takes effect and is answered (a test waits on
 * what shows meanwhile, such as the assistant's status, then lets it go).
 * `error`: answered 200 with `{ ok: false, error }` (a Web API error such as `not_in_channel`).
 */
export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 }
  | { cut: true }
  | { cutAfter: true }
  | { hang: true }
  | { hangAfter: true }
  | { delayMs: number }
  | { until: Promise<unknown> }
  | { error: string };

const jsonFields = new Set(['blocks', 'attachments', 'metadata', 'view', 'unfurl', 'event_payload']);

/** Methods that only read: answering them changes nothing the page shows. */
const readOnlyMethods = new Set(['auth.test', 'conversations.history', 'conversations.replies', 'users.info', 'usergroups.users.list', 'conversations.info']);

/** Where a response_url answers: the channel, the person, the message it was given for, the command's language. */
type ResponseTarget = { channel: string; user: string; messageTs?: string; lang?: string };

type Send = (status: number, payload: unknown, headers?: Record<string, string>) => void;

/** The largest request body the stand-in reads (a report file is a few kB; Slack's own limits are far above). */
export const standinBodyLimit = 8 * 1024 * 1024;

/** The body as bytes, or null when it is larger than `limit` (reading stops there). */
export async function readBodyBytes(req: IncomingMessage, limit = standinBodyLimit): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) return null;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The body as text, or null when it is larger than `limit` (reading stops there). */
export async function readBody(req: IncomingMessage, limit = standinBodyLimit): Promise<string | null> {
  return (await readBodyBytes(req, limit))?.toString('utf8') ?? null;
}

/**
 * What a file upload carries, as bytes (a .docx or .xlsx is binary): the file part of a multipart body (as the
 * Web API client sends it), else the body.
 */
async function uploadedContent(body: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/form-data')) return body;
  try {
    const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
    for (const [, value] of form) return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(await value.arrayBuffer());
  } catch {
    // Not a well-formed multipart body: keep it as it came.
  }
  return body;
}

/** A person in the stand-in's directory, as `users.info` answers them. */
export interface StandInUser {
  id: string;
  /** The handle (`ana`), what `<@U…|ana>` carries. */
  name: string;
  realName: string;
  /** What Slack shows in mentions and message headers. */
  displayName: string;
  locale?: string;
  tz?: string;
}

/** The first paragraphs (lines) or the first rows of a file, as Slack previews a document or a spreadsheet. */
export interface FilePreview {
  lines?: string[];
  rows?: string[][];
}

/**
 * A thread of Slack's assistant pane (the split view of AI apps): in the person's direct messages with the bot,
 * opened beside `context` (the channel they were looking at), with what the bot set through
 * `assistant.threads.*`: its suggested prompts, title and status line.
 */
export interface AssistantThread {
  channel: string;
  threadTs: string;
  user: string;
  context: string;
  promptsTitle?: string;
  prompts: { title: string; message: string }[];
  title?: string;
  /** What the bot said it is doing (`setStatus`); Slack clears it when the bot replies in the thread. */
  status?: string;
}

/** A file shared with files.uploadV2 (getUploadURLExternal, the upload, completeUploadExternal). */
export interface StoredFile {
  id: string;
  filename: string;
  /** The file as text (UTF-8); `bytes` holds it as it was uploaded. */
  content: string;
  bytes: Buffer;
  /** What a page shows of a binary file (a .docx's first paragraphs, a .xlsx's first rows), set by `describeFile`. */
  preview?: FilePreview;
  title?: string;
  channel?: string;
  /** The thread it was shared in, when there is one. */
  threadTs?: string;
  initialComment?: string;
  /** When it was shared (completeUploadExternal), as a message ts. */
  ts?: string;
  user?: string;
}

function parseParams(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    out[k] = jsonFields.has(k) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/**
 * A local stand-in of Slack's Web API on 127.0.0.1, backed by memory: the methods the bot calls, plus
 * response_url endpoints. Records every call; can be told to fail the next call of a method (429 with
 * Retry-After, 500, a cut connection, no answer at all, a slow answer, a Web API error). Anything else answers `{ ok: true }`.
 */
export class WebApiStandIn {
  readonly calls: RecordedCall[] = [];
  readonly messages: StoredMessage[] = [];
  readonly homes = new Map<string, unknown>();
  readonly locales = new Map<string, string>();
  readonly usergroups = new Map<string, string[]>();
  /**
   * Ids `users.info` knows besides the people of `users`. When this is set or `users` has anyone, any other
   * id is `user_not_found`, as in Slack; with neither (the default), every id is known.
   */
  knownUsers: Set<string> | null = null;
  /** Modals opened with views.open, by view id, oldest first. */
  readonly views = new Map<string, OpenedView>();
  /** Files uploaded with files.uploadV2, by file id. */
  readonly files = new Map<string, StoredFile>();
  /** What to preview of an uploaded file (the playground reads .docx and .xlsx files); none by default. */
  describeFile?: (file: StoredFile) => Promise<FilePreview | undefined>;
  /** The workspace's people (the playground's directory), answered by `users.info` with their names. */
  readonly users = new Map<string, StandInUser>();
  /** The assistant pane's threads, oldest first. */
  readonly assistantThreads: AssistantThread[] = [];
  readonly botUserId = 'UGCMBOT';
  private readonly faults = new Map<string, Fault[]>();
  private readonly responseUrls = new Map<string, ResponseTarget>();
  private server: Server | null = null;
  private seq = 0;
  private responseSeq = 0;
  private baseUrl = '';
  /** What `apps.connections.open` returns: the URL of a local Socket Mode server, when there is one. */
  socketUrl: string | null = null;
  /** Called after every state change: the playground pushes updates to the page. */
  onChange: () => void = () => {};

  constructor(private readonly nowSeconds: () => number = () => Date.now() / 1000) {}

  async start(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.apiUrl;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  get origin(): string {
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** Makes the next call(s) of `method` fail as given, in order. */
  failNext(method: string, ...faults: Fault[]): void {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
  }

  /**
   * A response_url for an interaction in `channel` by `user` (on message `messageTs`, when there is one);
   * `lang`, the language of the command, is kept on what is answered through it.
   */
  newResponseUrl(channel: string, user: string, messageTs?: string, lang?: string): string {
    const id = String(++this.responseSeq);
    this.responseUrls.set(id, { channel, user, messageTs, lang });
    return `${this.baseUrl}/response/${id}`;
  }

  /** Adds people to the directory `users.info` answers from. */
  addUsers(...people: StandInUser[]): void {
    for (const u of people) this.users.set(u.id, u);
  }

  /** The modal opened last (for `user`, when given), if any. */
  lastView(user?: string): OpenedView | undefined {
    return [...this.views.values()].filter((v) => user === undefined || v.user === user).at(-1);
  }

  /**
   * What Slack does with a submission's acknowledgement: `errors` are shown under the inputs (the modal stays
   * open), `update` replaces the view, anything else (a plain ack, `clear`) closes it.
   */
  applySubmissionAck(viewId: string, ack: unknown): void {
    const opened = this.views.get(viewId);
    if (!opened) return;
    const a = (ack ?? {}) as { response_action?: string; errors?: Record<string, string>; view?: Record<string, unknown> };
    if (a.response_action === 'errors') opened.errors = a.errors ?? {};
    else if (a.response_action === 'update' && a.view) Object.assign(opened, { view: { ...a.view, id: viewId }, errors: {} });
    else opened.closed = true;
    this.onChange();
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Adds a message as if someone posted it (e.g. the ephemeral answer a slash command acknowledged). */
  addMessage(m: Omit<StoredMessage, 'ts'> & { ts?: string }): StoredMessage {
    const stored = { ...m, ts: m.ts ?? this.nextTs() };
    this.messages.push(stored);
    this.onChange();
    return stored;
  }

  /** The visible messages of a channel (ephemeral ones only for `viewer`), oldest first. */
  channelMessages(channel: string, viewer?: string): StoredMessage[] {
    return this.messages.filter((m) => m.channel === channel && !m.deleted && (!m.ephemeralTo || m.ephemeralTo === viewer));
  }

  /** Opens a thread of the assistant pane for `user`, beside channel `context` (Slack then sends `assistant_thread_started`). */
  openAssistantThread(user: string, context: string): AssistantThread {
    const thread: AssistantThread = { channel: this.dmChannelOf(user), threadTs: this.nextTs(), user, context, prompts: [] };
    this.assistantThreads.push(thread);
    this.onChange();
    return thread;
  }

  /** The assistant thread `thread_ts` of `channel`; one the stand-in did not see open (a test's event) is added as the bot names it. */
  private assistantThread(p: Record<string, unknown>): AssistantThread {
    const channel = String(p.channel_id ?? '');
    const threadTs = String(p.thread_ts ?? '');
    const found = this.assistantThreads.find((t) => t.channel === channel && t.threadTs === threadTs);
    if (found) return found;
    const added: AssistantThread = { channel, threadTs, user: `U${channel.replace(/^D/, '')}`, context: '', prompts: [] };
    this.assistantThreads.push(added);
    return added;
  }

  /** `assistant.threads.setSuggestedPrompts`: at most 4 prompts, each a title and the message it sends. */
  private setSuggestedPrompts(p: Record<string, unknown>): Record<string, unknown> {
    const prompts = (typeof p.prompts === 'string' ? safeJson(p.prompts) : p.prompts) as AssistantThread['prompts'];
    if (!Array.isArray(prompts) || prompts.length > 4) return { ok: false, error: 'invalid_arguments' };
    Object.assign(this.assistantThread(p), { prompts, promptsTitle: p.title === undefined ? undefined : String(p.title) });
    return { ok: true };
  }

  /** A fresh message ts (seconds.sequence), unique within this stand-in. */
  nextTs(): string {
    this.seq += 1;
    return `${Math.floor(this.nowSeconds())}.${String(this.seq).padStart(6, '0')}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const send: Send = (status, payload, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    // Only the bot (a Node client on this machine) talks to the stand-in: a browser's request (it carries an
    // Origin) or one addressed to another host (DNS rebinding) is refused before anything is read.
    if (req.headers.origin !== undefined || req.headers.host !== new URL(this.baseUrl).host)
      return send(403, { ok: false, error: 'forbidden' }, { connection: 'close' });
    const bytes = await readBodyBytes(req);
    if (bytes === null) return send(413, { ok: false, error: 'too_large' }, { connection: 'close' });
    const body = bytes.toString('utf8');
    let params: Record<string, unknown>;
    try {
      params = parseParams(body, req.headers['content-type']);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (url.pathname.startsWith('/upload/')) return this.upload(url.pathname.slice('/upload/'.length), bytes, req, res, send);
    if (url.pathname.startsWith('/response/')) return this.respond(url.pathname.slice('/response/'.length), params, send);
    if (!url.pathname.startsWith('/api/')) return send(404, { ok: false, error: 'unknown_path' });
    return this.call(url.pathname.slice('/api/'.length), params, req, send);
  }

  /** A POST to a response_url the stand-in gave out. */
  private respond(id: string, params: Record<string, unknown>, send: Send): void {
    this.calls.push({ method: 'response_url', params: { ...params, response_url_id: id }, at: Date.now() });
    const target = this.responseUrls.get(id);
    if (!target) {
      send(404, { ok: false, error: 'expired_url' });
      return;
    }
    this.respondTo(target, params);
    send(200, { ok: true });
    this.onChange();
  }

  /** The upload of a file's bytes to the URL files.getUploadURLExternal gave out. */
  private async upload(id: string, body: Buffer, req: IncomingMessage, res: ServerResponse, send: Send): Promise<void> {
    const file = this.files.get(id);
    if (!file) return send(404, { ok: false });
    file.bytes = await uploadedContent(body, req.headers['content-type']);
    file.content = file.bytes.toString('utf8');
    // Before the upload is answered, so the preview is there when the file is shared (completeUploadExternal).
    if (this.describeFile) file.preview = await this.describeFile(file).catch(() => undefined);
    this.calls.push({ method: 'file_upload', params: { file_id: id, bytes: body.length }, at: Date.now() });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('OK');
  }

  /** A Web API method: recorded, then answered, or failed as the next fault for it says. */
  private async call(method: string, params: Record<string, unknown>, req: IncomingMessage, send: Send): Promise<void> {
    this.calls.push({ method, params, at: Date.now() });
    const fault = this.faults.get(method)?.shift();
    if (fault && (await this.applyFault(fault, method, params, req, send))) return;
    send(200, this.answer(method, params));
    if (!readOnlyMethods.has(method)) this.onChange();
  }

  /** Fails a call as `fault` says; false when the call is then answered as usual (after a delay). */
  private async applyFault(fault: Fault, method: string, params: Record<string, unknown>, req: IncomingMessage, send: Send): Promise<boolean> {
    if ('cutAfter' in fault || 'hangAfter' in fault) {
      this.answer(method, params);
      this.onChange();
      if ('cutAfter' in fault) req.socket.destroy();
      return true;
    }
    if ('hang' in fault) return true;
    if ('delayMs' in fault) {
      await new Promise((r) => setTimeout(r, fault.delayMs));
      return false;
    }
    if ('until' in fault) {
      await fault.until.catch(() => undefined);
      return false;
    }
    if ('error' in fault) send(200, { ok: false, error: fault.error });
    else if ('cut' in fault) req.socket.destroy();
    else if (fault.status === 429) send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfter) });
    else send(500, { ok: false, error: 'internal_error' });
    return true;
  }

  private respondTo(target: ResponseTarget, p: Record<string, unknown>): void {
    const original = target.messageTs ? this.messages.find((m) => m.ts === target.messageTs && m.channel === target.channel) : undefined;
    if (p.delete_original === true || p.delete_original === 'true') {
      if (original) original.deleted = true;
      return;
    }
    if ((p.replace_original === true || p.replace_original === 'true') && original) {
      original.text = String(p.text ?? '');
      original.blocks = (p.blocks as unknown[]) ?? [];
      original.edited = true;
      return;
    }
    const inChannel = p.response_type === 'in_channel';
    this.messages.push({
      channel: target.channel,
      ts: this.nextTs(),
      text: String(p.text ?? ''),
      blocks: (p.blocks as unknown[]) ?? [],
      user: this.botUserId,
      ...(inChannel ? {} : { ephemeralTo: target.user }),
      ...(target.lang ? { lang: target.lang } : {}),
    });
  }

  /** The answer to a Web API method, having done what it does; `{ ok: true }` for a method the stand-in does not model. */
  private answer(method: string, p: Record<string, unknown>): Record<string, unknown> {
    const handler = this.methods[method];
    return handler ? handler(p) : { ok: true };
  }

  /** The Web API methods the stand-in models, by name. */
  private readonly methods: Record<string, (p: Record<string, unknown>) => Record<string, unknown>> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://standin.slack.local/',
      team: 'Stand-in',
      user: 'gcm',
      team_id: 'T0STANDIN',
      user_id: this.botUserId,
      bot_id: 'B0GCMBOT',
    }),
    'chat.postMessage': (p) => this.postMessage(p),
    'chat.update': (p) => this.updateMessage(p),
    'chat.postEphemeral': (p) => {
      const m = this.addMessage({
        channel: String(p.channel),
        text: String(p.text ?? ''),
        blocks: (p.blocks as unknown[]) ?? [],
        user: this.botUserId,
        ephemeralTo: String(p.user),
      });
      return { ok: true, message_ts: m.ts };
    },
    'views.open': (p) => this.openView(p),
    'views.update': (p) => {
      const opened = this.views.get(String(p.view_id ?? ''));
      if (!opened) return { ok: false, error: 'not_found' };
      opened.view = { ...(p.view as Record<string, unknown>), id: opened.id };
      opened.errors = {};
      return { ok: true, view: opened.view };
    },
    'views.publish': (p) => {
      this.homes.set(String(p.user_id), p.view);
      return { ok: true, view: { id: 'V0HOME', ...(p.view as object) } };
    },
    'conversations.history': (p) => this.history(p),
    'conversations.replies': (p) => this.replies(p),
    'users.info': (p) => this.userInfo(p),
    'usergroups.users.list': (p) => {
      const users = this.usergroups.get(String(p.usergroup));
      return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
    },
    'files.getUploadURLExternal': (p) => {
      const id = `F${String(this.files.size + 1).padStart(8, '0')}`;
      this.files.set(id, { id, filename: String(p.filename ?? ''), content: '', bytes: Buffer.alloc(0) });
      return { ok: true, upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
    },
    'files.completeUploadExternal': (p) => this.completeUpload(p),
    'apps.connections.open': () => (this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'no_socket_server' }),
    'conversations.info': (p) => ({ ok: true, channel: { id: p.channel, name: 'gcm-network', is_member: true } }),
    'conversations.open': (p) => this.openDirect(p),
    'assistant.threads.setSuggestedPrompts': (p) => this.setSuggestedPrompts(p),
    'assistant.threads.setTitle': (p) => {
      this.assistantThread(p).title = String(p.title ?? '');
      return { ok: true };
    },
    'assistant.threads.setStatus': (p) => {
      this.assistantThread(p).status = p.status ? String(p.status) : undefined;
      return { ok: true };
    },
  };

  /** The direct-message channel between the bot and a person (`D` and the id's rest, the same at every call). */
  dmChannelOf(user: string): string {
    return `D${user.replace(/^U/, '')}`;
  }

  /** `conversations.open` with `users` (one person): the bot's direct messages with them, as Slack answers. */
  private openDirect(p: Record<string, unknown>): Record<string, unknown> {
    const users = String(p.users ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean);
    if (users.length === 0) return { ok: false, error: 'users_list_not_supplied' };
    if (users.length > 1) return { ok: true, channel: { id: `G${users.join('').slice(0, 10)}`, is_mpim: true } };
    const known = this.userInfo({ user: users[0] });
    if (!known.ok) return { ok: false, error: 'user_not_found' };
    return { ok: true, channel: { id: this.dmChannelOf(users[0]!), is_im: true, user: users[0] } };
  }

  private postMessage(p: Record<string, unknown>): Record<string, unknown> {
    const m = this.addMessage({
      channel: String(p.channel),
      text: String(p.text ?? ''),
      blocks: (p.blocks as unknown[]) ?? [],
      user: this.botUserId,
      metadata: p.metadata as StoredMessage['metadata'],
      threadTs: p.thread_ts ? String(p.thread_ts) : undefined,
    });
    // As Slack: the bot's reply in an assistant thread clears the status it set there.
    const thread = this.assistantThreads.find((t) => t.channel === m.channel && t.threadTs === m.threadTs);
    if (thread) thread.status = undefined;
    return { ok: true, channel: m.channel, ts: m.ts, message: { text: m.text, blocks: m.blocks, ts: m.ts, user: m.user, metadata: m.metadata } };
  }

  private updateMessage(p: Record<string, unknown>): Record<string, unknown> {
    const m = this.messages.find((x) => x.channel === p.channel && x.ts === p.ts && !x.ephemeralTo);
    if (!m) return { ok: false, error: 'message_not_found' };
    m.text = String(p.text ?? m.text);
    if (p.blocks) m.blocks = p.blocks as unknown[];
    m.edited = true;
    return { ok: true, channel: m.channel, ts: m.ts, text: m.text };
  }

  private openView(p: Record<string, unknown>): Record<string, unknown> {
    // A trigger_id is required and lives 3 seconds; the stand-in's (sender.ts) are `ms.user.standin`.
    const trigger = typeof p.trigger_id === 'string' ? p.trigger_id : '';
    if (!trigger) return { ok: false, error: 'invalid_arguments' };
    const [ms, user] = trigger.split('.');
    if (Number.isFinite(Number(ms)) && Date.now() - Number(ms) > triggerLifetimeMs) return { ok: false, error: 'expired_trigger_id' };
    const view = p.view as Record<string, unknown> | undefined;
    if (!view || typeof view !== 'object' || view.type !== 'modal') return { ok: false, error: 'invalid_arguments' };
    const id = `V0MODAL${String(this.views.size + 1).padStart(4, '0')}`;
    const stored = { ...view, id };
    this.views.set(id, { id, user: user && user !== 'standin' ? user : null, triggerId: trigger, view: stored, errors: {}, closed: false });
    return { ok: true, view: stored };
  }

  private history(p: Record<string, unknown>): Record<string, unknown> {
    // Newest first, `limit` a page (Slack caps it at 999), then `response_metadata.next_cursor` while more
    // remain between `oldest` and `latest`; metadata only with `include_all_metadata`, as in Slack.
    const limit = Math.min(999, Number(p.limit ?? 100));
    const oldest = p.oldest ? Number(p.oldest) : 0;
    const latest = p.latest ? Number(p.latest) : Number.POSITIVE_INFINITY;
    const from = p.cursor ? Number(p.cursor) : 0;
    const withMetadata = p.include_all_metadata === true || p.include_all_metadata === 'true';
    const all = this.messages
      .filter((m) => m.channel === p.channel && !m.ephemeralTo && !m.deleted && !m.threadTs && Number(m.ts) >= oldest && Number(m.ts) <= latest)
      .reverse();
    const more = all.length > from + limit;
    const list = all.slice(from, from + limit).map((m) => ({
      type: 'message',
      ts: m.ts,
      text: m.text,
      user: m.user,
      bot_id: m.user === this.botUserId ? 'B0GCMBOT' : undefined,
      blocks: m.blocks,
      ...(withMetadata ? { metadata: m.metadata } : {}),
    }));
    return { ok: true, messages: list, has_more: more, ...(more ? { response_metadata: { next_cursor: String(from + limit) } } : {}) };
  }

  private replies(p: Record<string, unknown>): Record<string, unknown> {
    // The parent first, then its replies, oldest first (as Slack answers), `limit` a page (at most 1000), then
    // `response_metadata.next_cursor` while more remain. Files shared in the thread are messages with `files`.
    const thread = this.messages.filter((m) => m.channel === p.channel && !m.ephemeralTo && !m.deleted && (m.ts === p.ts || m.threadTs === p.ts));
    if (!thread.some((m) => m.ts === p.ts)) return { ok: false, error: 'thread_not_found' };
    const limit = Math.min(1000, Number(p.limit ?? 1000));
    const from = p.cursor ? Number(p.cursor) : 0;
    const all = [
      ...thread.map((m) => ({ type: 'message', ts: m.ts, thread_ts: m.threadTs ?? m.ts, text: m.text, user: m.user, blocks: m.blocks, metadata: m.metadata })),
      ...this.fileShares(String(p.channel), String(p.ts)),
    ].sort((a, b) => Number(a.ts) - Number(b.ts));
    const more = all.length > from + limit;
    return { ok: true, messages: all.slice(from, from + limit), has_more: more, ...(more ? { response_metadata: { next_cursor: String(from + limit) } } : {}) };
  }

  /** The messages that shared files in the thread of `ts` (one per completeUploadExternal), as Slack lists them in replies. */
  private fileShares(channel: string, ts: string): { type: string; ts: string; thread_ts: string; text: string; user?: string; files: unknown[] }[] {
    const byTs = new Map<string, StoredFile[]>();
    for (const f of this.files.values()) if (f.channel === channel && f.threadTs === ts && f.ts) byTs.set(f.ts, [...(byTs.get(f.ts) ?? []), f]);
    return [...byTs].map(([shared, files]) => ({
      type: 'message',
      ts: shared,
      thread_ts: ts,
      text: files[0]!.initialComment ?? '',
      user: files[0]!.user,
      upload: true,
      files: files.map((f) => ({ id: f.id, name: f.filename, title: f.title ?? f.filename, user: f.user })),
    }));
  }

  private userInfo(p: Record<string, unknown>): Record<string, unknown> {
    const id = String(p.user ?? '');
    const known = this.users.get(id);
    // With a directory (the playground's people) or a set of known ids (tests), an id outside them is
    // unknown, as in Slack; with neither, everyone is known.
    const strict = this.knownUsers !== null || this.users.size > 0;
    const listed = Boolean(known) || this.locales.has(id) || Boolean(this.knownUsers?.has(id));
    if (strict && !listed) return { ok: false, error: 'user_not_found' };
    const name = known?.name ?? id.toLowerCase();
    return {
      ok: true,
      user: {
        id,
        name,
        real_name: known?.realName ?? name,
        profile: { real_name: known?.realName ?? name, display_name: known?.displayName ?? name },
        locale: this.locales.get(id) ?? known?.locale ?? 'en-US',
        tz: known?.tz ?? 'America/Santiago',
      },
    };
  }

  private completeUpload(p: Record<string, unknown>): Record<string, unknown> {
    const list = (typeof p.files === 'string' ? safeJson(p.files) : p.files) as { id: string; title?: string }[];
    // The files of one call are shared in one message, as Slack does: one ts for all of them.
    const ts = this.nextTs();
    for (const f of list ?? []) {
      const file = this.files.get(f.id);
      if (file)
        Object.assign(file, {
          title: f.title,
          channel: p.channel_id ? String(p.channel_id) : undefined,
          threadTs: p.thread_ts ? String(p.thread_ts) : undefined,
          initialComment: p.initial_comment ? String(p.initial_comment) : undefined,
          ts,
          user: this.botUserId,
        });
    }
    return { ok: true, files: (list ?? []).map((f) => ({ id: f.id, title: f.title })) };
  }
}
