import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Language } from '../domain/types.js';
import { messages } from '../i18n/messages.js';
import { clip } from './blocks.js';
import { errorMessage, type Message } from './message-view.js';

export type { ModalView };

/** Slack's limits on a modal (docs.slack.dev, the view object and the input elements). */
export const modalLimits = {
  /** Title, submit and close: plain text of at most 24 characters. */
  title: 24,
  blocks: 100,
  /** An input's label and hint: 2000 characters; an option's text: 75. */
  label: 2000,
  optionText: 75,
  privateMetadata: 3000,
} as const;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: clip(text, max), emoji: false });

/** A modal: its callback id (the submission's listener), title, buttons, blocks (at most 100) and metadata. */
export function modal(m: { callbackId: string; title: string; submit: string; close: string; blocks: KnownBlock[]; metadata: string }): ModalView {
  return {
    type: 'modal',
    callback_id: m.callbackId,
    title: plain(m.title, modalLimits.title),
    submit: plain(m.submit, modalLimits.title),
    close: plain(m.close, modalLimits.title),
    blocks: m.blocks.slice(0, modalLimits.blocks),
    private_metadata: m.metadata,
  };
}

interface InputOptions {
  label: string;
  hint?: string;
  optional?: boolean;
}

function input(blockId: string, o: InputOptions, element: InputBlock['element']): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(o.label, modalLimits.label),
    ...(o.hint ? { hint: plain(o.hint, modalLimits.label) } : {}),
    optional: o.optional ?? false,
    element,
  };
}

/** A menu input; `initial` (one of the options' values) is preselected. */
export function selectInput(blockId: string, actionId: string, o: InputOptions & { options: { value: string; text: string }[]; initial?: string }): InputBlock {
  const options: PlainTextOption[] = o.options.map((x) => ({ value: x.value, text: plain(x.text, modalLimits.optionText) }));
  const initial = options.find((x) => x.value === o.initial);
  return input(blockId, o, { type: 'static_select', action_id: actionId, options, ...(initial ? { initial_option: initial } : {}) });
}

/** A date picker input (ISO date). */
export function dateInput(blockId: string, actionId: string, o: InputOptions & { initial?: string | null }): InputBlock {
  return input(blockId, o, { type: 'datepicker', action_id: actionId, ...(o.initial ? { initial_date: o.initial } : {}) });
}

/** A text input; `maxLength` is enforced by Slack's client too (and checked again on the server). */
export function textInput(blockId: string, actionId: string, o: InputOptions & { multiline?: boolean; maxLength?: number; initial?: string }): InputBlock {
  return input(blockId, o, {
    type: 'plain_text_input',
    action_id: actionId,
    multiline: o.multiline ?? false,
    ...(o.maxLength ? { max_length: o.maxLength } : {}),
    ...(o.initial ? { initial_value: o.initial } : {}),
  });
}

/** What the person is told when Slack would not open a modal (nothing changed). */
export function modalNotOpened(lang: Language): Message {
  return errorMessage(messages(lang).modalNotOpened);
}
