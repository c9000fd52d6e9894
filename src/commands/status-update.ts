import { mayChangeStatusOf } from './guards.js';
import { parseOccurrenceKey } from '../domain/occurrences.js';
import { checkStatusUpdate, type StatusChange, type StatusField, type StatusProblem, type StatusUpdateInput } from '../domain/status.js';
import type { UseCaseContext } from './use-case.js';

export type StatusUpdateResult =
  | { outcome: 'changed' | 'unchanged'; change: StatusChange }
  | { outcome: 'refused' }
  | { outcome: 'invalid'; errors: Partial<Record<StatusField, StatusProblem>> };

/**
 * Changes an occurrence's status as `uc.userId` asks (the Update modal, a command, the terminal): who may
 * is checked here, on the server, at every call (co-chairs and the lead agencies' focal points), then the
 * input, then the change is written with its audit row. Nothing is written when refused or invalid.
 */
export async function applyStatusUpdate(uc: UseCaseContext, input: StatusUpdateInput): Promise<StatusUpdateResult> {
  const ctx = uc.domain;
  const { activityId } = parseOccurrenceKey(input.key);
  if (!(await mayChangeStatusOf(uc, input.planId, activityId))) return { outcome: 'refused' };
  const checked = checkStatusUpdate(ctx, input);
  if (!checked.ok) return { outcome: 'invalid', errors: checked.errors };
  const change: StatusChange = { ...checked.change, by: uc.userId, source: uc.source, at: ctx.now.toUTC().toISO()! };
  const { changed } = ctx.state.changeStatus(change);
  if (changed) return { outcome: 'changed', change };
  return { outcome: 'unchanged', change: ctx.state.statusHistory(change.planId, change.key, 1)[0] ?? change };
}
