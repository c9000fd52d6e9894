import { applyMark, resolveTarget, type MarkOutcome } from '../domain/mark.js';
import { parseOccurrenceKey } from '../domain/occurrences.js';
import { activityState } from '../domain/questions.js';
import type { AnswerError } from '../domain/answers.js';
import { actionIds, decodeValue, type ActionValue } from '../views/action-ids.js';
import { markMessage, markNotice } from '../views/mark-view.js';
import { errorReply } from '../views/message-view.js';
import { planToChange } from './current-plan.js';
import { redraw } from './redraw.js';
import type { Interaction, SlashCommand, UseCaseContext } from './use-case.js';

type Action = 'done' | 'reopen';
type Result = { ok: true; outcome: MarkOutcome } | { ok: false; error: AnswerError };

function markCommand(action: Action, keywords: SlashCommand['keywords'], help: SlashCommand['help']): SlashCommand<Result> {
  return {
    name: action,
    keywords,
    help,
    guard: 'coChairs',
    reply: 'later',
    run: (arg, uc) => {
      const current = planToChange(uc);
      if (!current.ok) return current;
      const target = resolveTarget(uc.domain, current.plan, arg, action);
      if (!target.ok) return target;
      return { ok: true, outcome: applyMark(uc.domain, target, action, { userId: uc.userId, source: uc.source }, uc.lang) };
    },
    view: (r, uc) =>
      r.ok
        ? { kind: 'message', message: markMessage(r.outcome), changed: r.outcome.changed }
        : // Only co-chairs get here (guard): a missing plan is told as what to do, not whom to ask.
          { kind: 'message', message: errorReply(r.error, uc.lang, { kind: 'coChair' }) },
  };
}

/**
 * `/gcm done B1.2 2024-05` (co-chairs): marks an occurrence done, once. Without a month, the occurrence
 * docs/decisions/occurrences.md names; the reply says which and how to name another.
 */
export const done = markCommand(
  'done',
  { en: ['done'], es: ['hecho'] },
  {
    en: [{ usage: 'done B1.2 2024-05', text: 'co-chairs: mark an activity or occurrence done (`reopen` undoes it)' }],
    es: [{ usage: 'hecho B1.2 2024-05', text: 'copresidencia: marcar una actividad u ocurrencia como hecha (`reabrir` lo deshace)' }],
  },
);

/** `/gcm reopen B1.2 2024-05` (co-chairs): removes a completion mark (help: under `done`). */
export const reopen = markCommand('reopen', { en: ['reopen'], es: ['reabrir'] }, { en: [], es: [] });

/** Finds the occurrence a button names and marks it; the message it sits on is drawn again. */
async function markFromButton(value: ActionValue & { k: string }, action: Action, uc: UseCaseContext) {
  const ctx = uc.domain;
  const plan = value.p ? ctx.plans.plan(value.p) : null;
  const { activityId } = parseOccurrenceKey(value.k);
  const activity = plan ? ctx.plans.activity(plan.id, activityId) : null;
  const state = plan && activity ? activityState(ctx, plan, activity) : null;
  const occurrence = state?.occurrences.find((o) => o.key === value.k);
  if (!plan || !activity || !state || !occurrence) {
    return { kind: 'reply' as const, message: errorReply({ code: 'activity_missing', given: value.k || '?', known: [] }, uc.lang) };
  }
  const target = { ok: true as const, plan, activity, occurrence, named: true, others: state.occurrences };
  const outcome = applyMark(ctx, target, action, { userId: uc.userId, source: uc.source }, uc.lang);
  return { kind: 'update' as const, message: await redraw(uc, value, markNotice(outcome)), changed: outcome.changed };
}

function markButton(action: Action): Interaction<ActionValue & { k: string }> {
  return {
    actionId: action === 'done' ? actionIds.markDone : actionIds.reopen,
    guard: 'coChairs',
    language: (click, fallback) => decodeValue(click.value)?.l ?? fallback,
    input: (click) => {
      const value = decodeValue(click.value);
      return value?.k ? { ok: true, input: { ...value, k: value.k } } : { ok: false, reason: 'a value the bot did not write' };
    },
    run: (value, uc) => markFromButton(value, action, uc),
  };
}

/** "Mark done" on an answer or a reminder (co-chairs, checked on every click whatever the message shows). */
export const markDoneButton = markButton('done');
/** "Reopen" on an answer (co-chairs). */
export const reopenButton = markButton('reopen');
