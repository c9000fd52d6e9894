import { planOccurrences } from '../domain/occurrences.js';
import { chosenPlan } from '../domain/questions.js';
import { nextReminders } from '../domain/reminders.js';
import { remindersView } from '../views/reminders-status-view.js';
import type { SlashCommand } from './use-case.js';

/** `/gcm reminders`: the settings, who runs the scheduler, the next reminders and (co-chairs) what is unsent. */
export const reminders: SlashCommand<Parameters<typeof remindersView>[0]> = {
  name: 'reminders',
  keywords: { en: ['reminders'], es: ['recordatorios'] },
  help: {
    en: [{ usage: 'reminders', text: 'when reminders go out, the next ones, and (co-chairs) any not yet posted' }],
    es: [{ usage: 'recordatorios', text: 'cuándo salen los recordatorios, los próximos y (copresidencia) los no publicados' }],
  },
  guard: 'anyone',
  reply: 'later',
  run: async (_arg, uc) => {
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
  },
  view: (status) => ({ kind: 'message', message: remindersView(status) }),
};
