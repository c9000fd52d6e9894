/**
 * A server under load, in its own process (run.ts drives it with autocannon from another one):
 *
 *   node --import tsx bench/server.ts bot|bare|mirror      (env BENCH_API_URL: the Slack stand-in's Web API)
 *
 * `bot`: the real bot (createSlackApp) with the real plan imported into an in-memory store, behind its door
 * (the guarded receiver) with a signing secret. `bare`: a Bolt app on Bolt's HTTPReceiver, same secret, same logger, that
 * acknowledges `/gcm` with a constant and the Mark done button with an empty ack: Bolt's own floor. `mirror`: the
 * same bare app acknowledging each `/gcm` text with the very answer the bot gave it (env BENCH_MIRROR: a JSON
 * object from command text to the bot's acknowledgement body): the honest floor, the same bytes through the
 * same Bolt, without the bot's work.
 *
 * Both listen on 127.0.0.1, port chosen by the OS, and print `{"port":N}`. Over IPC they take
 * {profile:'start'} and {profile:'stop', file} (a CPU profile of the load in between) and answer
 * {profiled:file}; they report how many warnings and errors they logged on {stats:true}, and the CPU time
 * they have used on {cpu:true}.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createLogger } from '../src/logger.js';
import { actionIds, slashCommand } from '../src/views/action-ids.js';
import { benchBot, benchIdentity } from './bot.js';
import { signingSecret } from './common.js';
import { Profiler } from './profile.js';

export type ServerKind = 'bot' | 'bare' | 'mirror';
export type ServerMessage = { profile: 'start' } | { profile: 'stop'; file: string } | { stats: true } | { cpu: true };
export type ServerReply = { profiled: string } | { errors: number; firstErrors: string[] } | { cpuMicros: number };

const identity = benchIdentity;
/** Loopback only: nothing of the benchmark is reachable from outside the machine. */
const listen = { port: 0, host: '127.0.0.1' };

async function main(): Promise<void> {
  const kind = process.argv[2] as ServerKind;
  const apiUrl = process.env.BENCH_API_URL;
  if (!['bot', 'bare', 'mirror'].includes(kind) || !apiUrl) throw new Error('usage: BENCH_API_URL=… server.ts bot|bare|mirror');

  // Both apps log the same way: warnings and errors counted (and the first few kept), nothing printed, so
  // that a failing handler (invisible in the ack's status) is still reported by run.ts.
  let errors = 0;
  const firstErrors: string[] = [];
  const logger = createLogger((line) => {
    errors++;
    if (firstErrors.length < 5) firstErrors.push(line);
  }, LogLevel.WARN);

  let app: App;
  if (kind === 'bot') {
    app = benchBot(logger, apiUrl).app;
  } else {
    const receiver = new HTTPReceiver({ signingSecret, logger });
    app = new App({ token: 'xoxb-bench', receiver, logger, clientOptions: { slackApiUrl: apiUrl }, ...identity });
    // The bot's answers, parsed once: Bolt encodes them again per request, as it does in any app (the bot's door
    // keeps the JSON of a cached answer: src/slack/guarded-receiver.ts, HttpAck).
    const mirrored = new Map(
      Object.entries(JSON.parse(process.env.BENCH_MIRROR ?? '{}') as Record<string, string>).map(([k, v]) => [k, JSON.parse(v) as object]),
    );
    app.command(slashCommand, async ({ ack, command }) => {
      const same = kind === 'mirror' ? mirrored.get(command.text) : undefined;
      await ack(same ?? { response_type: 'ephemeral', text: 'ok' });
    });
    app.action(actionIds.markDone, async ({ ack }) => {
      await ack();
    });
  }
  const server = (await app.start(listen)) as unknown as Server;

  const profiler = new Profiler();
  process.on('message', (m: ServerMessage) => {
    const reply = (r: ServerReply) => process.send?.(r);
    if ('stats' in m) reply({ errors, firstErrors });
    else if ('cpu' in m) {
      const { user, system } = process.cpuUsage();
      reply({ cpuMicros: user + system });
    } else if (m.profile === 'start') void profiler.start().then(() => reply({ profiled: '' }));
    else void profiler.stop(m.file).then((file) => reply({ profiled: file }));
  });
  // Ends with its parent: run.ts disconnects (or dies) and the server goes too.
  process.on('disconnect', () => {
    void app.stop().finally(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
