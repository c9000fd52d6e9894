import type { Language, Activity, AgencyDirectory, AgencyProfile, Occurrence, PlanInfo, Priority } from '../domain/types.js';
import type { ActivityState, Answer } from '../domain/answers.js';
import { fold } from '../domain/normalize.js';
import { describeSchedule, formatDate, formatLabel, messages } from '../i18n/messages.js';

/** Agencies by id, for showing names: what the views know of the reference data. */

/** `IOM` in English; `OIM (IOM)` in Spanish where the Spanish acronym differs. */
export function agencyLabel(id: string, lang: Language, dir: AgencyDirectory): string {
  const a = dir.get(id);
  if (lang === 'es' && a?.acronymEs && a.acronymEs !== id) return `${a.acronymEs} (${id})`;
  return id;
}

const saysMore = new WeakMap<AgencyDirectory, Map<string, boolean>>();

/** True when the plan's wording says more than the list of agencies ("(rotating)"). Memoised per directory: pure and hot. */
function wordingSaysMore(wording: string, ids: string[], dir: AgencyDirectory): boolean {
  let memo = saysMore.get(dir);
  if (!memo) {
    memo = new Map();
    saysMore.set(dir, memo);
  }
  const key = `${wording}|${ids.join(',')}`;
  let v = memo.get(key);
  if (v === undefined) {
    v = computeSaysMore(wording, ids, dir);
    if (memo.size > 5000) memo.clear();
    memo.set(key, v);
  }
  return v;
}

function computeSaysMore(wording: string, ids: string[], dir: AgencyDirectory): boolean {
  const known = new Set<string>(['and', 'y']);
  for (const id of ids) {
    const a = dir.get(id);
    for (const n of [id, a?.acronymEs, ...(a?.aliases ?? [])]) if (n) for (const w of fold(n).split(' ')) known.add(w);
  }
  return fold(wording)
    .split(' ')
    .some((w) => w !== '' && !known.has(w));
}

/** Who leads, in words: agency labels, or the plan's wording where it names none or says more. */
export function leadText(a: Pick<Activity, 'lead'>, lang: Language, dir: AgencyDirectory): string {
  const m = messages(lang);
  if (a.lead.agencies.length === 0) return a.lead.wording ? `"${a.lead.wording}"` : m.leadNone;
  const names = m.list(a.lead.agencies.map((id) => agencyLabel(id, lang, dir)));
  return wordingSaysMore(a.lead.wording, a.lead.agencies, dir) ? `${names} (${m.planWording}: "${a.lead.wording}")` : names;
}

/** Who supports, in words: the Network, named agencies, the plan's wording, or none. */
export function supportText(a: Activity, lang: Language, dir: AgencyDirectory): string {
  const m = messages(lang);
  const parts: string[] = [];
  if (a.support.network) parts.push(m.supportNetwork);
  if (a.support.agencies.length > 0) parts.push(m.list(a.support.agencies.map((id) => agencyLabel(id, lang, dir))));
  if (parts.length === 0) return a.support.wording ? `"${a.support.wording}"` : m.supportNone;
  return m.list(parts);
}

/** The activity's text in the answer's language: the plan's English unless a Spanish text is given. */
export function activityText(a: Pick<Activity, 'text' | 'textEs'>, lang: Language): string {
  return lang === 'es' && a.textEs ? a.textEs : a.text;
}

/** The note on the source of an activity or priority in the answer's language: its English unless a Spanish one is given. */
export function noteText(x: { note: string | null; noteEs: string | null }, lang: Language): string | null {
  return lang === 'es' && x.noteEs ? x.noteEs : x.note;
}

/** The plan's title in the answer's language: its English unless a Spanish title is given. */
export function planTitle(p: Pick<PlanInfo, 'title' | 'titleEs'>, lang: Language): string {
  return lang === 'es' && p.titleEs ? p.titleEs : p.title;
}

