import type { DateTime } from 'luxon';
import type { PlanChanges } from './plan-changes.js';
import type {
  Activity,
  Actor,
  Language,
  Agency,
  Completion,
  MatrixMark,
  Objective,
  Occurrence,
  PlanInfo,
  Principle,
  Priority,
  SearchHit,
  StatusChange,
} from './types.js';

/** A stored plan, with the file it was imported from and when (ISO UTC). */
export interface LoadedPlan extends PlanInfo {
  filePath: string;
  importedAt: string;
}

/** One recorded import of a plan: when, and what it changed (null for imports recorded before the summary existed). */
export interface PlanImport {
  id: number;
  planId: string;
  at: string;
  changes: PlanChanges | null;
}

/**
 * An activity as a list shows it (objective, priority): all but its references, workstreams and supporting
 * agencies, which only an activity's own answer shows (activitiesOfPriority reads no more).
 */
export type ListedActivity = Omit<Activity, 'references' | 'workstreams' | 'support'>;

/** What an activity's occurrences are made from: its schedule and its plan's period (PlanReader.activitySchedule). */
export interface ActivitySchedule {
  plan: Pick<PlanInfo, 'id' | 'periodStart' | 'periodEnd'>;
  activity: Pick<Activity, 'id' | 'kind' | 'schedule'>;
}

/**
 * What the domain reads of the plans and the reference data. The stores in src/db implement it; the domain
 * never sees SQL. Lists are in plan order; `limit` -1 means all.
 */
export interface PlanReader {
  /** Every stored plan, latest period end first. */
  plans(): PlanInfo[];
  plan(id: string): PlanInfo | null;
  /** Every stored plan with where and when it was imported from, latest period end first. */
  loadedPlans(): LoadedPlan[];
  /** The recorded imports of a plan's file (each one that changed it), oldest first. */
  importsOf(planId: string): PlanImport[];
  objective(n: number): Objective | null;
  /** The highest objective number (23 for the GCM). */
  objectiveMax(): number;
  objectives(): Objective[];
  principles(): Principle[];
  priority(planId: string, id: string): Priority | null;
  priorities(planId: string): Priority[];
  /** The priorities of the plan that cite GCM objective `n`. */
  prioritiesForObjective(planId: string, n: number): Priority[];
  activity(planId: string, id: string): Activity | null;
  /** An activity's schedule and its plan's period, or null: what a Mark done click needs of them, nothing else read. */
  activitySchedule(planId: string, id: string): ActivitySchedule | null;
  /** Activities whose own number is `number` ("1.1" is in B1 and T1). */
  activitiesByNumber(planId: string, number: string): Activity[];
  /** A priority's activities as a list shows them, in plan order, at most `limit`. */
  activitiesOfPriority(planId: string, priorityId: string, limit?: number): ListedActivity[];
  countActivitiesOfPriority(planId: string, priorityId: string): number;
  activities(planId: string): Activity[];
  /** Activities that name `agencyId` as lead or as supporting agency. */
  activitiesOfAgency(planId: string, agencyId: string, role: 'lead' | 'support', limit?: number): Activity[];
  countActivitiesOfAgency(planId: string, agencyId: string, role: 'lead' | 'support'): number;
  /** Activities supported by the whole Network that do not name `agencyId` themselves. */
  networkSupportedCount(planId: string, agencyId: string): number;
  agency(id: string): Agency | null;
  agencies(): Agency[];
  /** Agency ids one of whose names (id, acronym, alias, English or Spanish name) folds to `folded`. */
  agencyIdsByName(folded: string): string[];
  /** Every folded name with its agency: for whole-word matching inside longer text. */
  agencyNames(): { name: string; agencyId: string }[];
  matrixMarks(agencyId: string): MatrixMark[];
  /**
   * Ranked full-text search over the plan's activities and priorities, the agencies and the objectives, in
   * English and Spanish (stemmed, accents and case folded); hits show their text in `lang` where it exists.
   */
  search(planId: string, text: string, limit: number, lang?: Language): SearchHit[];
  /**
   * The plan's dated occurrences as its file dates them (no meeting date, no status: all `planned`) due in
   * `window`, read from the index written at import; null when the plan has no such index (imported before
   * it existed, or a reader without one). See src/domain/reminders.ts, occurrencesInWindow.
   */
  indexedOccurrences?(planId: string, window: OccurrenceWindow): Occurrence[] | null;
}

