import type { KnownBlock } from '@slack/types';
import type { MarkOutcome } from '../domain/mark.js';
import { formatLabel, messages } from '../i18n/messages.js';
import { clip, context, limits, section } from './blocks.js';
import type { Message } from './message-view.js';
import { dateToken } from './blocks.js';

/** "B1.2 · May 2024" or "B1.5". */
function what(o: MarkOutcome): string {
  return o.occurrence.label ? `${o.activity.id} · ${formatLabel(o.occurrence.label, o.lang)}` : o.activity.id;
}

/** The one line saying what a done/reopen did: on the reply and on top of the updated message. */
export function markNotice(o: MarkOutcome): string {
  const m = messages(o.lang);
  const c = o.completion;
  // Date.parse, not Luxon's fromISO: the same instant of an ISO time, at a fraction of the cost on every click.
  const when = c ? dateToken(Date.parse(c.doneAt) / 1000, c.doneAt.slice(0, 10), '{date_short_pretty} {time}') : '';
  if (o.action === 'done') {
    if (o.changed) return m.marked.done(what(o), `<@${c!.doneBy}>`, when);
    if (c) return m.marked.already(what(o), `<@${c.doneBy}>`, when);
    return m.marked.allDone(o.activity.id);
  }
  return o.changed ? m.marked.reopened(what(o), `<@${o.actorId}>`) : m.marked.notDone(what(o));
}

/** The reply to `/gcm done …` / `/gcm reopen …`: what changed, and how to name another occurrence. */
export function markMessage(o: MarkOutcome): Message {
  const m = messages(o.lang);
  const line = markNotice(o);
  const blocks: KnownBlock[] = [section(line)];
  // The example names another occurrence the same command would act on, never the one just acted on.
  if (o.recurring && !o.named && o.another?.label) blocks.push(context(m.marked.hint(o.action, o.activity.id, o.another.label)));
  return { text: clip(line.replace(/<!date\^\d+\^[^|]+\|([^>]+)>/g, '$1'), limits.fallbackText), blocks };
}
