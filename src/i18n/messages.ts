import { DateTime } from 'luxon';
import type { Period } from '../domain/intents.js';
import type { StatusProblem } from '../domain/status.js';
import type { Language, Schedule, StatusKey } from '../domain/types.js';
import { en } from './en.js';
import { es } from './es.js';
import type { Messages } from './catalog.js';

export type { Messages };

export const catalogs: Record<Language, Messages> = { en, es };

export const messages = (lang: Language): Messages => catalogs[lang];

/** A status in words: `in progress` / `en curso`. */
export const statusLabel = (lang: Language, key: StatusKey): string => catalogs[lang].statuses.label[key];

/** What is wrong with a status change as typed, in plain words. */
export const statusProblemText = (lang: Language, problem: StatusProblem): string => catalogs[lang].statuses.problem[problem];

/** `24 April 2024` / `24 de abril de 2024` from an ISO date. */
export function formatDate(iso: string, lang: Language): string {
  const d = DateTime.fromISO(iso, { zone: 'UTC' }).setLocale(lang);
  return lang === 'es' ? d.toFormat("d 'de' MMMM 'de' yyyy") : d.toFormat('d MMMM yyyy');
}

/** `May 2024` / `mayo de 2024` from YYYY-MM. */
export function formatMonth(ym: string, lang: Language): string {
  const d = DateTime.fromISO(`${ym}-01`, { zone: 'UTC' }).setLocale(lang);
  return lang === 'es' ? d.toFormat("MMMM 'de' yyyy") : d.toFormat('MMMM yyyy');
}

/** A period of a question in words: `May 2024`, or `the week of 29 April 2024 to 5 May 2024`. */
export function periodText(p: Period, lang: Language): string {
  if (p.name.type === 'month') return formatMonth(p.name.month, lang);
  if (p.name.type === 'months') return monthsText(p.name.from, p.name.to, lang);
  const from = formatDate(p.name.from, lang);
  const to = formatDate(p.name.to, lang);
  return lang === 'es' ? `la semana del ${from} al ${to}` : `the week of ${from} to ${to}`;
}

/** `July to September 2023`, `de noviembre de 2023 a febrero de 2024`: a run of months (YYYY-MM to YYYY-MM). */
function monthsText(from: string, to: string, lang: Language): string {
  const first =
    from.slice(0, 4) === to.slice(0, 4) ? DateTime.fromISO(`${from}-01`, { zone: 'UTC' }).setLocale(lang).toFormat('MMMM') : formatMonth(from, lang);
  return lang === 'es' ? `de ${first} a ${formatMonth(to, lang)}` : `${first} to ${formatMonth(to, lang)}`;
}

/** The occurrence label of a recurring activity: a month or a day. */
export function formatLabel(label: string, lang: Language): string {
  return label.length === 7 ? formatMonth(label, lang) : formatDate(label, lang);
}

/** The structured schedule in words, in the answer's language. */
export function describeSchedule(s: Schedule, lang: Language): string {
  const m = messages(lang);
  switch (s.type) {
    case 'recurring_months':
      return m.list(s.months.map((n) => m.months[n - 1]!));
    case 'month':
      return formatMonth(s.month, lang);
    case 'month_range':
      return lang === 'es' ? `de ${formatMonth(s.from, lang)} a ${formatMonth(s.to, lang)}` : `${formatMonth(s.from, lang)} to ${formatMonth(s.to, lang)}`;
    case 'date':
      return formatDate(s.date, lang);
    case 'date_range':
      return lang === 'es' ? `del ${formatDate(s.from, lang)} al ${formatDate(s.to, lang)}` : `${formatDate(s.from, lang)} to ${formatDate(s.to, lang)}`;
    case 'tentative': {
      const month = formatMonth(s.month, lang);
      const days = s.days.map(String);
      if (days.length === 0) return lang === 'es' ? `${month} (por confirmar)` : `${month} (to be confirmed)`;
      const which = lang === 'es' ? days.join(' o ') : days.join(' or ');
      return lang === 'es' ? `${month}, día ${which} (por confirmar)` : `${month}, the ${which} (to be confirmed)`;
    }
    case 'monthly':
      return lang === 'es' ? `cada mes (${s.per_month} por mes)` : `every month (${s.per_month} a month)`;
    case 'continuous':
      return lang === 'es' ? 'proceso continuo' : 'continuous process';
    case 'none':
      return lang === 'es' ? 'sin fecha en el plan' : 'no date in the plan';
  }
}
