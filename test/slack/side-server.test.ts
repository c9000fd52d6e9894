import { afterEach, describe, expect, it } from 'vitest';
import type { CustomRoute } from '@slack/bolt';
import { createLogger } from '../../src/logger.js';
import { connect } from 'node:net';
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

  it('answers a target that is no URL with 400, a malformed escape with 404 and CONNECT with 405, and logs each reason once a minute', async () => {
    await start();
    const rawStatus = (line: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(server!.port, '127.0.0.1', () => socket.write(`${line}\r\nHost: x\r\nConnection: close\r\n\r\n`));
        let got = '';
        socket.on('data', (d) => {
          got += String(d);
        });
        socket.on('close', () => resolve(got.split('\r\n')[0]!));
        socket.on('error', reject);
      });
    for (let i = 0; i < 3; i++) {
      expect(await rawStatus('GET /// HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
      expect(await rawStatus('GET //[ HTTP/1.1')).toBe('HTTP/1.1 400 Bad Request');
      expect(await rawStatus('GET /calendar/%.ics HTTP/1.1')).toBe('HTTP/1.1 404 Not Found');
      expect(await rawStatus('CONNECT /health HTTP/1.1')).toBe('HTTP/1.1 405 Method Not Allowed');
    }
    expect(logs.filter((l) => l.includes('not a URL'))).toHaveLength(1);
    expect(logs.filter((l) => l.includes('malformed escape'))).toHaveLength(1);
    expect(logs.filter((l) => l.includes('CONNECT'))).toHaveLength(1);
  });

  it('logs a handler that keeps failing once a minute, with how many more failed since', async () => {
    let now = 0;
    server = await startSideServer({ host: '127.0.0.1', port: 0, routes, logger, wallMs: () => now });
    const base = `http://127.0.0.1:${server.port}`;
    for (let i = 0; i < 5; i++) expect((await fetch(`${base}/boom`)).status).toBe(500);
    now = 61_000;
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    const lines = logs.filter((l) => l.includes('/boom failed: kaput'));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('(and 4 more since the last line)');
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
