import { DateTime } from 'luxon';
import type { Config } from '../../src/config.js';
import { planOccurrences } from '../../src/domain/occurrences.js';
import { currentPlan } from '../../src/domain/questions.js';
import type { ReminderSettings } from '../../src/domain/reminders.js';
import type { OutboxContext, OutboxKind, PlanPass } from '../../src/outbox/kind.js';
import { outboxKinds } from '../../src/outbox/kinds/index.js';
import type { Stores } from '../../src/stores.js';

/** What the playground's timeline reads: the stores, the bot's configuration and its reminder settings. */
export interface TimelineDeps {
  stores: Stores;
  config: Config;
  settings: ReminderSettings;
  kinds?: readonly OutboxKind[];
}

/** How far past the last plan's end something may still come due: the last quarter's report, up to a week late. */
const afterLastPlanDays = 100;

/**
 * The instants after `from`, up to `at`, at which something not yet recorded comes due, as the outbox's kinds
 * say (their own `due`, asked at `at`, gives each record with its instant): a pass the bot would run then
 * posts it. As the outbox asks them: the current plan's, once it ended only the kinds asked after its end,
 * nothing without a channel.
 */
function comingDue(d: TimelineDeps, from: DateTime, at: DateTime): DateTime[] {
  const { stores, config } = d;
  const today = at.toISODate()!;
  const plan = currentPlan(stores.plans, today);
  if (!plan || !config.reminderChannel) return [];
  const kinds = (d.kinds ?? outboxKinds).filter((k) => today <= plan.periodEnd || k.afterPlanEnd);
  const ctx: OutboxContext = {
    plans: stores.plans,
    state: stores.state,
    now: at,
    config,
    settings: d.settings,
    directory: () => stores.directory(),
    records: stores.reminders,
    coChairs: async () => [],
    coChairIds: config.coChairs,
    attachFile: async () => false,
    briefs: stores.briefs,
    openDirect: async () => {
      throw new Error('the timeline opens no direct messages');
    },
  };
  let occurrences: ReturnType<typeof planOccurrences> | undefined;
  const pass: PlanPass = {
    plan,
    recorded: stores.reminders.keysOfPlan(plan.id),
    occurrences: () => (occurrences ??= planOccurrences(stores, plan)),
    done: () => stores.state.completions(plan.id),
    runningSince: null,
  };
  return kinds
    .flatMap((k) => k.due(ctx, pass).post)
    .filter((r) => !stores.reminders.get(r.key))
    .map((r) => DateTime.fromISO(r.fireAt, { zone: at.zone }))
    .filter((t) => t > from && t <= at);
}

/**
 * The first instant after `from`, and at most `until` (default: the last plan's end and its last report), at
 * which the bot would post something of any kind: a reminder, a follow-up, the digest, the quarterly report.
 * Asked day by day (each kind's `due` at the day's end gives what came due that day, with its instant), so a
 * year costs a few hundred questions, not a pass a minute. Null when nothing comes due until then.
 */
export function nextPostAt(d: TimelineDeps, from: DateTime, until?: DateTime): DateTime | null {
  const lastEnd = d.stores.plans
    .plans()
    .map((p) => p.periodEnd)
    .sort()
    .at(-1);
  if (!lastEnd) return null;
  const end = until ?? DateTime.fromISO(lastEnd, { zone: from.zone }).plus({ days: afterLastPlanDays });
  for (let day = from.startOf('day'); day <= end; day = day.plus({ days: 1 })) {
    const dayEnd = day.endOf('day');
    const found = comingDue(d, from, dayEnd < end ? dayEnd : end);
    if (found.length) return found.reduce((a, b) => (b < a ? b : a));
  }
  return null;
}
