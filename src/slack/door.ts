import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { IncomingMessage, Server } from 'node:http';
import type { Logger } from '@slack/bolt';
import { type FormRead, parseForm } from './form.js';
import { setBounded } from '../domain/bounded-map.js';

/**
 * The checks every request from Slack passes before any handler sees it (docs/architecture.md, "The door").
 * Pure functions over the raw request; the receivers (guarded-receiver.ts) answer with the status each
 * refusal names.
 */

/** The largest body accepted: Slack's payloads (a modal of 100 blocks, a 40 000-character message event) stay far below it. */
export const bodyLimit = 1024 * 1024;

/** Slack's rule: a request dated more than five minutes from the server's clock, either way, is refused. */
export const maxClockSkewSeconds = 5 * 60;

export interface Refusal {
  status: 400 | 401 | 403 | 404 | 405 | 413;
  /** Why, for the log: never the body, never a secret. */
  reason: string;
}

/** A request target read: its path (still percent-encoded) and its query. */
export type Target = { ok: true; path: string; query: URLSearchParams } | { ok: false; refusal: Refusal };

/**
 * Reads a request's target (`/calendar/x.ics?lang=es`) without ever throwing: a target that is no URL
 * (`///`, `//[`, `//x:99999`) is refused 400; a path with a malformed escape (`/calendar/%.ics`) names
 * nothing the bot serves, and is refused 404 (empty, as every unknown path).
 */
export function readTarget(url: string | undefined): Target {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '/', 'http://localhost');
  } catch {
    return { ok: false, refusal: { status: 400, reason: 'a request target that is not a URL' } };
  }
  try {
    decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, refusal: { status: 404, reason: 'a path with a malformed escape' } };
  }
  return { ok: true, path: parsed.pathname, query: parsed.searchParams };
}

/**
 * A `CONNECT` request (a tunnel) gets 405 and the connection closed; without this Node drops it without a word.
 * Every other request Node cannot parse gets Node's own 400.
 */
export function refuseTunnels(server: Server, log: DoorLog): void {
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    log.refusal({ status: 405, reason: 'a CONNECT request' });
    socket.on('error', () => undefined);
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, POST\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  });
}

/** Distinct reasons or kinds remembered; past it, the oldest is forgotten (a line may repeat, memory stays bounded). */
const maxRemembered = 200;

/**
 * A log that nobody can fill by sending requests: each reason at most once a minute (with how many more
 * there were since), and each kind of payload the bot does not handle once. The door's, the side server's.
 */
export class DoorLog {
  private readonly refused = new Map<string, { lastMs: number; since: number }>();
  private readonly unhandledKinds = new Set<string>();

  constructor(private readonly o: { logger: Logger; wallMs: () => number }) {}

  /** A refused request, at warn level. */
  refusal(r: Refusal): void {
    this.limited(r.reason, (more) => this.o.logger.warn(`refused a request (${r.status}): ${r.reason}${more}`));
  }

  /** A failure of the bot's own (a route that threw), at error level, limited by its message. */
  failure(message: string): void {
    this.limited(message.slice(0, 200), (more) => this.o.logger.error(`${message}${more}`));
  }

  unhandled(kind: string): void {
    if (this.unhandledKinds.has(kind)) return;
    if (this.unhandledKinds.size >= maxRemembered) this.unhandledKinds.delete(this.unhandledKinds.values().next().value!);
    this.unhandledKinds.add(kind);
    this.o.logger.warn(`a request the bot does not handle (${kind}) was acknowledged and not handled; this is logged once per kind`);
  }

  private limited(reason: string, write: (more: string) => void): void {
    const now = this.o.wallMs();
    const seen = this.refused.get(reason);
    if (seen && now - seen.lastMs < 60_000) {
      seen.since += 1;
      return;
    }
    const more = seen?.since ? ` (and ${seen.since} more since the last line)` : '';
    setBounded(this.refused, reason, { lastMs: now, since: 0 }, maxRemembered);
    write(more);
  }
}

export type BodyRead = { ok: true; raw: Buffer } | { ok: false; refusal: Refusal };

const tooLarge: Refusal = { status: 413, reason: `a body over ${bodyLimit} bytes` };

/** A body being read: its chunks so far, and where its result goes (`readBody`). */
interface Reading {
  chunks: Buffer[];
  size: number;
  limit: number;
  resolve: (r: BodyRead) => void;
}

/** Where a request's `Reading` is kept while its body is read: on the request, for the three listeners below. */
const reading = Symbol('the body being read');
type ReadRequest = IncomingMessage & { [reading]?: Reading };

/**
 * The three listeners of every body read, shared by all requests (an emitter calls a listener with itself as
 * `this`): no closure made a request.
 */
function onData(this: ReadRequest, chunk: Buffer): void {
  const r = this[reading]!;
  r.size += chunk.length;
  if (r.size > r.limit) {
    this.pause();
    readDone(this, { ok: false, refusal: tooLarge });
  } else r.chunks.push(chunk);
}

