import type { CustomRoute } from '@slack/bolt';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock.js';
import { calendarFile } from '../commands/calendar.js';
import type { Language } from '../domain/types.js';
import type { Stores } from '../stores.js';
import { readTarget } from './door.js';

export interface CalendarRouteDeps {
  stores: Stores;
  clock: Clock;
  /** The secret of the address: GCM_CALENDAR_TOKEN, or the one kept in the database. */
  token: string;
  /** GCM_LANGUAGE: the calendar's language when the address names none. */
  language: Language;
}

/** The subscription's path: `/calendar/TOKEN.ics`. */
export const calendarPath = '/calendar/:file';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Compares two secrets in constant time (their digests have one length whatever the input). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected)) && expected.length > 0;
}

/** True when an If-None-Match header names `etag` (or `*`), weak or strong. */
function matches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : (ifNoneMatch ?? '');
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** 404 with an empty body: a wrong token says nothing, not even that the path exists. */
function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-length': '0' });
  res.end();
}

/**
 * `GET /calendar/TOKEN.ics?agency=IOM&lang=es&priority=B1&plan=ID`: the plan's calendar for a subscribed
 * calendar. A wrong token gets 404 and an empty body; the same content keeps its ETag, and a request whose
 * If-None-Match names it gets 304. A bad filter (with the right token) gets 400 and the reason in plain text.
 */
export function serveCalendar(deps: CalendarRouteDeps, req: IncomingMessage, res: ServerResponse): void {
  const url = readTarget(req.url);
  const file = url.ok ? /^\/calendar\/([^/]+)\.ics$/.exec(url.path)?.[1] : undefined;
  let token: string | null = null;
  try {
    token = file === undefined ? null : decodeURIComponent(file);
  } catch {
    token = null;
  }
  if (!url.ok || token === null || !sameSecret(token, deps.token)) {
    notFound(res);
    return;
  }
  const q = url.query;
  const plan = q.get('plan') ?? undefined;
  const ctx = { plans: deps.stores.plans, state: deps.stores.state, now: deps.clock.now(), ...(plan ? { plan } : {}) };
  const made = calendarFile(
    ctx,
    deps.stores.directory(),
    { agency: q.get('agency') ?? undefined, priority: q.get('priority') ?? undefined, lang: q.get('lang') ?? undefined },
    deps.language,
  );
  if (!made.ok) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${made.error.replace(/`/g, '')}\n`);
    return;
  }
  const etag = `"${createHash('sha256').update(made.ics, 'utf8').digest('base64url').slice(0, 27)}"`;
  const headers = { etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/calendar; charset=utf-8',
    'content-disposition': `inline; filename="${made.filename.replace(/[^\w.-]/g, '_')}"`,
    'content-length': String(Buffer.byteLength(made.ics, 'utf8')),
  });
  res.end(made.ics);
}

/** The subscription as a Bolt custom route (HTTP mode) or a route of the side server (Socket Mode, CALENDAR_PORT). */
export function calendarRoute(deps: CalendarRouteDeps): CustomRoute {
  return { path: calendarPath, method: ['GET'], handler: (req, res) => serveCalendar(deps, req, res) };
}
