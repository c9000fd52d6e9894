/**
 * Slack's side of the HTTP benchmark, in its own process: the Web API stand-in (dev/standin/web-api.ts) that
 * receives what the bot posts after acknowledging a click (its response_url). Kept out of the load
 * generator's process so that serving the bot's posts does not stall autocannon's event loop (and its clock).
 *
 *   node --import tsx bench/standin.ts       prints {"apiUrl", "responseUrl"}
 *
 * Over IPC, {stats:true} answers how many response_url posts arrived and how many said "already marked", and
 * how many App Homes were published.
 */
import { WebApiStandIn } from '../dev/standin/web-api.js';
import { channel, coChair } from './common.js';

export interface StandInStats {
  responseUrlPosts: number;
  alreadyMarked: number;
  markedDone: number;
  /** views.publish calls (App Homes). */
  homePublishes: number;
  otherCalls: number;
}

async function main(): Promise<void> {
  const standin = new WebApiStandIn();
  const apiUrl = await standin.start();
  const responseUrl = standin.newResponseUrl(channel, coChair);
  const stats: StandInStats = { responseUrlPosts: 0, alreadyMarked: 0, markedDone: 0, homePublishes: 0, otherCalls: 0 };
  // The stand-in keeps every call and message; a benchmark makes tens of thousands, so count and drop them.
  const drain = () => {
    for (const c of standin.calls.splice(0)) {
      if (c.method === 'views.publish') stats.homePublishes++;
      if (c.method !== 'response_url') {
        stats.otherCalls++;
        continue;
      }
      stats.responseUrlPosts++;
      const blocks = JSON.stringify(c.params.blocks ?? '');
      if (blocks.includes('already marked done')) stats.alreadyMarked++;
      else if (blocks.includes('marked done by')) stats.markedDone++;
    }
    standin.messages.splice(0);
  };
  setInterval(drain, 250);
  process.on('message', () => {
    drain();
    process.send?.(stats);
  });
  process.on('disconnect', () => {
    void standin.stop().finally(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ apiUrl, responseUrl })}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
