import type { KnownBlock } from '@slack/types';
import type { ActivityState, Answer, Audience } from '../../domain/answers.js';
import type { ListedActivity } from '../../domain/ports.js';
import type { Activity, Agency, AgencyDirectory, Language, Objective, Occurrence, PlanInfo } from '../../domain/types.js';
import { formatDate, messages } from '../../i18n/messages.js';
import { clip, context, esc, section } from '../blocks.js';
import { activityText, dueText, leadText, noteText, occurrenceName, planTitle, showsPlanTexts, statusText, translationNote, whenText } from '../labels.js';
import { statusWords } from '../status-view.js';

/**
 * The small parts the answer kinds share, on each surface: an activity, an occurrence and its status, a
 * list cut short, the plan's line. Slack's parts are escaped mrkdwn; the terminal's are plain text.
 */

const activityTextMax = 400;

/** An activity in a list (objective, agency, priority): its id, text, lead, schedule and status. */
export function activityBlock(s: ActivityState<ListedActivity>, lang: Language, dir: AgencyDirectory): KnownBlock {
  const m = messages(lang);
  const a = s.activity;
  return section(
    `*${a.id}* ${esc(clip(activityText(a, lang), activityTextMax))}\n${m.lead}: ${esc(leadText(a, lang, dir))} · ${m.when}: ${esc(whenText(a, lang))} · _${statusText(s, lang)}_` +
      (a.note ? `\n_${m.sourceNote}: ${esc(clip(noteText(a, lang) ?? '', 300))}_` : ''),
  );
}

/** The same activity in the terminal. */
export function activityLines(s: ActivityState<ListedActivity>, lang: Language, dir: AgencyDirectory): string[] {
  const m = messages(lang);
  const a = s.activity;
  return [
    bullet(`${a.id}  ${activityText(a, lang)}`),
    `      ${m.lead}: ${leadText(a, lang, dir)} · ${m.when}: ${whenText(a, lang)} · ${statusText(s, lang)}`,
    ...(a.note ? [`      ${m.sourceNote}: ${noteText(a, lang)}`] : []),
  ];
}

/** "…and N more" under a list of `shown` of `total` (nothing when all are shown). */
export const moreBlocks = (total: number, shown: number, lang: Language): KnownBlock[] =>
  total > shown ? [context(messages(lang).andMore(total - shown))] : [];

export const moreLines = (total: number, shown: number, lang: Language): string[] => (total > shown ? [`  ${messages(lang).andMore(total - shown)}`] : []);

/**
 * An occurrence's status after its name in a list of what is due: done (with a tick in Slack), a status
 * people set, or nothing while it is planned.
 */
export function dueStatus(o: Occurrence, done: boolean, lang: Language, tick = ''): string {
  if (done) return ` · ${tick}${messages(lang).status.done}`;
  return o.status === 'planned' ? '' : ` · ${statusWords(o, lang)}`;
}

/** An occurrence in a list of what is coming or due: its date, name (and `status`), the activity and who leads it. */
export function occurrenceBlock(o: Occurrence, a: Activity, lang: Language, dir: AgencyDirectory, status = ''): KnownBlock {
  const m = messages(lang);
  return section(
    `*${dueText(o, lang)}* · ${occurrenceName(o, lang)}${status}\n${esc(clip(activityText(a, lang), 300))}\n${m.lead}: ${esc(leadText(a, lang, dir))}`,
  );
}

/** The same occurrence in the terminal. */
export function occurrenceLines(o: Occurrence, a: Activity, lang: Language, dir: AgencyDirectory, status = ''): string[] {
  return [
    bullet(`${dueText(o, lang)}: ${occurrenceName(o, lang)}  ${activityText(a, lang)}${status}`),
    `      ${messages(lang).lead}: ${leadText(a, lang, dir)}`,
  ];
}

/** A line of a list in the terminal. */
export const bullet = (s: string): string => `  • ${s}`;

/** The terminal (`npm run ask`) may show the command that loads a plan. */
export const terminal: Audience = { kind: 'terminal' };

/** "Work plan 2023-2024 (1 June 2023 to 31 December 2024)": which plan a terminal answer is about. */
export const planLine = (p: Pick<PlanInfo, 'title' | 'titleEs' | 'periodStart' | 'periodEnd'>, lang: Language): string =>
  messages(lang).planLine(planTitle(p, lang), formatDate(p.periodStart, lang), formatDate(p.periodEnd, lang));

/** A GCM objective's title in the answer's language. */
export const objectiveTitle = (o: Objective, lang: Language): string => (lang === 'es' ? o.titleEs : o.titleEn);

/** An agency's full name in the answer's language (its English one where it has no Spanish name). */
export const agencyName = (a: Agency, lang: Language): string => (lang === 'es' ? (a.nameEs ?? a.nameEn) : a.nameEn);

/** `2026-11-23 20:41 UTC` from an ISO instant. */
export const importedAt = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** "lac-2023-2024 ended on 31 December 2024; the next plan, lac-2025-2026, starts on 1 March 2025." */
export function betweenPlans(previous: { title: string; periodEnd: string }, next: { title: string; periodStart: string }, lang: Language): string {
  return messages(lang).plans.between(esc(previous.title), formatDate(previous.periodEnd, lang), esc(next.title), formatDate(next.periodStart, lang));
}

/** The small print under an answer whose plan or profile texts are the project's translation (labels.ts translationNote), else null. */
export function answerTranslationNote(answer: Answer): string | null {
  const note = translationNote(answer.lang, 'plan' in answer ? answer.plan : null, answer.kind === 'agency' && answer.agency.profile !== null);
  return note && showsPlanTexts(answer) ? note : null;
}
