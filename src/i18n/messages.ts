import { DateTime } from 'luxon';
import type { Language } from '../config.js';
import type { AnswerError } from '../domain/answers.js';
import type { Schedule } from '../domain/types.js';
import { en } from './en.js';
import { es } from './es.js';

/** Every word the bot says, in one language. Activity texts stay in the plan's English (docs/decisions/language.md). */
export interface Messages {
  lang: Language;
  objective: string;
  objectives: string;
  objectiveTitleIntro: string;
  priorityKind: { basic: string; thematic: string };
  prioritiesCiting: (n: number) => string;
  noPriorityCites: (n: number, plan: string) => string;
  gcmObjectives: string;
  activity: string;
  activitiesHeading: string;
  lead: string;
  support: string;
  supportNetwork: string;
  supportNone: string;
  leadNone: string;
  when: string;
  planWording: string;
  due: string;
  dueRule: Record<'date' | 'range_end' | 'month_start' | 'month_end' | 'tentative' | 'set' | 'period_end' | 'none', string>;
  tentative: string;
  noDate: string;
  references: string;
  note: string;
  sourceNote: string;
  status: { done: string; open: string; partial: (done: number, total: number) => string; overdue: string };
  doneBy: (user: string, date: string) => string;
  occurrences: string;
  ambiguousActivity: (n: string) => string;
  agency: string;
  leads: string;
  supports: string;
  nothingLed: string;
  nothingSupported: string;
  networkSupported: (n: number) => string;
  mandate: string;
  migrationWork: string;
  noProfile: (name: string) => string;
  profileSource: string;
  matrix: string;
  matrixNone: string;
  matrixMarks: { x: string; xx: string };
  notMember: string;
  agencyChoices: (q: string) => string;
  agencyList: string;
  priority: string;
  prioritiesHeading: string;
  activitiesCount: (n: number) => string;
  searchResults: (q: string, n: number) => string;
  noResults: (q: string) => string;
  kinds: Record<'activity' | 'priority' | 'agency' | 'objective', string>;
  upcoming: string;
  nothingUpcoming: string;
  planEnded: (end: string) => string;
  planNotStarted: (start: string) => string;
  principles: string;
  progress: string;
  progressLine: (done: number, total: number) => string;
  occurrencesLine: (done: number, total: number) => string;
  planLine: (title: string, start: string, end: string) => string;
  helpTitle: string;
  help: [string, string][];
  helpFooter: string;
  andMore: (n: number) => string;
  months: string[];
  list: (items: string[]) => string;
  error: (e: AnswerError) => string;
  marked: {
    done: (what: string, who: string, when: string) => string;
    already: (what: string, who: string, when: string) => string;
    reopened: (what: string, who: string) => string;
    notDone: (what: string) => string;
    allDone: (id: string) => string;
    hint: (id: string, example: string) => string;
  };
  reminder: {
    title: (days: number) => string;
    late: (day: string) => string;
    tentative: string;
    meetingRule: string;
    digestTitle: (days: number) => string;
    digestEmpty: (days: number) => string;
    dateSet: (what: string, date: string, who: string) => string;
    statusTitle: string;
    channel: (channel: string | null) => string;
    when: (days: number[], time: string, zone: string) => string;
    digest: (d: string) => string;
    scheduler: (holder: 'me' | 'other' | 'none') => string;
    next: string;
    noneNext: string;
    unsent: string;
    noneUnsent: string;
    attempts: (n: number, error: string | null) => string;
    ended: string;
  };
  report: {
    title: (from: string, to: string) => string;
    byPriority: string;
    priorityLine: (ad: number, at: number, od: number, ot: number) => string;
    total: string;
    done: (n: number) => string;
    noneDone: string;
    overdue: (n: number) => string;
    noneOverdue: string;
    overdueBefore: (n: number) => string;
    next: (from: string, to: string, n: number) => string;
    noneNext: string;
    objectives: string;
    columns: {
      priority: string;
      activities: string;
      occurrences: string;
      occurrence: string;
      due: string;
      by: string;
      when: string;
      lead: string;
      agency: string;
    };
    file: string;
    fileFailed: string;
    focalTitle: string;
    focalNone: string;
    focalOf: (agency: string) => string;
    focalAdded: (agency: string, users: string) => string;
    focalRemoved: (agency: string, users: string) => string;
    focalUnchanged: string;
    focalLine: (agency: string, users: string) => string;
    coChairs: (users: string) => string;
    followupTitle: (due: string) => string;
  };
  homeTitle: string;
  homeDue30: string;
  homeNothingDue30: string;
  myAgency: string;
  pickAgency: string;
  myAgencyNone: string;
  coChairOnly: string;
  markDone: string;
  reopen: string;
  share: string;
  setDate: string;
}

export const catalogs: Record<Language, Messages> = { en, es };

export const messages = (lang: Language): Messages => catalogs[lang];

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
