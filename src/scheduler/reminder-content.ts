import { DateTime } from 'luxon';
import type { Stores } from '../stores.js';
import type { ReminderRecord } from '../db/reminder-store.js';
import { occurrencesOf, parseOccurrenceKey } from '../domain/occurrences.js';
import type { ReminderContent } from '../views/reminder-view.js';

/**
 * What a recorded reminder is about, read fresh from the stores (the activity may have been edited, the
 * meeting date set, the occurrence done): the content of its message, or null when its activity or
 * occurrence is no longer in the plan.
 */
export function reminderContent(
  stores: Stores,
  r: ReminderRecord,
  zone: string,
): (Omit<ReminderContent, 'lang' | 'notice' | 'coChairs'> & { done: boolean }) | null {
  const plan = stores.plans.plan(r.planId);
  if (!plan || !r.occurrenceKey) return null;
  const activity = stores.plans.activity(plan.id, parseOccurrenceKey(r.occurrenceKey).activityId);
  if (!activity) return null;
  const occurrence = occurrencesOf(activity, plan, stores.state.meetingDates(plan.id)).find((o) => o.key === r.occurrenceKey);
  if (!occurrence) return null;
  return {
    reminderKey: r.key,
    planId: plan.id,
    activity,
    occurrence,
    offsetDays: r.offsetDays ?? 0,
    late: r.late,
    fireDate: DateTime.fromISO(r.fireAt, { zone }).toISODate()!,
    zone,
    done: stores.state.completionsOf(plan.id, activity.id).has(occurrence.key),
    focal: activity.lead.agencies.flatMap((id): [string, string[]][] => {
      const users = stores.state.focalPointsOf(id);
      return users.length ? [[id, users]] : [];
    }),
    followup: r.kind === 'followup',
  };
}
