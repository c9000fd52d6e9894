import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CustomRoute, Logger } from '@slack/bolt';
import { DoorLog, readTarget, refuseTunnels } from './door.js';

export interface SideServerOptions {
  host: string;
  /** 0 picks a free port; the started server reports the one it got. */
  port: number;
  routes: CustomRoute[];
  logger: Logger;
  /** The wall clock that rate-limits the log (Date.now unless a test says otherwise). */
  wallMs?: () => number;
}

export interface SideServer {
  port: number;
  close(): Promise<void>;
}

type Params = Record<string, string>;

/**
 * Matches a path against a Bolt-style route path (`/calendar/:file`): literal segments must be equal,
 * a `:name` segment takes one non-empty segment, percent-decoded. Returns the params, or undefined.
 */
export function matchRoute(route: string, path: string): Params | undefined {
  const want = route.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) {
      if (g === '') return undefined;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return undefined; // a malformed escape (`%E0%A4%A`) is no match, not a crash
      }
    } else if (w !== g) return undefined;
  }
  return params;
}

const methodsOf = (r: CustomRoute): string[] => (Array.isArray(r.method) ? r.method : [r.method]).map((m) => m.toUpperCase());

/**
 * A small HTTP server for Socket Mode, where Bolt's receiver serves no HTTP: it answers the given custom
 * routes (same shape as Bolt's `customRoutes`, path params in `req.params`), 404 for any other path and
 * 405 (with `Allow`) for another method on a known path, 400 for a request target that is no URL. A handler
 * that throws gets a plain 500. Log lines are rate-limited per reason (DoorLog), so requests cannot fill the log.
 */
export async function startSideServer({ host, port, routes, logger, wallMs = Date.now }: SideServerOptions): Promise<SideServer> {
  const log = new DoorLog({ logger, wallMs });
  const server = createServer((req, res) => serve(routes, log, req, res));
  refuseTunnels(server, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (e) => logger.error(`side server on ${host}:${port}: ${e.message}`));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serve(routes: CustomRoute[], log: DoorLog, req: IncomingMessage, res: ServerResponse): void {
  const method = (req.method ?? 'GET').toUpperCase();
  const target = readTarget(req.url);
  if (!target.ok) {
    log.refusal(target.refusal);
    res.writeHead(target.refusal.status, { 'content-type': 'text/plain' });
    res.end(target.refusal.status === 404 ? 'not found\n' : 'bad request\n');
    return;
  }
  const path = target.path;
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchRoute(route.path, path);
    if (!params) continue;
    const methods = methodsOf(route);
    if (!methods.includes(method)) {
      allowed.push(...methods);
      continue;
    }
    run(route, Object.assign(req, { params }), res, log, path);
    return;
  }
  if (allowed.length > 0) {
    res.writeHead(405, { allow: [...new Set(allowed)].join(', '), 'content-type': 'text/plain' });
    res.end('method not allowed\n');
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found\n');
}

function run(route: CustomRoute, req: IncomingMessage & { params: Params }, res: ServerResponse, log: DoorLog, path: string): void {
  const fail = (e: unknown) => {
    log.failure(`side server: ${path.slice(0, 100)} failed: ${e instanceof Error ? e.message : String(e)}`);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('internal error\n');
  };
  try {
    // Bolt types handlers as returning void, but an async one returns a promise: catch its rejection too.
    const out = route.handler(req, res) as unknown;
    if (out instanceof Promise) out.catch(fail);
  } catch (e) {
    fail(e);
  }
}

/** A route to serve in Socket Mode on a port of its own, named by the setting that gave the port. */
export interface SidePort {
  setting: string;
  port: number | undefined;
  route: CustomRoute;
}

/**
 * Socket Mode serves no HTTP of its own: each route that has a port (HEALTH_PORT, CALENDAR_PORT) gets a side
 * server on `host`, one server per port (two settings with the same port share it). Returns the servers, or
 * the one plain line saying which port could not be opened (the servers already started are closed).
 */
export async function startSidePorts(host: string, ports: SidePort[], logger: Logger): Promise<SideServer[] | { problem: string }> {
  const byPort = new Map<number, SidePort[]>();
  for (const p of ports) if (p.port !== undefined) byPort.set(p.port, [...(byPort.get(p.port) ?? []), p]);
  const started: SideServer[] = [];
  for (const [port, group] of byPort) {
    const settings = group.map((g) => g.setting).join(' and ');
    try {
      const side = await startSideServer({ host, port, routes: group.map((g) => g.route), logger });
      logger.info(`${settings}: serving ${group.map((g) => g.route.path).join(', ')} on http://${host}:${side.port}`);
      started.push(side);
    } catch (e) {
      await Promise.all(started.map((s) => s.close().catch(() => undefined)));
      const inUse = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
      return {
        problem: inUse
          ? `${settings} ${port} is in use: set ${settings} to another port.`
          : `Could not serve ${settings} ${port}: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  }
  return started;
}
