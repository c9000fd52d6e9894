import type { HomeView, KnownBlock, StaticSelect } from '@slack/types';
import type { PriorityProgress } from '../domain/answers.js';
import type { HomeData } from '../domain/home.js';
import type { Language } from '../domain/types.js';
import { formatDate, messages, statusLabel } from '../i18n/messages.js';
import { actionIds } from './action-ids.js';
import { betweenPlans } from './message-view.js';
import { bar, clip, context, divider, esc, fitBlocks, header, limits, section } from './blocks.js';
import { activityText, agencyLabel, dueText, leadText, occurrenceName, planTitle, priorityTitle, statusText, translationNote } from './labels.js';
import type { AgencyDirectory } from '../domain/types.js';
import { statusCounts, statusOrder, statusWords } from './status-view.js';
import { barChart, type DataVisualizationBlock, type MessageBlock } from './chart.js';

/**
 * The Home's chart: each priority's occurrences by status, one series per status (Slack draws several
 * series as bars grouped by priority). The rows of text under it say the same numbers in words, from the
 * same `progress`, for screen readers. At most 20 priorities fit a chart (Slack's limit); none, no chart.
 */
export function homeProgressChart(progress: PriorityProgress[], lang: Language): DataVisualizationBlock | null {
  if (progress.length === 0) return null;
  const c = messages(lang).homeChart;
  return barChart(
    c.title,
    progress.map((p) => p.priority.id),
    statusOrder.map((k) => ({ name: statusLabel(lang, k), values: progress.map((p) => p.byStatus[k]) })),
    { x: c.axis },
  );
}

/** The App Home tab: progress by priority, the next 30 days, my agency. Pure; at most 100 blocks. */
export function homeView(d: HomeData, dir: AgencyDirectory): HomeView {
  const m = messages(d.lang);
  const lang = d.lang;
  const blocks: MessageBlock[] = [header(m.homeTitle)];
  if (!d.plan) {
    blocks.push(section(m.error({ code: 'no_plan' })));
    return { type: 'home', blocks };
  }
  blocks.push(context(m.planLine(esc(planTitle(d.plan, lang)), formatDate(d.plan.periodStart, lang), formatDate(d.plan.periodEnd, lang))));
  if (d.ended) blocks.push(section(m.planEnded(formatDate(d.plan.periodEnd, lang))));
  if (d.previous) blocks.push(section(betweenPlans(d.previous, d.plan, lang)));

  blocks.push(section(`*${m.progress}*`));
  const chart = homeProgressChart(d.progress, lang);
  if (chart) blocks.push(chart);
  for (const p of d.progress) {
    blocks.push(
      section(
        `*${p.priority.id}* ${esc(clip(priorityTitle(p.priority, lang), 150))}\n\`${bar(p.activitiesDone, p.activities)}\` ${m.progressLine(p.activitiesDone, p.activities)} · ${m.occurrencesLine(p.occurrencesDone, p.occurrences)}\n${statusCounts(p.byStatus, lang)}`,
      ),
    );
  }

  // Said once, under the progress: the titles above and the texts below are the plan's (docs/decisions/language.md).
  const note = d.progress.length > 0 ? translationNote(lang, d.plan) : null;
  if (note) blocks.push(context(note));

  blocks.push(divider(), section(`*${m.homeDue30}*`));
  const due = d.due30.map(({ occurrence: o, activity: a }) =>
    section(
      `*${dueText(o, lang)}* · ${occurrenceName(o, lang)}${o.status === 'planned' ? '' : ` · _${statusWords(o, lang)}_`} ${esc(clip(activityText(a, lang), 200))}\n${m.lead}: ${esc(leadText(a, lang, dir))}`,
    ),
  );
  if (due.length === 0) blocks.push(context(d.ended ? m.planEnded(formatDate(d.plan.periodEnd, lang)) : m.homeNothingDue30));
  blocks.push(...fitBlocks(due, 15, m.andMore));

  const options = d.agencies.slice(0, 100).map((a) => ({
    text: { type: 'plain_text' as const, text: clip(`${agencyLabel(a.id, lang, dir)} · ${lang === 'es' ? (a.nameEs ?? a.nameEn) : a.nameEn}`, 75) },
    value: a.id,
  }));
  const select: StaticSelect = {
    type: 'static_select',
    action_id: actionIds.pickAgency,
    placeholder: { type: 'plain_text', text: m.pickAgency },
    options,
    ...(d.myAgency ? { initial_option: options.find((o) => o.value === d.myAgency!.agency.id) } : {}),
  };
  blocks.push(divider(), { type: 'section', block_id: 'gcm_my_agency', text: { type: 'mrkdwn', text: `*${m.myAgency}*` }, accessory: select });
  if (!d.myAgency) blocks.push(context(m.myAgencyNone));
  else {
    const a = d.myAgency;
    const line = (s: (typeof a.leads)[number]) => section(`*${s.activity.id}* ${esc(clip(activityText(s.activity, lang), 200))} · _${statusText(s, lang)}_`);
    const more = (total: number, shown: number) => (total > shown ? [context(m.andMore(total - shown))] : []);
    const mine: KnownBlock[] = [
      section(`*${m.leads}* (${a.leadsTotal})${a.leadsTotal ? '' : `\n${m.nothingLed}`}`),
      ...a.leads.map(line),
      ...more(a.leadsTotal, a.leads.length),
    ];
    mine.push(
      section(`*${m.supports}* (${a.supportsTotal})${a.supportsTotal ? '' : `\n${m.nothingSupported}`}`),
      ...a.supports.map(line),
      ...more(a.supportsTotal, a.supports.length),
    );
    if (a.member) mine.push(context(m.networkSupported(a.networkSupported)));
    blocks.push(...fitBlocks(mine, limits.homeBlocks - blocks.length, m.andMore));
  }
  return { type: 'home', blocks: fitBlocks(blocks, limits.homeBlocks, m.andMore) };
}
