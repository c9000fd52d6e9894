import ICAL from 'ical.js';

/** One VEVENT as an independent parser (ical.js) reads it. */
export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  /** The start as an ISO date, and whether it is a date (all-day) rather than a date-time. */
  start: string;
  allDay: boolean;
  sequence: number;
  status: string;
  lastModified: string | null;
  stamp: string;
}

/** Parses an iCalendar file with ical.js (throws on a malformed one) and returns its name and events. */
export function parseIcs(text: string): { name: string | null; events: ParsedEvent[] } {
  const cal = new ICAL.Component(ICAL.parse(text));
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
    const lastModified = v.getFirstPropertyValue('last-modified') as ICAL.Time | null;
    return {
      uid: String(v.getFirstPropertyValue('uid')),
      summary: String(v.getFirstPropertyValue('summary')),
      description: String(v.getFirstPropertyValue('description') ?? ''),
      start: start.toString().slice(0, 10),
      allDay: start.isDate,
      sequence: Number(v.getFirstPropertyValue('sequence') ?? 0),
      status: String(v.getFirstPropertyValue('status') ?? ''),
      lastModified: lastModified ? lastModified.toString() : null,
      stamp: String((v.getFirstPropertyValue('dtstamp') as ICAL.Time).toString()),
    };
  });
  const name = cal.getFirstPropertyValue('x-wr-calname');
  return { name: name === null ? null : String(name), events };
}

/** The event of one occurrence, by its UID's occurrence key. */
export function eventOf(events: ParsedEvent[], key: string): ParsedEvent {
  const found = events.filter((e) => e.uid === `lac-2023-2024.${key}@gcm-workplan-bot`);
  if (found.length !== 1) throw new Error(`${found.length} events for ${key}`);
  return found[0]!;
}
