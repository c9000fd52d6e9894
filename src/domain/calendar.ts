import type { AnswerError } from './answers.js';
import { parsePriorityRef } from './command.js';
import { planOccurrences } from './occurrences.js';
import type { Context } from './ports.js';
import { findAgencies } from './questions.js';
import type { StatusChange, StatusKey } from './status.js';
import type { Activity, Occurrence, PlanInfo } from './types.js';

/** Which occurrences a calendar holds: those of one agency (leading or supporting), of one priority, or all. */
export interface CalendarFilter {
  /** An agency id (`IOM`): activities that name it as lead or supporting agency. */
  agency?: string;
  /** A priority id (`B1`). */
  priority?: string;
}

/** One dated occurrence as a calendar shows it: its activity, its status, its last note, and how often it changed. */
export interface CalendarEntry {
  activity: Activity;
  /** Dated: `due` is never null here. */
  occurrence: Occurrence & { due: string };
  status: StatusKey;
  /** The latest change that carries a note or links, if any. */
  note: Pick<StatusChange, 'note' | 'links' | 'at'> | null;
  /** Changes of its date (a meeting's set date) or status so far: the event's SEQUENCE. */
  sequence: number;
  /** ISO UTC of its latest change of date or status; null when it never changed. */
  lastModified: string | null;
}

/** A plan's calendar: the plan, the filter, when the plan was imported (the stamp of events that never changed), the entries. */
export interface PlanCalendar {
  plan: PlanInfo;
  filter: CalendarFilter;
  importedAt: string;
  entries: CalendarEntry[];
}

/**
 * Reads the filters people type (`IOM`, `OIM`, `Organización Internacional para las Migraciones`; `B1`,
 * `basic 1`) into ids, as `/gcm agency` and `/gcm priority` read them. An unknown or ambiguous name is an error.
 */
export function resolveCalendarFilter(
  ctx: Context,
  plan: PlanInfo,
  given: { agency?: string | undefined; priority?: string | undefined },
): { ok: true; filter: CalendarFilter } | { ok: false; error: AnswerError } {
  const filter: CalendarFilter = {};
  const agencyText = given.agency?.trim();
  if (agencyText) {
    const found = findAgencies(ctx.plans, agencyText);
    if (found.length === 0) return { ok: false, error: { code: 'agency_missing', given: agencyText } };
    if (found.length > 1) return { ok: false, error: { code: 'agency_ambiguous', given: agencyText, options: found.map((a) => a.id) } };
    filter.agency = found[0]!.id;
  }
  const priorityText = given.priority?.trim();
  if (priorityText) {
    const all = ctx.plans.priorities(plan.id);
    const ref = parsePriorityRef(priorityText);
    const matches = !ref ? [] : 'id' in ref ? all.filter((p) => p.id === ref.id) : all.filter((p) => p.id.slice(1) === ref.number);
    if (matches.length !== 1) return { ok: false, error: { code: 'priority_missing', given: priorityText, known: all.map((p) => p.id) } };
    filter.priority = matches[0]!.id;
  }
  return { ok: true, filter };
}

/**
 * Leads it or supports it by name, as `/gcm agency` lists them. Activities supported by "the Network" as a
 * whole are left out of an agency's calendar: nearly every activity of the plan is, and an agency's calendar
 * is for what names it (the full calendar has them all).
 */
const byAgency = (a: Activity, agency: string | undefined) => !agency || a.lead.agencies.includes(agency) || a.support.agencies.includes(agency);

/**
 * Every dated occurrence of `plan` that the filter keeps, in plan order, with its status (postponed ones on
 * their new date, meetings on the date co-chairs set), its last note and its revision: SEQUENCE counts the
 * recorded changes of its date and status (the status history, marks done and reopened included, and the
 * meeting dates co-chairs set),
 * so it only grows; LAST-MODIFIED is the latest of them.
 */
export function planCalendar(ctx: Context, plan: PlanInfo, filter: CalendarFilter): PlanCalendar {
  const activities = new Map(ctx.plans.activities(plan.id).map((a) => [a.id, a]));
  const revisions = ctx.state.meetingDateChanges(plan.id);
  const importedAt = ctx.plans.loadedPlans().find((p) => p.id === plan.id)?.importedAt ?? `${plan.periodStart}T00:00:00.000Z`;
  const entries: CalendarEntry[] = [];
  for (const o of planOccurrences(ctx, plan)) {
    const activity = activities.get(o.activityId);
    if (!activity || o.due === null) continue;
    if (!byAgency(activity, filter.agency) || (filter.priority && activity.priorityId !== filter.priority)) continue;
    const history = ctx.state.statusHistory(plan.id, o.key);
    const revised = revisions.get(o.key);
    const ats = [...history.map((h) => h.at), ...(revised ? [revised.lastAt] : [])].sort();
    const noted = history.find((h) => h.note || h.links.length > 0);
    entries.push({
      activity,
      occurrence: { ...o, due: o.due },
      status: o.status,
      note: noted ? { note: noted.note, links: noted.links, at: noted.at } : null,
      sequence: history.length + (revised?.count ?? 0),
      lastModified: ats.at(-1) ?? null,
    });
  }
  return { plan, filter, importedAt, entries };
}
