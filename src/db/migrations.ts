/**
 * Schema migrations, applied in order; PRAGMA user_version records how many have run. Never edit a
 * released migration: add the next one.
 *
 * Two kinds of tables: those rebuilt from the data files on every import (objectives, agencies, plans,
 * priorities, activities, the search index), and user state that an import never deletes (completions,
 * meeting dates, audit, user preferences), keyed by plan id and activity or occurrence id, not by row id.
 */
/**
 * The offset a reminder record `r` (a table alias) is for, when its key is `plan|occurrence|offset` (no postponed
 * date after it: src/domain/reminders.ts, reminderKey); null for any other key.
 */
export function undatedOffset(r: string): string {
  const rest = `substr(${r}.key, length(${r}.plan_id) + length(${r}.occurrence_key) + 3)`;
  return `(CASE WHEN ${r}.key = ${r}.plan_id || '|' || ${r}.occurrence_key || '|' || ${rest} AND ${rest} <> '' AND ${rest} NOT GLOB '*[^0-9]*' THEN ${rest} END)`;
}

/**
 * Sets occurrence_dues.reminded from the reminder records (migration 14): for every plan, or with `planId` a
 * parameter's name (`@planId`), for that plan's rows (after an import rebuilt them), which are then found from
 * the plan's reminder records (the same rows: those with an undated reminder recorded), not each of the plan's
 * occurrences looked up in the records (344,447 lookups at 100,000 activities, 70 ms, with none recorded).
 */
export function remindedBackfill(planId: string): string {
  const reminded = `'|' || (
      SELECT group_concat(o, '|') || '|' FROM (
        SELECT ${undatedOffset('r')} AS o FROM reminders r
        WHERE r.plan_id = occurrence_dues.plan_id AND r.occurrence_key = occurrence_dues.occurrence_key AND r.kind = 'reminder')
      WHERE o IS NOT NULL)`;
  if (planId) {
    return `UPDATE occurrence_dues SET reminded = ${reminded}
    WHERE occurrence_dues.plan_id = ${planId} AND occurrence_dues.occurrence_key IN (SELECT r.occurrence_key FROM reminders r
      WHERE r.plan_id = ${planId} AND r.kind = 'reminder' AND ${undatedOffset('r')} IS NOT NULL);`;
  }
  return `UPDATE occurrence_dues SET reminded = ${reminded}
    WHERE EXISTS (SELECT 1 FROM reminders r WHERE r.plan_id = occurrence_dues.plan_id
      AND r.occurrence_key = occurrence_dues.occurrence_key AND r.kind = 'reminder' AND ${undatedOffset('r')} IS NOT NULL);`;
}

