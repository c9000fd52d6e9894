import { noChanges } from '../../domain/plan-diff.js';
import type { PlanImport } from '../../domain/ports.js';
import type { ReminderRecord } from '../../domain/types.js';
import { planChangeMessage } from '../../views/plan-changes-view.js';
import { dueRecord, nothingDue, type OutboxContext, type OutboxKind } from '../kind.js';

/** The imports worth telling the channel about: a re-import whose summary names a change. */
const worthPosting = (i: PlanImport) => i.changes !== null && !i.changes.firstImport && !noChanges(i.changes);

/**
 * The import a record stands for. Its `fireAt` is the import's instant (imports.at), so the record needs no
 * column of its own and its key is never parsed.
 */
function importOf(r: ReminderRecord, ctx: OutboxContext): PlanImport | null {
  return ctx.plans.importsOf(r.planId).find((i) => i.at === r.fireAt && worthPosting(i)) ?? null;
}

/**
 * After `npm run plan:import` (or a start-up re-import) changed the current plan: the summary of what changed,
 * to the reminder channel, once per import (the imports table numbers each one). Only the current plan's,
 * and only its latest import: a first start never posts the history.
 */
export const planChange: OutboxKind = {
  kind: 'plan-change',
  due(ctx, pass) {
    const latest = ctx.plans.importsOf(pass.plan.id).at(-1);
    if (!latest || !worthPosting(latest)) return nothingDue;
    return { post: [dueRecord({ key: `${pass.plan.id}|plan-change|${latest.id}`, planId: pass.plan.id, fireAt: latest.at })], skip: [] };
  },
  async render(r, ctx) {
    const found = importOf(r, ctx);
    const plan = ctx.plans.plan(r.planId);
    return found?.changes && plan ? planChangeMessage(found.changes, plan.title, ctx.config.language) : 'cancel';
  },
};
