import { DateTime } from 'luxon';
import { localDate } from './day-gap.js';
import { occurrencesOf, parseOccurrenceKey } from './occurrences.js';
import type { PlanReader, StateReader } from './ports.js';
import type { Activity, Occurrence, ReminderRecord } from './types.js';

/** What a reminder or follow-up is about, as its message shows it. */
export interface ReminderContent {
  reminderKey: string;
  planId: string;
  activity: Activity;
  occurrence: Occurrence;
  offsetDays: number;
  late: boolean;
  /** Local date the reminder was due to go out (for a late one). */
  fireDate: string;
  /**
   * The local date the message is drawn on (posted, or drawn again after a click): what "due tomorrow" counts
   * from, with the occurrence's due date (dayGap), never the configured offset.
   */
  today: string;
  zone: string;
  done: boolean;
  /**
   * Nothing to remind any more: done, cancelled, or postponed to another date than the one this record
   * was made for (the new date has reminders of its own).
   */
  closed: boolean;
  /** Focal points of the lead agencies: mentioned (supporting agencies are named, not mentioned). */
  focal: [agencyId: string, userIds: string[]][];
  /** A follow-up of an overdue occurrence (in the reminder's thread), rather than a reminder. */
  followup: boolean;
}

/**
 * What a recorded reminder is about, read fresh from the stores (the activity may have been edited, the
 * meeting date set, the occurrence done) at `stores.now`: the content of its message, or null when its
 * activity or occurrence is no longer in the plan.
 */
export function reminderContent(stores: { plans: PlanReader; state: StateReader; now: DateTime }, r: ReminderRecord, zone: string): ReminderContent | null {
  const plan = stores.plans.plan(r.planId);
  if (!plan || !r.occurrenceKey) return null;
  const activity = stores.plans.activity(plan.id, parseOccurrenceKey(r.occurrenceKey).activityId);
  if (!activity) return null;
  const statuses = stores.state.statuses(plan.id);
  const occurrence = occurrencesOf(activity, plan, stores.state.meetingDates(plan.id), statuses).find((o) => o.key === r.occurrenceKey);
  if (!occurrence) return null;
  return {
    reminderKey: r.key,
    planId: plan.id,
    activity,
    occurrence,
    offsetDays: r.offsetDays ?? 0,
    late: r.late,
    fireDate: DateTime.fromISO(r.fireAt, { zone }).toISODate()!,
    today: localDate(stores.now, zone),
    zone,
    done: stores.state.completionsOf(plan.id, activity.id).has(occurrence.key),
    closed:
      occurrence.status === 'done' ||
      occurrence.status === 'cancelled' ||
      (occurrence.dueRule === 'postponed' && r.dueDate !== null && r.dueDate !== occurrence.due),
    focal: activity.lead.agencies.flatMap((id): [string, string[]][] => {
      const users = stores.state.focalPointsOf(id);
      return users.length ? [[id, users]] : [];
    }),
    followup: r.kind === 'followup',
  };
}