/** The priority's title in the answer's language: the plan's English unless a Spanish title is given. */
export function priorityTitle(p: Pick<Priority, 'title' | 'titleEs'>, lang: Language): string {
  return lang === 'es' && p.titleEs ? p.titleEs : p.title;
}

/** The priority's text in the answer's language: the plan's English unless a Spanish text is given. */
export function priorityText(p: Pick<Priority, 'text' | 'textEs'>, lang: Language): string {
  return lang === 'es' && p.textEs ? p.textEs : p.text;
}

/** A profile's mandate and migration work in the answer's language: the summary's English unless translated. */
export function profileTexts(p: AgencyProfile, lang: Language): { mandate: string; migrationWork: string; translated: boolean } {
  if (lang === 'es' && p.mandateEs && p.migrationWorkEs) return { mandate: p.mandateEs, migrationWork: p.migrationWorkEs, translated: true };
  return { mandate: p.mandate, migrationWork: p.migrationWork, translated: false };
}

/**
 * The small print a Spanish answer showing texts of the plan or of a profile carries once: they are the project's
 * translation, or the English original where there is none. Null in English, and where the plan's Spanish is
 * official and no profile is shown.
 */
export function translationNote(lang: Language, plan: Pick<PlanInfo, 'translationEs'> | null, showsProfile = false): string | null {
  if (lang !== 'es') return null;
  if (plan?.translationEs === 'official' && !showsProfile) return null;
  return messages(lang).unofficialTranslation;
}

/** "done", "not done" or "3 of 7 done". */
export function statusText(s: Pick<ActivityState, 'occurrences' | 'done'>, lang: Language): string {
  const m = messages(lang);
  const done = s.occurrences.filter((o) => s.done.has(o.key)).length;
  if (s.occurrences.length > 1) return done === s.occurrences.length ? m.status.done : m.status.partial(done, s.occurrences.length);
  return done > 0 ? m.status.done : m.status.open;
}

/** The schedule in words, with the plan's own wording where it differs. */
export function whenText(a: Pick<Activity, 'schedule'>, lang: Language): string {
  const m = messages(lang);
  const described = describeSchedule(a.schedule, lang);
  const wording = a.schedule.text.trim();
  return wording && fold(wording) !== fold(described) ? `${described} (${m.planWording}: "${wording}")` : described;
}

/** "1 May 2024 (tentative)" or "no date in the plan". */
export function dueText(o: Occurrence, lang: Language): string {
  const m = messages(lang);
  if (!o.due) return m.noDate;
  return o.tentative ? `${formatDate(o.due, lang)} (${m.tentative})` : formatDate(o.due, lang);
}

/** `Due 30 June 2024 (tentative)`, or `no date in the plan` (never "Due no date"). */
export function dueOnText(o: Pick<Occurrence, 'due' | 'tentative'>, lang: Language): string {
  return messages(lang).dueOn(o.due ? dueText(o as Occurrence, lang) : null);
}

/** The occurrence's name: "May 2024" for a recurring one, the activity id for a one-off. */
export function occurrenceName(o: Occurrence, lang: Language): string {
  return o.label ? `${o.activityId} · ${formatLabel(o.label, lang)}` : o.activityId;
}

/** True when the answer shows a text of the plan (activity, priority) or of an agency's profile. */
export function showsPlanTexts(answer: Answer): boolean {
  switch (answer.kind) {
    case 'objective':
      return answer.priorities.length > 0;
    case 'coverage':
      return answer.objectives.some((o) => o.priorities.length > 0);
    case 'activity':
    case 'priority':
    case 'priorities':
    case 'progress':
      return true;
    case 'agency':
      return answer.agency.profile !== null || answer.leads.length + answer.supports.length > 0;
    case 'search':
      return answer.hits.some((h) => h.kind === 'activity' || h.kind === 'priority' || h.kind === 'agency');
    case 'upcoming':
      return !answer.ended && answer.items.length > 0;
    default:
      return false;
  }
}
