import { DateTime } from 'luxon';

/** The calendar date (YYYY-MM-DD) of `instant` in `zone`: the day people there are living. */
export const localDate = (instant: DateTime, zone: string): string => instant.setZone(zone).toISODate()!;

/**
 * Whole calendar days from the date `from` to the date `to` (both YYYY-MM-DD, local dates in GCM_TIMEZONE):
 * 0 the same day, 1 the next, -2 two days before. Counted on the calendar, not in hours, so a change of
 * clocks (DST) in between changes nothing. Every "today", "tomorrow", "in N days", "N days ago" the bot
 * writes comes from this, with the two dates it relates: never from a configured offset.
 */
export function dayGap(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: 'UTC' });
  const b = DateTime.fromISO(to, { zone: 'UTC' });
  return Math.round(b.diff(a, 'days').days);
}
