import type { Activity, MatrixMark, Priority, SearchHit } from '../domain/types.js';

/*
 * The rows of the plan, reference and user-state tables as better-sqlite3 reads and writes them (the schema
 * is migrations.ts): INTEGER columns are numbers, nullable columns `| null`, `*_json` columns JSON text.
 * The stores type their statements with these and map each row to a domain type once, at the store.
 */

export interface MetaRow {
  key: string;
  value: string;
}

export interface ObjectiveRow {
  number: number;
  title_en: string;
  title_es: string;
  /** 1 when the Spanish title was checked against the official text. */
  title_es_verified: number;
  paragraph: number;
  short_en: string;
  short_es: string;
}

export interface PrincipleRow {
  key: string;
  seq: number;
  item: string;
  name_en: string;
  name_es: string;
}

export interface AgencyRow {
  id: string;
  seq: number;
  roles_json: string;
  name_en: string;
  name_es: string | null;
  acronym_es: string | null;
  aliases_json: string;
  matrix_column: string | null;
  note: string | null;
  profile_json: string | null;
}

export interface AgencyNameRow {
  name_norm: string;
  agency_id: string;
}

export interface MatrixIssueRow {
  number: number;
  issue: string;
  issue_es: string | null;
}

export interface MatrixMarkRow {
  issue_number: number;
  agency_id: string;
  heading: string;
  mark: MatrixMark['mark'];
}

export interface PlanRow {
  id: string;
  title: string;
  network: string;
  period_start: string;
  period_end: string;
  info_json: string;
  file_hash: string;
  file_path: string;
  imported_at: string;
  /** Activities supported by the whole Network, counted at import. */
  network_supported: number;
}

export interface PriorityRow {
  plan_id: string;
  id: string;
  seq: number;
  kind: Priority['kind'];
  title: string;
  title_es: string | null;
  text: string;
  text_es: string | null;
  note: string | null;
  note_es: string | null;
}

export interface PriorityObjectiveRow {
  plan_id: string;
  priority_id: string;
  objective: number;
  seq: number;
}

export interface ActivityRow {
  plan_id: string;
  id: string;
  priority_id: string;
  seq: number;
  number: string;
  text: string;
  text_es: string | null;
  references_json: string;
  workstreams_json: string;
  lead_json: string;
  support_json: string;
  kind: Activity['kind'];
  schedule_json: string;
  note: string | null;
  note_es: string | null;
  /** 1 when the whole Network supports the activity. */
  support_network: number;
}

export interface ActivityAgencyRow {
  plan_id: string;
  activity_id: string;
  agency_id: string;
  role: 'lead' | 'support';
  seq: number;
}

export interface AgencyCountsRow {
  plan_id: string;
  agency_id: string;
  leads: number;
  supports: number;
  network_named: number;
}

export interface ImportRow {
  id: number;
  plan_id: string;
  at: string;
  file_hash: string;
  report_json: string;
}

/** A row of the FTS5 search index; `scope` is scopeToken() of the plan, or of '' for the shared rows. */
export interface SearchIndexRow {
  kind: SearchHit['kind'];
  ref: string;
  plan_id: string;
  title_en: string;
  title_es: string;
  body_en: string;
  body_es: string;
  /** The folded words of every text of the row, English and Spanish (prefix matches). */
  words: string;
  /** The English and Spanish stems of the row's texts (stemsOf in stems.ts). */
  stems: string;
  /** Those of its names, references and the plan's wording: they match, ranked below the texts. */
  more_stems: string;
  scope: string;
}

export interface CompletionRow {
  plan_id: string;
  occurrence_key: string;
  activity_id: string;
  done_by: string;
  done_at: string;
  source: string;
}

export interface MeetingDateRow {
  plan_id: string;
  occurrence_key: string;
  activity_id: string;
  date: string;
  set_by: string;
  set_at: string;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  plan_id: string | null;
  target: string | null;
  source: string;
  detail_json: string;
}

export interface UserAgencyRow {
  user_id: string;
  agency_id: string;
  updated_at: string;
}

export interface FocalPointRow {
  agency_id: string;
  user_id: string;
  added_by: string;
  added_at: string;
}

export interface StatusChangeRow {
  id: number;
  plan_id: string;
  occurrence_key: string;
  activity_id: string;
  status: string;
  date: string | null;
  note: string | null;
  links_json: string;
  changed_by: string;
  source: string;
  at: string;
}

/** An occurrence as the plan file dates it, indexed by due date (migration 11). */
export interface OccurrenceDueRow {
  plan_id: string;
  occurrence_key: string;
  activity_id: string;
  label: string | null;
  due: string;
  due_rule: string;
  tentative: number;
  /** 1 once the follow-up key without a postponed date is recorded (migration 12). */
  followup_recorded?: number;
  /** The offsets whose reminder key without a postponed date is recorded, as '|7|1|' (migration 14). */
  reminded?: string;
}
