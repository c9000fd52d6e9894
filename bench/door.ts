/**
 * The answers' request path in one process, without sockets: signed `/gcm` requests through the bot's door
 * (its HTTP receiver's request handler, `createSlackApp` with the real plan) or through the mirror (a bare
 * Bolt app on Bolt's HTTPReceiver acknowledging with the bot's own answer), on in-memory request and response
 * objects, `concurrency` at a time; prints the CPU time per request. Steadier than the HTTP section on a busy
 * machine: Node's HTTP parsing and socket writes, the same for both, are left out.
 *
 *   node [--max-semi-space-size=1] --import tsx bench/door.ts bot|mirror objective|agency|search [N] [CONCURRENCY] [PROFILE.cpuprofile]
 *
 * With BENCH_HEAP=K, it also prints the memory allocated per request (V8's sampling heap profiler, collected
 * objects included) and the K functions that allocate most.
 */
import { EventEmitter } from 'node:events';
import { Session } from 'node:inspector/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createLogger } from '../src/logger.js';
import { slashCommand } from '../src/views/action-ids.js';
import { signature, slashCommandFields } from '../dev/standin/sender.js';
import { benchBot, benchIdentity } from './bot.js';
import { channel, coChair, signingSecret } from './common.js';
import { Profiler } from './profile.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

const texts: Record<string, string> = { objective: 'objective 23', agency: 'agency IOM', search: 'search migrants' };
const apiUrl = 'http://127.0.0.1:9/api/';
const identity = benchIdentity;

/** A response that records what was written: status, body, and when it ended. */
class Response extends EventEmitter {
  headersSent = false;
  statusCode = 200;
  body = '';
  constructor(private readonly done: (r: Response) => void) {
    super();
  }
  setHeader(): void {}
  writeHead(status: number): this {
    this.statusCode = status;
    this.headersSent = true;
    return this;
  }
  end(body?: string): void {
    this.body = body ?? '';
    this.headersSent = true;
    this.done(this);
  }
}

/** Sends signed requests of one body to `handler`; the signature is computed once a second, as run.ts does. */
function requester(handler: Handler, body: string): () => Promise<Response> {
  const bytes = Buffer.from(body);
  let second = -1;
  let sig = '';
  return () => {
    const ts = Math.floor(Date.now() / 1000);
    if (ts !== second) [second, sig] = [ts, signature(signingSecret, ts, body)];
    const req = Object.assign(new PassThrough(), {
      url: '/slack/events',
      method: 'POST',
      socket: { end() {} },
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(bytes.length),
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sig,
      },
    });
    return new Promise((resolve) => {
      handler(req as unknown as IncomingMessage, new Response(resolve) as unknown as ServerResponse);
      req.end(bytes);
    });
  };
}

/** The bot's door, as bench/server.ts starts it (real plan, fixed clock, the co-chair configured). */
function botHandler(logger: ReturnType<typeof createLogger>): Handler {
  const door = benchBot(logger, apiUrl).receiver as unknown as { handle: Handler };
  return (req, res) => door.handle(req, res);
}

/** The mirror of bench/server.ts: Bolt's HTTPReceiver acknowledging with `answer`. */
function mirrorHandler(logger: ReturnType<typeof createLogger>, answer: object): Handler {
  const receiver = new HTTPReceiver({ signingSecret, logger });
  const app = new App({ token: 'xoxb-bench', receiver, logger, clientOptions: { slackApiUrl: apiUrl }, ...identity });
  app.command(slashCommand, async ({ ack }) => {
    await ack(answer);
  });
  return receiver.requestListener as Handler;
}

async function load(send: () => Promise<Response>, count: number, concurrency: number): Promise<void> {
  let left = count;
  const worker = async () => {
    while (left-- > 0) {
      const r = await send();
      if (r.statusCode !== 200) throw new Error(`status ${r.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

/** Bytes allocated per function in a sampling heap profile, largest first. */
function allocations(head: HeapNode): { total: number; top: [string, number][] } {
  const by = new Map<string, number>();
  let total = 0;
  const walk = (node: HeapNode) => {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '')}:${f.lineNumber + 1}`;
    total += node.selfSize;
    by.set(name, (by.get(name) ?? 0) + node.selfSize);
    for (const c of node.children) walk(c);
  };
  walk(head);
  return { total, top: [...by].sort((a, b) => b[1] - a[1]) };
}

async function main(): Promise<void> {
  const [kind, which = 'objective', n = '8000', c = '10', profileFile] = process.argv.slice(2);
  const text = texts[which];
  if ((kind !== 'bot' && kind !== 'mirror') || !text) throw new Error('usage: bench/door.ts bot|mirror objective|agency|search [N] [CONCURRENCY] [PROFILE]');
  let logged = 0;
  const logger = createLogger(() => logged++, LogLevel.WARN);
  const body = new URLSearchParams(slashCommandFields({ text, user: coChair, channel, responseUrl: 'http://127.0.0.1:9/response' })).toString();
  let send = requester(botHandler(logger), body);
  if (kind === 'mirror') send = requester(mirrorHandler(logger, JSON.parse((await send()).body) as object), body);
  await load(send, 3000, Number(c));
  const heapTop = Number(process.env.BENCH_HEAP ?? 0);
  const heap = heapTop ? new Session() : undefined;
  if (heap) {
    heap.connect();
    await heap.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  }
  const profiler = new Profiler();
  if (profileFile) await profiler.start();
  const before = process.cpuUsage();
  await load(send, Number(n), Number(c));
  const cpu = process.cpuUsage(before);
  if (profileFile) await profiler.stop(profileFile);
  console.log(
    JSON.stringify({
      kind,
      which,
      requests: Number(n),
      concurrency: Number(c),
      cpuMicrosPerRequest: Math.round((cpu.user + cpu.system) / Number(n)),
      warnings: logged,
    }),
  );
  if (heap) {
    const { profile } = (await heap.post('HeapProfiler.getSamplingProfile')) as unknown as { profile: { head: HeapNode } };
    const { total, top } = allocations(profile.head);
    console.log(`allocated about ${(total / Number(n) / 1024).toFixed(1)} kB per request (sampled)`);
    for (const [name, bytes] of top.slice(0, heapTop)) console.log(`${String(Math.round(bytes / Number(n))).padStart(7)} B  ${name}`);
  }
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
