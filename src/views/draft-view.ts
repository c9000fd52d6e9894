import type { ActionsBlock, ContextBlock, KnownBlock } from '@slack/types';
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
import { actions, button, context, dateToken, esc, section } from './blocks.js';
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

/** Who published the update and when, on the post in the channel and on the draft once published. */
export function publishedLine(draft: BriefDraft, lang: Language): ContextBlock | null {
  if (!draft.publishedBy || !draft.publishedAt) return null;
  return context(messages(lang).briefDraft.published(`<@${draft.publishedBy}>`, when(draft.publishedAt, lang)));
}

/**
 * The lines on top of a draft: who sees it and where Publish posts it (`channel`, null when none is set), or
 * who published it; who last saved the co-chairs' words, when some are kept.
 */
export function draftLines(draft: BriefDraft, lang: Language, channel: string | null): ContextBlock {
  const m = messages(lang).briefDraft;
  const lines = [
    draft.publishedBy && draft.publishedAt
      ? m.published(`<@${draft.publishedBy}>`, when(draft.publishedAt, lang))
      : m.draftNote(channel ? `<#${channel}>` : null),
  ];
  if (draft.editedBy && draft.editedAt && (draft.intro.en || draft.intro.es)) lines.push(m.edited(`<@${draft.editedBy}>`, when(draft.editedAt, lang)));
  return context(...lines);
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
