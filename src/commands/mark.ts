import { applyMark, occurrencesToMark, resolveTarget, type MarkOutcome } from '../domain/mark.js';
import { parseOccurrenceKey } from '../domain/occurrences.js';
import type { ActivitySchedule } from '../domain/ports.js';
import type { Occurrence } from '../domain/types.js';
import type { AnswerError } from '../domain/answers.js';
import { actionIds, decodeValue, type ActionValue } from '../views/action-ids.js';
import { markMessage, markNotice } from '../views/mark-view.js';
import { errorMessage, errorReply } from '../views/message-view.js';
import { messages } from '../i18n/messages.js';
import { planToChange } from './current-plan.js';
import { mayChangeStatusOf } from './guards.js';
import { redraw } from './redraw.js';
import type { Interaction, SlashCommand, UseCaseContext } from './use-case.js';

type Action = 'done' | 'reopen';
type Result = { ok: true; outcome: MarkOutcome } | { ok: false; error: AnswerError } | { ok: false; refused: true };

/** Whether `uc`'s user may mark this activity's occurrences (co-chairs, lead agencies' focal points), asked on every request. */

function markCommand(action: Action, keywords: SlashCommand['keywords'], help: SlashCommand['help']): SlashCommand<Result> {
  return {
    name: action,
    keywords,
    help,
    // Who may is checked in run, once the activity is known (docs/decisions/statuses.md).
    guard: 'anyone',
    reply: 'later',
    run: async (arg, uc): Promise<Result> => {
      const current = planToChange(uc);
      if (!current.ok) return current;
      const target = resolveTarget(uc.domain, current.plan, arg, action);
      if (!target.ok) return target;
      if (!(await mayChangeStatusOf(uc, target.plan.id, target.activity.id))) return { ok: false, refused: true };
      return { ok: true, outcome: applyMark(uc.domain, target, action, { userId: uc.userId, source: uc.source }, uc.lang) };
    },
    view: (r, uc) => {
      if (r.ok) return { kind: 'message', message: markMessage(r.outcome), changed: r.outcome.changed };
      if ('refused' in r) return { kind: 'message', message: errorMessage(messages(uc.lang).statuses.refused) };
      // A missing plan is told as what to do, not whom to ask.
      return { kind: 'message', message: errorReply(r.error, uc.lang, { kind: 'coChair' }) };
    },
  };
}

/**
 * `/gcm done B1.2 2024-05` (co-chairs and the lead agencies' focal points): marks an occurrence done, once. Without a month, the occurrence
 * docs/decisions/occurrences.md names; the reply says which and how to name another.
 */
export const done = markCommand(
  'done',
  { en: ['done'], es: ['hecho'] },
  {
    en: [{ usage: 'done B1.2 2024-05', text: "co-chairs and the lead agencies' focal points: mark an activity or occurrence done (`reopen` undoes it)" }],
    es: [
      {
        usage: 'hecho B1.2 2024-05',
        text: 'copresidencia y puntos focales de las agencias líderes: marcar una actividad u ocurrencia como hecha (`reabrir` lo deshace)',
      },
    ],
  },
);

/** `/gcm reopen B1.2 2024-05` (co-chairs and the lead agencies' focal points): the occurrence is planned again (help: under `done`). */
export const reopen = markCommand('reopen', { en: ['reopen'], es: ['reabrir'] }, { en: [], es: [] });

/**
 * The activity's schedule and its plan's period (nothing else of either is shown or checked on a click) and its
 * occurrences as a click sees them, read once while the database is unchanged: every click on an answer's
 * buttons reads the same rows until a mark, a status or a meeting date changes them. Frozen: shared by clicks.
 */
function scheduleToMark(uc: UseCaseContext, planId: string, activityId: string): { found: ActivitySchedule | null; others: readonly Occurrence[] } {
  return uc.remembered(`mark\u0000${planId}\u0000${activityId}`, () => {
    const found = uc.domain.plans.activitySchedule(planId, activityId);
    const others = found ? occurrencesToMark(uc.domain, found) : [];
    for (const o of others) Object.freeze(o);
    return Object.freeze({ found: found && Object.freeze(found), others: Object.freeze(others) });
  });
}

/** Finds the occurrence a button names and marks it; the message it sits on is drawn again. */
async function markFromButton(value: ActionValue & { k: string }, action: Action, uc: UseCaseContext) {
  const ctx = uc.domain;
  const { found, others } = value.p ? scheduleToMark(uc, value.p, parseOccurrenceKey(value.k).activityId) : { found: null, others: [] };
  const occurrence = others.find((o) => o.key === value.k);
  if (!found || !occurrence) {
    return { kind: 'reply' as const, message: errorReply({ code: 'activity_missing', given: value.k || '?', known: [] }, uc.lang) };
  }
  const { plan, activity } = found;
  if (!(await mayChangeStatusOf(uc, plan.id, activity.id))) return { kind: 'reply' as const, message: errorMessage(messages(uc.lang).statuses.refused) };
  const target = { ok: true as const, plan, activity, occurrence, named: true, others };
  const outcome = applyMark(ctx, target, action, { userId: uc.userId, source: uc.source }, uc.lang);
  return { kind: 'update' as const, message: await redraw(uc, value, markNotice(outcome)), changed: outcome.changed };
}

function markButton(action: Action): Interaction<ActionValue & { k: string }> {
  return {
    actionId: action === 'done' ? actionIds.markDone : actionIds.reopen,
    // Checked in run, once the occurrence is known.
    guard: 'anyone',
    language: (click, fallback) => decodeValue(click.value)?.l ?? fallback,
    input: (click) => {
      const value = decodeValue(click.value);
      return value?.k ? { ok: true, input: { ...value, k: value.k } } : { ok: false, reason: 'a value the bot did not write' };
    },
    run: (value, uc) => markFromButton(value, action, uc),
  };
}

/** "Mark done" on an answer or a reminder (co-chairs and lead focal points, checked on every click whatever the message shows). */
export const markDoneButton = markButton('done');
/** "Reopen" on an answer (co-chairs and lead focal points). */
export const reopenButton = markButton('reopen');