function onEnd(this: ReadRequest): void {
  const chunks = this[reading]!.chunks;
  // A body in one chunk (nearly every one) is handed on as it came, not copied.
  readDone(this, { ok: true, raw: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
}

function onError(this: ReadRequest): void {
  readDone(this, { ok: false, refusal: { status: 400, reason: 'a body cut short' } });
}

function readDone(req: ReadRequest, result: BodyRead): void {
  const r = req[reading]!;
  req[reading] = undefined;
  req.off('data', onData);
  req.off('end', onEnd);
  req.off('error', onError);
  r.resolve(result);
}

/**
 * Reads a request's body up to `limit` bytes. A Content-Length over the limit is refused before a byte is
 * read; a body that passes it while streaming (chunked) is refused at once, without reading the rest.
 */
export function readBody(req: IncomingMessage, limit = bodyLimit): Promise<BodyRead> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, refusal: tooLarge });
  return new Promise((resolve) => {
    (req as ReadRequest)[reading] = { chunks: [], size: 0, limit, resolve };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/**
 * Slack's request signature (`v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}`), its timestamp within five
 * minutes of `nowSeconds` in either direction. null when the request is genuine.
 */
export function checkSignature(req: IncomingMessage, raw: Buffer, secret: string, nowSeconds: number): Refusal | null {
  const timestamp = header(req, 'x-slack-request-timestamp');
  const sig = header(req, 'x-slack-signature');
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return { status: 401, reason: 'no valid x-slack-request-timestamp' };
  if (Math.abs(nowSeconds - Number(timestamp)) > maxClockSkewSeconds) {
    return { status: 401, reason: 'a timestamp more than five minutes from the server clock' };
  }
  const match = sig ? /^v0=([0-9a-f]{64})$/.exec(sig) : null;
  if (!match) return { status: 401, reason: 'no valid x-slack-signature' };
  const expected = createHmac('sha256', secret).update(`v0:${timestamp}:`).update(raw).digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, 'hex')) ? null : { status: 401, reason: 'a signature that does not match' };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A request's media type, lower case, without its parameters (`application/json; charset=utf-8` → `application/json`). */
export const mediaType = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

const formType = 'application/x-www-form-urlencoded';

/** Slack's `ssl_check=1` is a form under this size: only so small a body is read before its signature is checked. */
export const sslCheckLimit = 1000;

/**
 * The form of a body read before its signature is checked, for Slack's `ssl_check=1` (sent unsigned to test
 * the certificate, answered 200 and nothing else): only a small form is; it is read once, and handed on.
 */
export function earlyForm(type: string, raw: Buffer): FormRead | undefined {
  return type === formType && raw.length < sslCheckLimit ? parseForm(raw) : undefined;
}

export const isSslCheck = (form: FormRead | undefined): boolean => form?.ok === true && form.fields.ssl_check === '1';

export type BodyParse = { ok: true; body: Record<string, unknown> } | { ok: false; refusal: Refusal };

const bad = (what: string): BodyParse => ({ ok: false, refusal: { status: 400, reason: what } });

/**
 * The body as Bolt expects it: a JSON object (Events API), a form whose `payload` is a JSON object
 * (interactions), or a form of fields (slash commands). Anything else is refused. `type` is the request's
 * media type (`mediaType`); `form`, the body's form when it was read already (`earlyForm`).
 */
export function parseBody(type: string, raw: Buffer, form?: FormRead): BodyParse {
  let body: unknown;
  if (type === 'application/json') {
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return bad('a JSON body that does not parse');
    }
    return isObject(body) ? { ok: true, body } : bad('a JSON body that is not an object');
  }
  if (type !== formType) return bad(`a body of type ${type.slice(0, 60) || 'none'}`);
  const read = form ?? parseForm(raw);
  if (!read.ok) return bad(read.reason);
  const fields = read.fields;
  if (!Object.hasOwn(fields, 'payload')) {
    return typeof fields.command === 'string' ? { ok: true, body: fields } : bad('a form that is neither a command nor a payload');
  }
  try {
    body = JSON.parse(fields.payload!);
  } catch {
    return bad('a payload that does not parse');
  }
  return isObject(body) && typeof body.type === 'string' ? { ok: true, body } : bad('a payload that is not an object with a type');
}

/** The app and workspace a body is for, as Slack names them in each kind of request. */
function addressOf(body: Record<string, unknown>): { app: unknown; team: unknown } {
  const team = isObject(body.team) ? body.team.id : isObject(body.user) && body.user.team_id !== undefined ? body.user.team_id : body.team_id;
  return { app: body.api_app_id, team: isObject(body.view) && team === undefined ? body.view.team_id : team };
}

/**
 * With SLACK_APP_ID / SLACK_TEAM_ID set, a body for another app or workspace (or naming none) is refused.
 * `url_verification` names neither, and is answered before this check.
 */
export function checkAddress(body: Record<string, unknown>, expected: { appId?: string; teamId?: string }): Refusal | null {
  const { app, team } = addressOf(body);
  if (expected.appId && app !== expected.appId) return { status: 403, reason: 'a request for another app' };
  if (expected.teamId && team !== expected.teamId) return { status: 403, reason: 'a request for another workspace' };
  return null;
}

/** What a request asks for, to log a kind the bot does not handle once: `block_actions some_button`, `event reaction_added`. */
export function kindOf(body: Record<string, unknown>): string {
  const first = Array.isArray(body.actions) && isObject(body.actions[0]) ? body.actions[0].action_id : undefined;
  const detail =
    typeof body.command === 'string'
      ? body.command
      : isObject(body.event)
        ? body.event.type
        : (first ?? body.callback_id ?? (isObject(body.view) ? body.view.callback_id : undefined));
  const kind = typeof body.command === 'string' ? 'command' : isObject(body.event) ? 'event' : String(body.type);
  return `${kind} ${typeof detail === 'string' ? detail : ''}`.trim().slice(0, 120);
}