/**
 * Due dates from `from` (none: from the first) to `to`, inclusive (ISO dates); with `unrecordedFollowup`, only
 * the occurrences whose follow-up key (undated: src/domain/reminders.ts, followupKey) is not recorded; with
 * `unrecordedReminders`, only those with a reminder come and not recorded.
 */
export interface OccurrenceWindow {
  from: string | null;
  to: string;
  unrecordedFollowup?: boolean;
  /**
   * Only the occurrences with, for one of these offsets, a due date up to its `to` (its reminder has come) and
   * no reminder key for that offset (undated) recorded.
   */
  unrecordedReminders?: readonly { offset: number; to: string }[];
}

/** What people have recorded: completions, meeting dates, focal points, each user's agency. */
export interface StateReader {
  /** Every completion of a plan, by occurrence key. */
  completions(planId: string): Map<string, Completion>;
  completionsOf(planId: string, activityId: string): Map<string, Completion>;
  /** The current status of every occurrence that has one, by occurrence key (the latest change; none = planned). */
  statuses(planId: string): Map<string, StatusChange>;
  /** The same for one activity's occurrences. */
  statusesOf(planId: string, activityId: string): Map<string, StatusChange>;
  /** The status changes of one occurrence, newest first (`limit` of them; all without it). */
  statusHistory(planId: string, key: string, limit?: number): StatusChange[];
  /** Dates co-chairs set for meeting occurrences, by occurrence key (ISO dates). */
  meetingDates(planId: string): Map<string, string>;
  /** The same for one activity's occurrences. */
  meetingDatesOf(planId: string, activityId: string): Map<string, string>;
  /**
   * Per meeting occurrence key, how many times co-chairs set its date (the audit trail) and when last (ISO
   * UTC): with the status history, what a calendar event's SEQUENCE and LAST-MODIFIED follow.
   */
  meetingDateChanges(planId: string): Map<string, { count: number; lastAt: string }>;
  /** The agency a user picked in the App Home, or null. */
  userAgency(userId: string): string | null;
  /** Focal points by agency id, in the order they were named. */
  focalPoints(): Map<string, string[]>;
  focalPointsOf(agencyId: string): string[];
}

/** The outcome of marking an occurrence done: the completion in force, and whether this call made it. */
export type MarkWrite = { changed: true; completion: Completion } | { changed: false; completion: Completion | null };

/** Every change people make, each written with an audit row naming the actor. Instants are ISO UTC. */
export interface StateWriter {
  /** Marks an occurrence done, once: a second mark changes nothing and returns the first. */
  markDone(planId: string, activityId: string, key: string, actor: Actor, at: string): MarkWrite;
  /** Removes a completion mark (the occurrence is `planned` again); returns the removed mark, or null when it was not done. */
  reopen(planId: string, key: string, actor: Actor, at: string): Completion | null;
  /** Writes a status change (an audit row); nothing when it says what the current status already says. */
  changeStatus(change: StatusChange): { changed: boolean };
  setMeetingDate(planId: string, activityId: string, key: string, date: string, actor: Actor, at: string): void;
  /** Returns the users actually added and removed. */
  changeFocalPoints(agencyId: string, add: string[], remove: string[], actor: Actor, at: string): { added: string[]; removed: string[] };
  setUserAgency(userId: string, agencyId: string, at: string): void;
}

/** What every question and rule works on: the plans, the state, and the moment it is asked (in the bot's zone). */
export interface Context {
  plans: PlanReader;
  state: StateReader & StateWriter;
  now: DateTime;
  /** The plan `plan:ID` named, if any: answers are for it instead of the current plan (questions.ts chosenPlan). */
  plan?: string;
}
