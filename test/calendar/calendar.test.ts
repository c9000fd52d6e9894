import { describe, expect, it } from 'vitest';
import { planCalendar, resolveCalendarFilter, type CalendarFilter } from '../../src/domain/calendar.js';
import { planOccurrences } from '../../src/domain/occurrences.js';
import { checkStatusUpdate, NOTE_MAX } from '../../src/domain/status.js';
import type { Context } from '../../src/domain/ports.js';
import type { Language } from '../../src/domain/types.js';
import { calendarIcs, calendarLimits } from '../../src/views/calendar-view.js';
import type { Stores } from '../../src/stores.js';
import { contextAt, loadedStores } from '../helpers/stores.js';
import { eventOf, parseIcs } from './ics.js';

const planId = 'lac-2023-2024';
const now = '2024-04-24T10:00:00';

function feed(stores: Stores, lang: Language = 'en', filter: CalendarFilter = {}, ctx: Context = contextAt(stores, now)) {
  const plan = stores.plans.plan(planId)!;
  return calendarIcs(planCalendar(ctx, plan, filter), lang, stores.directory());
}

/** Writes a status change through the domain's own check, as the Update modal does. */
function changeStatus(stores: Stores, key: string, status: string, extra: { date?: string; note?: string; link?: string } = {}, when = now) {
  const ctx = contextAt(stores, when);
  const checked = checkStatusUpdate(ctx, { planId, key, status, ...extra });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  stores.state.changeStatus({ ...checked.change, by: 'U0COCHAIR', source: 'test', at: ctx.now.toUTC().toISO()! });
}

describe('the calendar file of the bundled plan', () => {
  it('parses with ical.js, one all-day event per dated occurrence, each once, with a UID of its plan and occurrence', () => {
    const stores = loadedStores();
    const plan = stores.plans.plan(planId)!;
    // Counted from the domain, not from the calendar module: every occurrence with a due date.
    const dated = planOccurrences(stores, plan).filter((o) => o.due !== null);
    const { events, name } = parseIcs(feed(stores));
    expect(name).toBe('GCM Work Plan 2023-2024');
    expect(events.length).toBe(dated.length);
    expect(dated.length).toBeGreaterThan(50);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const o of dated) {
      const e = eventOf(events, o.key);
      expect(e.start).toBe(o.due);
      expect(e.allDay).toBe(true);
      expect(e.summary.startsWith(`${o.activityId} · `)).toBe(true);
    }
    // An activity with no date in the plan has no event.
    const undated = planOccurrences(stores, plan).filter((o) => o.due === null);
    for (const o of undated) expect(events.some((e) => e.uid.includes(`.${o.key}@`))).toBe(false);
  });

  it('names the occurrence in the summary, and says who leads and supports, the schedule as the plan words it, and the status', () => {
    const stores = loadedStores();
    const e = eventOf(parseIcs(feed(stores)).events, 'B1.2@2024-05');
    expect(e.summary).toBe('B1.2 · Organize quarterly meetings of the Regional Network for coordination and information exchange (May 2024)');
    expect(e.description).toContain('Led by: IOM and ECLAC');
    expect(e.description).toContain('Supported by: the Network (all member agencies)');
    expect(e.description).toContain('Schedule in the plan: "May, August, November, and February"');
    expect(e.description).toContain('Status: planned');
    expect(e.status).toBe('CONFIRMED');
    expect(e.sequence).toBe(0);
    expect(e.lastModified).toBeNull();
  });

  it('is the same bytes for the same data (a stable ETag), whatever the hour it is made', () => {
    const stores = loadedStores();
    expect(feed(stores, 'en', {}, contextAt(stores, '2024-04-24T10:00:00'))).toBe(feed(stores, 'en', {}, contextAt(stores, '2024-04-25T18:30:00')));
  });

  it('marks a tentative date TENTATIVE (T1.1, 30 or 31 August 2023)', () => {
    const e = eventOf(parseIcs(feed(loadedStores())).events, 'T1.1');
    expect(e.status).toBe('TENTATIVE');
    expect(e.start).toBe('2023-08-30');
  });
});

