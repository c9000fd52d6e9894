import type { AnswerError } from '../domain/answers.js';
import { planCalendar, resolveCalendarFilter, type PlanCalendar } from '../domain/calendar.js';
import type { Context } from '../domain/ports.js';
import { chosenPlan } from '../domain/questions.js';
import { languages, type AgencyDirectory, type Language } from '../domain/types.js';
import { messages } from '../i18n/messages.js';
import { calendarIcs, calendarMessage, subscriptionUrl, type Subscription } from '../views/calendar-view.js';
import { errorMessage } from '../views/message-view.js';
import { askedFileWords, fileAudience, splitShare, type FileAudience } from './asked-file.js';
import type { SlashCommand, UseCaseContext } from './use-case.js';

/** What a calendar is asked for, as typed (a query string, the terminal's options): each optional. */
export interface CalendarParams {
  agency?: string | undefined;
  priority?: string | undefined;
  lang?: string | undefined;
}

/**
 * The .ics file of the chosen plan (`plan:ID` in `ctx`, else the current one) for the subscription, the terminal
 * and the playground: `lang` is `en` or `es` (default `defaultLang`); a bad one, an unknown agency or priority
 * is an error in the language asked (or the default).
 */
export function calendarFile(
  ctx: Context,
  dir: AgencyDirectory,
  params: CalendarParams,
  defaultLang: Language,
): { ok: true; ics: string; filename: string; events: number; lang: Language } | { ok: false; error: string } {
  const lang =
    params.lang === undefined || params.lang === '' ? defaultLang : (languages as readonly string[]).includes(params.lang) ? (params.lang as Language) : null;
  if (lang === null) return { ok: false, error: messages(defaultLang).calendar.badLanguage(params.lang ?? '') };
  const m = messages(lang);
  const chosen = chosenPlan(ctx);
  if (!chosen.ok) return { ok: false, error: m.error(chosen.error) };
  const filter = resolveCalendarFilter(ctx, chosen.plan, params);
  if (!filter.ok) return { ok: false, error: m.error(filter.error) };
  const cal = planCalendar(ctx, chosen.plan, filter.filter);
  return { ok: true, ics: calendarIcs(cal, lang, dir), filename: calendarFilename(cal), events: cal.entries.length, lang };
}

const calendarFilename = (cal: PlanCalendar) =>
  `gcm-${cal.plan.id}${cal.filter.agency ? `-${cal.filter.agency}` : ''}${cal.filter.priority ? `-${cal.filter.priority}` : ''}.ics`;

type Result = { ok: true; cal: PlanCalendar; subscription: Subscription; to: FileAudience } | { ok: false; error: AnswerError };

/**
 * The subscription for the person asking. The address carries the secret that opens the feed, so only
 * co-chairs are shown it (they decide who in the network gets it); others get the file and are told whom to ask.
 */
async function subscriptionFor(uc: UseCaseContext, cal: PlanCalendar): Promise<Subscription> {
  if (!uc.calendar.served) return { kind: 'not_served' };
  if (!(await uc.isCoChair())) return { kind: 'ask_co_chair' };
  if (!uc.calendar.publicUrl) return { kind: 'no_public_url' };
  return { kind: 'url', url: subscriptionUrl(uc.calendar.publicUrl, uc.calendar.token(), uc.lang, cal.filter) };
}

/**
 * `/gcm calendar [AGENCY] [share]` (`calendario`): the plan's dated occurrences as an .ics file (in the channel
 * when a co-chair asks or with `share`, else in the asker's direct messages), and where to subscribe.
 */
export const calendar: SlashCommand<Result> = {
  name: 'calendar',
  keywords: { en: ['calendar'], es: ['calendario'] },
  help: {
    en: [
      {
        usage: 'calendar IOM',
        text: "the plan's dated occurrences as a calendar file (.ics), all or one agency's; co-chairs also get the subscription address",
      },
    ],
    es: [
      {
        usage: 'calendario OIM',
        text: 'las ocurrencias con fecha del plan en un archivo de calendario (.ics), todas o las de una agencia; la copresidencia recibe además la dirección de suscripción',
      },
    ],
  },
  guard: 'anyone',
  reply: 'later',
  run: async (typed, uc) => {
    const chosen = chosenPlan(uc.domain);
    if (!chosen.ok) return chosen;
    const { arg, share } = splitShare(typed);
    const filter = resolveCalendarFilter(uc.domain, chosen.plan, { agency: arg });
    if (!filter.ok) return filter;
    const cal = planCalendar(uc.domain, chosen.plan, filter.filter);
    return { ok: true, cal, subscription: await subscriptionFor(uc, cal), to: await fileAudience(uc, share) };
  },
  view: (r, uc) => {
    if (!r.ok) return { kind: 'message', message: errorMessage(messages(uc.lang).error(r.error)) };
    const { cal } = r;
    const title = calendarMessage(cal, uc.lang, uc.directory, true, r.subscription).text;
    const words = askedFileWords(uc, r.to, title);
    return {
      kind: 'file',
      file: { filename: calendarFilename(cal), content: calendarIcs(cal, uc.lang, uc.directory), title },
      to: r.to,
      comment: words.comment,
      message: (attached) => calendarMessage(cal, uc.lang, uc.directory, attached, r.subscription, attached ? words.answer : null),
    };
  },
};
