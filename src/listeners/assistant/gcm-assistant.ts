import { Assistant, type AnyMiddlewareArgs, type Middleware } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { messages } from '../../i18n/messages.js';
import type { ListenerDeps } from '../deps.js';

/** Slack shows a thread title on one line; a longer question is cut, with an ellipsis. */
const titleMax = 80;

/**
 * Slack's assistant pane (the split view of AI apps, Bolt's `Assistant`): a member opens it and sees suggested
 * prompts in their Slack locale's language; whatever they type there, and every follow-up in the thread, is
 * answered exactly as `/gcm` answers it (the command table, through the router), in the thread, which is
 * titled with the question. Nothing leaves the bot: no language model, the plan's own answers.
 */
export function gcmAssistant({ router, homes }: ListenerDeps): Assistant {
  const languageOf = (client: WebClient, userId: string | undefined) => (userId ? homes.language(client, userId) : Promise.resolve(router.find('').lang));
  return new Assistant({
    // The answers do not depend on the channel the member is looking at: no thread context is kept (Bolt's
    // default store would read the thread back and edit the bot's first message to hold it).
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadStarted: async ({ event, client, setSuggestedPrompts }) => {
      const m = messages(await languageOf(client, event.assistant_thread.user_id));
      await setSuggestedPrompts({ title: m.plain.promptsTitle, prompts: m.plain.prompts.slice(0, 4) });
    },
    threadContextChanged: async () => {},
    userMessage: async ({ message, client, say, setTitle, setStatus }) => {
      if (!('text' in message) || !('user' in message) || message.subtype !== undefined) return;
      const text = (message.text ?? '').trim();
      const found = router.find(text, await languageOf(client, message.user));
      await setTitle(text.length > titleMax ? `${text.slice(0, titleMax - 1)}…` : text || '/gcm');
      await setStatus(messages(found.lang).plain.thinking);
      const outcome = await router.command(found.command, found.arg, { userId: message.user, source: `assistant:${text}`, text, lang: found.lang });
      // A file or a form needs /gcm (a channel to upload to, a trigger to open it): say what /gcm would say.
      const reply = outcome.kind === 'message' ? outcome.message : outcome.kind === 'file' ? outcome.message(false) : null;
      await say(reply ?? { text: messages(found.lang).plain.useCommand(text) });
    },
  });
}

/**
 * The assistant pane as Bolt's middleware (what `app.assistant` would add to every request's chain): the
 * listeners' index runs it for the requests it may concern, events, after Bolt's own self filter.
 */
export function assistantMiddleware(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return gcmAssistant(deps).getMiddleware();
}
