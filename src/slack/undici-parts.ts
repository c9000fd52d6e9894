import { createRequire } from 'node:module';
import type * as Undici from 'undici';

/**
 * The values the bot takes from undici, each from the file of undici's that defines it (issue 26.1). The
 * compiled bot's bundle reads `undici` as this module (scripts/build.mjs): undici's index loads all of undici
 * (fetch, WebSocket, EventSource, the cache and cookie helpers, the mock agents: 111 modules), of which the bot
 * uses one class, the Agent that posts to response_urls (src/slack/respond.ts); its own file loads 24. The
 * running bot then holds about 2 MB less (3.3 MB with the stand-ins of src/slack/bolt-parts.ts, 1 MB with them
 * alone). The sources and the tests import `undici` as usual; the value here is the same object as the
 * index's (test/slack/bolt-parts.test.ts), and a name the sources import from undici that is missing here fails
 * the build. undici is pinned exactly (package.json): its `lib/` paths are read as
 * that version lays them out.
 */
const require = createRequire(import.meta.url);

export const Agent = require('undici/lib/dispatcher/agent.js') as typeof Undici.Agent;
