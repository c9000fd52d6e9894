import type { KnownBlock } from '@slack/types';
import type { ActivityState } from '../../domain/answers.js';
import { currentOccurrence, lastDone } from '../../domain/mark.js';
import type { AgencyDirectory, Language, Occurrence, Priority } from '../../domain/types.js';
import { formatLabel, messages } from '../../i18n/messages.js';
import { actionIds, encodeValue } from '../action-ids.js';
import { actions, button, clip, context, esc, header, limits, section } from '../blocks.js';
import { activityText, dueOnText, dueText, leadText, noteText, occurrenceName, priorityTitle, statusText, supportText, whenText } from '../labels.js';
import { noteShown, occurrenceStatusText, statusWords, textChangeLine, updateButton } from '../status-view.js';
import type { AnswerDrawing, AnswerOf, MessageOptions } from './drawing.js';
import { bullet } from './parts.js';

/** Mark done (the occurrence due now) and Reopen (the last one done), carrying the command to answer again after. */
function markButtons(s: ActivityState, today: string, opts: MessageOptions, lang: Language): KnownBlock[] {
  const m = messages(lang);
  const current = currentOccurrence(s.occurrences, s.done, today);
  const last = lastDone(s.occurrences, s.done);
  const recurring = s.occurrences.length > 1;
  const label = (o: Occurrence) => (recurring && o.label ? ` · ${formatLabel(o.label, lang)}` : '');
  const elements = [];
  if (current)
    elements.push(
      button(`${m.markDone}${label(current)}`, actionIds.markDone, encodeValue({ c: opts.command, l: lang, k: current.key, p: s.activity.planId }), 'primary'),
    );
  if (last) elements.push(button(`${m.reopen}${label(last)}`, actionIds.reopen, encodeValue({ c: opts.command, l: lang, k: last.key, p: s.activity.planId })));
  return elements.length ? [actions(`gcm_mark:${s.activity.id}`, elements)] : [];
}

/** How many occurrences of an activity get a section and an Update button of their own; the others share a list. */
const occurrencesShown = 12;

/**
 * The occurrences of an activity answer, each with its status, last note and links, last three changes and
 * (interactive) an Update button. A long series shows in full those with a status and the nearest still
 * open, up to `occurrencesShown`; the rest in one list.
 */
function occurrenceBlocks(s: ActivityState, today: string, opts: MessageOptions, lang: Language): KnownBlock[] {
  const m = messages(lang);
  if (s.occurrences.length === 0) return [section(m.noDate)];
  const open = s.occurrences.filter((o) => o.status !== 'done' && o.status !== 'cancelled' && !s.statuses.has(o.key));
  const nearest = [...open.filter((o) => (o.due ?? '9999') >= today.slice(0, 7)), ...open.filter((o) => (o.due ?? '9999') < today.slice(0, 7)).reverse()];
  const chosen = new Set([...s.occurrences.filter((o) => s.statuses.has(o.key)), ...nearest].slice(0, occurrencesShown).map((o) => o.key));
  const blocks: KnownBlock[] = [];
  const rest: string[] = [];
  for (const o of s.occurrences) {
    if (!chosen.has(o.key)) {
      rest.push(`• ${occurrenceName(o, lang)}: ${dueText(o, lang)} · ${statusWords(o, lang)}`);
      continue;
    }
    const block = section(occurrenceStatusText(o, s, lang));
    blocks.push(opts.interactive ? { ...block, accessory: updateButton(lang, s.activity.planId, o.key, opts.command) } : block);
  }
  if (rest.length) blocks.push(section(`*${m.statuses.otherOccurrences}*\n${rest.join('\n')}`));
  return blocks;
}

