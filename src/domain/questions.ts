import { STATUS_KEYS, type Language, type Activity, type Agency, type Occurrence, type PlanInfo, type StatusKey } from './types.js';
import type { Context, ListedActivity, LoadedPlan, PlanReader } from './ports.js';
import { listLimit, type Answer, type ActivityState, type AnswerError, type PriorityProgress, type UpcomingItem, type Understood } from './answers.js';
import { closest, isKnownWord, readQuestion, topicOf, type Intent, type Period } from './intents.js';
import { periodOf } from './periods.js';
import { inPlanWords } from './thesaurus.js';
import {
  activitiesAbout,
  absentSubject,
  agenciesNamed,
  agencyByNameWords,
  isAbsentWord,
  listed,
  names,
  namesOneThing,
  namesPlace,
  objectiveOfTheme,
  places,
  priorityOfTheme,
  sharedActivities,
  themeWords,
  wholeAsked,
  withoutFiller,
} from './plain-words.js';
import { parseActivityRef, parsePriorityRef } from './command.js';
import { containsWords, fold } from './normalize.js';
import { occurrencesOf } from './occurrences.js';

const err = (lang: Language, error: AnswerError): Answer => ({ kind: 'error', lang, error });

/** The plan to answer for: the one whose period contains today, else the latest. Null when none is loaded. */
export function currentPlan(plans: PlanReader, today: string): PlanInfo | null {
  const all = plans.plans();
  return all.find((p) => p.periodStart <= today && today <= p.periodEnd) ?? all[0] ?? null;
}

/** An activity's occurrences in its plan's period and its completion marks: its own rows read, not the plan's. */
export function activityState(ctx: Context, plan: PlanInfo, activity: Activity): ActivityState {
  const { state } = ctx;
  const statuses = state.statusesOf(plan.id, activity.id);
  const occurrences = occurrencesOf(activity, plan, state.meetingDatesOf(plan.id, activity.id), statuses);
  return { activity, occurrences, done: keysOf(occurrences, state.completionsOf(plan.id, activity.id)), statuses: keysOf(occurrences, statuses) };
}

/**
 * No marks: one map shared by every state that has none (read only, as ActivityState's maps are), rather
 * than two new maps per activity listed, about a sixth of what an objective's answer allocated.
 */
const noMarks: ReadonlyMap<string, never> = new Map<string, never>();

/** The entries of `all` whose key is one of `occurrences`' (a mark left by a schedule the plan no longer has is not). */
function keysOf<T>(occurrences: readonly Occurrence[], all: ReadonlyMap<string, T>): ReadonlyMap<string, T> {
  if (all.size === 0) return noMarks;
  const mine = new Map<string, T>();
  for (const o of occurrences) {
    const mark = all.get(o.key);
    if (mark !== undefined) mine.set(o.key, mark);
  }
  return mine.size === 0 ? noMarks : mine;
}

export function states<A extends ListedActivity>(ctx: Context, plan: PlanInfo, activities: A[]): ActivityState<A>[] {
  const dates = ctx.state.meetingDates(plan.id);
  const done = ctx.state.completions(plan.id);
  const statuses = ctx.state.statuses(plan.id);
  return activities.map((activity) => {
    const occurrences = occurrencesOf(activity, plan, dates, statuses);
    return { activity, occurrences, done: keysOf(occurrences, done), statuses: keysOf(occurrences, statuses) };
  });
}

/** An occurrence that is still to happen: neither done nor cancelled (docs/decisions/statuses.md). */
export const isOpen = (o: Occurrence): boolean => o.status !== 'done' && o.status !== 'cancelled';

/**
 * The plan a question or a change is for: the one `plan:ID` named (`ctx.plan`), else the current one. An
 * unknown id is an error listing the loaded ids; no plan at all, the error that none is loaded.
 */
export function chosenPlan(ctx: Context): { ok: true; plan: PlanInfo } | { ok: false; error: AnswerError } {
  if (ctx.plan !== undefined) {
    const named = ctx.plans.plan(ctx.plan);
    if (named) return { ok: true, plan: named };
    return { ok: false, error: { code: 'plan_unknown', given: ctx.plan, known: ctx.plans.plans().map((p) => p.id) } };
  }
  const plan = currentPlan(ctx.plans, ctx.now.toISODate()!);
  return plan ? { ok: true, plan } : { ok: false, error: { code: 'no_plan' } };
}

/** The error for a `plan:ID` that names no loaded plan, checked before any command runs; null when fine. */
export function unknownPlan(ctx: Context): AnswerError | null {
  const chosen = ctx.plan === undefined ? null : chosenPlan(ctx);
  return chosen && !chosen.ok ? chosen.error : null;
}

