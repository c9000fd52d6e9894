import type { KnownBlock } from '@slack/types';
import type { Answer, ActivityState, AnswerError, Audience } from '../domain/answers.js';
import { currentOccurrence, lastDone } from '../domain/mark.js';
import { formatDate, formatLabel, messages, periodText } from '../i18n/messages.js';
import type { Occurrence, AgencyDirectory, Language } from '../domain/types.js';
import { actionIds, encodeValue, shareBlockId } from './action-ids.js';
import { actions, button, clip, context, divider, esc, fitBlocks, header, limits, section, bar } from './blocks.js';
import { occurrenceStatusText, statusCounts, statusWords, updateButton } from './status-view.js';
import {
  activityText,
  agencyLabel,
  dueText,
  leadText,
  noteText,
  occurrenceName,
  planTitle,
  priorityText,
  priorityTitle,
  profileTexts,
  statusText,
  supportText,
  showsPlanTexts,
  translationNote,
  whenText,
} from './labels.js';

/** A Slack message: Block Kit with its text fallback (what notifications and screen readers show). */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}

export interface MessageOptions {
  /** The command text this answer is for: buttons carry it to re-answer after a change. */
  command: string;
  /** Show "Share in channel" (ephemeral answers) and "Mark done" buttons. */
  interactive: boolean;
  /** A line shown on top, e.g. who marked what done. */
  notice?: string;
  /** Who reads it, for what to do about the plan file (a member when not given); see `audienceMatters`. */
  audience?: Audience;
}

/** Whether an answer's words depend on who reads it (co-chair or member): no plan loaded, or its period ended. */
export function audienceMatters(answer: Answer): boolean {
  return (answer.kind === 'error' && answer.error.code === 'no_plan') || (answer.kind === 'upcoming' && answer.ended);
}

const activityTextMax = 400;

function activityBlock(s: ActivityState, lang: Answer['lang'], dir: AgencyDirectory): KnownBlock {
  const m = messages(lang);
  const a = s.activity;
  return section(
    `*${a.id}* ${esc(clip(activityText(a, lang), activityTextMax))}\n${m.lead}: ${esc(leadText(a, lang, dir))} · ${m.when}: ${esc(whenText(a, lang))} · _${statusText(s, lang)}_` +
      (a.note ? `\n_${m.sourceNote}: ${esc(clip(noteText(a, lang) ?? '', 300))}_` : ''),
  );
}

function markButtons(s: ActivityState, today: string, opts: MessageOptions, lang: Answer['lang']): KnownBlock[] {
  const m = messages(lang);
  const current = currentOccurrence(s.occurrences, s.done, today);
  const last = lastDone(s.occurrences, s.done);
  const recurring = s.occurrences.length > 1;
  const label = (o: Occurrence) => (recurring && o.label ? ` · ${formatLabel(o.label, lang)}` : '');
  const elements = [];
  if (current)
    elements.push(
      button(`${m.markDone}${label(current)}`, actionIds.markDone, encodeValue({ c: opts.command, l: lang, k: current.key, p: s.activity.planId }), 'primary'),
    );
  if (last) elements.push(button(`${m.reopen}${label(last)}`, actionIds.reopen, encodeValue({ c: opts.command, l: lang, k: last.key, p: s.activity.planId })));
  return elements.length ? [actions(`gcm_mark:${s.activity.id}`, elements)] : [];
}

/** How many occurrences of an activity get a section and an Update button of their own; the others share a list. */
const occurrencesShown = 12;

/**
 * The occurrences of an activity answer, each with its status, last note and links, last three changes and
 * (interactive) an Update button. A long series shows in full those with a status and the nearest still
 * open, up to `occurrencesShown`; the rest in one list.
 */
function occurrenceBlocks(s: ActivityState, today: string, opts: MessageOptions, lang: Answer['lang']): KnownBlock[] {
  const m = messages(lang);
  if (s.occurrences.length === 0) return [section(m.noDate)];
  const open = s.occurrences.filter((o) => o.status !== 'done' && o.status !== 'cancelled' && !s.statuses.has(o.key));
  const nearest = [...open.filter((o) => (o.due ?? '9999') >= today.slice(0, 7)), ...open.filter((o) => (o.due ?? '9999') < today.slice(0, 7)).reverse()];
  const chosen = new Set([...s.occurrences.filter((o) => s.statuses.has(o.key)), ...nearest].slice(0, occurrencesShown).map((o) => o.key));
  const blocks: KnownBlock[] = [];
  const rest: string[] = [];
  for (const o of s.occurrences) {
    if (!chosen.has(o.key)) {
      rest.push(`• ${occurrenceName(o, lang)}: ${dueText(o, lang)} · ${statusWords(o, lang)}`);
      continue;
    }
    const block = section(occurrenceStatusText(o, s, lang));
    blocks.push(opts.interactive ? { ...block, accessory: updateButton(lang, s.activity.planId, o.key, opts.command) } : block);
  }
  if (rest.length) blocks.push(section(`*${m.statuses.otherOccurrences}*\n${rest.join('\n')}`));
  return blocks;
}

