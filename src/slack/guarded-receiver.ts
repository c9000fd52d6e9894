import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ListenOptions } from 'node:net';
import {
  type App,
  AuthorizationError,
  type CustomRoute,
  HTTPReceiver,
  HTTPModuleFunctions,
  HTTPReceiverDeferredRequestError,
  type Logger,
  type Receiver,
  ReceiverMultipleAckError,
  type ReceiverEvent,
  SocketModeReceiver,
  type SocketModeReceiverOptions,
} from '@slack/bolt';
import { checkPayload, type PayloadCheck } from './payloads.js';
import { perObject } from './per-object.js';
import { takeTurns, turnBudgetMs } from './turns.js';
import {
  checkAddress,
  checkSignature,
  DoorLog,
  earlyForm,
  isSslCheck,
  kindOf,
  mediaType,
  parseBody,
  readBody,
  readTarget,
  type Refusal,
  refuseTunnels,
} from './door.js';

export interface DoorOptions {
  logger: Logger;
  /** SLACK_APP_ID / SLACK_TEAM_ID: when set, requests for another app or workspace are refused. */
  appId?: string;
  teamId?: string;
  /** The wall clock (milliseconds) that request timestamps are checked against; never the plan's clock. */
  wallMs: () => number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Hands an admitted request to Bolt. A request no listener acknowledged (a kind the bot does not handle)
 * is acknowledged as soon as Bolt is done with it, and logged once, instead of being left to time out.
 */
async function deliver(app: App, event: ReceiverEvent, log: DoorLog, answered: () => boolean): Promise<void> {
  let acked = false;
  const ack = event.ack;
  await app.processEvent({
    ...event,
    ack: async (response) => {
      acked = true;
      await ack(response);
    },
  });
  if (!acked && !answered()) {
    log.unhandled(kindOf(event.body));
    await ack();
  }
}

export interface GuardedHttpOptions extends DoorOptions {
  signingSecret: string;
  port: number;
  /** HOST: the interface to listen on (every interface when not given). */
  host?: string;
  /** Routes served on the same port (GET /health …), as Bolt's HTTPReceiver serves them. */
  customRoutes: CustomRoute[];
  /** How long one turn of the event loop may spend on requests (turns.ts; `turnBudgetMs` by default). */
  turnBudgetMs?: number;
}

const eventsPath = '/slack/events';

/**
 * HTTP mode: Slack's `POST /slack/events` passes the door (door.ts: size, signature and its age, body shape,
 * app and workspace) before `app.processEvent`; every other request goes to the custom routes, served by
 * Bolt's own HTTPReceiver router.
 */
export class GuardedHttpReceiver implements Receiver {
  private app: App | undefined;
  private server: Server | undefined;
  private readonly routes: HTTPReceiver;
  private readonly log: DoorLog;

  constructor(private readonly o: GuardedHttpOptions) {
    // Never started: it only routes the custom routes (its own events endpoint is never reached, see handle()).
    this.routes = new HTTPReceiver({ signingSecret: o.signingSecret, logger: o.logger, customRoutes: o.customRoutes, endpoints: [eventsPath] });
    this.log = new DoorLog(o);
  }

  init(app: App): void {
    this.app = app;
    this.routes.init(app);
  }

  /** Listens on PORT and HOST, or where `listen` says (tests and the playground: port 0 on the loopback). */
  start(listen?: number | ListenOptions): Promise<Server> {
    const options: ListenOptions = typeof listen === 'object' ? listen : { port: listen ?? this.o.port, ...(this.o.host ? { host: this.o.host } : {}) };
    // A turn of the event loop spends at most turnBudgetMs on requests: new connections are accepted meanwhile (turns.ts).
    const turns = takeTurns(
      (req: IncomingMessage, res: ServerResponse) => this.handle(req, res),
      this.o.turnBudgetMs ?? turnBudgetMs,
      () => performance.now(),
    );
    const server = createServer(turns);
    refuseTunnels(server, this.log);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve, reject) => {
      server.close((e) => (e ? reject(e) : resolve()));
      server.closeIdleConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    // Read here, where a target that is no URL is answered: Bolt's router would throw on it outside any try.
    const target = readTarget(req.url);
    if (!target.ok) {
      this.refuse(req, res, target.refusal);
      return;
    }
    if (target.path === eventsPath && req.method === 'POST') {
      this.door(req, res).catch((e: unknown) => this.failed(res, e));
      return;
    }
    try {
      // A custom route may be async: its failure is answered too, never left as an unhandled rejection.
      const r = (this.routes.requestListener as (q: IncomingMessage, s: ServerResponse) => unknown)(req, res);
      if (r instanceof Promise) r.catch((e: unknown) => this.failed(res, e));
    } catch (e) {
      if (e instanceof HTTPReceiverDeferredRequestError) {
        res.writeHead(404);
        res.end();
      } else this.failed(res, e);
    }
  }