/** `f`'s answer on the chosen plan (`plan:ID`, else the current one), or why there is none. */
export function onCurrentPlan(ctx: Context, lang: Language, f: (plan: PlanInfo) => Answer): Answer {
  const chosen = chosenPlan(ctx);
  return chosen.ok ? f(chosen.plan) : err(lang, chosen.error);
}

/** Between two plans: the latest plan whose period ended before `today`, when `plan` has not started yet. */
export function previousPlan(plans: PlanReader, plan: PlanInfo, today: string): PlanInfo | null {
  if (today >= plan.periodStart) return null;
  return plans.plans().find((p) => p.id !== plan.id && p.periodEnd < today) ?? null;
}

/** `/gcm plan`: the loaded plans, which one is current, and when and from which file each was imported. */
export function plansAnswer(ctx: Context, lang: Language): Answer {
  const today = ctx.now.toISODate()!;
  const plans: LoadedPlan[] = ctx.plans.loadedPlans();
  const current = currentPlan(ctx.plans, today);
  if (plans.length === 0) return err(lang, { code: 'no_plan' });
  return { kind: 'plans', lang, today, plans, currentId: current?.id ?? null, picked: ctx.plan ?? null };
}

export function principlesAnswer(ctx: Context, lang: Language): Answer {
  return { kind: 'principles', lang, principles: ctx.plans.principles() };
}

/** Ranked full-text search; an empty query asks what to search for. */
export function searchAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  return arg === '' ? err(lang, { code: 'search_needed' }) : { kind: 'search', lang, plan, query: arg, hits: ctx.plans.search(plan.id, arg, 10, lang) };
}

/** The answer in `lang` that a command works in Slack only (`npm run ask -- done …`). */
export function slackOnlyAnswer(lang: Language, command: string): Answer {
  return err(lang, { code: 'slack_only', command });
}

/** No keyword: an activity id, a priority id, an objective number or an agency name; else "I don't know". */
export function bareAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  if (parseActivityRef(arg)) return activityAnswer(ctx, plan, arg, lang);
  const pref = parsePriorityRef(arg);
  if (pref && 'id' in pref) return priorityAnswer(ctx, plan, arg, lang);
  if (/^\d+$/.test(arg)) return objectiveAnswer(ctx, plan, arg, lang);
  const agencies = findAgencies(ctx.plans, arg);
  if (agencies.length > 0) return agencyAnswer(ctx, plan, arg, lang);
  return plainWordsAnswer(ctx, plan, arg, lang);
}

/** An agency's acronym in the answer's language (`OIT` in Spanish, `ILO` in English). */
const shortName = (a: Agency, lang: Language): string => (lang === 'es' && a.acronymEs ? a.acronymEs : a.id);

const understood = (lang: Language, u: Understood, answer: Answer): Answer =>
  answer.kind === 'error' ? answer : { kind: 'understood', lang, understood: u, answer };

/** The activity a question names: by its id (`B1.2`), else the best activity of a search for its topic. */
function activityOfQuestion(ctx: Context, plan: PlanInfo, text: string, topic: string, lang: Language, next = false): Activity | null {
  const ref = /\b([bt])\s?(\d{1,3})\.(\d{1,3})\b/i.exec(text);
  if (ref) return ctx.plans.activity(plan.id, `${ref[1]!.toUpperCase()}${Number(ref[2])}.${Number(ref[3])}`);
  if (topic === '') return null;
  const found = ctx.plans
    .search(plan.id, topic, 12, lang)
    .filter((h) => h.kind === 'activity')
    .map((h) => ctx.plans.activity(plan.id, h.ref))
    .filter((a): a is Activity => a !== null);
  // "the next meeting": among the activities found, the best one with an occurrence still to come.
  const today = ctx.now.toISODate()!;
  const coming = next ? found.find((a) => states(ctx, plan, [a])[0]!.occurrences.some((o) => o.due !== null && o.due >= today)) : undefined;
  return coming ?? found[0] ?? null;
}

/**
 * The agency a question names: an exact name, acronym or alias among its words (the longest first), else a
 * word within a small edit distance of one (`UNISEF`). `typo` says which word was taken for which name.
 */
