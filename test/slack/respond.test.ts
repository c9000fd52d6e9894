import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RespondError } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody } from '../../dev/standin/web-api.js';
import { responder, responseUrlConnections } from '../../src/slack/respond.js';
import type { Message } from '../../src/views/message-view.js';

const servers: (() => void)[] = [];
afterEach(() => {
  while (servers.length) servers.pop()!();
});

/** A response_url on 127.0.0.1 answering `status`, keeping what it was sent. */
async function responseUrl(status: number): Promise<{ url: string; got: { contentType?: string; body: unknown }[] }> {
  const got: { contentType?: string; body: unknown }[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void readBody(req).then((body) => {
      got.push({ contentType: req.headers['content-type'], body: JSON.parse(body ?? 'null') });
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ok' : 'expired_url');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/actions/T0/1/x`, got };
}

describe('posting to a response_url', () => {
  it('posts the message as JSON, as Bolt does', async () => {
    const { url, got } = await responseUrl(200);
    const fallback = () => Promise.reject(new Error('Bolt was asked instead'));
    await responder(url, fallback)({ replace_original: true, text: 'B1.5 marked done', blocks: [] });
    expect(got).toEqual([{ contentType: 'application/json', body: { replace_original: true, text: 'B1.5 marked done', blocks: [] } }]);
  });

  it('fails like Bolt (RespondError with the status) when Slack refuses the post', async () => {
    const { url } = await responseUrl(404);
    const failure = await responder(url, () => Promise.resolve())({ text: 'x' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RespondError);
    expect((failure as RespondError).statusCode).toBe(404);
  });

  it('replaces the clicked message with replace_original, each message its own body, the same one again alike', async () => {
    const { url, got } = await responseUrl(200);
    const respond = responder(url, () => Promise.reject(new Error('Bolt was asked instead')));
    const first: Message = { text: 'B1.5 · done', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'B1.5 already marked done' } }] };
    const second: Message = { text: 'B1.2 · done', blocks: [] };
    await respond.replace(first);
    await respond.replace(second);
    await respond.replace(first);
    expect(got.map((g) => g.body)).toEqual([
      { replace_original: true, ...first },
      { replace_original: true, ...second },
      { replace_original: true, ...first },
    ]);
    expect(got.every((g) => g.contentType === 'application/json')).toBe(true);
  });

  it('keeps at most a few connections to a response_url host: posts beyond them wait for one, none is lost', async () => {
    // A host that answers nothing until `responseUrlConnections` posts wait on it at once, then answers all.
    const sockets = new Set<unknown>();
    const waiting: ServerResponse[] = [];
    let received = 0;
    let released = false;
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      sockets.add(req.socket);
      void readBody(req).then(() => {
        received++;
        if (released) return void res.end('ok');
        waiting.push(res);
        if (waiting.length < responseUrlConnections) return;
        released = true;
        for (const r of waiting.splice(0)) r.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    servers.push(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/actions/T0/2/y`;
    const respond = responder(url, () => Promise.reject(new Error('Bolt was asked instead')));
    await Promise.all(Array.from({ length: 3 * responseUrlConnections }, (_, i) => respond({ text: `post ${i}` })));
    expect(received).toBe(3 * responseUrlConnections);
    expect(sockets.size).toBeLessThanOrEqual(responseUrlConnections);
  });

  it("without a response_url, Bolt's own respond replaces the message too", async () => {
    const sent: unknown[] = [];
    await responder(undefined, async (m) => void sent.push(m)).replace({ text: 'x', blocks: [] });
    expect(sent).toEqual([{ replace_original: true, text: 'x', blocks: [] }]);
  });

  it("without a response_url, Bolt's own respond is used", async () => {
    const sent: unknown[] = [];
    await responder(undefined, async (m) => void sent.push(m))({ text: 'x' });
    expect(sent).toEqual([{ text: 'x' }]);
  });
});
