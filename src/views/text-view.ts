import type { Answer, ActivityState, Audience } from '../domain/answers.js';
import { formatDate, messages, periodText } from '../i18n/messages.js';
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
  dueOnText,
} from './labels.js';
import type { AgencyDirectory } from '../domain/types.js';
import { betweenPlans, importedAt } from './message-view.js';
import { clip } from './blocks.js';
import { noteShown, statusCounts, statusWords, textChangeLine } from './status-view.js';

const bullet = (s: string) => `  • ${s}`;
/** The terminal (`npm run ask`) may show the command that loads a plan. */
const terminal: Audience = { kind: 'terminal' };

function activityLine(s: ActivityState, answer: Answer, dir: AgencyDirectory): string[] {
  const m = messages(answer.lang);
  const a = s.activity;
  return [
    bullet(`${a.id}  ${activityText(a, answer.lang)}`),
    `      ${m.lead}: ${leadText(a, answer.lang, dir)} · ${m.when}: ${whenText(a, answer.lang)} · ${statusText(s, answer.lang)}`,
    ...(a.note ? [`      ${m.sourceNote}: ${noteText(a, answer.lang)}`] : []),
  ];
}

/** Renders an answer as plain text for the terminal (`npm run ask`). Pure. */
export function renderText(answer: Answer, dir: AgencyDirectory): string {
  const m = messages(answer.lang);
  const lang = answer.lang;
  const out: string[] = [];
  const planLine = (p: { title: string; titleEs: string | null; periodStart: string; periodEnd: string }) =>
    m.planLine(planTitle(p, lang), formatDate(p.periodStart, lang), formatDate(p.periodEnd, lang));
  switch (answer.kind) {
    case 'help': {
      const width = Math.max(20, ...answer.lines.map((l) => l.usage.length));
      out.push(`${m.helpTitle}:`, ...answer.lines.map((l) => `  ${l.usage.padEnd(width)} ${l.text}`), '', m.helpFooter(answer.twins.join(', ')));
      break;
    }
    case 'objective': {
      const o = answer.objective;
      out.push(`${m.objectiveTitleIntro} ${o.number}: ${lang === 'es' ? o.titleEs : o.titleEn}`, planLine(answer.plan), '');
      if (answer.priorities.length === 0) out.push(m.noPriorityCites(o.number, planTitle(answer.plan, lang)));
      else out.push(`${m.prioritiesCiting(o.number)}:`);
      for (const { priority, activities, total } of answer.priorities) {
        out.push('', `${m.priorityKind[priority.kind]} ${priority.id}: ${priorityTitle(priority, lang)}`);
        if (priority.objectives.length > 0) out.push(`  ${m.gcmObjectives}: ${priority.objectives.join(', ')}`);
        for (const s of activities) out.push(...activityLine(s, answer, dir));
        if (total > activities.length) out.push(`  ${m.andMore(total - activities.length)}`);
      }
      break;
    }
    case 'objectives':
      out.push(`${m.objectives}:`);
      for (const { objective: o, priorities } of answer.objectives) {
        out.push(`  ${String(o.number).padStart(2)}. ${lang === 'es' ? o.titleEs : o.titleEn}${priorities.length ? `  [${priorities.join(', ')}]` : ''}`);
      }
      break;
    case 'activity': {
      if (answer.items.length > 1) out.push(m.ambiguousActivity(answer.items[0]!.state.activity.number), '');
      answer.items.forEach(({ state: s, priority }, i) => {
        const a = s.activity;
        if (i > 0) out.push('');
        out.push(`${m.activity} ${a.id} (${m.priorityKind[priority.kind]} ${priority.id}: ${priorityTitle(priority, lang)})`);
        out.push(activityText(a, lang));
        out.push(`${m.lead}: ${leadText(a, lang, dir)}`);
        out.push(`${m.support}: ${supportText(a, lang, dir)}`);
        out.push(`${m.when}: ${whenText(a, lang)}`);
        if (a.references.length > 0) out.push(`${m.references}: ${a.references.join('; ')}`);
        out.push(`${m.occurrences} (${statusText(s, lang)}):`);
        for (const o of s.occurrences) {
          const c = s.statuses.get(o.key);
          out.push(bullet(`${occurrenceName(o, lang)}: ${dueOnText(o, lang)} · ${statusWords(o, lang)}`));
          // In the terminal a note is plain text: shown as written, on one line, clipped.
          if (c?.note) out.push(`      ${clip(c.note.replace(/\s*\n\s*/g, ' '), noteShown)}`);
          if (c?.links.length) out.push(`      ${m.statuses.links}: ${c.links.join(' ')}`);
          for (const h of s.history?.get(o.key) ?? []) out.push(`      ${textChangeLine(h, lang)}`);
        }
        if (a.note) out.push(`${m.sourceNote}: ${noteText(a, lang)}`);
      });
      break;
    }
    case 'agency': {
      const a = answer.agency;
      const name = lang === 'es' ? (a.nameEs ?? a.nameEn) : a.nameEn;
      out.push(`${agencyLabel(a.id, lang, dir)}: ${name}`);
      if (!answer.member) out.push(m.notMember);
      out.push('', `${m.leads} (${answer.leadsTotal}):`);
      if (answer.leadsTotal === 0) out.push(`  ${m.nothingLed}`);
      for (const s of answer.leads) out.push(...activityLine(s, answer, dir));
      if (answer.leadsTotal > answer.leads.length) out.push(`  ${m.andMore(answer.leadsTotal - answer.leads.length)}`);
      out.push('', `${m.supports} (${answer.supportsTotal}):`);
      if (answer.supportsTotal === 0) out.push(`  ${m.nothingSupported}`);
      for (const s of answer.supports) out.push(...activityLine(s, answer, dir));
      if (answer.supportsTotal > answer.supports.length) out.push(`  ${m.andMore(answer.supportsTotal - answer.supports.length)}`);
      if (answer.member) out.push(`  ${m.networkSupported(answer.networkSupported)}`);
      out.push('');
      if (a.profile) {
        const p = profileTexts(a.profile, lang);
        out.push(`${m.mandate}: ${p.mandate}`, `${m.migrationWork}: ${p.migrationWork}`, `(${p.translated ? m.profileSourceTranslated : m.profileSource})`);
      } else out.push(m.noProfile(a.id));
      out.push('');
      if (answer.marks.length === 0) out.push(m.matrixNone);
      else out.push(`${m.matrix}:`, ...answer.marks.map((k) => bullet(`${k.issueNumber}. ${lang === 'es' && k.issueEs ? k.issueEs : k.issue} (${k.mark})`)));
      if (a.note) out.push('', `${m.note}: ${a.note}`);
      break;
    }
    case 'agencies':
      out.push(answer.query ? m.agencyChoices(answer.query) : `${m.agencyList}:`);
      for (const a of answer.agencies) out.push(bullet(`${agencyLabel(a.id, lang, dir)}: ${lang === 'es' ? (a.nameEs ?? a.nameEn) : a.nameEn}`));
      break;
    case 'priority': {
      const p = answer.priority;
      out.push(`${m.priorityKind[p.kind]} ${p.id}: ${priorityTitle(p, lang)}`, priorityText(p, lang));
      if (p.objectives.length > 0) out.push(`${m.gcmObjectives}: ${p.objectives.join(', ')}`);
      if (p.note) out.push(`${m.sourceNote}: ${noteText(p, lang)}`);
      out.push('', `${m.activitiesHeading}:`);
      for (const s of answer.activities) out.push(...activityLine(s, answer, dir));
      if (answer.total > answer.activities.length) out.push(`  ${m.andMore(answer.total - answer.activities.length)}`);
      break;
    }
    case 'priorities':
      out.push(`${m.prioritiesHeading} (${planLine(answer.plan)}):`);
      for (const { priority: p, activities } of answer.priorities) {
        out.push(
          bullet(
            `${p.id} ${m.priorityKind[p.kind]}: ${priorityTitle(p, lang)} (${m.activitiesCount(activities)}${p.objectives.length ? `; ${m.gcmObjectives.toLowerCase()} ${p.objectives.join(', ')}` : ''})`,
          ),
        );
      }
      break;
    case 'search':
      if (answer.hits.length === 0) out.push(m.noResults(answer.query));
      else
        out.push(
          `${m.searchResults(answer.query, answer.hits.length)}:`,
          ...answer.hits.map((h) => bullet(`${m.kinds[h.kind]} ${h.title}${h.snippet && !h.title.includes(h.snippet) ? ` — ${h.snippet}` : ''}`)),
        );
      break;
    case 'upcoming':
      out.push(`${m.upcoming} (${planLine(answer.plan)}):`);
      if (answer.ended) out.push(m.planEnded(formatDate(answer.plan.periodEnd, lang), terminal));
      else {
        if (answer.previous) out.push(betweenPlans(answer.previous, answer.plan, lang));
        else if (answer.notStarted) out.push(m.planNotStarted(formatDate(answer.plan.periodStart, lang)));
        if (answer.items.length === 0) out.push(m.nothingUpcoming);
        for (const { occurrence: o, activity: a } of answer.items) {
          out.push(bullet(`${dueText(o, lang)}: ${occurrenceName(o, lang)}  ${activityText(a, lang)}`), `      ${m.lead}: ${leadText(a, lang, dir)}`);
        }
      }
      break;
    case 'plans':
      out.push(`${m.plans.title}:`);
      for (const p of answer.plans) {
        out.push(
          bullet(`${p.id}${p.id === answer.currentId ? ` (${m.plans.current})` : ''}  ${p.title}`),
          `      ${m.plans.period(formatDate(p.periodStart, lang), formatDate(p.periodEnd, lang))} · ${m.plans.imported(importedAt(p.importedAt), p.filePath)}`,
        );
      }
      out.push('', m.plans.hint);
      break;
    case 'principles':
      out.push(`${m.principles}:`, ...answer.principles.map((p) => `  (${p.item}) ${lang === 'es' ? p.nameEs : p.nameEn}`));
      break;
    case 'progress':
      out.push(`${m.progress} (${planLine(answer.plan)}):`);
      for (const p of answer.priorities) {
        out.push(
          bullet(
            `${p.priority.id} ${priorityTitle(p.priority, lang)}: ${m.progressLine(p.activitiesDone, p.activities)} (${m.occurrencesLine(p.occurrencesDone, p.occurrences)})`,
          ),
          `      ${statusCounts(p.byStatus, lang)}`,
        );
      }
      break;
    case 'due': {
      out.push(`${m.dueIn(periodText(answer.period, lang))} (${planLine(answer.plan)}):`);
      if (answer.items.length === 0) out.push(m.nothingDue);
      for (const { occurrence: o, activity: a, done } of answer.items) {
        out.push(
          bullet(
            `${dueText(o, lang)}: ${occurrenceName(o, lang)}  ${activityText(a, lang)}${done ? ` · ${m.status.done}` : o.status === 'planned' ? '' : ` · ${statusWords(o, lang)}`}`,
          ),
          `      ${m.lead}: ${leadText(a, lang, dir)}`,
        );
      }
      break;
    }
    case 'choices':
      out.push(m.didYouMean(answer.given), ...answer.options.map((o) => bullet(`${o.label}: ${o.command}`)));
      break;
    case 'understood':
      out.push(m.understood(answer.understood), '', renderText(answer.answer, dir));
      break;
    case 'error':
      out.push(m.error(answer.error, terminal));
      break;
  }
  const note = translationNote(lang, 'plan' in answer ? answer.plan : null, answer.kind === 'agency' && answer.agency.profile !== null);
  if (note && showsPlanTexts(answer)) out.push('', `(${note})`);
  return out.join('\n');
}
