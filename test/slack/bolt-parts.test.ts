import * as bolt from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import * as parts from '../../src/slack/bolt-parts.js';

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
});
