import { RespondError, type RespondArguments } from '@slack/bolt';
import { Agent, type Dispatcher } from 'undici';
import type { Message } from '../views/message-view.js';
import { perObject } from './per-object.js';

/** Posts a message to a response_url, as Bolt's `respond()` does. */
export interface Respond {
  (message: RespondArguments): Promise<void>;
  /**
   * The message the clicked element sits on, replaced by `message` (`replace_original`). Its JSON is encoded
   * once per message object: an answer the answer cache keeps (src/commands/answer-cache.ts) is the same
   * object at every click that draws it, and messages are never changed once made.
   */
  replace(message: Message): Promise<void>;
}

/** At most this many connections to one response_url host; more posts at once wait their turn in the pool. */
export const responseUrlConnections = 8;

/**
 * One keep-alive pool for every response_url (Slack's hooks host; the stand-in's in tests); 10 s at most, as a
 * Web API call (webApiTimeoutMs). Bounded: without a bound, each post made while the others wait opens a socket
 * of its own (40 to 70 to the stand-in under the bench's clicks), each one more to open, read and keep.
 */
const pool = new Agent({ connections: responseUrlConnections, keepAliveTimeout: 30_000, headersTimeout: 10_000, bodyTimeout: 10_000 });
const headers = { 'content-type': 'application/json' };

/** The bytes of `{ replace_original: true, ...message }`, by message. */
const replacement = perObject((message: Message) => Buffer.from(JSON.stringify({ replace_original: true, ...message })));

/**
 * One post's answer as undici's dispatcher hands it over: the status kept, the body dropped as it comes, the
 * promise settled at its end. What undici's `request` does for a post, without the stream it makes of the
 * answer's body (read here only to be dropped) and the objects around it.
 */
class PostAnswer implements Dispatcher.DispatchHandler {
  private status = 0;

  constructor(
    private readonly resolve: () => void,
    private readonly reject: (e: Error) => void,
  ) {}

  onRequestStart(): void {}

  onResponseStart(_: Dispatcher.DispatchController, statusCode: number): void {
    this.status = statusCode;
  }

  onResponseData(): void {}

  onResponseEnd(): void {
    if (this.status >= 200 && this.status <= 299) this.resolve();
    else this.reject(new RespondError(`Failed to respond to the response_url: ${this.status}`, this.status));
  }

  onResponseError(_: Dispatcher.DispatchController, error: Error): void {
    this.reject(error);
  }
}

/** A JSON POST to `url`, failing like Bolt's (RespondError) on an answer that is not 2xx. */
function post(url: string, body: string | Buffer): Promise<void> {
  const { origin, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    pool.dispatch({ origin, path: pathname + search, method: 'POST', headers, body }, new PostAnswer(resolve, reject));
  });
}

/**
 * `respond` for `responseUrl`: the same JSON POST as Bolt's, failing alike (RespondError) on an answer that is
 * not 2xx, but through undici's `request` instead of `fetch`, whose Request and Response objects cost about
 * 0.4 ms of CPU a post, more than the rest of a Mark done click (bench: the click's CPU profile). Bolt's own
 * `respond` when there is no response_url (it then fails as before).
 */
export function responder(responseUrl: string | undefined, bolt: (message: RespondArguments) => Promise<unknown>): Respond {
  if (!responseUrl) {
    const viaBolt = async (message: RespondArguments) => void (await bolt(message));
    return Object.assign(viaBolt, { replace: (message: Message) => viaBolt({ replace_original: true, ...message }) });
  }
  return Object.assign((message: RespondArguments) => post(responseUrl, JSON.stringify(message)), {
    replace: (message: Message) => post(responseUrl, replacement(message)),
  });
}
