import type { IncomingMessage } from 'node:http';

/**
 * Only the person at the keyboard drives the playground. Its API acts as whoever the page says (a co-chair
 * included), so every request must come from the page itself: addressed to the playground's own host (no
 * DNS rebinding), from its own origin when the browser says one (no cross-site form or fetch), with a JSON
 * body (a cross-site page cannot send one without a CORS preflight, which the playground never grants), of
 * bounded size.
 */

/** The largest request body the playground reads: its requests are a few hundred bytes. */
export const bodyLimit = 64 * 1024;

/** The most event streams (SSE) open at once: a few tabs of the page. */
export const maxEventStreams = 8;

/** The hosts the playground answers to, once it listens on `port`. */
export function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** Why a request is refused before anything is read, as an HTTP status; null when it may go on. */
export function refusal(req: IncomingMessage, port: number): { status: 403 | 413 | 415; error: string } | null {
  const hosts = ownHosts(port);
  if (!hosts.includes(req.headers.host ?? '')) return { status: 403, error: 'this playground answers only to its own address' };
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) return { status: 403, error: 'requests from other sites are refused' };
  if (req.method === 'POST') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return { status: 415, error: 'the playground takes application/json only' };
    if (Number(req.headers['content-length'] ?? 0) > bodyLimit) return { status: 413, error: 'the request is too large' };
  }
  return null;
}

/** Reads at most `limit` bytes of the body; null (having stopped reading) when there is more. */
export function readLimited(req: IncomingMessage, limit = bodyLimit): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        over = true;
        req.off('data', onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.once('error', reject);
  });
}