export function agencyOfQuestion(
  plans: PlanReader,
  topic: string,
): { agency: Agency; typo: { given: string; taken: string } | null } | { choices: string[]; given: string } | null {
  const words = topic.split(' ').filter((w) => w !== '');
  for (let n = Math.min(5, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const ids = plans.agencyIdsByName(words.slice(i, i + n).join(' '));
      if (ids.length === 1) return { agency: plans.agency(ids[0]!)!, typo: null };
    }
  }
  const names = plans.agencyNames().filter((n) => !n.name.includes(' '));
  for (const w of words) {
    const near = [
      ...new Set(
        closest(
          w,
          names.map((n) => n.name),
        ),
      ),
    ];
    const ids = [...new Set(names.filter((n) => near.includes(n.name)).map((n) => n.agencyId))];
    if (ids.length === 1) return { agency: plans.agency(ids[0]!)!, typo: { given: w, taken: ids[0]! } };
    if (ids.length > 1) return { choices: ids, given: w };
  }
  return null;
}

/** What every reader of a plain-word question needs: the question as read, once. */
interface Asked {
  ctx: Context;
  plan: PlanInfo;
  /** The question without its greetings and filler, as written. */
  text: string;
  /** Folded, in the plan's wording (the thesaurus applied). */
  folded: string;
  lang: Language;
  it: Intent;
  /** The agencies it names exactly (acronyms, names, aliases). */
  agencies: Agency[];
  /** The activity id it holds (`[T2.4]`, `T2.4:`), if any: an exact token outranks any guess. */
  ref: string | null;
}

const unknown = (q: Asked): Answer => err(q.lang, { code: 'unknown_command', given: q.text.split(' ')[0] ?? q.text });

/**
 * A question in plain words (`who leads the missing migrants workshop?`, `¿qué vence este mes?`, `what does
 * the ILO have in August 2024?`): greetings and filler taken off, read by intents.ts and plain-words.ts, and
 * answered with the regular view of what it names, headed by what was understood. Nothing recognised: a ranked
 * search of its words; nothing found either: "I don't know", with the commands' hint.
 */