/** One activity in full: its priority, text, who leads and supports, when, each occurrence, references and note. */
function fullActivityBlocks(s: ActivityState, priority: Priority, today: string, dir: AgencyDirectory, opts: MessageOptions, lang: Language): KnownBlock[] {
  const m = messages(lang);
  const a = s.activity;
  return [
    header(`${m.activity} ${a.id}`),
    context(`${m.priorityKind[priority.kind]} ${priority.id}: ${esc(priorityTitle(priority, lang))}`),
    section(esc(clip(activityText(a, lang), limits.sectionText))),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: clip(`*${m.lead}*\n${esc(leadText(a, lang, dir))}`, 2000) },
        { type: 'mrkdwn', text: clip(`*${m.support}*\n${esc(supportText(a, lang, dir))}`, 2000) },
        { type: 'mrkdwn', text: clip(`*${m.when}*\n${esc(whenText(a, lang))}`, 2000) },
        { type: 'mrkdwn', text: `*${m.occurrences}*\n${statusText(s, lang)}` },
      ],
    },
    ...occurrenceBlocks(s, today, opts, lang),
    ...(a.references.length ? [context(`${m.references}: ${esc(clip(a.references.join('; '), 2900))}`)] : []),
    ...(a.note ? [context(`${m.sourceNote}: ${esc(noteText(a, lang) ?? '')}`)] : []),
    ...(opts.interactive ? markButtons(s, today, opts, lang) : []),
  ];
}

/** The same activity in the terminal: each occurrence with its status, note, links and last changes. */
function fullActivityLines(s: ActivityState, priority: Priority, dir: AgencyDirectory, lang: Language): string[] {
  const m = messages(lang);
  const a = s.activity;
  const out = [
    `${m.activity} ${a.id} (${m.priorityKind[priority.kind]} ${priority.id}: ${priorityTitle(priority, lang)})`,
    activityText(a, lang),
    `${m.lead}: ${leadText(a, lang, dir)}`,
    `${m.support}: ${supportText(a, lang, dir)}`,
    `${m.when}: ${whenText(a, lang)}`,
  ];
  if (a.references.length > 0) out.push(`${m.references}: ${a.references.join('; ')}`);
  out.push(`${m.occurrences} (${statusText(s, lang)}):`);
  for (const o of s.occurrences) {
    const c = s.statuses.get(o.key);
    out.push(bullet(`${occurrenceName(o, lang)}: ${dueOnText(o, lang)} · ${statusWords(o, lang)}`));
    // In the terminal a note is plain text: shown as written, on one line, clipped.
    if (c?.note) out.push(`      ${clip(c.note.replace(/\s*\n\s*/g, ' '), noteShown)}`);
    if (c?.links.length) out.push(`      ${m.statuses.links}: ${c.links.join(' ')}`);
    for (const h of s.history?.get(o.key) ?? []) out.push(`      ${textChangeLine(h, lang)}`);
  }
  if (a.note) out.push(`${m.sourceNote}: ${noteText(a, lang)}`);
  return out;
}

/** Several activities of one number (`activity 1.1`: a basic and a thematic one), not several of a topic. */
const sharedNumber = (answer: AnswerOf<'activity'>): boolean =>
  answer.items.length > 1 && answer.items.every((i) => i.state.activity.number === answer.items[0]!.state.activity.number);

/** `/gcm activity B1.3`: one activity (or each with that number) in full, with Mark done, Reopen and Update. */
export const activity: AnswerDrawing<AnswerOf<'activity'>> = {
  slack(answer, dir, opts) {
    const m = messages(answer.lang);
    const lang = answer.lang;
    const body: KnownBlock[] = sharedNumber(answer) ? [section(m.ambiguousActivity(answer.items[0]!.state.activity.number))] : [];
    for (const { state, priority } of answer.items) body.push(...fullActivityBlocks(state, priority, answer.today, dir, opts, lang));
    const fallback = answer.items.map(({ state: s }) => `${s.activity.id}: ${leadText(s.activity, lang, dir)} · ${statusText(s, lang)}`).join('; ');
    return { body, fallback };
  },
  text(answer, dir) {
    const m = messages(answer.lang);
    const out = sharedNumber(answer) ? [m.ambiguousActivity(answer.items[0]!.state.activity.number), ''] : [];
    answer.items.forEach(({ state, priority }, i) => {
      if (i > 0) out.push('');
      out.push(...fullActivityLines(state, priority, dir, answer.lang));
    });
    return out;
  },
};
