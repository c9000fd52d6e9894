import { noChanges, type PlanChanges, type StateKind } from '../domain/plan-diff.js';
import type { Message } from './message-view.js';
import { clip, esc, section, context } from './blocks.js';

/** The summary as plain lines (English): `plan:import`'s output and the message posted to the channel. */
export function planChangesLines(c: PlanChanges): string[] {
  if (c.firstImport) return [`New plan ${c.planId}: ${c.period.after.periodStart} to ${c.period.after.periodEnd}.`];
  if (noChanges(c)) return [`No change to the activities or occurrences of ${c.planId}.`];
  const out: string[] = [];
  const p = c.period;
  if (p.before && (p.before.periodStart !== p.after.periodStart || p.before.periodEnd !== p.after.periodEnd)) {
    out.push(`period: ${p.before.periodStart} to ${p.before.periodEnd} → ${p.after.periodStart} to ${p.after.periodEnd}`);
  }
  if (c.added.length) out.push(`activities added: ${c.added.join(', ')}`);
  if (c.removed.length) out.push(`activities removed: ${c.removed.join(', ')}`);
  for (const ch of c.changed) {
    for (const f of ch.fields) out.push(`${ch.id} ${f.field}: ${clipText(f.before)} → ${clipText(f.after)}`);
  }
  if (c.occurrencesAdded.length) out.push(`occurrences that appear: ${listOf(c.occurrencesAdded)}`);
  if (c.occurrencesRemoved.length) out.push(`occurrences that disappear: ${listOf(c.occurrencesRemoved)}`);
  for (const s of c.stateKept) out.push(`kept: ${s.count} ${stateWords[s.kind](s.count)}`);
  for (const s of c.stateOrphaned) out.push(`left without an activity (kept, not shown): the ${stateWords[s.kind](1)} of ${s.occurrenceKey}`);
  if (c.focalUnused.length) out.push(`focal points kept for agencies no activity names any more: ${c.focalUnused.join(', ')}`);
  return out;
}

const stateWords: Record<StateKind, (n: number) => string> = {
  completion: (n) => (n === 1 ? 'completion mark' : 'completion marks'),
  meeting_date: (n) => (n === 1 ? 'meeting date' : 'meeting dates'),
  reminder: (n) => (n === 1 ? 'recorded reminder' : 'recorded reminders'),
};

const clipText = (s: string, max = 120) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const listOf = (keys: string[], max = 30) => (keys.length > max ? `${keys.slice(0, max).join(', ')} …and ${keys.length - max} more` : keys.join(', '));

/** The summary posted to the reminder channel after an import changed the current plan. */
export function planChangeMessage(c: PlanChanges, title: string): Message {
  const head = `The plan ${c.planId} (${title}) was re-imported.`;
  const lines = planChangesLines(c);
  return { text: head, blocks: [section(`*${esc(head)}*`), section(esc(clip(lines.map((l) => `• ${l}`).join('\n'), 2900))), context('npm run plan:import')] };
}