export const migrations: readonly string[] = [
  // 1: reference data, plans, user state, full-text search
  `
  CREATE TABLE objectives (
    number INTEGER PRIMARY KEY,
    title_en TEXT NOT NULL,
    title_es TEXT NOT NULL,
    title_es_verified INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    short_en TEXT NOT NULL,
    short_es TEXT NOT NULL
  );
  CREATE TABLE principles (
    key TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    item TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_es TEXT NOT NULL
  );
  CREATE TABLE agencies (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    roles_json TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_es TEXT,
    acronym_es TEXT,
    aliases_json TEXT NOT NULL,
    matrix_column TEXT,
    note TEXT,
    profile_json TEXT
  );
  CREATE TABLE agency_names (
    name_norm TEXT NOT NULL,
    agency_id TEXT NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
    PRIMARY KEY (name_norm, agency_id)
  );
  CREATE TABLE matrix_issues (
    number INTEGER PRIMARY KEY,
    issue TEXT NOT NULL
  );
  CREATE TABLE matrix_marks (
    issue_number INTEGER NOT NULL REFERENCES matrix_issues(number) ON DELETE CASCADE,
    agency_id TEXT NOT NULL,
    heading TEXT NOT NULL,
    mark TEXT NOT NULL,
    PRIMARY KEY (issue_number, agency_id)
  );
  CREATE INDEX matrix_marks_agency ON matrix_marks(agency_id);
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    network TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    info_json TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    file_path TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    network_supported INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE priorities (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (plan_id, id)
  );
  CREATE TABLE priority_objectives (
    plan_id TEXT NOT NULL,
    priority_id TEXT NOT NULL,
    objective INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (plan_id, priority_id, objective),
    FOREIGN KEY (plan_id, priority_id) REFERENCES priorities(plan_id, id) ON DELETE CASCADE
  );
  CREATE INDEX priority_objectives_objective ON priority_objectives(objective, plan_id);
  CREATE TABLE activities (
    plan_id TEXT NOT NULL,
    id TEXT NOT NULL,
    priority_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    number TEXT NOT NULL,
    text TEXT NOT NULL,
    text_es TEXT,
    references_json TEXT NOT NULL,
    workstreams_json TEXT NOT NULL,
    lead_json TEXT NOT NULL,
    support_json TEXT NOT NULL,
    kind TEXT NOT NULL,
    schedule_json TEXT NOT NULL,
    note TEXT,
    support_network INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, id),
    FOREIGN KEY (plan_id, priority_id) REFERENCES priorities(plan_id, id) ON DELETE CASCADE
  );
  CREATE INDEX activities_number ON activities(plan_id, number);
  CREATE INDEX activities_priority ON activities(plan_id, priority_id, seq);
  CREATE INDEX activities_network ON activities(plan_id, support_network);
  CREATE TABLE activity_agencies (
    plan_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    agency_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
    seq INTEGER NOT NULL,
    PRIMARY KEY (plan_id, activity_id, role, agency_id),
    FOREIGN KEY (plan_id, activity_id) REFERENCES activities(plan_id, id) ON DELETE CASCADE
  );
  CREATE INDEX activity_agencies_agency ON activity_agencies(agency_id, plan_id, role, seq);
  -- Per-priority and per-plan counts, computed at import, for the same reason as agency_counts.
  CREATE TABLE priority_counts (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    priority_id TEXT NOT NULL,
    activities INTEGER NOT NULL,
    PRIMARY KEY (plan_id, priority_id)
  );
  -- Per-agency counts, computed at import: an agency's profile answers in constant time whatever the plan's size.
  CREATE TABLE agency_counts (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    agency_id TEXT NOT NULL,
    leads INTEGER NOT NULL,
    supports INTEGER NOT NULL,
    network_named INTEGER NOT NULL,
    PRIMARY KEY (plan_id, agency_id)
  );
  CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id TEXT NOT NULL,
    at TEXT NOT NULL,
    file_hash TEXT NOT NULL,
    report_json TEXT NOT NULL
  );

  CREATE TABLE completions (
    plan_id TEXT NOT NULL,
    occurrence_key TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    done_by TEXT NOT NULL,
    done_at TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (plan_id, occurrence_key)
  );
  CREATE INDEX completions_activity ON completions(plan_id, activity_id);
  CREATE TABLE meeting_dates (
    plan_id TEXT NOT NULL,
    occurrence_key TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    date TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    PRIMARY KEY (plan_id, occurrence_key)
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    plan_id TEXT,
    target TEXT,
    source TEXT NOT NULL,
    detail_json TEXT NOT NULL DEFAULT '{}'
  );
  CREATE TABLE user_agencies (
    user_id TEXT PRIMARY KEY,
    agency_id TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, plan_id UNINDEXED, title, body, scope,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  `,
  // 2: reminders (exactly once: a row per occurrence and offset, written before posting) and the
  // scheduler lease (one scheduler per database)
  `
  CREATE TABLE reminders (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('reminder', 'digest', 'followup', 'report')),
    plan_id TEXT NOT NULL,
    occurrence_key TEXT,
    activity_id TEXT,
    offset_days INTEGER,
    due_date TEXT,
    fire_at TEXT NOT NULL,
    late INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'skipped', 'cancelled', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    channel TEXT,
    message_ts TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
  );
  CREATE INDEX reminders_status ON reminders(status, next_attempt_at);
  CREATE INDEX reminders_occurrence ON reminders(plan_id, occurrence_key);
  CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  `,
  // 3: agency focal points, named by co-chairs or by users for themselves; kept across plan imports
  `
  CREATE TABLE focal_points (
    agency_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (agency_id, user_id)
  );
  `,
  // 4: the outbox (src/outbox). What it needs lives in columns, never parsed out of a key: the period a
  // message covers (a quarterly report's first and last day, backfilled here from the report's key
  // `plan|report|FROM` and its due date). `kind` names any outbox kind, so that a new kind needs no
  // migration: the table is rebuilt without the CHECK on it (SQLite cannot drop a CHECK in place).
  `
  CREATE TABLE reminders_v4 (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    occurrence_key TEXT,
    activity_id TEXT,
    offset_days INTEGER,
    due_date TEXT,
    period_from TEXT,
    period_to TEXT,
    fire_at TEXT NOT NULL,
    late INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'skipped', 'cancelled', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    channel TEXT,
    message_ts TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
  );
  INSERT INTO reminders_v4 (key, kind, plan_id, occurrence_key, activity_id, offset_days, due_date, period_from, period_to, fire_at, late,
                            status, attempts, next_attempt_at, last_error, channel, message_ts, created_at, sent_at)
  SELECT key, kind, plan_id, occurrence_key, activity_id, offset_days, due_date,
         CASE WHEN kind = 'report' THEN substr(key, instr(key, '|report|') + length('|report|')) END,
         CASE WHEN kind = 'report' THEN due_date END,
         fire_at, late, status, attempts, next_attempt_at, last_error, channel, message_ts, created_at, sent_at
  FROM reminders;
  DROP TABLE reminders;
  ALTER TABLE reminders_v4 RENAME TO reminders;
  CREATE INDEX reminders_status ON reminders(status, next_attempt_at);
  CREATE INDEX reminders_occurrence ON reminders(plan_id, occurrence_key);
  `,
  // 5: a priority's title and text in Spanish, when the plan file has them (rebuilt at every import, like
  // the rest of the plan; null for plans without Spanish texts)
  `
  ALTER TABLE priorities ADD COLUMN title_es TEXT;
  ALTER TABLE priorities ADD COLUMN text_es TEXT;
  `,
  // 6: a bilingual search index: the English and Spanish texts to show, the folded words (prefix matches)
  // and their English and Spanish Snowball stems (src/db/stems.ts), computed at import since FTS5 cannot call
  // JS: the texts' in `stems`, those of names, references and the plan's wording in `more_stems` (ranked lower). The hashes are cleared so that the next start re-imports the plans and fills it.
  `
  DROP TABLE search_index;
  CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, plan_id UNINDEXED, title_en UNINDEXED, title_es UNINDEXED,
    body_en UNINDEXED, body_es UNINDEXED, words, stems, more_stems, scope,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  DELETE FROM meta WHERE key = 'reference_hash';
  UPDATE plans SET file_hash = '';
  `,
  // 7: the note on the source of a priority or an activity in Spanish, when the plan file has one (rebuilt at
  // every import; null otherwise)
  `
  ALTER TABLE priorities ADD COLUMN note_es TEXT;
  ALTER TABLE activities ADD COLUMN note_es TEXT;
  `,
  // 8: the name of a 2014 matrix issue in Spanish, when the matrix file has one (rebuilt at every import)
  `
  ALTER TABLE matrix_issues ADD COLUMN issue_es TEXT;
  `,
  // 9: the host and process id of a lease's holder, so that a restarted bot takes at once a lease left by a
  // process of its host that no longer exists (docs/outbox.md, "The lease"); null for leases written before
  `
  ALTER TABLE leases ADD COLUMN host TEXT;
  ALTER TABLE leases ADD COLUMN pid INTEGER;
  `,
  // 10: statuses (docs/decisions/statuses.md): every status change of an occurrence, kept whole (the latest per
  // occurrence is its current status; none = planned). Completions stay in step with it (a done status has
  // its completion row); each existing completion becomes a `done` change, so it still counts as done.
  `
  CREATE TABLE status_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id TEXT NOT NULL,
    occurrence_key TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'postponed', 'cancelled')),
    date TEXT,
    note TEXT,
    links_json TEXT NOT NULL DEFAULT '[]',
    changed_by TEXT NOT NULL,
    source TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX status_changes_occurrence ON status_changes(plan_id, occurrence_key, id);
  INSERT INTO status_changes (plan_id, occurrence_key, activity_id, status, changed_by, source, at)
  SELECT plan_id, occurrence_key, activity_id, 'done', done_by, source, done_at FROM completions ORDER BY done_at;
  `,
  // 11: every occurrence of a plan as the plan file dates it (before meeting dates and statuses), indexed by due
  // date, so that the minute's pass reads only those whose reminders or follow-ups can fall in its window
  // (src/domain/reminders.ts, occurrencesInWindow). Rebuilt at every import; a plan imported before has
  // dues_indexed = 0 and is read whole until its next import.
  `
  ALTER TABLE plans ADD COLUMN dues_indexed INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE occurrence_dues (
    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    occurrence_key TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    label TEXT,
    due TEXT NOT NULL,
    due_rule TEXT NOT NULL,
    tentative INTEGER NOT NULL,
    PRIMARY KEY (plan_id, occurrence_key)
  ) WITHOUT ROWID;
  CREATE INDEX occurrence_dues_due ON occurrence_dues(plan_id, due);
  `,
  // 12: whether an indexed occurrence's follow-up (its key without a postponed date) is recorded, kept in step by
  // a trigger on every record written, so that the minute's pass reads only the past occurrences whose
  // follow-up is not recorded yet (a partial index), not every past one
  `
  ALTER TABLE occurrence_dues ADD COLUMN followup_recorded INTEGER NOT NULL DEFAULT 0;
  UPDATE occurrence_dues SET followup_recorded = 1
    WHERE EXISTS (SELECT 1 FROM reminders r WHERE r.key = occurrence_dues.plan_id || '|' || occurrence_dues.occurrence_key || '|followup');
  CREATE INDEX occurrence_dues_unfollowed ON occurrence_dues(plan_id, due) WHERE followup_recorded = 0;
  CREATE TRIGGER occurrence_dues_followup AFTER INSERT ON reminders
    WHEN NEW.kind = 'followup' AND NEW.key = NEW.plan_id || '|' || NEW.occurrence_key || '|followup'
  BEGIN
    UPDATE occurrence_dues SET followup_recorded = 1 WHERE plan_id = NEW.plan_id AND occurrence_key = NEW.occurrence_key;
  END;
  `,
  // 13: the co-chairs' periodic update (issue 23): a draft per plan and period, with their opening paragraph and
  // highlights in either language (JSON), who last edited it and when, and who published it to the channel and
  // when (set once: the outbox posts a published draft exactly once, src/outbox/kinds/brief-publish.ts)
  `
  CREATE TABLE brief_drafts (
    plan_id TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    intro_json TEXT NOT NULL DEFAULT '{}',
    edited_by TEXT,
    edited_at TEXT,
    published_by TEXT,
    published_at TEXT,
    PRIMARY KEY (plan_id, period_from, period_to)
  ) WITHOUT ROWID;
  CREATE INDEX brief_drafts_published ON brief_drafts(published_at) WHERE published_at IS NOT NULL;
  `,
  // 14: the offsets of an indexed occurrence whose reminder key (without a postponed date) is recorded, as
  // '|7|1|', kept in step by a trigger on every record written, and an index on (plan, due date, offsets), so
  // that the minute's pass reads, from the index alone, only the occurrences one of whose reminders has come
  // and is not recorded (src/domain/reminders.ts, reminderWindow), not every occurrence due in the next days.
  `
  ALTER TABLE occurrence_dues ADD COLUMN reminded TEXT NOT NULL DEFAULT '|';
  ${remindedBackfill('')}
  DROP INDEX occurrence_dues_due;
  CREATE INDEX occurrence_dues_reminded ON occurrence_dues(plan_id, due, reminded);
  CREATE TRIGGER occurrence_dues_reminder_recorded AFTER INSERT ON reminders
    WHEN NEW.kind = 'reminder' AND ${undatedOffset('NEW')} IS NOT NULL
  BEGIN
    UPDATE occurrence_dues SET reminded = reminded || ${undatedOffset('NEW')} || '|'
      WHERE plan_id = NEW.plan_id AND occurrence_key = NEW.occurrence_key;
  END;
  `,
  // The search index's row counts per term (src/db/search-terms.ts), kept at import as Lucene keeps document
  // frequencies, so that a search ranks by FTS5's BM25 without counting every row of a common word on each
  // query: per plan ('' for the reference rows), the rows holding the term in the words column and in the stems
  // columns, and a row with the term '' saying the plan's rows were counted. Every plan and the reference are
  // imported again at the next start to fill it (as migration 6 did).
  `
  CREATE TABLE search_terms (
    term TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    words INTEGER NOT NULL,
    stems INTEGER NOT NULL,
    PRIMARY KEY (term, plan_id)
  ) WITHOUT ROWID;
  DELETE FROM meta WHERE key = 'reference_hash';
  UPDATE plans SET file_hash = '';
  `,
  // 16: occurrence_dues' two indexes (migrations 12 and 14, on the same leading columns) as one, built once at each
  // import instead of two (a plan of 100,000 activities has 344,447 occurrences): followup_recorded (0 or 1)
  // before the due date, so that the follow-ups' pass reads the range of the unrecorded ones (followup_recorded
  // = 0) as it read the partial index, and the reminders' pass the two ranges (IN (0, 1)) it read as one.
  `
  DROP INDEX occurrence_dues_unfollowed;
  DROP INDEX occurrence_dues_reminded;
  CREATE INDEX occurrence_dues_window ON occurrence_dues(plan_id, followup_recorded, due, reminded);
  `,
  // 17: no index of the activities by whether the whole Network supports them: only the import read it, to count
  // them into plans.network_supported, which it now counts as it writes them (100,000 activities: an index
  // fewer to build at each import).
  `
  DROP INDEX activities_network;
  `,
  // 18: the search index's terms that start with a letter (or any character after the digits), per section
  // ('' for the reference rows), written at import with the term counts: where a search finds the one term a
  // word names as a prefix (src/db/search-store.ts, prefixTerm) by a seek in this table instead of in FTS5's
  // vocabulary, which loads the whole list of rows of the term it lands on (50,022 rows for "migrant" at 100,000
  // activities: a third of a search's time). The terms of digits, each activity's number among them, are left to
  // FTS5's vocabulary as before. No section counts as counted (search_terms' '' rows) until imported again with
  // its terms here: until then the search ranks with FTS5, as with the sections of migration 15.
  `
  CREATE TABLE search_vocab (
    term TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    PRIMARY KEY (term, plan_id)
  ) WITHOUT ROWID;
  DELETE FROM search_terms WHERE term = '';
  DELETE FROM meta WHERE key = 'reference_hash';
  UPDATE plans SET file_hash = '';
  `,
];
