import { enteredDateProblem } from './date-rule.js';
import { occurrencesOf, parseOccurrenceKey } from './occurrences.js';
import type { Context } from './ports.js';
import { NOTE_MAX, STATUS_KEYS, type StatusChange, type StatusKey } from './types.js';

export { NOTE_MAX, STATUS_KEYS, type StatusChange, type StatusKey } from './types.js';

/** A status change as a person typed it (raw values). `link`: one or more URLs separated by whitespace or newlines. */
export interface StatusUpdateInput {
  planId: string;
  key: string;
  status: string;
  date?: string | null;
  note?: string | null;
  link?: string | null;
}

export type StatusField = 'status' | 'date' | 'note' | 'link';
export type StatusProblem =
  | 'unknown_status'
  | 'date_required'
  | 'date_invalid'
  | 'date_before_today'
  | 'date_outside_plans'
  | 'note_too_long'
  | 'link_not_http'
  | 'too_many_links'
  | 'link_too_long'
  | 'unknown_occurrence';

const isStatus = (s: string): s is StatusKey => (STATUS_KEYS as readonly string[]).includes(s);

/** Characters as people count them (an emoji is one), not UTF-16 units. */
export const charCount = (s: string): number => [...s].length;

/** At most this many links to a status change, each at most LINK_MAX characters (a link is a reference, not a document). */
export const LINKS_MAX = 10;
export const LINK_MAX = 2000;

/** The links of `raw`: whitespace-separated; a problem when there are too many, one is too long or not an http(s) URL. */
function parseLinks(raw: string | null | undefined): string[] | StatusProblem {
  const parts = (raw ?? '').split(/\s+/).filter((p) => p !== '');
  if (parts.length > LINKS_MAX) return 'too_many_links';
  if (parts.some((p) => p.length > LINK_MAX)) return 'link_too_long';
  for (const p of parts) {
    let url: URL;
    try {
      url = new URL(p);
    } catch {
      return 'link_not_http';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'link_not_http';
  }
  return parts;
}

/** The problem with a postponed occurrence's new date, if any: given, and the one rule for entered dates (date-rule.ts). */
function dateProblem(ctx: Context, raw: string | null | undefined): StatusProblem | null {
  const date = (raw ?? '').trim();
  return date === '' ? 'date_required' : enteredDateProblem(ctx, date);
}

/**
 * Checks a status change as typed: the occurrence exists, the status is one of STATUS_KEYS, a postponed one
 * has a date that is real, not before today (in the bot's zone, `ctx.now`) and inside a loaded plan's period,
 * the note is at most NOTE_MAX characters, at most LINKS_MAX links of at most LINK_MAX characters, every one http(s). Every problem found is returned, by field.
 */
export function checkStatusUpdate(
  ctx: Context,
  input: StatusUpdateInput,
): { ok: true; change: Omit<StatusChange, 'by' | 'source' | 'at'> } | { ok: false; errors: Partial<Record<StatusField, StatusProblem>> } {
  const errors: Partial<Record<StatusField, StatusProblem>> = {};
  const plan = ctx.plans.plan(input.planId);
  const { activityId } = parseOccurrenceKey(input.key);
  const activity = plan ? ctx.plans.activity(plan.id, activityId) : null;
  const known = plan && activity ? occurrencesOf(activity, plan).some((o) => o.key === input.key) : false;
  const status = input.status
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (!known) errors.status = 'unknown_occurrence';
  else if (!isStatus(status)) errors.status = 'unknown_status';
  const date = status === 'postponed' ? dateProblem(ctx, input.date) : null;
  if (date) errors.date = date;
  const note = (input.note ?? '').trim();
  if (charCount(note) > NOTE_MAX) errors.note = 'note_too_long';
  const links = parseLinks(input.link);
  if (typeof links === 'string') errors.link = links;
  if (Object.keys(errors).length > 0 || !isStatus(status) || !activity) return { ok: false, errors };
  return {
    ok: true,
    change: {
      planId: input.planId,
      activityId: activity.id,
      key: input.key,
      status,
      date: status === 'postponed' ? input.date!.trim() : null,
      note: note === '' ? null : note,
      links: typeof links === 'string' ? [] : links,
    },
  };
}

/**
 * Who may change an occurrence's status, Mark done and Reopen included: the co-chairs, and the focal points
 * of the activity's lead agencies (not those of supporting agencies).
 */
export function mayChangeStatus(ctx: Context, planId: string, activityId: string, userId: string, isCoChair: boolean): boolean {
  if (isCoChair) return true;
  const activity = ctx.plans.activity(planId, activityId);
  if (!activity) return false;
  return activity.lead.agencies.some((a) => ctx.state.focalPointsOf(a).includes(userId));
}

/** Two changes say the same (status, date, note, links): writing the second changes nothing. */
export function sameStatus(a: Pick<StatusChange, 'status' | 'date' | 'note' | 'links'>, b: Pick<StatusChange, 'status' | 'date' | 'note' | 'links'>): boolean {
  return a.status === b.status && a.date === b.date && a.note === b.note && a.links.join('\n') === b.links.join('\n');
}
