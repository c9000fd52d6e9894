import type { ActionsBlock, KnownBlock } from '@slack/types';
import type { Brief } from '../domain/brief.js';
import {
  HIGHLIGHT_MAX,
  HIGHLIGHTS_FIELD_MAX,
  HIGHLIGHTS_MAX,
  PARAGRAPH_MAX,
  type BriefDraft,
  type BriefPeriod,
  type IntroField,
  type IntroProblem,
} from '../domain/brief-draft.js';
import type { Language } from '../domain/types.js';
import { formatDate, messages } from '../i18n/messages.js';
import { actionIds, briefModalIds } from './action-ids.js';
import { actions, button, dateToken, esc, section } from './blocks.js';
import { briefNarrative } from './brief-narrative.js';
import { briefMessage } from './brief-view.js';
import type { Message } from './message-view.js';
import { modal, textInput, type ModalView } from './modal-view.js';

/** What a draft's buttons and its modal carry: the plan and period of the update, and the language of its message. */
export interface BriefRef {
  period: BriefPeriod;
  lang: Language;
}

/** A button's value (at most 2000 characters: a plan id is short). */
export const briefRefValue = (r: BriefRef): string => JSON.stringify({ p: r.period.planId, f: r.period.from, t: r.period.to, l: r.lang });

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a button's value or a modal's metadata back; null when the bot did not write it (never trust what a client sends). */
export function readBriefRef(raw: string | undefined): BriefRef | null {
  try {
    const v = JSON.parse(raw ?? '') as { p?: unknown; f?: unknown; t?: unknown; l?: unknown };
    if (typeof v.p !== 'string' || v.p.length > 200 || typeof v.f !== 'string' || typeof v.t !== 'string') return null;
    if (!isoDate.test(v.f) || !isoDate.test(v.t) || (v.l !== 'en' && v.l !== 'es')) return null;
    return { period: { planId: v.p, from: v.f, to: v.t }, lang: v.l };
  } catch {
    return null;
  }
}

/** An instant (ISO UTC) as each reader sees it in their own zone, with the date in words where Slack cannot draw it. */
const when = (iso: string, lang: Language) => dateToken(Date.parse(iso) / 1000, formatDate(iso.slice(0, 10), lang));

/** Who published `draft` and when, for the catalog's lines (`alreadyPublished`, `editAfterPublish`): a mention and a date. */
export function publishedWho(draft: BriefDraft, lang: Language): [user: string, date: string] {
  return [`<@${draft.publishedBy ?? ''}>`, draft.publishedAt ? when(draft.publishedAt, lang) : ''];
}

/** Who published the update and when (the post in the channel, and the draft once published). */
function publishedText(draft: BriefDraft, lang: Language): string | null {
  if (!draft.publishedBy || !draft.publishedAt) return null;
  return messages(lang).briefDraft.published(...publishedWho(draft, lang));
}

/** Who last saved the co-chairs' words, and when, while some are kept. */
function editedText(draft: BriefDraft, lang: Language): string | null {
  if (!draft.editedBy || !draft.editedAt || !(draft.intro.en || draft.intro.es)) return null;
  return messages(lang).briefDraft.edited(`<@${draft.editedBy}>`, when(draft.editedAt, lang));
}

/**
 * The lines under a draft: `notice` (what a click did), who sees it and where Publish posts it (`channel`, null
 * when none is set) or who published it, who last saved the co-chairs' words. Slack mrkdwn, one per line.
 */
export function draftNote(draft: BriefDraft, lang: Language, channel: string | null, notice?: string): string {
  const m = messages(lang).briefDraft;
  const status = publishedText(draft, lang) ?? m.draftNote(channel ? `<#${channel}>` : null);
  return [notice, status, editedText(draft, lang)].filter(Boolean).join('\n');
}

/**
 * The draft as the co-chairs see it (privately, or in their direct messages): the update in `brief`'s language
 * with their words on top, the note's lines (draftNote: `notice`, what a click did; `quarter`, the quarter's
 * draft in direct messages), and **Edit** and **Publish** while unpublished.
 */
