import { buildBrief, type Brief } from './brief.js';
import type { Context } from './ports.js';
import type { Language } from './types.js';

/**
 * GCM_REPORT, what happens to the quarter's update on the first business day after the quarter: `draft` (each
 * co-chair gets it in their direct messages; it reaches the channel when one publishes it), `auto` (the
 * progress report goes to the channel unreviewed), `off`.
 */
export type QuarterlyReport = 'draft' | 'auto' | 'off';

/**
 * The co-chairs' own words at the top of an update (Edit): an opening paragraph and highlights, one per
 * line, as they wrote them. The narrative states only what the data holds; judgement goes here, shown as theirs.
 */
export interface BriefIntro {
  paragraph: string;
  highlights: string[];
}

/** The draft of one update: a plan and a period, the co-chairs' words in either or both languages, who edited and who published it. */
export interface BriefDraft {
  planId: string;
  from: string;
  to: string;
  intro: Partial<Record<Language, BriefIntro>>;
  /** The last person who saved the words, and when (ISO UTC); null until someone does. */
  editedBy: string | null;
  editedAt: string | null;
  /** Who published it to the channel, and when (ISO UTC); null while it is a draft. */
  publishedBy: string | null;
  publishedAt: string | null;
}

/** A plan and a period: what a draft, its buttons and its outbox records are keyed by. */
export interface BriefPeriod {
  planId: string;
  from: string;
  to: string;
}

/** What a publication click gets: published now by this person, or already published (by whom, when). */
export type PublishResult = { ok: true; draft: BriefDraft } | { ok: false; draft: BriefDraft };

/** The drafts of the updates (src/db/brief-store.ts implements it). */
export interface BriefDrafts {
  /** The draft of a plan and period; an empty one (no words, unpublished) when nobody touched it yet. */
  draft(p: BriefPeriod): BriefDraft;
  /** Keeps the co-chairs' words (a language left out or blank is cleared), with who and when (ISO UTC). */
  saveIntro(p: BriefPeriod, intro: Partial<Record<Language, BriefIntro>>, by: string, at: string): BriefDraft;
  /** Marks it published by `by` at `at`, unless someone did first: then `ok: false` with who and when. Atomic. */
  publish(p: BriefPeriod, by: string, at: string): PublishResult;
  /** The published drafts, oldest first (the outbox posts each once). */
  published(): BriefDraft[];
}

/** Limits of the co-chairs' words, kept within what one Slack section shows (3000 characters) with room for the heading. */
export const PARAGRAPH_MAX = 2000;
export const HIGHLIGHT_MAX = 300;
export const HIGHLIGHTS_MAX = 8;
/** The highlights field as typed: eight lines of up to 300 characters, plus the line breaks. */
export const HIGHLIGHTS_FIELD_MAX = HIGHLIGHTS_MAX * (HIGHLIGHT_MAX + 1);

/** What is wrong with a field of the Edit modal. */
export type IntroProblem =
  | { code: 'paragraph_too_long'; max: number }
  | { code: 'too_many_highlights'; max: number }
  | { code: 'highlight_too_long'; line: number; max: number };

/** A field of the Edit modal: the opening or the highlights, in a language. */
export type IntroField = `${'paragraph' | 'highlights'}_${Language}`;

/**
 * Reads the Edit modal's fields: each language's opening (trimmed) and highlights (one per non-blank line,
 * trimmed); a language with neither is left out. Every problem found is returned, by field.
 */
export function readIntro(
  raw: Partial<Record<IntroField, string | null | undefined>>,
): { ok: true; intro: Partial<Record<Language, BriefIntro>> } | { ok: false; errors: Partial<Record<IntroField, IntroProblem>> } {
  const intro: Partial<Record<Language, BriefIntro>> = {};
  const errors: Partial<Record<IntroField, IntroProblem>> = {};
  for (const lang of ['en', 'es'] as const) {
    const opening = (raw[`paragraph_${lang}`] ?? '').trim();
    const highlights = (raw[`highlights_${lang}`] ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    if ([...opening].length > PARAGRAPH_MAX) errors[`paragraph_${lang}`] = { code: 'paragraph_too_long', max: PARAGRAPH_MAX };
    const long = highlights.findIndex((h) => [...h].length > HIGHLIGHT_MAX);
    if (highlights.length > HIGHLIGHTS_MAX) errors[`highlights_${lang}`] = { code: 'too_many_highlights', max: HIGHLIGHTS_MAX };
    else if (long >= 0) errors[`highlights_${lang}`] = { code: 'highlight_too_long', line: long + 1, max: HIGHLIGHT_MAX };
    if (opening || highlights.length) intro[lang] = { paragraph: opening, highlights };
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, intro };
}

/** The outbox key of a published update: one post per plan and period, whoever clicks and however often. */
export const publishKey = (p: BriefPeriod): string => `${p.planId}|brief|${p.from}|${p.to}`;

/** The outbox key of a quarter's draft in a co-chair's direct messages: once per co-chair. */
export const draftKey = (p: BriefPeriod, userId: string): string => `${p.planId}|brief-draft|${p.from}|${userId}`;

/** The update of a draft's plan and period in `lang`, built fresh from the data; null when its plan is no longer loaded. */
export function briefOfPeriod(ctx: Context, p: BriefPeriod, lang: Language): Brief | null {
  const plan = ctx.plans.plan(p.planId);
  return plan ? buildBrief(ctx, plan, p.from, p.to, lang) : null;
}
