import type { Period } from './intents.js';
import type { ListedActivity, LoadedPlan } from './ports.js';
import type {
  Language,
  Activity,
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
  StatusKey,
} from './types.js';

/**
 * The most activities a list answer carries (objective, agency, priority); counts give the rest. Slack shows
 * at most 50 blocks anyway, and a plan of 100,000 activities must still answer in milliseconds.
 */
export const listLimit = 40;

/** An activity with what a reader needs beside it: its occurrences and which are done. */
export interface ActivityState<A extends ListedActivity = Activity> {
  activity: A;
  occurrences: Occurrence[];
  done: ReadonlyMap<string, Completion>;
  /** The current status change of each occurrence that has one (its note and links), by key. */
  statuses: ReadonlyMap<string, StatusChange>;
  /** The last changes of each occurrence, newest first (activity answers only: the last three). */
  history?: Map<string, StatusChange[]>;
}

export interface UpcomingItem {
  occurrence: Occurrence;
  activity: Activity;
}

/** What an agency leads and supports in a plan (lists capped at listLimit, totals beside them). */
export interface AgencyWork {
  agency: Agency;
  leads: ActivityState[];
  leadsTotal: number;
  supports: ActivityState[];
  supportsTotal: number;
  /** Activities supported by the whole Network that do not name the agency. */
  networkSupported: number;
  member: boolean;
}

/** One line of `help`: what to type and what it does. */
export interface HelpLine {
  usage: string;
  text: string;
}

/** An activity serving an objective: its occurrences done out of all of them. */
export interface ActivityCoverage {
  activity: Activity;
  done: number;
  total: number;
}

/** One GCM objective in a plan: the thematic priorities citing it, their activities, and the sums. */
export interface ObjectiveCoverage {
  objective: Objective;
  priorities: { priority: Priority; activities: ActivityCoverage[] }[];
  activities: number;
  occurrencesDone: number;
  occurrences: number;
}

/** The answer's data: every objective, served or not, and the basic priorities (which serve the Compact as a whole). */
export interface Coverage {
  objectives: ObjectiveCoverage[];
  basic: Priority[];
}

/** Every answer the bot can give, before it is rendered as text or Block Kit. */
export type Answer =
  | { kind: 'help'; lang: Language; lines: HelpLine[]; twins: string[] }
  | {
      kind: 'objective';
      lang: Language;
      plan: PlanInfo;
      objective: Objective;
      priorities: { priority: Priority; activities: ActivityState<ListedActivity>[]; total: number }[];
    }
  | { kind: 'objectives'; lang: Language; plan: PlanInfo; objectives: { objective: Objective; priorities: string[] }[] }
  | { kind: 'activity'; lang: Language; plan: PlanInfo; items: { state: ActivityState; priority: Priority }[]; today: string }
  | ({ kind: 'agency'; lang: Language; plan: PlanInfo; marks: MatrixMark[] } & AgencyWork)
  | { kind: 'agencies'; lang: Language; agencies: Agency[]; query: string }
  | { kind: 'priority'; lang: Language; plan: PlanInfo; priority: Priority; activities: ActivityState<ListedActivity>[]; total: number }
  | { kind: 'priorities'; lang: Language; plan: PlanInfo; priorities: { priority: Priority; activities: number }[] }
  | { kind: 'search'; lang: Language; plan: PlanInfo; query: string; hits: SearchHit[] }
  | {
      kind: 'upcoming';
      lang: Language;
      plan: PlanInfo;
      today: string;
      items: UpcomingItem[];
      ended: boolean;
      notStarted: boolean;
      /** Between two plans: the one that ended before this one starts. */
      previous?: PlanInfo | null;
    }
  /** The loaded plans; `currentId` is the one answers are for without `plan:ID`. */
  | { kind: 'plans'; lang: Language; today: string; plans: LoadedPlan[]; currentId: string | null; picked: string | null }
  | { kind: 'principles'; lang: Language; principles: Principle[] }
  | { kind: 'progress'; lang: Language; plan: PlanInfo; priorities: PriorityProgress[]; today: string }
  /** `/gcm coverage`: the GCM objectives the plan serves and those it does not (domain/coverage.ts). */
  | ({ kind: 'coverage'; lang: Language; plan: PlanInfo } & Coverage)
  | { kind: 'due'; lang: Language; plan: PlanInfo; period: Period; items: (UpcomingItem & { done: boolean })[] }
  /** A question in plain words or with a typo: what was understood, then the regular answer. */
  | { kind: 'understood'; lang: Language; understood: Understood; answer: Answer }
  /** Several keywords or names are as close to what was typed: pick one (buttons in Slack). */
  | { kind: 'choices'; lang: Language; given: string; options: { label: string; command: string }[] }
  | { kind: 'error'; lang: Language; error: AnswerError };