export function plainWordsAnswer(ctx: Context, plan: PlanInfo, arg: string, defaultLang: Language): Answer {
  const text = withoutFiller(arg);
  const { intent: it, lang: asked } = readQuestion(text, ctx.now);
  const folded = inPlanWords(fold(text.replace(/'s\b/g, ' is')));
  const ref = /\b([bt])\s?(\d{1,3})\.(\d{1,3})\b/i.exec(text);
  const q: Asked = {
    ctx,
    plan,
    text,
    folded,
    lang: asked ?? defaultLang,
    it,
    agencies: agenciesNamed(ctx.plans, text, folded),
    ref: ref ? `${ref[1]!.toUpperCase()}${Number(ref[2])}.${Number(ref[3])}` : null,
  };
  return absentAnswer(q) ?? yesNoAnswer(q) ?? sharedAnswer(q) ?? refAnswer(q) ?? priorityThemeAnswer(q) ?? wholeAnswer(q) ?? intentAnswer(q);
}

/** The date (ISO) of an activity's next occurrence still open, due today or later; null when none. */
function nextDue(ctx: Context, plan: PlanInfo, a: Activity): string | null {
  const today = ctx.now.toISODate()!;
  const s = states(ctx, plan, [a])[0]!;
  return s.occurrences.find((o) => o.due !== null && o.due >= today && isOpen(o) && !s.done.has(o.key))?.due ?? null;
}

/** The activity's answer headed by what was asked of it (who, when with its next date, where it stands). */
function activityReply(q: Asked, a: Activity, what: 'who' | 'when' | 'status'): Answer {
  const next = what === 'when' ? nextDue(q.ctx, q.plan, a) : null;
  return understood(q.lang, { what, activity: a.id, ...(next ? { next } : {}) }, activityAnswer(q.ctx, q.plan, a.id, q.lang));
}

/** An activity id in the question: that activity, whatever else the words might suggest. */
function refAnswer(q: Asked): Answer | null {
  if (!q.ref || q.it.intent === 'due') return null;
  const a = q.ctx.plans.activity(q.plan.id, q.ref);
  if (!a) return activityAnswer(q.ctx, q.plan, q.ref, q.lang);
  return activityReply(q, a, q.it.intent === 'who' || q.it.intent === 'when' ? q.it.intent : 'status');
}

/** The topic words of a question, without the words of the agencies it names. */
function topicWithout(q: Asked, agencies: Agency[]): string {
  const nameWords = new Set(agencies.flatMap((g) => fold([g.id, g.acronymEs, g.nameEn, g.nameEs, ...g.aliases].filter(Boolean).join(' ')).split(' ')));
  return themeWords(q.folded)
    .filter((w) => !nameWords.has(w) && !isAbsentWord(w))
    .join(' ');
}

/** The activities a topic finds, best first. */
function activitiesFound(q: Asked, topic: string): Activity[] {
  if (topic === '') return [];
  return q.ctx.plans
    .search(q.plan.id, topic, 12, q.lang)
    .filter((h) => h.kind === 'activity')
    .map((h) => q.ctx.plans.activity(q.plan.id, h.ref))
    .filter((a): a is Activity => a !== null);
}

/** A budget, a venue, an e-mail, a country's programme: the plan does not say; then what it does say about it. */
function absentAnswer(q: Asked): Answer | null {
  const subject = absentSubject(q.folded);
  if (!subject) return null;
  const topic = topicWithout(q, q.agencies);
  if (subject === 'country') {
    const mentioned = q.ctx.plans.activities(q.plan.id).some(
      (a) =>
        namesPlace(`${a.text} ${a.schedule.text}`) &&
        fold(`${a.text} ${a.schedule.text}`)
          .split(' ')
          .some((w) => q.folded.split(' ').includes(w) && places.has(w)),
    );
    return mentioned ? null : understood(q.lang, { what: 'absent', subject }, { kind: 'search', lang: q.lang, plan: q.plan, query: topic, hits: [] });
  }
  const a = q.ref ? q.ctx.plans.activity(q.plan.id, q.ref) : (activitiesFound(q, topic)[0] ?? null);
  if (a && subject === 'venue' && namesPlace(`${a.text} ${a.schedule.text}`)) return activityReply(q, a, 'when');
  if (a) return understood(q.lang, { what: 'absent', subject }, activityAnswer(q.ctx, q.plan, a.id, q.lang));
  const u: Understood = { what: 'absent', subject };
  if (q.agencies.length > 0) return understood(q.lang, u, { kind: 'agencies', lang: q.lang, agencies: q.agencies.slice(0, 1), query: q.agencies[0]!.id });
  return understood(q.lang, u, { kind: 'search', lang: q.lang, plan: q.plan, query: topic, hits: [] });
}

/** Activities naming two agencies or more: `which activities do IOM and ILO share?`. */
function sharedAnswer(q: Asked): Answer | null {
  if (q.agencies.length < 2) return null;
  const found = sharedActivities(q.ctx, q.plan, q.agencies);
  const shown = q.agencies.map((g) => shortName(g, q.lang));
  return listed(q.lang, q.plan, { what: 'shared', agencies: shown, n: found.length }, shown.join(' + '), found);
}

/** `what are the thematic priorities?`, `¿cuántas agencias tiene la red?`, `when does the plan end?`: that list, or the plan. */
function wholeAnswer(q: Asked): Answer | null {
  const { ctx, plan, lang } = q;
  switch (wholeAsked(q.folded)) {
    case 'priorities':
      return priorityAnswer(ctx, plan, '', lang);
    case 'agencies':
      return agencyAnswer(ctx, plan, '', lang);
    // Every objective with the priorities serving it: which ones the plan serves, and which not.
    case 'objectives':
      return objectiveAnswer(ctx, plan, '', lang);
    case 'principles':
      return principlesAnswer(ctx, lang);
    case 'plan':
      return plansAnswer(ctx, lang);
    default:
      return null;
  }
}

/** `the missing migrants priority`, `la prioridad de vías regulares`: that priority, with the objectives it serves. */
function priorityThemeAnswer(q: Asked): Answer | null {
  if (!/\b(priority|priorities|prioridad|prioridades)\b/.test(q.folded)) return null;
  const p = priorityOfTheme(q.ctx.plans.priorities(q.plan.id), themeWords(q.folded));
  if (!p) return null;
  return understood(q.lang, { what: 'priorityTheme', priority: p.id, objectives: p.objectives }, priorityAnswer(q.ctx, q.plan, p.id, q.lang));
}

const yesNoEn = /^(does|do|did|is|are|was|were|has|have|can|will|should)\b/;
const yesNoEsVerbs = /\b(lidera|lideran|participa|participan|esta|estan|apoya|apoyan|sirve|sirven|tiene|tienen|organiza|organizan|incluye|cumple)\b/;
/** A question answered yes or no: `does UNICEF lead…?`, `is there…?`, `¿hay…?`, `¿la OIT participa…?`. */
function isYesNo(q: Asked): boolean {
  if (yesNoEn.test(q.folded)) return true;
  const first = q.folded.split(' ')[0] ?? '';
  if (first === 'hay' || first === 'existe' || first === 'existen') return true;
  const opensWithName = ['el', 'la', 'los', 'las'].includes(first) || q.agencies.some((g) => fold(g.id) === first || fold(g.acronymEs ?? '') === first);
  return /[?¿]/.test(q.text) && opensWithName && yesNoEsVerbs.test(q.folded);
}

/** Yes or no, with the activities that decide it: an objective served, something due then, an agency's part. */
function yesNoAnswer(q: Asked): Answer | null {
  if (!isYesNo(q) || q.it.intent === 'status') return null;
  const yes = (y: boolean, answer: Answer): Answer => understood(q.lang, { what: 'yesno', yes: y }, answer);
  const objective = /\b(?:objective|objetivo)\s+(\d{1,2})\b/.exec(q.folded);
  if (objective)
    return yes(q.ctx.plans.prioritiesForObjective(q.plan.id, Number(objective[1])).length > 0, objectiveAnswer(q.ctx, q.plan, objective[1]!, q.lang));
  const period = periodOf(q.folded, q.ctx.now);
  if (period) {
    const topic = topicWithout(q, q.agencies);
    const found = activitiesFound(q, topic);
    const within = found.length === 0 ? null : new Set(found.map((a) => a.id));
    const due = dueAnswer(q.ctx, q.plan, period, q.lang, (a) => (within === null || within.has(a.id)) && q.agencies.every((g) => names(a, g.id)));
    return yes(due.kind === 'due' && due.items.length > 0, due);
  }
  if (q.agencies.length !== 1) return null;
  const agency = q.agencies[0]!;
  const role = /\b(lead|leads|leading|charge|responsible|lidera|lideran|cargo|encarga)\b/.test(q.folded) ? 'lead' : 'any';
  const found = activitiesFound(q, topicWithout(q, q.agencies));
  if (/\b(anything|something|any|algo|alguna|algun)\b/.test(q.folded)) {
    const mine = found.filter((a) => names(a, agency.id, role));
    return listed(q.lang, q.plan, { what: 'yesno', yes: mine.length > 0 }, shortName(agency, q.lang), mine);
  }
  const a = q.ref ? q.ctx.plans.activity(q.plan.id, q.ref) : (found[0] ?? null);
  return a ? yes(names(a, agency.id, role), activityAnswer(q.ctx, q.plan, a.id, q.lang)) : null;
}

/** The answer by what the question asks (intents.ts): who, when, status, due, an objective, an agency, a theme. */
function intentAnswer(q: Asked): Answer {
  const { it, ctx, plan, lang } = q;
  switch (it.intent) {
    case 'who':
      return whoAnswer(q, it.topic);
    case 'when':
    case 'status': {
      const a = activityOfQuestion(ctx, plan, q.text, it.topic, lang, it.intent === 'when' && it.next);
      if (!a) return searchOf(q, it.topic, 'search') ?? unknown(q);
      if (it.intent === 'status' && isYesNo(q)) {
        const s = activityState(ctx, plan, a);
        return understood(lang, { what: 'yesno', yes: s.occurrences.every((o) => s.done.has(o.key)) }, activityAnswer(ctx, plan, a.id, lang));
      }
      return activityReply(q, a, it.intent);
    }
    case 'due':
      return dueReply(q, it.period);
    case 'objective':
      return understood(lang, { what: 'objective', number: it.number }, objectiveAnswer(ctx, plan, String(it.number), lang));
    default:
      return topicAnswer(q, it.topic, it.intent === 'none' ? 'search' : 'theme');
  }
}

/** The most activities a who-question lists in full (each is several blocks); more are listed as search hits. */
const whoManyMax = 8;

/**
 * Who does something: when its topic is a theme, the GCM objective whose title holds it with the activities
 * serving it (`who does what on data?`); when it is a subject several activities are about, all of them with
 * who leads and supports each (`who works with NGOs?`); else the one activity it names best (`who organizes
 * the quarterly meetings?` names a thing the plan does).
 */
function whoAnswer(q: Asked, topic: string): Answer {
  const words = themeWords(topicWithout(q, q.agencies)).filter((w) => topic.split(' ').includes(w));
  const objective = objectiveOfTheme(q.ctx.plans.objectives(), words);
  if (objective) return objectiveThemeAnswer(q, objective.number);
  const about = activitiesAbout(q.ctx.plans.activities(q.plan.id), words);
  // Shown in the question's own words (`municipios`), not the plan's wording it was read in.
  const u: Understood = { what: 'whoMany', topic: topicOf(fold(q.text), true) || words.join(' '), n: about.length };
  const many = about.length > 1 && !namesOneThing(words);
  if (many && about.length > whoManyMax) return listed(q.lang, q.plan, u, u.topic, about);
  if (many) return understood(q.lang, u, activitiesAnswer(q.ctx, q.plan, about, q.lang));
  // Searched by the words that say what it is about (no period or filler words: `cada mes` is when, not what).
  const a = activityOfQuestion(q.ctx, q.plan, q.text, words.join(' ') || topic, q.lang);
  return a ? activityReply(q, a, 'who') : (searchOf(q, topic, 'search') ?? unknown(q));
}

/** A GCM objective reached by a theme: that objective, or plainly that no activity of the plan serves it. */
function objectiveThemeAnswer(q: Asked, n: number): Answer {
  const served = q.ctx.plans.prioritiesForObjective(q.plan.id, n).length > 0;
  return understood(q.lang, { what: 'objectiveTheme', number: n, served }, objectiveAnswer(q.ctx, q.plan, String(n), q.lang));
}

/** What is due in a period; with one agency named, only what names it (two filters at once). */
function dueReply(q: Asked, period: Period): Answer {
  if (q.agencies.length === 1) {
    const agency = q.agencies[0]!;
    return understood(
      q.lang,
      { what: 'agencyIn', agency: shortName(agency, q.lang) },
      dueAnswer(q.ctx, q.plan, period, q.lang, (a) => names(a, agency.id)),
    );
  }
  return understood(q.lang, { what: 'due' }, dueAnswer(q.ctx, q.plan, period, q.lang));
}

/** A ranked search of a topic, headed by what was understood; null when it finds nothing. */
function searchOf(q: Asked, topic: string, what: 'theme' | 'search'): Answer | null {
  if (topic === '') return null;
  const hits = q.ctx.plans.search(q.plan.id, topic, 10, q.lang);
  return hits.length > 0 ? understood(q.lang, { what, topic }, { kind: 'search', lang: q.lang, plan: q.plan, query: topic, hits }) : null;
}

/**
 * A question about a thing: an agency named exactly; else a theme leading to the GCM objective whose title
 * holds it; else an agency by the words of its full name; else an agency's acronym with a typo (never an
 * ordinary word of either language); else a search.
 */
function topicAnswer(q: Asked, topic: string, what: 'theme' | 'search'): Answer {
  const { ctx, plan, lang } = q;
  const exact = q.agencies[0];
  if (exact) return understood(lang, { what: 'agency', agency: shortName(exact, lang) }, agencyAnswer(ctx, plan, exact.id, lang));
  const words = themeWords(q.folded);
  const objective = objectiveOfTheme(ctx.plans.objectives(), words);
  if (objective) return objectiveThemeAnswer(q, objective.number);
  const vocabulary = planVocabulary(ctx, plan);
  const byName = agencyByNameWords(ctx.plans.agencies(), q.folded.split(' '), (w) => vocabulary.has(w));
  if (byName) return understood(lang, { what: 'agency', agency: shortName(byName, lang) }, agencyAnswer(ctx, plan, byName.id, lang));
  const found = agencyOfQuestion(
    ctx.plans,
    topic
      .split(' ')
      .filter((w) => !isKnownWord(w) && !vocabulary.has(w))
      .join(' '),
  );
  if (found && 'choices' in found)
    return { kind: 'choices', lang, given: found.given, options: found.choices.slice(0, 5).map((id) => ({ label: id, command: id })) };
  if (found) {
    const u: Understood = found.typo
      ? { what: 'typo', given: found.typo.given, taken: shortName(found.agency, lang) }
      : { what: 'agency', agency: shortName(found.agency, lang) };
    return understood(lang, u, agencyAnswer(ctx, plan, found.agency.id, lang));
  }
  return searchOf(q, words.join(' ') || topic, what) ?? searchOf(q, topic, what) ?? unknown(q);
}

/** Every word of the plan's activities and priorities (folded, both languages): ordinary words, never typos of an acronym. */
function planVocabulary(ctx: Context, plan: PlanInfo): Set<string> {
  const texts = [
    ...ctx.plans.activities(plan.id).flatMap((a) => [a.text, a.textEs ?? '']),
    ...ctx.plans.priorities(plan.id).flatMap((p) => [p.title, p.titleEs ?? '', p.text, p.textEs ?? '']),
  ];
  return new Set(fold(texts.join(' ')).split(' '));
}

/** Every occurrence due in a period (done or not; a cancelled one is never due), earliest first. */
export function dueAnswer(ctx: Context, plan: PlanInfo, period: Period, lang: Language, only: (a: Activity) => boolean = () => true): Answer {
  const items: (UpcomingItem & { done: boolean })[] = [];
  for (const s of states(ctx, plan, ctx.plans.activities(plan.id).filter(only))) {
    for (const o of s.occurrences) {
      if (o.due && o.due >= period.from && o.due <= period.to && o.status !== 'cancelled')
        items.push({ occurrence: o, activity: s.activity, done: s.done.has(o.key) });
    }
  }
  items.sort((a, b) => a.occurrence.due!.localeCompare(b.occurrence.due!) || a.occurrence.key.localeCompare(b.occurrence.key));
  return { kind: 'due', lang, plan, period, items: items.slice(0, listLimit) };
}

/** Objective N: its title, the plan's priorities citing it and their activities. Without N: all 23. */
export function objectiveAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  if (arg === '') {
    const objectives = ctx.plans.objectives();
    return {
      kind: 'objectives',
      lang,
      plan,
      objectives: objectives.map((objective) => ({ objective, priorities: ctx.plans.prioritiesForObjective(plan.id, objective.number).map((p) => p.id) })),
    };
  }
  const m = /^(?:n[o°º]\.?\s*|#)?(\d{1,6})$/i.exec(arg.trim());
  const objective = m ? ctx.plans.objective(Number(m[1])) : null;
  if (!objective) return err(lang, { code: 'objective_range', given: arg, max: ctx.plans.objectiveMax() });
  const priorities = ctx.plans.prioritiesForObjective(plan.id, objective.number).map((priority) => ({
    priority,
    activities: states(ctx, plan, ctx.plans.activitiesOfPriority(plan.id, priority.id, listLimit)),
    total: ctx.plans.countActivitiesOfPriority(plan.id, priority.id),
  }));
  return { kind: 'objective', lang, plan, objective, priorities };
}

/** Activity by id or number; a bare number shared by a basic and a thematic activity gives both. */
export function activityAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  if (arg.trim() === '') return err(lang, { code: 'activity_needed' });
  const ref = parseActivityRef(arg);
  if (!ref) return err(lang, { code: 'activity_bad', given: arg });
  const found =
    'id' in ref ? [ctx.plans.activity(plan.id, ref.id)].filter((a): a is Activity => a !== null) : ctx.plans.activitiesByNumber(plan.id, ref.number);
  if (found.length === 0) {
    return err(lang, { code: 'activity_missing', given: 'id' in ref ? ref.id : ref.number, known: activityRanges(ctx.plans.activities(plan.id)) });
  }
  return activitiesAnswer(ctx, plan, found, lang);
}

/** Activities as `activity <id>` shows them: each with its priority, its occurrences and their recent history. */
function activitiesAnswer(ctx: Context, plan: PlanInfo, found: Activity[], lang: Language): Answer {
  return {
    kind: 'activity',
    lang,
    plan,
    today: ctx.now.toISODate()!,
    items: states(ctx, plan, found).map((state) => ({
      state: { ...state, history: new Map([...state.statuses.keys()].map((key) => [key, ctx.state.statusHistory(plan.id, key, 3)])) },
      priority: ctx.plans.priority(plan.id, state.activity.priorityId)!,
    })),
  };
}

/** "B1.1–B1.6" for each priority: what to suggest when an id is unknown. */
function activityRanges(activities: Activity[]): string[] {
  const byPriority = new Map<string, string[]>();
  for (const a of activities) byPriority.set(a.priorityId, [...(byPriority.get(a.priorityId) ?? []), a.id]);
  return [...byPriority.values()].map((ids) => (ids.length === 1 ? ids[0]! : `${ids[0]}–${ids[ids.length - 1]}`));
}

/**
 * Agencies matching a name: an exact name, acronym or alias first (case and accents ignored), else those
 * with a name containing the words as whole words (`MPI` never matches inside `OMPI`).
 */
export function findAgencies(plans: PlanReader, query: string): Agency[] {
  const q = fold(query);
  if (q === '') return [];
  const exact = plans.agencyIdsByName(q);
  if (exact.length > 0) return exact.map((id) => plans.agency(id)!);
  const ids = new Set(
    plans
      .agencyNames()
      .filter((n) => containsWords(n.name, q))
      .map((n) => n.agencyId),
  );
  return plans.agencies().filter((a) => ids.has(a.id));
}

export function agencyAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  if (arg.trim() === '') return { kind: 'agencies', lang, agencies: ctx.plans.agencies().filter((a) => a.roles.some((r) => r !== 'matrix')), query: '' };
  const found = findAgencies(ctx.plans, arg);
  if (found.length === 0) return err(lang, { code: 'agency_missing', given: arg });
  if (found.length > 1) return { kind: 'agencies', lang, agencies: found, query: arg };
  const agency = found[0]!;
  const member = agency.roles.includes('member') || agency.roles.includes('co_lead');
  return {
    kind: 'agency',
    lang,
    plan,
    agency,
    leads: states(ctx, plan, ctx.plans.activitiesOfAgency(plan.id, agency.id, 'lead', listLimit)),
    leadsTotal: ctx.plans.countActivitiesOfAgency(plan.id, agency.id, 'lead'),
    supports: states(ctx, plan, ctx.plans.activitiesOfAgency(plan.id, agency.id, 'support', listLimit)),
    supportsTotal: ctx.plans.countActivitiesOfAgency(plan.id, agency.id, 'support'),
    networkSupported: member ? ctx.plans.networkSupportedCount(plan.id, agency.id) : 0,
    member,
    marks: ctx.plans.matrixMarks(agency.id),
  };
}

export function priorityAnswer(ctx: Context, plan: PlanInfo, arg: string, lang: Language): Answer {
  const all = ctx.plans.priorities(plan.id);
  if (arg.trim() === '') {
    return {
      kind: 'priorities',
      lang,
      plan,
      priorities: all.map((priority) => ({ priority, activities: ctx.plans.countActivitiesOfPriority(plan.id, priority.id) })),
    };
  }
  const ref = parsePriorityRef(arg);
  const matches = !ref ? [] : 'id' in ref ? all.filter((p) => p.id === ref.id) : all.filter((p) => p.id.slice(1) === ref.number);
  if (matches.length === 0) return err(lang, { code: 'priority_missing', given: arg, known: all.map((p) => p.id) });
  if (matches.length > 1) {
    return {
      kind: 'priorities',
      lang,
      plan,
      priorities: matches.map((priority) => ({ priority, activities: ctx.plans.countActivitiesOfPriority(plan.id, priority.id) })),
    };
  }
  const priority = matches[0]!;
  return {
    kind: 'priority',
    lang,
    plan,
    priority,
    activities: states(ctx, plan, ctx.plans.activitiesOfPriority(plan.id, priority.id, listLimit)),
    total: ctx.plans.countActivitiesOfPriority(plan.id, priority.id),
  };
}

/** The next dated occurrences neither done nor cancelled, due today or later (a postponed one on its new date), earliest first. */
export function upcomingItems(ctx: Context, plan: PlanInfo, today: string, limit: number, until?: string): UpcomingItem[] {
  const items: UpcomingItem[] = [];
  for (const s of states(ctx, plan, ctx.plans.activities(plan.id))) {
    for (const o of s.occurrences) {
      if (o.due && o.due >= today && (!until || o.due <= until) && !s.done.has(o.key) && isOpen(o)) items.push({ occurrence: o, activity: s.activity });
    }
  }
  items.sort((a, b) => a.occurrence.due!.localeCompare(b.occurrence.due!) || a.occurrence.key.localeCompare(b.occurrence.key));
  return items.slice(0, limit);
}

export function upcomingAnswer(ctx: Context, plan: PlanInfo, lang: Language, limit: number): Answer {
  const today = ctx.now.toISODate()!;
  return {
    kind: 'upcoming',
    lang,
    plan,
    today,
    items: upcomingItems(ctx, plan, today, limit),
    ended: today > plan.periodEnd,
    notStarted: today < plan.periodStart,
    previous: previousPlan(ctx.plans, plan, today),
  };
}

/** Done out of total per priority: activities (all occurrences done) and occurrences, and occurrences by status. */
export function progressOf(ctx: Context, plan: PlanInfo): PriorityProgress[] {
  const all = states(ctx, plan, ctx.plans.activities(plan.id));
  return ctx.plans.priorities(plan.id).map((priority) => {
    const mine = all.filter((s) => s.activity.priorityId === priority.id);
    const byStatus = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
    for (const s of mine) for (const o of s.occurrences) byStatus[o.status] += 1;
    return {
      priority,
      byStatus,
      activities: mine.length,
      activitiesDone: mine.filter((s) => s.occurrences.every((o) => s.done.has(o.key))).length,
      occurrences: mine.reduce((n, s) => n + s.occurrences.length, 0),
      occurrencesDone: mine.reduce((n, s) => n + s.done.size, 0),
    };
  });
}

export function progressAnswer(ctx: Context, plan: PlanInfo, lang: Language): Answer {
  return { kind: 'progress', lang, plan, priorities: progressOf(ctx, plan), today: ctx.now.toISODate()! };
}
