import { noChanges, type PlanChanges } from '../domain/plan-diff.js';
import type { Language } from '../domain/types.js';
import { messages } from '../i18n/messages.js';
import { clip, context, esc, section } from './blocks.js';
import type { Message } from './message-view.js';

const clipText = (s: string, max = 120) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The summary as plain lines: `plan:import`'s output (English) and the message posted to the channel. */
export function planChangesLines(c: PlanChanges, lang: Language = 'en'): string[] {
  const t = messages(lang).planChanges;
  const listOf = (keys: string[], max = 30) => (keys.length > max ? `${keys.slice(0, max).join(', ')} ${t.more(keys.length - max)}` : keys.join(', '));
  if (c.firstImport) return [t.firstImport(c.planId, c.period.after.periodStart, c.period.after.periodEnd)];
  if (noChanges(c)) return [t.none(c.planId)];
  const out: string[] = [];
  const p = c.period;
  if (p.before && (p.before.periodStart !== p.after.periodStart || p.before.periodEnd !== p.after.periodEnd)) {
    out.push(t.period(p.before.periodStart, p.before.periodEnd, p.after.periodStart, p.after.periodEnd));
  }
  if (c.added.length) out.push(t.added(c.added.join(', ')));
  if (c.removed.length) out.push(t.removed(c.removed.join(', ')));
  for (const ch of c.changed) {
    for (const f of ch.fields) out.push(`${ch.id} ${t.field[f.field]}: ${clipText(f.before)} → ${clipText(f.after)}`);
  }
  if (c.occurrencesAdded.length) out.push(t.appear(listOf(c.occurrencesAdded)));
  if (c.occurrencesRemoved.length) out.push(t.disappear(listOf(c.occurrencesRemoved)));
  for (const s of c.stateKept) out.push(t.kept(s.count, s.kind));
  for (const s of c.stateOrphaned) out.push(t.orphaned(s.kind, s.occurrenceKey));
  if (c.focalUnused.length) out.push(t.focalUnused(c.focalUnused.join(', ')));
  return out;
}

/** The summary posted to the reminder channel, in `lang` (GCM_LANGUAGE), after an import changed the current plan. */
export function planChangeMessage(c: PlanChanges, title: string, lang: Language): Message {
  const head = messages(lang).planChanges.posted(c.planId, title);
  const lines = planChangesLines(c, lang);
  return {
    text: esc(head),
    blocks: [section(`*${esc(head)}*`), section(esc(clip(lines.map((l) => `• ${l}`).join('\n'), 2900))), context('`npm run plan:import -- --dry-run FILE`')],
  };
}