/** What a question in plain words, or a word with a typo, was taken to ask: the answer's first line. */
export type Understood =
  /** `next`: the date (ISO) of the activity's next occurrence, named first when the question asks when. */
  | { what: 'who' | 'when' | 'status'; activity: string; next?: string }
  /** What the plan does not hold (issue 24): said plainly, then what it says about the subject. */
  | { what: 'absent'; subject: 'budget' | 'venue' | 'contact' | 'country' }
  /** Activities that name every one of `agencies` (a comparison). */
  | { what: 'shared'; agencies: string[]; n: number }
  /** Who works on a topic several activities are about: every one of them, with who leads and supports it. */
  | { what: 'whoMany'; topic: string; n: number }
  /** A yes/no question: the answer, then the activities that decide it. */
  | { what: 'yesno'; yes: boolean }
  /** One agency's activities due in a period. */
  | { what: 'agencyIn'; agency: string }
  /** A theme led to the GCM objective whose title holds it; `served`: an activity of the plan serves it. */
  | { what: 'objectiveTheme'; number: number; served: boolean }
  /** A priority named by its theme, with the GCM objectives it serves (none: a basic priority). */
  | { what: 'priorityTheme'; priority: string; objectives: number[] }
  | { what: 'agency'; agency: string }
  | { what: 'objective'; number: number }
  | { what: 'due' }
  | { what: 'theme'; topic: string }
  | { what: 'search'; topic: string }
  | { what: 'typo'; given: string; taken: string };

export interface PriorityProgress {
  priority: Priority;
  /** Occurrences by current status. */
  byStatus: Record<StatusKey, number>;
  activitiesDone: number;
  activities: number;
  occurrencesDone: number;
  occurrences: number;
}

/**
 * Who reads an answer that says what to do about the plan file (none loaded, the period ended): in the
 * terminal, the command; a co-chair in Slack, what to do; a member in Slack, whom to ask (never a terminal
 * command). The Slack answers are cached per co-chair status (commands/answer-cache.ts).
 */
export type Audience = { kind: 'terminal' } | { kind: 'coChair' } | { kind: 'member'; coChairs: readonly string[]; usergroup: string | null };

/** A member who is not told who the co-chairs are: the wording when nothing more is known. */
export const anyMember: Audience = { kind: 'member', coChairs: [], usergroup: null };

/** What went wrong, with what the user needs to put it right; rendered by the i18n catalogs. */
export type AnswerError =
  | { code: 'objective_range'; given: string; max: number }
  | { code: 'activity_missing'; given: string; known: string[] }
  | { code: 'activity_bad'; given: string }
  | { code: 'activity_needed' }
  | { code: 'agency_missing'; given: string }
  | { code: 'agency_needed' }
  | { code: 'priority_missing'; given: string; known: string[] }
  | { code: 'search_needed' }
  | { code: 'unknown_command'; given: string }
  /** Command text longer than the bot reads (`maxCommandLength`): nothing of it is run. */
  | { code: 'too_long'; length: number; max: number }
  | { code: 'no_plan' }
  | { code: 'slack_only'; command: string }
  | { code: 'occurrence_missing'; activityId: string; label: string; known: string[] }
  | { code: 'bad_date'; given: string }
  /** A date entered for a meeting breaks the rule for entered dates (date-rule.ts): in the past, or outside every plan. */
  | { code: 'date_rule'; given: string; problem: 'date_before_today' | 'date_outside_plans' }
  /** A meeting's date outside its occurrence's months (YYYY-MM, `from` = `to` for one month): that is postponing, not scheduling. */
  | { code: 'date_outside_occurrence'; given: string; occurrence: string; from: string; to: string }
  | { code: 'not_meeting'; activityId: string }
  | { code: 'agency_ambiguous'; given: string; options: string[] }
  | { code: 'focal_mention'; given: string }
  | { code: 'focal_who' }
  /** Mentions Slack does not know (`users.info`: user_not_found) or of deactivated accounts: nothing is stored. */
  | { code: 'focal_unknown'; given: string[] }
  | { code: 'focal_not_allowed'; agency: string; mine: string | null }
  /** `keyword`: the command the example names (`brief`); `report` when not given. */
  | { code: 'report_dates'; given: string; keyword?: string }
  | { code: 'report_order' }
  | { code: 'report_outside'; from: string; to: string }
  | { code: 'plan_unknown'; given: string; known: string[] };
