import type { ActivityKind, Schedule } from '../plan/schema.js';

export type { ActivityKind, Schedule };

/** A plan as stored: its identity and period (ISO dates, inclusive). */
export interface PlanInfo {
  id: string;
  title: string;
  network: string;
  periodStart: string;
  periodEnd: string;
  coLeads: string[];
  endorsed: string | null;
  monitoring: string | null;
  periodNote: string | null;
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
  text: string;
  note: string | null;
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
}

export interface AgencyProfile {
  sourceHeading: string;
  mandate: string;
  migrationWork: string;
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

export interface MatrixMark {
  issueNumber: number;
  issue: string;
  mark: 'x' | 'xx';
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
  dueRule: 'date' | 'range_end' | 'month_start' | 'month_end' | 'tentative' | 'set' | 'period_end' | 'none';
  tentative: boolean;
}

export interface Completion {
  occurrenceKey: string;
  activityId: string;
  doneBy: string;
  doneAt: string;
  source: string;
}

/** How far an activity has got: its occurrences and which are done. */
export interface ActivityStatus {
  occurrences: Occurrence[];
  done: Map<string, Completion>;
  /** All occurrences done. */
  complete: boolean;
}
