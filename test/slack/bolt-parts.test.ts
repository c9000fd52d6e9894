import { spawnSync } from 'node:child_process';
import * as bolt from '@slack/bolt';
import * as undici from 'undici';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import * as parts from '../../src/slack/bolt-parts.js';
import * as undiciParts from '../../src/slack/undici-parts.js';

// The compiled bot reads `@slack/bolt` as src/slack/bolt-parts.ts (scripts/build.mjs): each value must be the
// very object Bolt's index exports, so that the bundle runs the same Bolt the sources and the tests run.
describe("Bolt's parts, each from the module that defines it", () => {
  it("are the same objects as the ones Bolt's index exports", () => {
    const pairs: [string, unknown, unknown][] = [
      ['App', parts.App, bolt.App],
      ['Assistant', parts.Assistant, bolt.Assistant],
      ['AuthorizationError', parts.AuthorizationError, bolt.AuthorizationError],
      ['HTTPReceiver', parts.HTTPReceiver, bolt.HTTPReceiver],
      ['HTTPReceiverDeferredRequestError', parts.HTTPReceiverDeferredRequestError, bolt.HTTPReceiverDeferredRequestError],
      ['ignoreSelf', parts.ignoreSelf, bolt.ignoreSelf],
      ['LogLevel', parts.LogLevel, bolt.LogLevel],
      ['ReceiverMultipleAckError', parts.ReceiverMultipleAckError, bolt.ReceiverMultipleAckError],
      ['RespondError', parts.RespondError, bolt.RespondError],
      ['SocketModeReceiver', parts.SocketModeReceiver, bolt.SocketModeReceiver],
    ];
    expect(Object.keys(parts).sort()).toEqual([...pairs.map(([name]) => name), 'HTTPModuleFunctions'].sort());
    for (const [name, part, own] of pairs) expect(part, name).toBe(own);
    // The index re-exports this module's functions in a namespace object of its own: the same functions.
    expect(parts.HTTPModuleFunctions).toEqual(bolt.HTTPModuleFunctions);
    expect(parts.HTTPModuleFunctions.parseAndVerifyHTTPRequest).toBe(bolt.HTTPModuleFunctions.parseAndVerifyHTTPRequest);
  });

  it("undici's Agent is the index's own class", () => {
    expect(Object.keys(undiciParts)).toEqual(['Agent']);
    expect(undiciParts.Agent).toBe(undici.Agent);
  });

  it('loads OAuth and the Socket Mode client only when a receiver uses them, and then the real ones', () => {
    // A process of its own: here Bolt's index has loaded both already. This module first, as in the bundle.
    const script = `
      import { createRequire } from 'node:module';
      const parts = await import('./src/slack/bolt-parts.ts');
      const require = createRequire(import.meta.resolve('@slack/bolt'));
      const files = () => Object.keys(require.cache).filter((f) => /install-provider|SocketModeClient|jsonwebtoken/.test(f));
      const before = files();
      const http = new parts.HTTPReceiver({ signingSecret: 's', clientId: 'c', clientSecret: 'cs', stateSecret: 'st', scopes: ['chat:write'] });
      const socket = new parts.SocketModeReceiver({ appToken: 'xapp-1' });
      const real = { oauth: require('@slack/oauth'), socket: require('@slack/socket-mode') };
      console.log(JSON.stringify({ before, after: files().length, installer: http.installer instanceof real.oauth.InstallProvider,
        client: socket.client instanceof real.socket.SocketModeClient }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const seen = JSON.parse(run.stdout) as { before: string[]; after: number; installer: boolean; client: boolean };
    expect(seen.before).toEqual([]);
    expect(seen.after).toBeGreaterThanOrEqual(3);
    expect(seen.installer).toBe(true);
    expect(seen.client).toBe(true);
  }, 20_000);
});
