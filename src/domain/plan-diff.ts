import { occurrencesOf, type Period } from './occurrences.js';
import type { FieldChange, PlanChanges, RecordedState, StateKind } from './plan-changes.js';
import type { Activity } from './types.js';

export type { ActivityField, FieldChange, PlanChanges, RecordedState, StateKind } from './plan-changes.js';

/** Whether the file changes nothing that the summary names. */
export function noChanges(c: PlanChanges): boolean {
  return (
    !c.firstImport &&
    c.added.length + c.removed.length + c.changed.length + c.occurrencesAdded.length + c.occurrencesRemoved.length === 0 &&
    c.period.before?.periodStart === c.period.after.periodStart &&
    c.period.before?.periodEnd === c.period.after.periodEnd
  );
}

const agenciesText = (a: Activity) =>
  `lead ${a.lead.agencies.join(', ') || '-'}; support ${[...(a.support.network ? ['Network'] : []), ...a.support.agencies].join(', ') || '-'}`;

const scheduleText = (a: Activity) => JSON.stringify(a.schedule);

function fieldChanges(b: Activity, a: Activity): FieldChange[] {
  const out: FieldChange[] = [];
  if (b.text !== a.text || (b.textEs ?? '') !== (a.textEs ?? '')) out.push({ field: 'text', before: b.text, after: a.text });
  if (agenciesText(b) !== agenciesText(a)) out.push({ field: 'agencies', before: agenciesText(b), after: agenciesText(a) });
  if (scheduleText(b) !== scheduleText(a) || b.schedule.text !== a.schedule.text)
    out.push({ field: 'schedule', before: b.schedule.text || scheduleText(b), after: a.schedule.text || scheduleText(a) });
  if (b.kind !== a.kind) out.push({ field: 'kind', before: b.kind, after: a.kind });
  return out;
}

/**
 * What replacing a plan's activities `before` (period `beforePeriod`, null when the plan is new) with
 * `after` (period `afterPeriod`) changes: activities added, removed and changed field by field, occurrences
 * that appear or disappear, and what happens to the recorded state (kept, or left without an occurrence).
 * Pure: the caller reads both plans and the state. Meeting dates move due dates, not keys, so they are
 * not needed to compare occurrences.
 */
export function planChanges(
  planId: string,
  before: { period: Period; activities: readonly Activity[] } | null,
  after: { period: Period; activities: readonly Activity[] },
  state: RecordedState,
): PlanChanges {
  const none = new Map<string, string>();
  const old = new Map((before?.activities ?? []).map((a) => [a.id, a]));
  const now = new Map(after.activities.map((a) => [a.id, a]));
  const keysOf = (acts: readonly Activity[], period: Period) => new Set(acts.flatMap((a) => occurrencesOf(a, period, none).map((o) => o.key)));
  const oldKeys = before ? keysOf(before.activities, before.period) : new Set<string>();
  const changed = [...now.values()].flatMap((a) => {
    const b = old.get(a.id);
    const fields = b ? fieldChanges(b, a) : [];
    return fields.length ? [{ id: a.id, fields }] : [];
  });
  const recorded = [
    ...state.occurrences.map((s) => ({ kind: s.kind as StateKind, occurrenceKey: s.occurrenceKey })),
    ...state.reminders.map((r) => ({ kind: 'reminder' as const, occurrenceKey: r.occurrenceKey })),
  ];
  // The new plan's occurrence keys matter only beside a stored plan or recorded state: a first import with
  // nothing recorded does without them (every occurrence of the plan, 344,000 at 100,000 activities).
  const newKeys = before || recorded.length > 0 ? keysOf(after.activities, after.period) : new Set<string>();
  const kept = new Map<StateKind, number>();
  const orphaned: PlanChanges['stateOrphaned'] = [];
  for (const r of recorded) {
    if (newKeys.has(r.occurrenceKey)) kept.set(r.kind, (kept.get(r.kind) ?? 0) + 1);
    else orphaned.push(r);
  }
  const named = new Set(after.activities.flatMap((a) => [...a.lead.agencies, ...a.support.agencies]));
  return {
    planId,
    firstImport: before === null,
    period: { before: before ? { periodStart: before.period.periodStart, periodEnd: before.period.periodEnd } : null, after: { ...after.period } },
    added: before ? [...now.keys()].filter((id) => !old.has(id)) : [],
    removed: [...old.keys()].filter((id) => !now.has(id)),
    changed,
    occurrencesAdded: before ? [...newKeys].filter((k) => !oldKeys.has(k)) : [],
    occurrencesRemoved: [...oldKeys].filter((k) => !newKeys.has(k)),
    stateKept: [...kept].map(([kind, count]) => ({ kind, count })),
    stateOrphaned: orphaned.sort((a, b) => a.occurrenceKey.localeCompare(b.occurrenceKey) || a.kind.localeCompare(b.kind)),
    focalUnused: state.focalAgencies.filter((id) => !named.has(id)),
  };
}
