import type { Language } from '../domain/types.js';

/** Slack identifiers of the bot's interactive elements, spelled once: views and listeners import them. */
export const actionIds = {
  markDone: 'gcm_mark_done',
  reopen: 'gcm_reopen',
  share: 'gcm_share',
  setDate: 'gcm_set_date',
  pickAgency: 'gcm_pick_agency',
  pickChoice: 'gcm_pick_choice',
  /** "Retry failed" on the `/gcm reminders` answer (co-chairs). */
  retryFailed: 'gcm_retry_failed',
  /** Opens the Update modal of an occurrence (handled by the modal's listener). */
  statusUpdate: 'status_update',
  /** The update's draft (issue 23.5): opens the Edit modal (co-chairs). */
  briefEdit: 'gcm_brief_edit',
  /** The update's draft: posts it to the channel, once (co-chairs). */
  briefPublish: 'gcm_brief_publish',
} as const;

/** What an Update button carries: the plan and the occurrence key (the statuses contract, issue 15). */
/** The Update button's value: the occurrence, and the language of the message it is on (Slack sends no blocks of an ephemeral message, so the modal could not tell otherwise). */
/** `c`: the command whose answer the message shows (or `reminder KEY`), so the message is drawn again after a change in the modal. */
export const statusUpdateValue = (planId: string, key: string, lang: Language, command?: string): string =>
  JSON.stringify({ plan: planId, key, l: lang, ...(command ? { c: command.slice(0, 500) } : {}) });

export const slashCommand = '/gcm';

/**
 * The Update modal: its callback id and the block id of each input, which is also its action id. Block ids
 * are the fields' names (`StatusField`), so field errors (keyed by block id) land under their inputs.
 */
export const statusModalIds = { callbackId: 'gcm_status_update', status: 'status', date: 'date', note: 'note', link: 'link' } as const;

/** The block of an answer's "Share in channel" button: left out when the answer is shared. */
export const shareBlockId = 'gcm_share';

/**
 * What a button carries: the command whose answer the message shows (`c`, re-answered after a change), its
 * language (`l`: a button keeps the language of its message), and the occurrence it acts on (`k`, in plan
 * `p`). Kept short: a button's value is at most 2000 characters.
 */
export interface ActionValue {
  c: string;
  l: Language;
  k?: string;
  p?: string;
}

export function encodeValue(v: ActionValue): string {
  return JSON.stringify(v).slice(0, 2000);
}

/** Reads a button value back; null when it is not one of ours (never trust what a client sends). */
export function decodeValue(raw: string | undefined): ActionValue | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<ActionValue>;
    if (typeof v.c !== 'string' || (v.l !== 'en' && v.l !== 'es')) return null;
    if (v.k !== undefined && typeof v.k !== 'string') return null;
    if (v.p !== undefined && typeof v.p !== 'string') return null;
    return { c: v.c.slice(0, 500), l: v.l, k: v.k, p: v.p };
  } catch {
    return null;
  }
}

/** The language of a message the bot wrote: the `l` of the first of its buttons that carries one. */
export function languageOfBlocks(blocks: unknown, fallback: Language): Language {
  if (!Array.isArray(blocks)) return fallback;
  for (const b of blocks as { elements?: { value?: string }[] }[]) {
    for (const e of b.elements ?? []) {
      const v = decodeValue(e.value);
      if (v) return v.l;
    }
  }
  return fallback;
}

/**
 * The Edit modal of an update's draft: its callback id and the block id of each input (also its action id),
 * the fields' names (`IntroField`), so field errors land under their inputs. The block of the draft's buttons.
 */
export const briefModalIds = {
  callbackId: 'gcm_brief_edit_modal',
  paragraph_en: 'paragraph_en',
  highlights_en: 'highlights_en',
  paragraph_es: 'paragraph_es',
  highlights_es: 'highlights_es',
  actionsBlock: 'gcm_brief_draft',
} as const;
