import { afterEach, describe, expect, it } from 'vitest';
import type { CustomRoute } from '@slack/bolt';
import { createLogger } from '../../src/logger.js';
import { matchRoute, startSideServer, type SideServer } from '../../src/slack/side-server.js';

const logs: string[] = [];
const logger = createLogger((l) => logs.push(l));
let server: SideServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  logs.length = 0;
});

const routes: CustomRoute[] = [
  {
    path: '/health',
    method: ['GET'],
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    },
  },
  {
    path: '/calendar/:file',
    method: 'get',
    handler: (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`file=${req.params?.file}`);
    },
  },
  {
    path: '/boom',
    method: 'GET',
    handler: () => {
      throw new Error('kaput');
    },
  },
];

async function start(): Promise<string> {
  server = await startSideServer({ host: '127.0.0.1', port: 0, routes, logger });
  return `http://127.0.0.1:${server.port}`;
}

describe('side server', () => {
  it('serves a GET route on the port it picked', async () => {
    const base = await start();
    expect(server?.port).toBeGreaterThan(0);
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('hands path params to the handler, decoded, and ignores the query string', async () => {
    const base = await start();
    const res = await fetch(`${base}/calendar/team%20a.ics?x=1`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('file=team a.ics');
  });

  it('answers 404 for an unknown path and for a param route without its segment', async () => {
    const base = await start();
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/calendar/`)).status).toBe(404);
    expect((await fetch(`${base}/calendar/a/b`)).status).toBe(404);
  });

  it('answers 405 with Allow for another method on a known path', async () => {
    const base = await start();
    const res = await fetch(`${base}/health`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });

  it('answers 500 and logs when a handler throws, and keeps serving', async () => {
    const base = await start();
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    expect(logs.some((l) => l.includes('/boom failed: kaput'))).toBe(true);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('fails to start, plainly, on a port already taken', async () => {
    await start();
    await expect(startSideServer({ host: '127.0.0.1', port: server!.port, routes, logger })).rejects.toThrow(/EADDRINUSE/);
  });

  it('closes: the port no longer answers', async () => {
    const base = await start();
    await server!.close();
    server = undefined;
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });
});

describe('matchRoute', () => {
  it('matches literal and param segments like Bolt custom routes', () => {
    expect(matchRoute('/health', '/health')).toEqual({});
    expect(matchRoute('/calendar/:file', '/calendar/x.ics')).toEqual({ file: 'x.ics' });
    expect(matchRoute('/calendar/:file', '/calendar/%E0%A4%A')).toBeUndefined();
    expect(matchRoute('/health', '/healthz')).toBeUndefined();
  });
});