/** `2026-11-23 20:41 UTC` from an ISO instant. */
export const importedAt = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** "lac-2023-2024 ended on 31 December 2024; the next plan, lac-2025-2026, starts on 1 March 2025." */
export function betweenPlans(previous: { title: string; periodEnd: string }, next: { title: string; periodStart: string }, lang: Answer['lang']): string {
  return messages(lang).plans.between(esc(previous.title), formatDate(previous.periodEnd, lang), esc(next.title), formatDate(next.periodStart, lang));
}

/** A message of one section of text: an error, a refusal, a short confirmation. */
export function errorMessage(text: string): Message {
  return { text, blocks: [section(text)] };
}

/** The error with what the user typed (`given`) escaped for Slack; the bot's own words and mentions stay as they are. */
export function escapedGiven(error: AnswerError): AnswerError {
  return 'given' in error && typeof error.given === 'string' ? ({ ...error, given: esc(error.given) } as AnswerError) : error;
}

/** An error as a reply in Slack: what the user typed is shown as written and pings nobody. */
export function errorReply(error: AnswerError, lang: Language, audience?: Audience): Message {
  return errorMessage(messages(lang).error(escapedGiven(error), audience));
}

/**
 * Renders an answer as a Slack message: pure, inside Slack's limits whatever the data (50 blocks, 3000
 * characters a section, 150 a header), long lists cut with "…and N more".
 */