describe('dates and statuses move events, same UID, higher SEQUENCE', () => {
  it("a meeting's date set by the co-chairs moves its event, raises SEQUENCE and sets LAST-MODIFIED", () => {
    const stores = loadedStores();
    const before = eventOf(parseIcs(feed(stores)).events, 'B1.2@2024-05');
    stores.state.setMeetingDate(planId, 'B1.2', 'B1.2@2024-05', '2024-05-14', { userId: 'U0COCHAIR', source: 'test' }, '2024-04-24T14:00:00.000Z');
    const after = eventOf(parseIcs(feed(stores)).events, 'B1.2@2024-05');
    expect([before.start, after.start]).toEqual(['2024-05-01', '2024-05-14']);
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.lastModified).toBe('2024-04-24T14:00:00Z');
    expect(after.description).toContain('date set by the co-chairs: 14 May 2024');
  });

  it('postponing moves the event to the new date and raises SEQUENCE again; the note and its links are in the description', () => {
    const stores = loadedStores();
    changeStatus(stores, 'B1.3@2024-04', 'postponed', {
      date: '2024-05-20',
      note: 'Waiting for the pledging form; see the draft',
      link: 'https://example.org/draft',
    });
    const first = eventOf(parseIcs(feed(stores)).events, 'B1.3@2024-04');
    expect(first.start).toBe('2024-05-20');
    expect(first.sequence).toBe(1);
    expect(first.description).toContain('Status: postponed (new date 20 May 2024)');
    expect(first.description).toContain('Last note (24 April 2024): Waiting for the pledging form; see the draft');
    expect(first.description).toContain('Links: https://example.org/draft');
    changeStatus(stores, 'B1.3@2024-04', 'postponed', { date: '2024-06-03' }, '2024-04-25T09:00:00');
    const second = eventOf(parseIcs(feed(stores)).events, 'B1.3@2024-04');
    expect(second.start).toBe('2024-06-03');
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBe(2);
    expect(second.lastModified! > first.lastModified!).toBe(true);
    // The latest change carries no note: the last note is still the one written before.
    expect(second.description).toContain('Last note (24 April 2024)');
  });

  it('a cancelled occurrence is STATUS:CANCELLED and says so in its summary; a done one is marked done', () => {
    const stores = loadedStores();
    changeStatus(stores, 'B1.4@2024-05', 'cancelled');
    stores.state.markDone(planId, 'B1.4', 'B1.4@2024-03', { userId: 'U0COCHAIR', source: 'test' }, '2024-04-02T12:00:00.000Z');
    const { events } = parseIcs(feed(stores));
    const cancelled = eventOf(events, 'B1.4@2024-05');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.summary.startsWith('[cancelled] B1.4 · ')).toBe(true);
    const done = eventOf(events, 'B1.4@2024-03');
    expect(done.summary.startsWith('[done] B1.4 · ')).toBe(true);
    expect(done.status).toBe('CONFIRMED');
    expect(done.sequence).toBe(1);
    expect(eventOf(events, 'B1.4@2024-04').summary.startsWith('B1.4 · ')).toBe(true);
  });
});

