import { fold } from '../domain/normalize.js';
import { planOccurrences } from '../domain/occurrences.js';
import { chosenPlan } from '../domain/questions.js';
import { nextReminders } from '../domain/reminders.js';
import type { RetryFailedReport } from '../domain/types.js';
import { actionIds, decodeValue } from '../views/action-ids.js';
import { remindersRetryView, remindersUsageView, remindersView, type RemindersStatus } from '../views/reminders-status-view.js';
import { errorMessage } from '../views/message-view.js';
import { messages } from '../i18n/messages.js';
import type { Interaction, SlashCommand, UseCaseContext } from './use-case.js';

/** The words of "send the failed ones again", folded. */
const retryWords = new Set(['retry', 'reintentar']);

type Result =
  | { kind: 'status'; status: RemindersStatus }
  | { kind: 'retried'; report: RetryFailedReport }
  | { kind: 'refused' }
  | { kind: 'usage'; given: string };

/** Where and when reminders go, the next ones and (co-chairs) what is unsent. */
async function status(uc: UseCaseContext): Promise<RemindersStatus> {
  const ctx = uc.domain;
  const coChair = await uc.isCoChair();
  const chosen = chosenPlan(ctx);
  const plan = chosen.ok ? chosen.plan : null;
  const { outbox } = uc;
  return {
    lang: uc.lang,
    channel: outbox.channel,
    settings: outbox.settings,
    digest: outbox.digest,
    scheduler: outbox.scheduler(),
    ended: plan ? ctx.now.toISODate()! > plan.periodEnd : false,
    next: plan ? nextReminders(plan.id, planOccurrences(ctx, plan), ctx.state.completions(plan.id), ctx.now, outbox.settings, 10) : [],
    unsent: coChair ? outbox.unsent() : null,
  };
}

/** Co-chairs only, checked here on every request: the failed messages back in the queue (docs/outbox.md). */
async function retryFailed(uc: UseCaseContext): Promise<Result> {
  if (!(await uc.isCoChair())) return { kind: 'refused' };
  return { kind: 'retried', report: await uc.outbox.retryFailed(`${uc.userId} (${uc.source})`) };
}

/** `/gcm reminders` (`recordatorios`): the status; `retry` (`reintentar`): co-chairs send the failed ones again. */
export const reminders: SlashCommand<Result> = {
  name: 'reminders',
  keywords: { en: ['reminders'], es: ['recordatorios'] },
  help: {
    en: [
      { usage: 'reminders', text: 'when reminders go out, the next ones, and (co-chairs) any not yet posted' },
      { usage: 'reminders retry', text: 'co-chairs: send the failed ones again once the cause is fixed (not those done, moved or past their time)' },
    ],
    es: [
      { usage: 'recordatorios', text: 'cuándo salen los recordatorios, los próximos y (copresidencia) los no publicados' },
      {
        usage: 'recordatorios reintentar',
        text: 'copresidencia: enviar de nuevo los fallidos una vez resuelta la causa (no los hechos, movidos o fuera de plazo)',
      },
    ],
  },
  // Retrying is for co-chairs: checked in run, since the status is for anyone.
  guard: 'anyone',
  reply: 'later',
  run: async (arg, uc) => {
    const word = fold(arg.trim());
    if (word === '') return { kind: 'status', status: await status(uc) };
    return retryWords.has(word) ? retryFailed(uc) : { kind: 'usage', given: arg.trim() };
  },
  view: (r, uc) => ({ kind: 'message', message: resultMessage(r, uc) }),
};

function resultMessage(r: Result, uc: UseCaseContext) {
  switch (r.kind) {
    case 'status':
      return remindersView(r.status);
    case 'retried':
      return remindersRetryView(r.report, uc.lang);
    case 'refused':
      return errorMessage(messages(uc.lang).reminder.retryRefused);
    case 'usage':
      return remindersUsageView(r.given, uc.lang);
  }
}

/** **Retry failed** on the `/gcm reminders` answer: co-chairs only, checked on every click whatever the message shows. */
export const retryFailedButton: Interaction<null> = {
  actionId: actionIds.retryFailed,
  guard: 'anyone',
  language: (click, fallback) => decodeValue(click.value)?.l ?? fallback,
  input: () => ({ ok: true, input: null }),
  run: async (_input, uc) => {
    const r = await retryFailed(uc);
    if (r.kind !== 'retried') return { kind: 'reply', message: resultMessage(r, uc) };
    // The message the button sits on is drawn again as things now stand, with what was queued on top.
    return { kind: 'update', message: remindersView(await status(uc), remindersRetryView(r.report, uc.lang)), changed: false };
  },
};
