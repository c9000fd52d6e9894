import { createRequire } from 'node:module';
import type * as Bolt from '@slack/bolt';

/**
 * The values the bot takes from Bolt, each from the module of Bolt's that defines it (issue 26.1). The compiled
 * bot's bundle reads `@slack/bolt` as this module (scripts/build.mjs): Bolt's index loads every receiver it
 * has, the Express one with Express and its dependencies and the AWS Lambda one among them, which the bot never
 * uses; the running bot then holds about 2.5 MB less. The sources and the tests import `@slack/bolt` as usual;
 * every value here is the same object as the index's (test/slack/bolt-parts.test.ts), and a name the sources
 * import from Bolt that is missing here fails the build. Bolt is pinned exactly (package.json): its `dist/`
 * paths are read as that version lays them out.
 */
const require = createRequire(import.meta.url);
const part = <T>(file: string): T => require(`@slack/bolt/dist/${file}`) as T;
const errors = part<typeof Bolt>('errors.js');

export const App = part<{ default: typeof Bolt.App }>('App.js').default;
export const Assistant = part<{ Assistant: typeof Bolt.Assistant }>('Assistant.js').Assistant;
export const HTTPReceiver = part<{ default: typeof Bolt.HTTPReceiver }>('receivers/HTTPReceiver.js').default;
export const SocketModeReceiver = part<{ default: typeof Bolt.SocketModeReceiver }>('receivers/SocketModeReceiver.js').default;
export const HTTPModuleFunctions = part<typeof Bolt.HTTPModuleFunctions>('receivers/HTTPModuleFunctions.js');
export const ignoreSelf = part<{ ignoreSelf: typeof Bolt.ignoreSelf }>('middleware/builtin.js').ignoreSelf;
export const { AuthorizationError, HTTPReceiverDeferredRequestError, ReceiverMultipleAckError, RespondError } = errors;
/** Bolt's log levels are @slack/logger's, which Bolt's index re-exports: read from Bolt's own copy of it. */
export const LogLevel = createRequire(require.resolve('@slack/bolt'))('@slack/logger').LogLevel as typeof Bolt.LogLevel;
