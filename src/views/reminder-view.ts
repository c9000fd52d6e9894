import type { ActionsBlock, KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Language, Occurrence, AgencyDirectory } from '../domain/types.js';
import type { UpcomingItem } from '../domain/answers.js';
import { dayGap } from '../domain/day-gap.js';
import type { ReminderContent } from '../domain/reminder-content.js';
import { formatDate, formatLabel, messages } from '../i18n/messages.js';
import { actionIds, encodeValue } from './action-ids.js';
import { actions, button, clip, context, dateToken, esc, fitBlocks, header, limits, section } from './blocks.js';
import { activityText, agencyLabel, dueOnText, dueText, leadText, occurrenceName, supportText, translationNote } from './labels.js';
import type { Message } from './message-view.js';
import { statusWords, updateButton } from './status-view.js';

/** A reminder's content with how to show it: the language, a notice on top, the co-chairs to mention in a follow-up. */
export type ReminderView = ReminderContent & { lang: Language; notice?: string; coChairs?: string[] };

/** The block id of a reminder's buttons: carries the reminder key for the date picker (which has no value). */
export const reminderBlockId = (key: string) => `gcm_reminder|${key}`.slice(0, 255);

/** Epoch seconds of noon on an ISO date in `zone`: a date token shows the same calendar day across the Americas. */
export const noonEpoch = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).set({ hour: 12 }).toSeconds();

type Words = ReturnType<typeof messages>;

/** The reminder's title: a follow-up's, a late reminder's, else the real gap between the day it is drawn and the due date. */
function reminderTitle(r: ReminderView, m: Words): string {
  const o = r.occurrence;
  if (r.followup && o.due) return m.report.followupTitle(formatDate(o.due, r.lang));
  if (r.late) return m.reminder.late(formatDate(r.fireDate, r.lang));
  // A reminder moved off a weekend is further out than its offset: the words come from the two dates.
  return m.reminder.title(o.due ? dayGap(r.today, o.due) : null);
}

/** Who is named: the lead agencies' focal points, and on a follow-up the co-chairs. */
function mentionLines(r: ReminderView, m: Words, dir: AgencyDirectory): string[] {
  const focal = r.focal.map(([agency, users]) => `*${esc(agencyLabel(agency, r.lang, dir))}* ${users.map((u) => `<@${u}>`).join(' ')}`);
  return [
    ...(r.focal.length ? [`${m.report.focalTitle}: ${focal.join(' · ')}`] : []),
    ...(r.followup && r.coChairs?.length ? [m.report.coChairs(r.coChairs.map((u) => `<@${u}>`).join(' '))] : []),
  ];
}

/** Mark done (or Reopen), Update, and for a meeting not done yet the date picker of Set date. */
function reminderActions(r: ReminderView, m: Words): KnownBlock {
  const o = r.occurrence;
  const value = encodeValue({ c: `reminder ${r.reminderKey}`, l: r.lang, k: o.key, p: r.planId });
  const elements: ActionsBlock['elements'] = [r.done ? button(m.reopen, actionIds.reopen, value) : button(m.markDone, actionIds.markDone, value, 'primary')];
  elements.push(updateButton(r.lang, r.planId, o.key, `reminder ${r.reminderKey}`));
  if (r.activity.kind === 'meeting' && !r.done) {
    elements.push({
      type: 'datepicker',
      action_id: actionIds.setDate,
      placeholder: { type: 'plain_text', text: m.setDate },
      ...(o.due ? { initial_date: o.due } : {}),
    });
  }
  return actions(reminderBlockId(r.reminderKey), elements);
}

/** A reminder: what is due and when (a Slack date token), who leads and supports, Mark done and Set date. */
export function reminderMessage(r: ReminderView, dir: AgencyDirectory): Message {
  const m = messages(r.lang);
  const o = r.occurrence;
  const a = r.activity;
  const dueFallback = dueText(o, r.lang);
  const due = o.due ? `${dateToken(noonEpoch(o.due, r.zone), formatDate(o.due, r.lang))}${o.tentative ? ` (${m.reminder.tentative})` : ''}` : m.noDate;
  const title = reminderTitle(r, m);
  const blocks: KnownBlock[] = [];
  if (r.notice) blocks.push(context(r.notice));
  blocks.push(
    header(clip(`${occurrenceName(o, r.lang)}: ${dueOnText(o, r.lang)}`, limits.headerText)),
    section(`*${esc(title)}*\n${esc(clip(activityText(a, r.lang), 2000))}`),
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${m.due}*\n${due}` },
        { type: 'mrkdwn', text: clip(`*${m.lead}*\n${esc(leadText(a, r.lang, dir))}`, 2000) },
        { type: 'mrkdwn', text: clip(`*${m.support}*\n${esc(supportText(a, r.lang, dir))}`, 2000) },
      ],
    },
  );
  const mentions = mentionLines(r, m, dir);
  if (mentions.length) blocks.push(section(clip(mentions.join('\n'), limits.sectionText)));
  if (o.status === 'postponed' || o.status === 'in_progress') blocks.push(context(`_${statusWords(o, r.lang)}_`));
  if (o.dueRule === 'month_start') blocks.push(context(m.reminder.meetingRule));
  // A reminder does not carry its plan: the plan's Spanish is never taken for official here.
  const note = translationNote(r.lang, null);
  if (note) blocks.push(context(note));
  blocks.push(reminderActions(r, m));
  const fallback = `${title} ${occurrenceName(o, r.lang)} (${dueFallback}): ${leadText(a, r.lang, dir)}`;
  return { text: clip(esc(fallback), limits.fallbackText), blocks };
}

/** The weekly digest: what is due in the next `days` days. */
export function digestMessage(items: UpcomingItem[], days: number, lang: Language, zone: string, dir: AgencyDirectory): Message {
  const m = messages(lang);
  const lines = items.map(({ occurrence: o, activity: a }) =>
    section(
      `*${o.due ? dateToken(noonEpoch(o.due, zone), formatDate(o.due, lang)) : m.noDate}* · ${occurrenceName(o, lang)}${o.tentative ? ` (${m.reminder.tentative})` : ''}${o.status === 'planned' ? '' : ` · _${statusWords(o, lang)}_`}\n${esc(clip(activityText(a, lang), 300))}\n${m.lead}: ${esc(leadText(a, lang, dir))}`,
    ),
  );
  const note = lines.length ? translationNote(lang, null) : null;
  const blocks = [
    header(m.reminder.digestTitle(days)),
    ...(lines.length ? fitBlocks(lines, limits.messageBlocks - (note ? 2 : 1), m.andMore) : [section(m.reminder.digestEmpty(days))]),
    ...(note ? [context(note)] : []),
  ];
  return { text: `${m.reminder.digestTitle(days)}: ${items.length}`, blocks };
}

/** "B1.2 · May 2024" for notices. */
export function occurrenceTitle(o: Occurrence, lang: Language): string {
  return o.label ? `${o.activityId} · ${formatLabel(o.label, lang)}` : o.activityId;
}