describe('filters and language', () => {
  it('one agency: IOM and OIM (its Spanish acronym) give the same events, those of the activities that name IOM as lead or support', () => {
    const stores = loadedStores();
    const ctx = contextAt(stores, now);
    const plan = stores.plans.plan(planId)!;
    const byId = resolveCalendarFilter(ctx, plan, { agency: 'IOM' });
    const byEs = resolveCalendarFilter(ctx, plan, { agency: 'OIM' });
    expect(byId).toEqual({ ok: true, filter: { agency: 'IOM' } });
    expect(byEs).toEqual(byId);
    const iom = parseIcs(feed(stores, 'en', { agency: 'IOM' })).events;
    const all = parseIcs(feed(stores)).events;
    expect(iom.length).toBeGreaterThan(0);
    expect(iom.length).toBeLessThan(all.length);
    const expected = stores.plans
      .activities(planId)
      .filter((a) => a.lead.agencies.includes('IOM') || a.support.agencies.includes('IOM'))
      .map((a) => a.id);
    expect(new Set(iom.map((e) => e.summary.split(' · ')[0]))).toEqual(new Set(expected.filter((id) => all.some((e) => e.summary.startsWith(`${id} · `)))));
  });

  it('one priority keeps only its activities; an unknown agency or priority is refused', () => {
    const stores = loadedStores();
    const ctx = contextAt(stores, now);
    const plan = stores.plans.plan(planId)!;
    const b1 = parseIcs(feed(stores, 'en', { priority: 'B1' })).events;
    expect(b1.length).toBeGreaterThan(0);
    expect(b1.every((e) => e.summary.startsWith('B1.'))).toBe(true);
    expect(resolveCalendarFilter(ctx, plan, { priority: 'basic 1' })).toEqual({ ok: true, filter: { priority: 'B1' } });
    expect(resolveCalendarFilter(ctx, plan, { agency: 'NOPE' })).toEqual({ ok: false, error: { code: 'agency_missing', given: 'NOPE' } });
    expect(resolveCalendarFilter(ctx, plan, { priority: 'B9' }).ok).toBe(false);
  });

  it('in Spanish: the Spanish texts of the plan, agencies by their Spanish acronyms, Spanish labels and statuses', () => {
    const stores = loadedStores();
    changeStatus(stores, 'B1.2@2024-05', 'cancelled');
    const { events, name } = parseIcs(feed(stores, 'es', { agency: 'IOM' }));
    expect(name).toBe('GCM Plan de Trabajo 2023-2024 · OIM (IOM)');
    const e = eventOf(events, 'B1.2@2024-05');
    expect(e.summary).toBe(
      '[cancelada] B1.2 · Organizar reuniones trimestrales de la Red Regional para la coordinación y el intercambio de información (mayo de 2024)',
    );
    expect(e.description).toContain('A cargo de: OIM (IOM) y CEPAL (ECLAC)');
    expect(e.description).toContain('Estado: cancelada');
  });
});

describe('texts within calendars’ limits', () => {
  it('a long activity text and a note full of escapes are cut at a word with "…", and the file still parses to the same text', () => {
    const stores = loadedStores();
    const plan = stores.plans.plan(planId)!;
    const cal = planCalendar(contextAt(stores, now), plan, { priority: 'B1' });
    const long = `${'Coordinate; the regional, network\\ meeting '.repeat(200)}end`;
    const note = `${'semicolons; commas, back\\slashes '.repeat(40)}`.slice(0, NOTE_MAX);
    const entry = cal.entries[0]!;
    const big = { ...cal, entries: [{ ...entry, activity: { ...entry.activity, text: long }, note: { note, links: [], at: '2024-04-24T14:00:00.000Z' } }] };
    const ics = calendarIcs(big, 'en', stores.directory());
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    const [e] = parseIcs(ics).events;
    expect(e!.summary.length).toBeLessThanOrEqual(calendarLimits.summary);
    expect(e!.summary).toMatch(/… \(|…$/);
    expect(e!.description.length).toBeLessThanOrEqual(calendarLimits.description);
    expect(e!.description.endsWith('…')).toBe(true);
    // Cut at a word: every word before the ellipsis is whole.
    expect(e!.description).toContain('Coordinate; the regional, network\\ meeting');
    // (clip drops the punctuation a cut leaves at the end: "regional," ends as "regional…")
    expect(e!.description.replace(/…$/, '').split(/\s+/).at(-1)).toMatch(/^(Coordinate|the|regional|network\\|meeting|semicolons|commas|back\\slashes|end)$/);
  });
});