export function answerMessage(answer: Answer, dir: AgencyDirectory, opts: MessageOptions): Message {
  if (answer.kind === 'understood') {
    const line = messages(answer.lang).understood(answer.understood);
    return answerMessage(answer.answer, dir, { ...opts, notice: opts.notice ? `${opts.notice}\n${line}` : line });
  }
  const m = messages(answer.lang);
  const lang = answer.lang;
  const body: KnownBlock[] = [];
  const tail: KnownBlock[] = [];
  let fallback = '';
  // The fallback is plain words (titles, what was typed) and is escaped like any text; only no_plan's may mention the co-chairs.
  let fallbackIsMarkup = false;
  switch (answer.kind) {
    case 'help':
      body.push(
        header(m.helpTitle),
        section(answer.lines.map((l) => `\`/gcm ${l.usage}\` ${l.text}`).join('\n')),
        context(m.helpFooter(answer.twins.join(', '))),
      );
      fallback = m.helpTitle;
      break;
    case 'objective': {
      const o = answer.objective;
      const title = lang === 'es' ? o.titleEs : o.titleEn;
      body.push(header(`${m.objectiveTitleIntro} ${o.number}`), section(`*${esc(title)}*`));
      if (answer.priorities.length === 0) body.push(section(m.noPriorityCites(o.number, esc(planTitle(answer.plan, lang)))));
      for (const { priority, activities, total } of answer.priorities) {
        body.push(
          divider(),
          section(
            `*${m.priorityKind[priority.kind]} ${priority.id}:* ${esc(priorityTitle(priority, lang))}\n${m.gcmObjectives}: ${priority.objectives.join(', ')}`,
          ),
        );
        for (const s of activities) body.push(activityBlock(s, lang, dir));
        if (total > activities.length) body.push(context(m.andMore(total - activities.length)));
      }
      fallback = `${m.objectiveTitleIntro} ${o.number}: ${title}`;
      break;
    }
    case 'objectives':
      body.push(
        header(m.objectives),
        section(
          answer.objectives
            .map(
              ({ objective: o, priorities }) =>
                `*${o.number}.* ${esc(lang === 'es' ? o.titleEs : o.titleEn)}${priorities.length ? ` _(${priorities.join(', ')})_` : ''}`,
            )
            .join('\n'),
        ),
      );
      fallback = m.objectives;
      break;
    case 'activity': {
      if (answer.items.length > 1) body.push(section(m.ambiguousActivity(answer.items[0]!.state.activity.number)));
      for (const { state: s, priority } of answer.items) {
        const a = s.activity;
        body.push(
          header(`${m.activity} ${a.id}`),
          context(`${m.priorityKind[priority.kind]} ${priority.id}: ${esc(priorityTitle(priority, lang))}`),
          section(esc(clip(activityText(a, lang), limits.sectionText))),
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: clip(`*${m.lead}*\n${esc(leadText(a, lang, dir))}`, 2000) },
              { type: 'mrkdwn', text: clip(`*${m.support}*\n${esc(supportText(a, lang, dir))}`, 2000) },
              { type: 'mrkdwn', text: clip(`*${m.when}*\n${esc(whenText(a, lang))}`, 2000) },
              { type: 'mrkdwn', text: `*${m.occurrences}*\n${statusText(s, lang)}` },
            ],
          },
        );
        body.push(...occurrenceBlocks(s, answer.today, opts, lang));
        if (a.references.length) body.push(context(`${m.references}: ${esc(clip(a.references.join('; '), 2900))}`));
        if (a.note) body.push(context(`${m.sourceNote}: ${esc(noteText(a, lang) ?? '')}`));
        if (opts.interactive) body.push(...markButtons(s, answer.today, opts, lang));
      }
      fallback = answer.items.map(({ state: s }) => `${s.activity.id}: ${leadText(s.activity, lang, dir)} · ${statusText(s, lang)}`).join('; ');
      break;
    }
    case 'agency': {
      const a = answer.agency;
      const name = lang === 'es' ? (a.nameEs ?? a.nameEn) : a.nameEn;
      body.push(header(`${agencyLabel(a.id, lang, dir)}: ${name}`));
      if (!answer.member) body.push(context(m.notMember));
      body.push(section(`*${m.leads}* (${answer.leadsTotal})${answer.leadsTotal ? '' : `\n${m.nothingLed}`}`));
      const lists: KnownBlock[] = answer.leads.map((s) => activityBlock(s, lang, dir));
      if (answer.leadsTotal > answer.leads.length) lists.push(context(m.andMore(answer.leadsTotal - answer.leads.length)));
      lists.push(section(`*${m.supports}* (${answer.supportsTotal})${answer.supportsTotal ? '' : `\n${m.nothingSupported}`}`));
      lists.push(...answer.supports.map((s) => activityBlock(s, lang, dir)));
      if (answer.supportsTotal > answer.supports.length) lists.push(context(m.andMore(answer.supportsTotal - answer.supports.length)));
      if (answer.member) lists.push(context(m.networkSupported(answer.networkSupported)));
      body.push(...lists);
      tail.push(divider());
      if (a.profile) {
        const p = profileTexts(a.profile, lang);
        tail.push(
          section(`*${m.mandate}:* ${esc(p.mandate)}\n*${m.migrationWork}:* ${esc(p.migrationWork)}`),
          context(p.translated ? m.profileSourceTranslated : m.profileSource),
        );
      } else tail.push(section(m.noProfile(a.id)));
      tail.push(
        answer.marks.length
          ? section(`*${m.matrix}:* ${answer.marks.map((k) => `${esc(lang === 'es' && k.issueEs ? k.issueEs : k.issue)} (${k.mark})`).join(' · ')}`)
          : context(m.matrixNone),
      );
      fallback = `${a.id}: ${name}`;
      break;
    }
    case 'agencies':
      body.push(section(answer.query ? m.agencyChoices(esc(answer.query)) : `*${m.agencyList}*`));
      body.push(
        section(answer.agencies.map((a) => `• *${agencyLabel(a.id, lang, dir)}* ${esc(lang === 'es' ? (a.nameEs ?? a.nameEn) : a.nameEn)}`).join('\n')),
      );
      fallback = answer.query ? m.agencyChoices(answer.query) : m.agencyList;
      break;
    case 'priority': {
      const p = answer.priority;
      body.push(
        header(`${m.priorityKind[p.kind]} ${p.id}`),
        section(
          `*${esc(priorityTitle(p, lang))}*\n${esc(priorityText(p, lang))}${p.objectives.length ? `\n${m.gcmObjectives}: ${p.objectives.join(', ')}` : ''}`,
        ),
      );
      if (p.note) body.push(context(`${m.sourceNote}: ${esc(noteText(p, lang) ?? '')}`));
      body.push(...answer.activities.map((s) => activityBlock(s, lang, dir)));
      if (answer.total > answer.activities.length) body.push(context(m.andMore(answer.total - answer.activities.length)));
      fallback = `${p.id}: ${priorityTitle(p, lang)}`;
      break;
    }
    case 'priorities':
      body.push(
        header(m.prioritiesHeading),
        section(
          answer.priorities
            .map(({ priority: p, activities }) => `*${p.id}* ${m.priorityKind[p.kind]}: ${esc(priorityTitle(p, lang))} _(${m.activitiesCount(activities)})_`)
            .join('\n'),
        ),
      );
      fallback = m.prioritiesHeading;
      break;
    case 'search':
      if (answer.hits.length === 0) body.push(section(esc(m.noResults(answer.query))));
      else {
        body.push(section(`*${esc(m.searchResults(answer.query, answer.hits.length))}*`));
        body.push(...answer.hits.map((h) => section(`*${m.kinds[h.kind]}* ${esc(clip(h.title, 300))}${h.snippet ? `\n${esc(clip(h.snippet, 500))}` : ''}`)));
      }
      fallback = m.searchResults(answer.query, answer.hits.length);
      break;
    case 'upcoming':
      body.push(header(m.upcoming));
      if (answer.ended) body.push(section(m.planEnded(formatDate(answer.plan.periodEnd, lang), opts.audience)));
      else {
        if (answer.previous) body.push(section(betweenPlans(answer.previous, answer.plan, lang)));
        else if (answer.notStarted) body.push(context(m.planNotStarted(formatDate(answer.plan.periodStart, lang))));
        if (answer.items.length === 0) body.push(section(m.nothingUpcoming));
        body.push(
          ...answer.items.map(({ occurrence: o, activity: a }) =>
            section(`*${dueText(o, lang)}* · ${occurrenceName(o, lang)}\n${esc(clip(activityText(a, lang), 300))}\n${m.lead}: ${esc(leadText(a, lang, dir))}`),
          ),
        );
      }
      fallback = m.upcoming;
      break;
    case 'plans':
      body.push(header(m.plans.title));
      body.push(
        ...answer.plans.map((p) =>
          section(
            `*${esc(p.id)}*${p.id === answer.currentId ? ` _(${m.plans.current})_` : ''} ${esc(clip(p.title, 300))}\n${m.plans.period(formatDate(p.periodStart, lang), formatDate(p.periodEnd, lang))} · ${esc(m.plans.imported(importedAt(p.importedAt), clip(p.filePath, 300)))}`,
          ),
        ),
        context(m.plans.hint),
      );
      fallback = m.plans.title;
      break;
    case 'principles':
      body.push(header(m.principles), section(answer.principles.map((p) => `(${p.item}) ${lang === 'es' ? p.nameEs : p.nameEn}`).join('\n')));
      fallback = m.principles;
      break;
    case 'progress':
      body.push(
        header(m.progress),
        context(m.planLine(esc(planTitle(answer.plan, lang)), formatDate(answer.plan.periodStart, lang), formatDate(answer.plan.periodEnd, lang))),
      );
      body.push(
        ...answer.priorities.map((p) =>
          section(
            `*${p.priority.id}* ${esc(clip(priorityTitle(p.priority, lang), 200))}\n\`${bar(p.activitiesDone, p.activities)}\` ${m.progressLine(p.activitiesDone, p.activities)} · ${m.occurrencesLine(p.occurrencesDone, p.occurrences)}\n${statusCounts(p.byStatus, lang)}`,
          ),
        ),
      );
      fallback = m.progress;
      break;
    case 'due': {
      const title = m.dueIn(periodText(answer.period, lang));
      body.push(header(title));
      if (answer.items.length === 0) body.push(section(m.nothingDue));
      body.push(
        ...answer.items.map(({ occurrence: o, activity: a, done }) =>
          section(
            `*${dueText(o, lang)}* · ${occurrenceName(o, lang)}${done ? ` · ✓ ${m.status.done}` : o.status === 'planned' ? '' : ` · ${statusWords(o, lang)}`}\n${esc(clip(activityText(a, lang), 300))}\n${m.lead}: ${esc(leadText(a, lang, dir))}`,
          ),
        ),
      );
      fallback = title;
      break;
    }
    case 'choices':
      body.push(
        section(esc(m.didYouMean(answer.given))),
        actions(
          'gcm_choices',
          answer.options.slice(0, 5).map((o) => button(clip(o.label, 75), actionIds.pickChoice, encodeValue({ c: o.command, l: lang }))),
        ),
      );
      fallback = m.didYouMean(answer.given);
      break;
    case 'error':
      // no_plan quotes nothing the user typed, and may mention the co-chairs: not escaped.
      body.push(section(answer.error.code === 'no_plan' ? m.error(answer.error, opts.audience) : esc(m.error(answer.error))));
      fallback = m.error(answer.error, opts.audience);
      fallbackIsMarkup = answer.error.code === 'no_plan';
      break;
  }
  const note = translationNote(lang, 'plan' in answer ? answer.plan : null, answer.kind === 'agency' && answer.agency.profile !== null);
  if (note && showsPlanTexts(answer)) tail.push(context(note));
  const head: KnownBlock[] = opts.notice ? [context(opts.notice)] : [];
  const share: KnownBlock[] =
    opts.interactive && answer.kind !== 'error' ? [actions(shareBlockId, [button(m.share, actionIds.share, encodeValue({ c: opts.command, l: lang }))])] : [];
  // The lists give way first: the profile (tail) and the share button always fit.
  const blocks = fitBlocks([...head, ...body], limits.messageBlocks, m.andMore, tail.length + share.length);
  return { text: clip(fallbackIsMarkup ? fallback : esc(fallback), limits.fallbackText), blocks: [...blocks, ...tail, ...share] };
}