export function draftMessage(brief: Brief, draft: BriefDraft, channel: string | null, o: { notice?: string; quarter?: boolean } = {}): Message {
  const lang = brief.lang;
  const actions = draftActions(draft, lang);
  // The quarter's draft in a co-chair's direct messages says what it is and that nothing went to the channel.
  const notice = [o.quarter ? messages(lang).briefDraft.quarterDraft : undefined, o.notice].filter(Boolean).join('\n') || undefined;
  return briefMessage(brief, briefNarrative(brief, lang, draft.intro[lang]), {
    note: draftNote(draft, lang, channel, notice),
    ...(actions ? { actions } : {}),
  });
}

/** The update as posted to the channel: the co-chairs' words on top, and who published it. No buttons. */
export function publishedMessage(brief: Brief, draft: BriefDraft): Message {
  const lang = brief.lang;
  const note = publishedText(draft, lang);
  return briefMessage(brief, briefNarrative(brief, lang, draft.intro[lang]), note ? { note } : {});
}

/** The draft's **Edit** and **Publish** buttons, while it is unpublished (brief-data's message takes it as its actions row). */
export function draftActions(draft: BriefDraft, lang: Language): ActionsBlock | null {
  if (draft.publishedBy) return null;
  const m = messages(lang).briefDraft;
  const value = briefRefValue({ period: { planId: draft.planId, from: draft.from, to: draft.to }, lang });
  return actions(briefModalIds.actionsBlock, [button(m.edit, actionIds.briefEdit, value), button(m.publish, actionIds.briefPublish, value, 'primary')]);
}

/** The fields of one language: its opening paragraph and highlights, as saved. */
function languageFields(draft: BriefDraft, lang: Language, l: Language): KnownBlock[] {
  const m = messages(lang).briefDraft.modal;
  const saved = draft.intro[l];
  return [
    textInput(`paragraph_${l}`, `paragraph_${l}`, {
      label: m.paragraph(m.languages[l]),
      hint: m.paragraphHint(PARAGRAPH_MAX),
      optional: true,
      multiline: true,
      maxLength: PARAGRAPH_MAX,
      ...(saved?.paragraph ? { initial: saved.paragraph } : {}),
    }),
    textInput(`highlights_${l}`, `highlights_${l}`, {
      label: m.highlights(m.languages[l]),
      hint: m.highlightsHint(HIGHLIGHTS_MAX, HIGHLIGHT_MAX),
      optional: true,
      multiline: true,
      maxLength: HIGHLIGHTS_FIELD_MAX,
      ...(saved?.highlights.length ? { initial: saved.highlights.join('\n') } : {}),
    }),
  ];
}

/**
 * The Edit modal: what it is for (the period), then the opening paragraph and highlights in the modal's
 * language first and in the other, each optional, filled with what is saved. Block ids are the fields' names
 * (`briefModalIds`), so field errors land under them; Slack's client enforces the lengths too.
 */
export function briefModalView(o: { lang: Language; draft: BriefDraft; metadata: string }): ModalView {
  const m = messages(o.lang).briefDraft.modal;
  const order: Language[] = o.lang === 'es' ? ['es', 'en'] : ['en', 'es'];
  const blocks: KnownBlock[] = [
    section(esc(m.about(formatDate(o.draft.from, o.lang), formatDate(o.draft.to, o.lang)))),
    ...order.flatMap((l) => languageFields(o.draft, o.lang, l)),
  ];
  return modal({ callbackId: briefModalIds.callbackId, title: m.title, submit: m.submit, close: m.close, blocks, metadata: o.metadata });
}

/** Field errors of the Edit modal, keyed by block id (the field's name), in the person's language. */
export function introErrors(errors: Partial<Record<IntroField, IntroProblem>>, lang: Language): Record<string, string> {
  const p = messages(lang).briefDraft.problem;
  const text = (e: IntroProblem) => {
    switch (e.code) {
      case 'paragraph_too_long':
        return p.paragraph_too_long(e.max);
      case 'too_many_highlights':
        return p.too_many_highlights(e.max);
      case 'highlight_too_long':
        return p.highlight_too_long(e.line, e.max);
    }
  };
  return Object.fromEntries(Object.entries(errors).map(([field, e]) => [briefModalIds[field as IntroField], text(e)]));
}
