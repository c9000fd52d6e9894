import type { KnownBlock } from '@slack/types';
import { NOTE_MAX, STATUS_KEYS, type StatusChange, type StatusKey } from '../domain/status.js';
import type { Language, Occurrence } from '../domain/types.js';
import { formatDate, messages, statusLabel } from '../i18n/messages.js';
import { statusModalIds } from './action-ids.js';
import { clip, esc, limits, section } from './blocks.js';
import type { Message } from './message-view.js';
import { dateInput, modal, selectInput, textInput, type ModalView } from './modal-view.js';
import { occurrenceTitle } from './reminder-view.js';

/** What the Update modal shows: the occurrence, its status now, and the metadata carried to the submission. */
export interface StatusModalInput {
  lang: Language;
  occurrence: Occurrence;
  current: StatusKey;
  /** Written by the use case, read back at submission (at most 3000 characters with the channel). */
  metadata: string;
}

/**
 * The Update modal: status (the five labels, the current one preselected), new date (for postponed), note
 * (multiline, at most NOTE_MAX), links. Block ids are the fields' names, so field errors land under them.
 */
export function statusModalView(o: StatusModalInput): ModalView {
  const m = messages(o.lang).statusModal;
  const ids = statusModalIds;
  const due = o.occurrence.due ? formatDate(o.occurrence.due, o.lang) : null;
  const blocks: KnownBlock[] = [
    section(m.current(esc(occurrenceTitle(o.occurrence, o.lang)), statusLabel(o.lang, o.current), due)),
    selectInput(ids.status, ids.status, {
      label: m.status,
      options: STATUS_KEYS.map((k) => ({ value: k, text: statusLabel(o.lang, k) })),
      initial: o.current,
    }),
    dateInput(ids.date, ids.date, { label: m.date, hint: m.dateHint, optional: true, initial: o.current === 'postponed' ? o.occurrence.due : null }),
    textInput(ids.note, ids.note, { label: m.note, hint: m.noteHint(NOTE_MAX), optional: true, multiline: true, maxLength: NOTE_MAX }),
    textInput(ids.link, ids.link, { label: m.links, hint: m.linksHint, optional: true, multiline: true }),
  ];
  return modal({ callbackId: ids.callbackId, title: m.title, submit: m.submit, close: m.close, blocks, metadata: o.metadata });
}

/**
 * What the person is told once the modal closed: the occurrence's new status (and date), the note as
 * written (escaped: `<!channel>` or `<@U…>` in it pings no one) and the links.
 */
export function statusChangedMessage(lang: Language, occurrence: Occurrence, change: StatusChange, changed: boolean): Message {
  const m = messages(lang).statusModal;
  const what = esc(occurrenceTitle(occurrence, lang));
  const label = statusLabel(lang, change.status);
  const line = changed ? m.changed(what, label, change.date ? formatDate(change.date, lang) : null) : m.unchanged(what, label);
  const blocks: KnownBlock[] = [section(line)];
  if (change.note) blocks.push(section(quote(change.note)));
  if (change.links.length) blocks.push(section(change.links.map(esc).join('\n')));
  return { text: clip(line, limits.fallbackText), blocks };
}

/** Text a person wrote, as a mrkdwn quote: escaped, each line quoted. */
function quote(text: string): string {
  return esc(text)
    .split('\n')
    .map((l) => `>${l}`)
    .join('\n');
}