  private failed(res: ServerResponse, e: unknown): void {
    this.log.failure(`a request failed: ${e instanceof Error ? e.message : String(e)}`);
    if (!res.headersSent) {
      res.writeHead(e instanceof AuthorizationError ? 401 : 500);
      res.end();
    }
  }

  private refuse(req: IncomingMessage, res: ServerResponse, r: Refusal): void {
    this.log.refusal(r);
    // A body too large is not read: the connection is closed once the answer is out.
    res.writeHead(r.status, r.status === 413 ? { connection: 'close' } : {});
    res.end();
    if (r.status === 413) res.once('finish', () => req.socket.end());
  }

  private async door(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const read = await readBody(req);
    if (!read.ok) return this.refuse(req, res, read.refusal);
    const raw = read.raw;
    const type = mediaType(req.headers['content-type']);
    const form = earlyForm(type, raw);
    if (isSslCheck(form)) {
      res.writeHead(200);
      res.end();
      return;
    }
    const forged = checkSignature(req, raw, this.o.signingSecret, Math.floor(this.o.wallMs() / 1000));
    if (forged) return this.refuse(req, res, forged);
    const parsed = parseBody(type, raw, form);
    if (!parsed.ok) return this.refuse(req, res, parsed.refusal);
    const body = parsed.body;
    if (body.type === 'url_verification') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ challenge: body.challenge }));
      return;
    }
    const elsewhere = checkAddress(body, this.o);
    if (elsewhere) return this.refuse(req, res, elsewhere);
    const checked = checkPayload(body);
    if (!checked.ok) return this.refuse(req, res, checked.refusal);
    const answer = new HttpAck(res, this.o.logger);
    await this.app!.processEvent({
      body: checked.body,
      ack: answer.ack,
      retryNum: retryNum(req),
      retryReason: header(req, 'x-slack-retry-reason'),
      customProperties: {},
    });
    if (!answer.acked && !res.headersSent) {
      this.log.unhandled(kindOf(checked.body));
      await answer.ack();
    }
  }
}

/** Slack's deadline for an acknowledgement, as Bolt's HTTPReceiver keeps it (its `unhandledRequestTimeoutMillis`). */
const ackDeadlineMs = 3001;

function unacknowledged(a: HttpAck): void {
  if (a.acked) return;
  // Bolt's own handler: its log line, and a 404 unless an answer went out.
  HTTPModuleFunctions.defaultUnhandledRequestHandler({ logger: a.logger, request: a.res.req, response: a.res });
}

/**
 * The JSON of each frozen acknowledgement as UTF-8 bytes, kept while it is. Bytes, not the JSON string: an
 * answer's text has characters past Latin-1 (`…`, `–`), so V8 keeps its JSON as two bytes a character, and
 * written as a string it was joined to the response's head and copied flat (10 to 23 kB a request for the
 * bench's three answers), then encoded to UTF-8, on every request; bytes are written as they are.
 */
const encodedOnce = perObject((response: object) => Buffer.from(JSON.stringify(response)));

/**
 * An acknowledgement's JSON. A frozen one is encoded once: a listener acknowledging with the same frozen
 * object each time (a cached answer, src/listeners/commands/gcm-command.ts) is answered with the same bytes,
 * which it cannot change. What it holds must not change either: cached answers are shared, never edited.
 */
function encode(response: object): string | Buffer {
  return Object.isFrozen(response) ? encodedOnce(response) : JSON.stringify(response);
}

/**
 * The acknowledgement of one request over HTTP, as Bolt's HTTPResponseAck makes it (at most once, else
 * ReceiverMultipleAckError; a request not acknowledged within Slack's 3 seconds is logged and answered 404),
 * without its layers: one object and one function per request, and the answer written whole with its length
 * (Node sets Content-Length when the headers go with the body, instead of a chunked body).
 */
