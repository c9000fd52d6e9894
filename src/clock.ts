import { DateTime } from 'luxon';

/** The one source of "now" in the bot. Every domain function takes `now` from a Clock, never from Date. */
export interface Clock {
  /** The current instant, in the configured zone. */
  now(): DateTime;
  /** The IANA zone every date is read and shown in. */
  readonly zone: string;
}

/** The machine's clock, seen in `zone`. */
export function systemClock(zone: string, wall: () => number = Date.now): Clock {
  return { zone, now: () => DateTime.fromMillis(wall(), { zone }) };
}

/**
 * A clock that starts at `start` and runs on at the wall clock's pace (GCM_NOW, the playground).
 * `set` moves it to another instant, forwards or back.
 */
export interface SettableClock extends Clock {
  set(instant: DateTime): void;
}

export function offsetClock(start: DateTime, zone: string, wall: () => number = Date.now): SettableClock {
  let offset = start.toMillis() - wall();
  return {
    zone,
    now: () => DateTime.fromMillis(wall() + offset, { zone }),
    set: (instant) => {
      offset = instant.toMillis() - wall();
    },
  };
}

/** A clock that stands still until moved: for tests. */
export function fixedClock(start: DateTime, zone: string): SettableClock {
  let at = start.setZone(zone);
  return {
    zone,
    now: () => at,
    set: (instant) => {
      at = instant.setZone(zone);
    },
  };
}

/**
 * Reads an ISO date-time as docs/decisions/clock-and-time.md says: without an offset it is local time in `zone`
 * (`2024-04-24T10:00:00` is 10:00 in Santiago); with `Z` or an offset, as written.
 * Returns null when the text is not an ISO date-time.
 */
export function parseInstant(text: string, zone: string): DateTime | null {
  const hasOffset = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/.test(text.trim()) && /T/.test(text);
  const dt = hasOffset ? DateTime.fromISO(text.trim(), { setZone: true }).setZone(zone) : DateTime.fromISO(text.trim(), { zone });
  return dt.isValid ? dt : null;
}
