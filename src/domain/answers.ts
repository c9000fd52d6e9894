import type { LoadedPlan } from './ports.js';
import type { Language, Activity, Agency, Completion, MatrixMark, Objective, Occurrence, PlanInfo, Principle, Priority, SearchHit } from './types.js';

/**
 * The most activities a list answer carries (objective, agency, priority); counts give the rest. Slack shows
 * at most 50 blocks anyway, and a plan of 100,000 activities must still answer in milliseconds.
 */
export const listLimit = 40;

/** An activity with what a reader needs beside it: its occurrences and which are done. */
export interface ActivityState {
  activity: Activity;
  occurrences: Occurrence[];
  done: Map<string, Completion>;
}

export interface UpcomingItem {
  occurrence: Occurrence;
  activity: Activity;
}

/** One line of `help`: what to type and what it does. */
export interface HelpLine {
  usage: string;
  text: string;
}

/** Every answer the bot can give, before it is rendered as text or Block Kit. */
export type Answer =
  | { kind: 'help'; lang: Language; lines: HelpLine[]; twins: string[] }
  | {
      kind: 'objective';
      lang: Language;
      plan: PlanInfo;
      objective: Objective;
      priorities: { priority: Priority; activities: ActivityState[]; total: number }[];
    }
  | { kind: 'objectives'; lang: Language; plan: PlanInfo; objectives: { objective: Objective; priorities: string[] }[] }
  | { kind: 'activity'; lang: Language; plan: PlanInfo; items: { state: ActivityState; priority: Priority }[]; today: string }
  | {
      kind: 'agency';
      lang: Language;
      plan: PlanInfo;
      agency: Agency;
      leads: ActivityState[];
      leadsTotal: number;
      supports: ActivityState[];
      supportsTotal: number;
      networkSupported: number;
      member: boolean;
      marks: MatrixMark[];
    }
  | { kind: 'agencies'; lang: Language; agencies: Agency[]; query: string }
  | { kind: 'priority'; lang: Language; plan: PlanInfo; priority: Priority; activities: ActivityState[]; total: number }
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
  | { kind: 'error'; lang: Language; error: AnswerError };

export interface PriorityProgress {
  priority: Priority;
  activitiesDone: number;
  activities: number;
  occurrencesDone: number;
  occurrences: number;
}

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
  | { code: 'no_plan' }
  | { code: 'slack_only'; command: string }
  | { code: 'occurrence_missing'; activityId: string; label: string; known: string[] }
  | { code: 'bad_date'; given: string }
  | { code: 'not_meeting'; activityId: string }
  | { code: 'agency_ambiguous'; given: string; options: string[] }
  | { code: 'focal_mention'; given: string }
  | { code: 'focal_who' }
  | { code: 'focal_not_allowed'; agency: string; mine: string | null }
  | { code: 'report_dates'; given: string }
  | { code: 'report_order' }
  | { code: 'report_outside'; from: string; to: string }
  | { code: 'plan_unknown'; given: string; known: string[] };
