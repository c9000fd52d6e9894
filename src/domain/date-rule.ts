import { DateTime } from 'luxon';
import type { PlanReader } from './ports.js';

/** What is wrong with a date a person entered (the Update modal's new date, Set date, `/gcm schedule`). */
export type DateProblem = 'date_invalid' | 'date_before_today' | 'date_outside_plans';

/**
 * The one rule for a date a person enters, wherever they enter it: a real YYYY-MM-DD date, not before today
 * (`now`'s date, in the bot's zone), inside a loaded plan's period. Null when it holds. Each place may add
 * its own rule after this one (a meeting's date stays in its occurrence's month).
 */
export function enteredDateProblem(ctx: { plans: PlanReader; now: DateTime }, raw: string): DateProblem | null {
  const date = raw.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date, { zone: 'UTC' }).isValid) return 'date_invalid';
  if (date < ctx.now.toISODate()!) return 'date_before_today';
  if (!ctx.plans.plans().some((p) => p.periodStart <= date && date <= p.periodEnd)) return 'date_outside_plans';
  return null;
}