class HttpAck {
  acked = false;
  private readonly timer: NodeJS.Timeout;
  readonly ack: (response?: unknown) => Promise<void>;

  constructor(
    readonly res: ServerResponse,
    readonly logger: Logger,
  ) {
    // A closure, not `setTimeout(f, ms, this)`: clearTimeout drops a timer's callback but keeps its arguments, so a
    // cleared timer left in the old space still held this request (response, request, Bolt's arguments) until a
    // full collection; measured over HTTP, 2.5 kB a request more promoted to the old space (6.0 against 3.5 kB).
    this.timer = setTimeout(() => unacknowledged(this), ackDeadlineMs);
    this.ack = (response) => this.send(response);
  }

  private async send(response: unknown): Promise<void> {
    if (this.acked) throw new ReceiverMultipleAckError();
    this.acked = true;
    clearTimeout(this.timer);
    const res = this.res;
    // Past the deadline, the 404 went out already (unacknowledged): nothing more can be said.
    if (res.headersSent) return;
    res.statusCode = 200;
    if (!response) res.end();
    else if (typeof response === 'string') res.end(response);
    else {
      res.setHeader('content-type', 'application/json');
      res.end(encode(response));
    }
  }
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

const retryNum = (req: IncomingMessage): number | undefined => {
  const n = Number.parseInt(header(req, 'x-slack-retry-num') ?? '', 10);
  return Number.isNaN(n) ? undefined : n;
};

/**
 * Socket Mode: the same checks where they apply (no signature, no size: the WebSocket carries them). An
 * envelope whose payload is not an object is acknowledged (so that Slack does not send it again), logged
 * and dropped before the Socket Mode client reads into it; a payload for another app or workspace, or one whose
 * fields have the wrong types (payloads.ts), too.
 */
export class GuardedSocketModeReceiver extends SocketModeReceiver {
  private readonly log: DoorLog;

  constructor(
    options: SocketModeReceiverOptions,
    private readonly door: DoorOptions,
  ) {
    super(options);
    this.log = new DoorLog(door);
    // The client reads `payload.event.type` of an events_api envelope before anything else could check it:
    // the envelope is checked first, and the client's own reader runs only on what passes.
    const client = this.client as unknown as { onWebSocketMessage(data: unknown, isBinary: boolean): Promise<void> };
    this.client.removeAllListeners('ws_message');
    this.client.on('ws_message', (data: unknown, isBinary: boolean) => {
      if (!this.admitEnvelope(data, isBinary)) return;
      client
        .onWebSocketMessage(data, isBinary)
        .catch((e: unknown) => door.logger.error(`a Socket Mode message failed: ${e instanceof Error ? e.message : String(e)}`));
    });
  }

  override init(app: App): void {
    super.init({ processEvent: (event: ReceiverEvent) => this.admit(app, event) } as unknown as App);
  }

  private admitEnvelope(data: unknown, isBinary: boolean): boolean {
    if (isBinary) return true;
    let envelope: unknown;
    try {
      envelope = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data as Uint8Array));
    } catch {
      return true; // The client ignores what does not parse.
    }
    if (!isObject(envelope)) return false;
    if (envelope.type === 'hello' || envelope.type === 'disconnect') return true;
    const payload = envelope.payload;
    if (isObject(payload) && (envelope.type !== 'events_api' || isObject(payload.event))) return true;
    this.log.refusal({ status: 400, reason: 'a Socket Mode envelope whose payload is not an object' });
    if (typeof envelope.envelope_id === 'string') {
      (this.client as unknown as { send(id: string): Promise<void> }).send(envelope.envelope_id).catch(() => undefined);
    }
    return false;
  }

  private async admit(app: App, event: ReceiverEvent): Promise<void> {
    const elsewhere = checkAddress(event.body, this.door);
    const checked: PayloadCheck = elsewhere ? { ok: false, refusal: elsewhere } : checkPayload(event.body);
    if (!checked.ok) {
      this.log.refusal(checked.refusal);
      await event.ack();
      return;
    }
    await deliver(app, { ...event, body: checked.body }, this.log, () => false);
  }
}
