import ical, { ICalEventStatus } from 'ical-generator';
import type { CalendarEntry, PlanCalendar } from '../domain/calendar.js';
import type { AgencyDirectory, Language } from '../domain/types.js';
import { formatDate, formatLabel, messages, statusLabel } from '../i18n/messages.js';
import { clip, esc, limits, section } from './blocks.js';
import { activityText, agencyLabel, leadText, planTitle, supportText } from './labels.js';
import type { Message } from './message-view.js';

/**
 * How long texts may be in an event. RFC 5545 sets no limit, but calendars do (and cut or refuse long ones
 * in their own ways): these are the bot's own, conservative bounds, cut at a word with "…" (clip) before
 * ical-generator escapes and folds them, so an escape is never broken.
 */
export const calendarLimits = { summary: 250, activity: 200, description: 4000, note: 1000, links: 10 } as const;

/** The UIDs' fixed suffix: the same on every host, so a subscribed calendar keeps recognising its events. */
export const uidDomain = 'gcm-workplan-bot';

/** `lac-2023-2024.B1.2@2024-05@gcm-workplan-bot`: stable per plan and occurrence, whatever its date or status. */
export const eventUid = (planId: string, occurrenceKey: string) => `${planId}.${occurrenceKey}@${uidDomain}`;

/** `[done] B1.2 · Organize quarterly meetings … (May 2024)`: the activity's text in the language, cut short. */
export function eventSummary(e: CalendarEntry, lang: Language): string {
  const text = clip(activityText(e.activity, lang).replace(/\.\s*$/, ''), calendarLimits.activity);
  const label = e.occurrence.label ? ` (${formatLabel(e.occurrence.label, lang)})` : '';
  const mark = e.status === 'done' || e.status === 'cancelled' ? `[${statusLabel(lang, e.status)}] ` : '';
  return clip(`${mark}${e.activity.id} · ${text}${label}`, calendarLimits.summary);
}

/** Who leads and supports, the plan's wording of the schedule, the status, the last note and its links, the text. */
export function eventDescription(e: CalendarEntry, cal: PlanCalendar, lang: Language, dir: AgencyDirectory): string {
  const m = messages(lang);
  const o = e.occurrence;
  const status =
    e.status === 'postponed'
      ? `${statusLabel(lang, e.status)} (${m.calendar.postponedTo(formatDate(o.due, lang))})`
      : o.dueRule === 'set'
        ? `${statusLabel(lang, e.status)} (${m.calendar.dateSet(formatDate(o.due, lang))})`
        : o.tentative
          ? `${statusLabel(lang, e.status)} (${m.tentative})`
          : statusLabel(lang, e.status);
  const lines = [
    `${m.lead}: ${leadText(e.activity, lang, dir)}`,
    `${m.support}: ${supportText(e.activity, lang, dir)}`,
    `${m.calendar.schedule}: "${e.activity.schedule.text}"`,
    `${m.calendar.status}: ${status}`,
  ];
  if (e.note?.note) lines.push(`${m.calendar.lastNote(formatDate(e.note.at.slice(0, 10), lang))}: ${clip(e.note.note, calendarLimits.note)}`);
  if (e.note && e.note.links.length > 0) lines.push(`${m.calendar.links}: ${e.note.links.slice(0, calendarLimits.links).join(' ')}`);
  lines.push(
    '',
    `${m.calendar.activity} ${e.activity.id}: ${activityText(e.activity, lang)}`,
    `${m.calendar.plan}: ${planTitle(cal.plan, lang)} (${cal.plan.id})`,
  );
  return clip(lines.join('\n'), calendarLimits.description);
}

/** The calendar's name: the plan's title, limited to an agency (named in the language) or a priority. */
export function calendarName(cal: PlanCalendar, lang: Language, dir: AgencyDirectory): string {
  const only = [cal.filter.agency ? agencyLabel(cal.filter.agency, lang, dir) : null, cal.filter.priority ?? null].filter((x) => x !== null);
  return messages(lang).calendar.name(planTitle(cal.plan, lang), only.length ? only.join(' · ') : null);
}

const eventStatus = (e: CalendarEntry): ICalEventStatus =>
  e.status === 'cancelled' ? ICalEventStatus.CANCELLED : e.occurrence.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED;

/**
 * A plan's calendar as an RFC 5545 file: one all-day event per dated occurrence, on its due date. The same
 * data gives the same bytes (DTSTAMP is the entry's last change, else the plan's import), so the feed's ETag
 * only changes when something shown does.
 */
export function calendarIcs(cal: PlanCalendar, lang: Language, dir: AgencyDirectory): string {
  const name = calendarName(cal, lang, dir);
  const calendar = ical({ name, prodId: { company: 'UN Regional Network on Migration LAC', product: 'GCM Work Plan bot', language: lang.toUpperCase() } });
  for (const e of cal.entries) {
    const stamp = e.lastModified ?? cal.importedAt;
    calendar.createEvent({
      id: eventUid(cal.plan.id, e.occurrence.key),
      start: e.occurrence.due,
      allDay: true,
      summary: eventSummary(e, lang),
      description: eventDescription(e, cal, lang, dir),
      sequence: e.sequence,
      stamp,
      ...(e.lastModified ? { lastModified: e.lastModified } : {}),
      status: eventStatus(e),
    });
  }
  return calendar.toString();
}

/** Where the subscription stands for the person asking: an address, or why there is none for them. */
export type Subscription = { kind: 'url'; url: string } | { kind: 'not_served' } | { kind: 'ask_co_chair' } | { kind: 'no_public_url' };

/** `/gcm calendar`'s answer: what the file holds, whether it was attached, and the subscription. */
export function calendarMessage(
  cal: PlanCalendar,
  lang: Language,
  dir: AgencyDirectory,
  attached: boolean,
  sub: Subscription,
  where: string | null = null,
): Message {
  const m = messages(lang).calendar;
  const lines = [m.summary(cal.entries.length, esc(calendarName(cal, lang, dir))), attached ? m.file : m.fileFailed];
  // Where the file went, when not beside this answer (the asker's direct messages).
  if (where) lines.push(where);
  lines.push(
    sub.kind === 'url' ? m.subscribe(esc(sub.url)) : sub.kind === 'not_served' ? m.notServed : sub.kind === 'ask_co_chair' ? m.askCoChair : m.noPublicUrl,
  );
  return { text: clip(lines[0]!.replace(/\*/g, ''), limits.fallbackText), blocks: lines.map((l) => section(l)) };
}

/** The subscription address: the public base, the secret, the agency and the language. */
export function subscriptionUrl(publicUrl: string, token: string, lang: Language, filter: PlanCalendar['filter']): string {
  const query = new URLSearchParams({ ...(filter.agency ? { agency: filter.agency } : {}), ...(filter.priority ? { priority: filter.priority } : {}), lang });
  return `${publicUrl}/calendar/${encodeURIComponent(token)}.ics?${query.toString()}`;
}
