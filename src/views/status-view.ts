import type { Button } from '@slack/types';
import type { ActivityState } from '../domain/answers.js';
import type { Language, Occurrence, StatusChange, StatusKey } from '../domain/types.js';
import { formatDate, messages, statusLabel } from '../i18n/messages.js';
import { actionIds, statusUpdateValue } from './action-ids.js';
import { button, clip, esc } from './blocks.js';
import { dueOnText, occurrenceName } from './labels.js';

/** How much of a note a list shows (the report's files show it whole). */
export const noteShown = 400;

/** The Update button of an occurrence (its action is handled by the Update modal); `command` redraws its message after a change. */
export const updateButton = (lang: Language, planId: string, key: string, command?: string): Button =>
  button(messages(lang).statuses.update, actionIds.statusUpdate, statusUpdateValue(planId, key, lang, command));

/** A note as people wrote it, escaped (it never pings or links) and clipped. */
export const noteMrkdwn = (note: string, max = noteShown): string => esc(clip(note, max));

/** Links, escaped: shown as written (Slack links a plain URL itself), never as a `<url|label>` someone typed. */
export const linksMrkdwn = (links: readonly string[], lang: Language): string =>
  links.length ? `${messages(lang).statuses.links}: ${links.map((l) => esc(clip(l, 300))).join(' ')}` : '';

/** `postponed to 10 June 2024`, `in progress`, …: an occurrence's status in words. */
export function statusWords(o: Pick<Occurrence, 'status' | 'due'>, lang: Language): string {
  const label = statusLabel(lang, o.status);
  return o.status === 'postponed' && o.due ? `${label} ${messages(lang).statuses.postponedTo(formatDate(o.due, lang))}` : label;
}

/** `in progress, by <@U1> on 2 May 2024` (the actor as a mention; `cli` as written). */
export function changeLine(c: StatusChange, lang: Language): string {
  const who = /^[UW][A-Z0-9]+$/.test(c.by) ? `<@${c.by}>` : esc(c.by);
  return messages(lang).statuses.change(statusWords({ status: c.status, due: c.date }, lang), who, formatDate(c.at.slice(0, 10), lang));
}

/** The same line in plain text, for the terminal: the actor's id as written. */
export const textChangeLine = (c: StatusChange, lang: Language): string =>
  messages(lang).statuses.change(statusWords({ status: c.status, due: c.date }, lang), c.by, formatDate(c.at.slice(0, 10), lang));

/**
 * One occurrence in an activity answer: its name, due date and status, its last note and links, its last
 * three changes.
 */
export function occurrenceStatusText(o: Occurrence, s: ActivityState, lang: Language): string {
  const current = s.statuses.get(o.key);
  const lines = [`*${occurrenceName(o, lang)}*: ${dueOnText(o, lang)} · *${statusWords(o, lang)}*`];
  if (current?.note) lines.push(`> ${noteMrkdwn(current.note).replace(/\n/g, '\n> ')}`);
  if (current?.links.length) lines.push(linksMrkdwn(current.links, lang));
  const history = s.history?.get(o.key) ?? [];
  if (history.length) lines.push(history.map((c) => `_${changeLine(c, lang)}_`).join('\n'));
  return lines.join('\n');
}

/** The order statuses are counted in, in words and in charts. */
export const statusOrder: readonly StatusKey[] = ['done', 'in_progress', 'postponed', 'cancelled', 'planned'];

/** `done 3 · in progress 1 · postponed 0 · cancelled 0 · planned 12`. */
export function statusCounts(byStatus: Record<StatusKey, number>, lang: Language): string {
  return statusOrder.map((k) => `${statusLabel(lang, k)} ${byStatus[k]}`).join(' · ');
}
