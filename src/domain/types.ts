/** The two languages the bot answers in. */
export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

/** A meeting is due on the first day of its month (until its date is set), a deadline on the last. */
export const activityKinds = ['meeting', 'deadline'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/**
 * When an activity happens, read from the plan's wording (`text`, kept as written). Months are `YYYY-MM`,
 * dates `YYYY-MM-DD`. The plan file's schema (src/plan/schema.ts) is checked against this type.
 */
export type Schedule =
  | { type: 'recurring_months'; text: string; months: number[] }
  | { type: 'month'; text: string; month: string }
  | { type: 'month_range'; text: string; from: string; to: string }
  | { type: 'date'; text: string; date: string }
  | { type: 'date_range'; text: string; from: string; to: string }
  | { type: 'tentative'; text: string; month: string; days: number[] }
  | { type: 'monthly'; text: string; per_month: number }
  | { type: 'continuous'; text: string }
  | { type: 'none'; text: string };

/** Who changed something, from where: written to the audit table with every change. */
export interface Actor {
  userId: string;
  /** `command` with the command text, or `button` with the channel and message ts, or `cli`. */
  source: string;
}

/** One hit of a full-text search, with a snippet whose matched words are marked with `*`. */
export interface SearchHit {
  kind: 'activity' | 'priority' | 'agency' | 'objective';
  ref: string;
  title: string;
  snippet: string;
}

/** A plan as stored: its identity and period (ISO dates, inclusive). */
export interface PlanInfo {
  id: string;
  title: string;
  /** The title in Spanish, when the plan file has one (see translationEs). */
  titleEs: string | null;
  network: string;
  periodStart: string;
  periodEnd: string;
  coLeads: string[];
  endorsed: string | null;
  monitoring: string | null;
  periodNote: string | null;
  /** Who wrote the plan's Spanish texts, when it has any: its official version, or the project's translation. */
  translationEs: 'official' | 'project' | null;
}

export interface Objective {
  number: number;
  titleEn: string;
  titleEs: string;
  shortEn: string;
  shortEs: string;
  paragraph: number;
}

export interface Principle {
  key: string;
  item: string;
  nameEn: string;
  nameEs: string;
}

export interface Priority {
  planId: string;
  id: string;
  kind: 'basic' | 'thematic';
  title: string;
  titleEs: string | null;
  text: string;
  textEs: string | null;
  note: string | null;
  noteEs: string | null;
  objectives: number[];
}

export interface Lead {
  agencies: string[];
  wording: string;
}

export interface Support {
  network: boolean;
  agencies: string[];
  wording: string;
}

export interface Activity {
  planId: string;
  id: string;
  priorityId: string;
  /** The plan's own number, "1.3". */
  number: string;
  text: string;
  textEs: string | null;
  references: string[];
  workstreams: number[];
  lead: Lead;
  support: Support;
  kind: ActivityKind;
  schedule: Schedule;
  note: string | null;
  noteEs: string | null;
}

export interface AgencyProfile {
  sourceHeading: string;
  mandate: string;
  migrationWork: string;
  /** Spanish, translated by the project (the 2014 source is in English); null where not translated. */
  mandateEs: string | null;
  migrationWorkEs: string | null;
}

export interface Agency {
  id: string;
  roles: string[];
  nameEn: string;
  nameEs: string | null;
  acronymEs: string | null;
  aliases: string[];
  matrixColumn: string | null;
  note: string | null;
  profile: AgencyProfile | null;
}

/** Agencies by id: what views need to name an agency in either language. */
export type AgencyDirectory = ReadonlyMap<string, Agency>;

export interface MatrixMark {
  issueNumber: number;
  issue: string;
  /** The issue's name in Spanish (the project's translation); null where the matrix file has none. */
  issueEs: string | null;
  mark: 'x' | 'xx';
}

/** The statuses of an occurrence (docs/decisions/statuses.md; the rules: status.ts); `planned` is the default, with no row. */
export const STATUS_KEYS = ['planned', 'in_progress', 'done', 'postponed', 'cancelled'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];
/** The longest note a status change may carry, in characters. */
export const NOTE_MAX = 1000;

/** One audit row of a status change; the latest per occurrence key is its current status (no row = `planned`). */
export interface StatusChange {
  planId: string;
  activityId: string;
  key: string;
  status: StatusKey;
  /** ISO date: the new due date of a postponed occurrence. */
  date: string | null;
  note: string | null;
  links: string[];
  /** Slack user id, or 'cli'. */
  by: string;
  source: string;
  /** ISO UTC. */
  at: string;
}

/** One dated instance of an activity: the unit that is reminded and marked done. */
export interface Occurrence {
  /** `B1.2@2024-05`, `T1.1@2023-08-30`, or the activity id alone for a one-off. */
  key: string;
  activityId: string;
  /** `2024-05` or `2023-08-30` for a recurring activity; null for the single occurrence of a one-off. */
  label: string | null;
  /** ISO date the occurrence is due, or null when the plan gives no date. */
  due: string | null;
  /** How the due date was found: the plan's date, a rule on a month, a co-chair's date, the period's end. */
  dueRule: 'date' | 'range_end' | 'month_start' | 'month_end' | 'tentative' | 'set' | 'period_end' | 'none' | 'postponed';
  tentative: boolean;
  /** Its current status; a postponed one is due on its new date (`dueRule` 'postponed'). */
  status: StatusKey;
}

export interface Completion {
  occurrenceKey: string;
  activityId: string;
  doneBy: string;
  doneAt: string;
  source: string;
}

export type ReminderStatus = 'pending' | 'sent' | 'skipped' | 'cancelled' | 'failed';

/** Why a failed record was not queued again: its subject is done, cancelled, moved or gone; its time has passed; or this version has no such kind. */
export type LeftFailed = 'closed' | 'too_late' | 'unknown_kind';

/** What "Retry failed" did: the keys queued again, and those left failed with why. */
export interface RetryFailedReport {
  queued: string[];
  left: { key: string; why: LeftFailed }[];
}

/**
 * A message the bot posts on its own (a reminder, a follow-up, a digest, a report, …), as the outbox records
 * it. Instants are ISO-8601 UTC; dates are ISO dates.
 */
export interface ReminderRecord {
  key: string;
  /** The name of the outbox kind that posts it (src/outbox/kinds): `reminder`, `followup`, `digest`, `report`, … */
  kind: string;
  planId: string;
  occurrenceKey: string | null;
  activityId: string | null;
  offsetDays: number | null;
  dueDate: string | null;
  /** The period a message covers, when it covers one (a report's quarter): first and last day. */
  periodFrom: string | null;
  periodTo: string | null;
  fireAt: string;
  late: boolean;
  status: ReminderStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  channel: string | null;
  messageTs: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** A record as written, before any attempt. The period is optional: most kinds cover none. */
export type NewReminder = Pick<
  ReminderRecord,
  'key' | 'kind' | 'planId' | 'occurrenceKey' | 'activityId' | 'offsetDays' | 'dueDate' | 'fireAt' | 'late' | 'channel'
> &
  Partial<Pick<ReminderRecord, 'periodFrom' | 'periodTo'>>;
