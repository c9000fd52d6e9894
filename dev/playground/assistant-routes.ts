import type { SlackSender } from '../standin/sender.js';
import type { WebApiStandIn } from '../standin/web-api.js';
import { playgroundChannel } from './people.js';

/** What the pane's routes use of the running playground (routes.ts's `PlaygroundCore` has it). */
interface PaneCore {
  standin: WebApiStandIn;
  sender: SlackSender;
}

/** What a POST route answers: an HTTP status and a JSON body (as routes.ts). */
type Answer = [status: number, body: unknown];

/**
 * A member opens the bot's assistant pane beside the channel (Slack's split view of AI apps): Slack starts a
 * thread in their direct messages with the bot and sends it `assistant_thread_started`, signed, with the
 * channel they are looking at as its context. Each open is a new chat, as Slack's "New chat".
 */
export async function openAssistant({ standin, sender }: PaneCore, _body: Record<string, unknown>, who: string): Promise<Answer> {
  const thread = standin.openAssistantThread(who, playgroundChannel.id);
  const r = await sender.event({
    type: 'assistant_thread_started',
    assistant_thread: { user_id: who, channel_id: thread.channel, thread_ts: thread.threadTs, context: { channel_id: thread.context, team_id: 'T0STANDIN' } },
    event_ts: standin.nextTs(),
  });
  return [200, { status: r.status, threadTs: thread.threadTs }];
}

/**
 * A question typed in the pane, or a suggested prompt clicked (Slack sends the prompt's message as the
 * person's): the person's message in the thread, then the signed `message.im` event Slack sends for it.
 */
export async function askAssistant({ standin, sender }: PaneCore, body: Record<string, unknown>, who: string): Promise<Answer> {
  const thread = standin.assistantThreads.find((t) => t.user === who && t.threadTs === body.threadTs);
  if (!thread) return [404, { error: 'no such assistant thread' }];
  const text = String(body.text ?? '').trim();
  if (!text) return [400, { error: 'type a question first' }];
  const m = standin.addMessage({ channel: thread.channel, text, blocks: [], user: who, threadTs: thread.threadTs });
  const r = await sender.event({
    type: 'message',
    channel: thread.channel,
    channel_type: 'im',
    user: who,
    text,
    ts: m.ts,
    thread_ts: thread.threadTs,
    event_ts: m.ts,
  });
  return [200, { status: r.status }];
}
