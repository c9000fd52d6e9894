import type { Actor, Agency } from './types.js';
import type { AnswerError } from './answers.js';
import { fold } from './normalize.js';
import { findAgencies } from './questions.js';
import type { Context } from './ports.js';

/** A parsed `/gcm focal …`. */
export type FocalRequest =
  | { kind: 'list_all' }
  | { kind: 'list'; agency: Agency }
  | { kind: 'change'; agency: Agency; add: string[]; remove: string[] }
  | { kind: 'error'; error: AnswerError };

const removeWords = new Set(['remove', 'quitar', 'eliminar', 'borrar']);
const addWords = new Set(['add', 'agregar', 'anadir']);

/**
 * Reads `IOM <@U1|ana> <@U2>`, `IOM remove <@U2>`, `OIM quitar <@U2>`, `IOM` or nothing. Mentions arrive as
 * `<@U…|name>` (the slash command escapes them); a bare `@name` cannot be resolved and is an error.
 */
export function parseFocal(ctx: Context, arg: string): FocalRequest {
  const words = arg.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'list_all' };
  const mentions: string[] = [];
  const nameWords: string[] = [];
  let removing = false;
  for (const w of words) {
    const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(w);
    if (m) mentions.push(m[1]!);
    else if (w.startsWith('@')) return { kind: 'error', error: { code: 'focal_mention', given: w } };
    else if (removeWords.has(fold(w))) removing = true;
    else if (addWords.has(fold(w))) removing = false;
    else nameWords.push(w);
  }
  const name = nameWords.join(' ');
  if (!name) return { kind: 'error', error: { code: 'agency_needed' } };
  const found = findAgencies(ctx.plans, name);
  if (found.length !== 1)
    return {
      kind: 'error',
      error: found.length === 0 ? { code: 'agency_missing', given: name } : { code: 'agency_ambiguous', given: name, options: found.map((a) => a.id) },
    };
  const agency = found[0]!;
  if (mentions.length === 0) return removing ? { kind: 'error', error: { code: 'focal_who' } } : { kind: 'list', agency };
  return { kind: 'change', agency, add: removing ? [] : mentions, remove: removing ? mentions : [] };
}

/**
 * Who may change an agency's focal points: co-chairs, any; anyone else, only themselves and only for the
 * agency they picked as "my agency" in the App Home. Returns the refusal, or null when allowed.
 */
export function focalRefusal(ctx: Context, req: Extract<FocalRequest, { kind: 'change' }>, userId: string, coChair: boolean): AnswerError | null {
  if (coChair) return null;
  const others = [...req.add, ...req.remove].some((u) => u !== userId);
  const mine = ctx.state.userAgency(userId);
  if (others || mine !== req.agency.id) return { code: 'focal_not_allowed', agency: req.agency.id, mine };
  return null;
}

/** Applies a change of focal points (one audit row per user added or removed). */
export function changeFocal(ctx: Context, req: Extract<FocalRequest, { kind: 'change' }>, actor: Actor): { added: string[]; removed: string[] } {
  return ctx.state.changeFocalPoints(req.agency.id, req.add, req.remove, actor, ctx.now.toUTC().toISO()!);
}
