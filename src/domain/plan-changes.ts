/** The period of a plan, two ISO dates, inclusive. */
export interface PlanPeriod {
  periodStart: string;
  periodEnd: string;
}

/** A field of an activity the summary compares. */
export type ActivityField = 'text' | 'agencies' | 'schedule' | 'kind';

/** One field of one activity that differs: its value before and after, as short text. */
export interface FieldChange {
  field: ActivityField;
  before: string;
  after: string;
}

/**
 * What people recorded about an occurrence: a completion, a meeting date, a status other than done (its
 * completion stands for a done one), a reminder the outbox recorded.
 */
export type StateKind = 'completion' | 'meeting_date' | 'status' | 'reminder';

/** What is recorded for a plan: what a new file could leave without an activity. */
export interface RecordedState {
  /** Completions, meeting dates and statuses other than done, by occurrence key. */
  occurrences: { kind: Exclude<StateKind, 'reminder'>; activityId: string; occurrenceKey: string }[];
  /** Reminders and follow-ups the outbox recorded (any status), by occurrence. */
  reminders: { activityId: string; occurrenceKey: string }[];
  /** Agencies with focal points named. */
  focalAgencies: string[];
}

/** What importing a plan file would change (or changed) against the stored plan of the same id. */
export interface PlanChanges {
  planId: string;
  /** No plan of that id was stored: everything is new. */
  firstImport: boolean;
  period: { before: PlanPeriod | null; after: PlanPeriod };
  added: string[];
  removed: string[];
  changed: { id: string; fields: FieldChange[] }[];
  occurrencesAdded: string[];
  occurrencesRemoved: string[];
  /** State of occurrences still in the plan: kept as it is. */
  stateKept: { kind: StateKind; count: number }[];
  /** State whose occurrence or activity is gone: kept in the database, but no answer shows it. */
  stateOrphaned: { kind: StateKind; occurrenceKey: string }[];
  /** Agencies with focal points that no activity of the new file names (the focal points are kept). */
  focalUnused: string[];
}
