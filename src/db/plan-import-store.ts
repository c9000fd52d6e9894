import type { Db } from './open-database.js';
import type { Bundle, Reference } from '../plan/load.js';
import type { ImportReport, PlanImportWriter } from '../plan/import-port.js';
import type { PlanFile } from '../plan/schema.js';
import { fold } from '../domain/normalize.js';
import { occurrencesOf, type Period } from '../domain/occurrences.js';
import type { PlanChanges } from '../domain/plan-changes.js';
import type {
  ActivityAgencyRow,
  ActivityRow,
  AgencyNameRow,
  AgencyRow,
  ImportRow,
  MatrixIssueRow,
  MatrixMarkRow,
  MetaRow,
  ObjectiveRow,
  PlanRow,
  PrincipleRow,
  PriorityObjectiveRow,
  PriorityRow,
  SearchIndexRow,
} from './rows.js';
import { binaryOrder } from './binary-order.js';
import { scopeToken } from './search-store.js';
import { TermCounts } from './stems.js';
import { matchColumns, type MatchColumns, type SearchTexts, termCountsOf } from './search-rows.js';
import { columnsHere, columnsInWorker, type PendingColumns, type SectionResult } from './search-rows-worker.js';
import { SearchTermsWriter } from './search-terms.js';
import { remindedBackfill } from './migrations.js';

/** An activities row's values in the order of its INSERT (the columns of ActivityRow), bound by position. */
type ActivityValues = [
  planId: string,
  id: string,
  priorityId: string,
  seq: number,
  number: string,
  text: string,
  textEs: string | null,
  referencesJson: string,
  workstreamsJson: string,
  leadJson: string,
  supportJson: string,
  kind: ActivityRow['kind'],
  scheduleJson: string,
  note: string | null,
  noteEs: string | null,
  supportNetwork: number,
];

/** A completion or meeting date recorded for an activity of the plan. */
type OrphanedState = ImportReport['orphanedState'][number];
type PlanPriority = PlanFile['priorities'][number];
type PlanActivity = PlanPriority['activities'][number];

/** A row of the user state recorded for a plan's activities (completions and meeting dates together). */
interface StateOfActivityRow {
  activity_id: string;
  occurrence_key: string;
  kind: OrphanedState['kind'];
}

/**
 * A search index row's values, in the order of `searchColumns`: bound by position, which better-sqlite3 does
 * faster than by name (a plan of 100,000 activities writes as many rows).
 */
type SearchValues = [
  kind: SearchIndexRow['kind'],
  ref: string,
  planId: string,
  titleEn: string,
  titleEs: string,
  bodyEn: string,
  bodyEs: string,
  words: string,
  stems: string,
  moreStems: string,
  scope: string,
];
export const searchColumns = ['kind', 'ref', 'plan_id', 'title_en', 'title_es', 'body_en', 'body_es', 'words', 'stems', 'more_stems', 'scope'] as const;

/**
 * A search index row: the texts to show in each language ('' where there is none) and, for matching, the
 * folded words and the English and Spanish stems of all of them and of `more` (names, references, wording).
 */
function searchRow(kind: SearchIndexRow['kind'], ref: string, planId: string, scope: string, t: SearchTexts, columns: MatchColumns): SearchValues {
  return [kind, ref, planId, t.titleEn, t.titleEs, t.bodyEn, t.bodyEs, ...columns, scope];
}

/** The search texts of a priority's row. */
function priorityTexts(p: PlanPriority): SearchTexts {
  return {
    titleEn: `${p.id}: ${p.title}`,
    titleEs: p.title_es ? `${p.id}: ${p.title_es}` : '',
    bodyEn: p.text,
    bodyEs: p.text_es ?? '',
    more: [p.title, p.title_es],
  };
}

/** The search texts of an activity's row. */
function activityTexts(a: PlanActivity): SearchTexts {
  return {
    titleEn: a.id,
    titleEs: a.id,
    bodyEn: a.text,
    bodyEs: a.text_es ?? '',
    more: [a.id, ...a.references, a.lead.wording, a.support.wording, a.schedule.text],
  };
}

/** The search texts of a plan's rows, in the order they are written: each priority's, then its activities'. */
function planTexts(plan: PlanFile): SearchTexts[] {
  const rows: SearchTexts[] = [];
  for (const p of plan.priorities) {
    rows.push(priorityTexts(p));
    for (const a of p.activities) rows.push(activityTexts(a));
  }
  return rows;
}

/**
 * The plan rows from which their search columns are made on a worker thread while the transaction writes the
 * others (src/db/search-rows-worker.ts). Below it they are made in the importing thread, as before: a small plan
 * gains little from a thread, and the in-process import the bench's memory target measures (10,000 activities)
 * stays as it was.
 */
export const searchWorkerRows = 20_000;

/** A plan's search rows: their texts, in the order they are written, and their columns being made. */
interface PlanSearch {
  rows: SearchTexts[];
  columns: PendingColumns;
}

/**
 * FTS5's `hashsize`, the bytes of new terms it holds in memory before it writes them out as a segment: its
 * default, and the import's (100,000 activities: 2.0–2.2 s of inserts into the search index → 1.5 s).
 */
const defaultHashSize = 1024 * 1024;
export const importHashSize = 16 * 1024 * 1024;

/** The plan's big tables whose secondary indexes an import drops and builds again after the rows (withoutIndexes). */
export const bulkIndexTables = ['activities', 'activity_agencies', 'occurrence_dues', 'priority_objectives'] as const;

/** The reference tables an import rebuilds, and the search index rows they share with every plan. */
const clearReference = `DELETE FROM matrix_marks; DELETE FROM matrix_issues; DELETE FROM agency_names; DELETE FROM agencies;
  DELETE FROM objectives; DELETE FROM principles; DELETE FROM search_index WHERE plan_id = ''; DELETE FROM search_terms WHERE plan_id = '';`;

/**
 * Writes a plan import: the reference data and a plan, with their search index rows, replaced in one
 * transaction. User state (completions, meeting dates, audit) is never touched. Statements are prepared once.
 */
export class PlanImportStore implements PlanImportWriter {
  private readonly s;
  private readonly terms: SearchTermsWriter;
  /** The search rows' term counts of this import, per section (plan id, '' for the reference rows). */
  private readonly counts = new Map<string, TermCounts>();

  /** @param workerRows the plan rows from which the search columns are made on a worker thread (tests lower it). */
  constructor(
    private readonly db: Db,
    private readonly workerRows = searchWorkerRows,
  ) {
    this.terms = new SearchTermsWriter(db);
    this.s = {
      referenceHash: db.prepare<[], string>("SELECT value FROM meta WHERE key = 'reference_hash'").pluck(),
      setMeta: db.prepare<MetaRow>('INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      planHash: db.prepare<[string], string>('SELECT file_hash FROM plans WHERE id = ?').pluck(),
      planSource: db.prepare<[string], string>('SELECT file_path FROM plans WHERE id = ?').pluck(),
      sourceHash: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
      activityIds: db.prepare<[string], string>('SELECT id FROM activities WHERE plan_id = ?').pluck(),
      stateOfActivities: db.prepare<{ planId: string }, StateOfActivityRow>(
        `SELECT activity_id, occurrence_key, kind FROM (
           SELECT activity_id, occurrence_key, 'completion' AS kind FROM completions WHERE plan_id = @planId
           UNION ALL SELECT activity_id, occurrence_key, 'meeting_date' FROM meeting_dates WHERE plan_id = @planId
           UNION ALL SELECT s.activity_id, s.occurrence_key, 'status' FROM status_changes s
             WHERE s.plan_id = @planId AND s.status NOT IN ('done', 'planned')
               AND s.id = (SELECT max(id) FROM status_changes WHERE plan_id = s.plan_id AND occurrence_key = s.occurrence_key))`,
      ),
      // reference data
      addObjective: db.prepare<ObjectiveRow>(
        `INSERT INTO objectives (number, title_en, title_es, title_es_verified, paragraph, short_en, short_es)
         VALUES (@number, @title_en, @title_es, @title_es_verified, @paragraph, @short_en, @short_es)`,
      ),
      addPrinciple: db.prepare<PrincipleRow>('INSERT INTO principles (key, seq, item, name_en, name_es) VALUES (@key, @seq, @item, @name_en, @name_es)'),
      addAgency: db.prepare<AgencyRow>(
        `INSERT INTO agencies (id, seq, roles_json, name_en, name_es, acronym_es, aliases_json, matrix_column, note, profile_json)
         VALUES (@id, @seq, @roles_json, @name_en, @name_es, @acronym_es, @aliases_json, @matrix_column, @note, @profile_json)`,
      ),
      addAgencyName: db.prepare<AgencyNameRow>('INSERT OR IGNORE INTO agency_names (name_norm, agency_id) VALUES (@name_norm, @agency_id)'),
      addMatrixIssue: db.prepare<MatrixIssueRow>('INSERT INTO matrix_issues (number, issue, issue_es) VALUES (@number, @issue, @issue_es)'),
      addMatrixMark: db.prepare<MatrixMarkRow>(
        'INSERT INTO matrix_marks (issue_number, agency_id, heading, mark) VALUES (@issue_number, @agency_id, @heading, @mark)',
      ),
      addSearchRow: db.prepare<SearchValues>(`INSERT INTO search_index (${searchColumns.join(', ')}) VALUES (${searchColumns.map(() => '?').join(', ')})`),
      // FTS5 takes a setting's value only as written in the statement, not as a bound parameter.
      importHashSize: db.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${importHashSize})`),
      defaultHashSize: db.prepare(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${defaultHashSize})`),
      // the plan
      deleteSearchRowsOfPlan: db.prepare<[string]>('DELETE FROM search_index WHERE plan_id = ?'),
      deletePlan: db.prepare<[string]>('DELETE FROM plans WHERE id = ?'), // cascades to priorities, activities, links, counts
      addPlan: db.prepare<Omit<PlanRow, 'network_supported'>>(
        `INSERT INTO plans (id, title, network, period_start, period_end, info_json, file_hash, file_path, imported_at)
         VALUES (@id, @title, @network, @period_start, @period_end, @info_json, @file_hash, @file_path, @imported_at)`,
      ),
      addPriority: db.prepare<PriorityRow>(
        'INSERT INTO priorities (plan_id, id, seq, kind, title, title_es, text, text_es, note, note_es) VALUES (@plan_id, @id, @seq, @kind, @title, @title_es, @text, @text_es, @note, @note_es)',
      ),
      addPriorityObjective: db.prepare<PriorityObjectiveRow>(
        'INSERT INTO priority_objectives (plan_id, priority_id, objective, seq) VALUES (@plan_id, @priority_id, @objective, @seq)',
      ),
      addActivity: db.prepare<ActivityValues>(
        `INSERT INTO activities (plan_id, id, priority_id, seq, number, text, text_es, references_json, workstreams_json,
           lead_json, support_json, kind, schedule_json, note, note_es, support_network)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      addActivityAgency: db.prepare<[planId: string, activityId: string, agencyId: string, role: ActivityAgencyRow['role'], seq: number]>(
        'INSERT OR IGNORE INTO activity_agencies (plan_id, activity_id, agency_id, role, seq) VALUES (?, ?, ?, ?, ?)',
      ),
      addOccurrenceDue: db.prepare<[planId: string, key: string, activityId: string, label: string | null, due: string, dueRule: string, tentative: number]>(
        `INSERT INTO occurrence_dues (plan_id, occurrence_key, activity_id, label, due, due_rule, tentative) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      // The follow-ups recorded under an earlier import of the plan (migration 12; a trigger keeps it in step after).
      followupsRecorded: db.prepare<{ planId: string }>(
        `UPDATE occurrence_dues SET followup_recorded = 1 WHERE plan_id = @planId AND occurrence_key IN (
           SELECT occurrence_key FROM reminders WHERE plan_id = @planId AND kind = 'followup' AND key = plan_id || '|' || occurrence_key || '|followup')`,
      ),
      // The reminders recorded under an earlier import (migration 14; a trigger keeps it in step after).
      remindersRecorded: db.prepare<{ planId: string }>(remindedBackfill('@planId')),
      duesIndexed: db.prepare<[string]>('UPDATE plans SET dues_indexed = 1 WHERE id = ?'),
      // The indexes written after the rows (withoutIndexes); not those behind a primary key (no sql).
      bulkIndexes: db.prepare<[], { name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
           AND tbl_name IN (${bulkIndexTables.map((t) => `'${t}'`).join(', ')})`,
      ),
      addPriorityCount: db.prepare<[planId: string, priorityId: string, activities: number]>(
        'INSERT INTO priority_counts (plan_id, priority_id, activities) VALUES (?, ?, ?)',
      ),
      setNetworkSupported: db.prepare<[count: number, planId: string]>('UPDATE plans SET network_supported = ? WHERE id = ?'),
      addAgencyCount: db.prepare<[planId: string, agencyId: string, leads: number, supports: number, networkNamed: number]>(
        'INSERT INTO agency_counts (plan_id, agency_id, leads, supports, network_named) VALUES (?, ?, ?, ?, ?)',
      ),
      recordImport: db.prepare<Omit<ImportRow, 'id'>>(
        'INSERT INTO imports (plan_id, at, file_hash, report_json) VALUES (@plan_id, @at, @file_hash, @report_json)',
      ),
    };
  }

  /** The stored hash of a plan's file, or of the reference files ('reference'), or null. */
  importedHash(planId: string | 'reference'): string | null {
    return (planId === 'reference' ? this.s.referenceHash.get() : this.s.planHash.get(planId)) ?? null;
  }

  /**
   * Replaces the reference data and the bundle's plan in one transaction. Idempotent: importing the same
   * bundle twice leaves the same rows. User state is never touched; state of activities that left the
   * plan is reported in the result.
   */
  importBundle(bundle: Bundle, importedAt: string, changes?: PlanChanges): ImportReport {
    // The plan's search columns are started first: on a large plan, on another core while the rest is written.
    const rows = planTexts(bundle.plan);
    const search = { rows, columns: rows.length >= this.workerRows ? columnsInWorker(rows, false) : columnsHere(rows, false) };
    try {
      return this.writeBundle(bundle, importedAt, search, changes);
    } finally {
      search.columns.stop();
      this.counts.clear();
    }
  }

  private writeBundle(bundle: Bundle, importedAt: string, search: PlanSearch, changes?: PlanChanges): ImportReport {
    return this.db.transaction(() => {
      // FTS5 keeps the new rows' terms in memory and writes them out as a segment whenever they pass its hash
      // size (1 MB), segments it then merges: a larger one for the import, the default again before it commits.
      this.s.importHashSize.run();
      if (this.importedHash('reference') !== bundle.reference.hash) this.replaceReference(bundle.reference);
      this.s.setMeta.run({ key: sourceKey(bundle.planFile), value: bundle.planHash });
      const report = this.replacePlan(bundle, importedAt, search, changes);
      for (const [planId, counts] of this.counts) this.terms.write(planId, counts, scopeToken(planId));
      this.s.defaultHashSize.run();
      return report;
    })();
  }

  /** The term counts of the reference's search rows (src/db/search-terms.ts), new for each import. */
  private referenceCounts(): TermCounts {
    let c = this.counts.get('');
    if (!c) {
      // The reference rows' terms are all kept (src/db/search-terms.ts), their numbers too.
      c = new TermCounts(true);
      this.counts.set('', c);
    }
    return c;
  }

  /** A search index row of the reference (an objective, an agency), its columns made here. */
  private addReferenceRow(kind: SearchIndexRow['kind'], ref: string, t: SearchTexts): void {
    this.s.addSearchRow.run(...searchRow(kind, ref, '', scopeToken(''), t, matchColumns(t, this.referenceCounts())));
  }

  /**
   * The plan's search index rows, in the order of planTexts (each priority's, then its activities'): their
   * texts `rows`, the columns `made` from them, and their term counts.
   */
  private addPlanSearchRows(plan: PlanFile, rows: readonly SearchTexts[], made: SectionResult): void {
    const add = this.s.addSearchRow;
    const scope = scopeToken(plan.id);
    let i = 0;
    for (const p of plan.priorities) {
      add.run(...searchRow('priority', p.id, plan.id, scope, rows[i]!, made.columns[i++]!));
      for (const a of p.activities) add.run(...searchRow('activity', a.id, plan.id, scope, rows[i]!, made.columns[i++]!));
    }
    this.counts.set(plan.id, termCountsOf(made.counts));
  }

  /** The file a stored plan was last imported from, or null when the plan is not loaded. */
  importedFrom(planId: string): string | null {
    return this.s.planSource.get(planId) ?? null;
  }

  /** The hash of `file` when it was last imported (whatever plan it held), or null when never. */
  importedHashOf(file: string): string | null {
    return this.s.sourceHash.get(sourceKey(file)) ?? null;
  }

  /** Rebuilds the objectives, principles, agencies (with their names) and the matrix, and their search rows. */
  private replaceReference(ref: Reference): void {
    const s = this.s;
    this.db.exec(clearReference);
    for (const o of ref.gcm.objectives) {
      s.addObjective.run({
        number: o.number,
        title_en: o.title_en,
        title_es: o.title_es,
        title_es_verified: o.title_es_verified ? 1 : 0,
        paragraph: o.paragraph,
        short_en: o.short_en,
        short_es: o.short_es,
      });
      this.addReferenceRow('objective', String(o.number), {
        titleEn: `${o.number}: ${o.title_en}`,
        titleEs: `${o.number}: ${o.title_es}`,
        bodyEn: o.short_en,
        bodyEs: o.short_es,
        more: [o.title_en, o.title_es],
      });
    }
    ref.gcm.guiding_principles.forEach((g, i) => {
      s.addPrinciple.run({ key: g.key, seq: i, item: g.item, name_en: g.name_en, name_es: g.name_es });
    });
    ref.agencies.agencies.forEach((a, i) => {
      const profile = a.profile
        ? {
            sourceHeading: a.profile.source_heading,
            mandate: a.profile.mandate,
            migrationWork: a.profile.migration_work,
            mandateEs: a.profile.mandate_es ?? null,
            migrationWorkEs: a.profile.migration_work_es ?? null,
          }
        : null;
      s.addAgency.run({
        id: a.id,
        seq: i,
        roles_json: JSON.stringify(a.roles),
        name_en: a.name_en,
        name_es: a.name_es,
        acronym_es: a.acronym_es,
        aliases_json: JSON.stringify(a.aliases),
        matrix_column: a.matrix_column,
        note: a.note,
        profile_json: profile ? JSON.stringify(profile) : null,
      });
      for (const name of [a.id, a.acronym_es, a.name_en, a.name_es, ...a.aliases]) {
        if (name) s.addAgencyName.run({ name_norm: fold(name), agency_id: a.id });
      }
      this.addReferenceRow('agency', a.id, {
        titleEn: `${a.id}: ${a.name_en}`,
        titleEs: `${a.acronym_es ?? a.id}: ${a.name_es ?? a.name_en}`,
        bodyEn: [profile?.mandate, profile?.migrationWork].filter(Boolean).join(' '),
        bodyEs: [profile?.mandateEs, profile?.migrationWorkEs].filter(Boolean).join(' '),
        more: [a.name_en, a.name_es, a.acronym_es, ...a.aliases],
      });
    });
    const headingOf = new Map(ref.matrix.columns.map((c) => [c.agency, c.heading]));
    for (const issue of ref.matrix.issues) {
      s.addMatrixIssue.run({ number: issue.number, issue: issue.issue, issue_es: issue.issue_es ?? null });
      for (const [agencyId, mark] of Object.entries(issue.marks)) {
        s.addMatrixMark.run({ issue_number: issue.number, agency_id: agencyId, heading: headingOf.get(agencyId) ?? agencyId, mark });
      }
    }
    s.setMeta.run({ key: 'reference_hash', value: ref.hash });
  }

  /** Replaces the plan's rows (and its counts and search rows), records the import when the file changed. */
  private replacePlan(bundle: Bundle, importedAt: string, search: PlanSearch, changes?: PlanChanges): ImportReport {
    const s = this.s;
    const plan: PlanFile = bundle.plan;
    const before = new Set(s.activityIds.all(plan.id));
    const changed = this.importedHash(plan.id) !== bundle.planHash;
    s.deleteSearchRowsOfPlan.run(plan.id);
    this.terms.drop(plan.id);
    s.deletePlan.run(plan.id);
    this.addPlanRow(bundle, importedAt);
    const after = new Set<string>();
    const period = { periodStart: plan.period.start, periodEnd: plan.period.end };
    let seq = 0;
    const tally = new AgencyTally();
    this.withoutIndexes(() => {
      plan.priorities.forEach((p, pi) => {
        this.addPriority(plan.id, p, pi);
        for (const a of p.activities) {
          after.add(a.id);
          this.addActivity(plan.id, p.id, a, seq++);
          this.addOccurrenceDues(plan.id, a, period);
          tally.add(a);
        }
      });
    });
    this.addPlanSearchRows(plan, search.rows, search.columns.take());
    s.followupsRecorded.run({ planId: plan.id });
    s.remindersRecorded.run({ planId: plan.id });
    s.duesIndexed.run(plan.id);
    for (const p of byId(plan.priorities)) if (p.activities.length > 0) s.addPriorityCount.run(plan.id, p.id, p.activities.length);
    s.setNetworkSupported.run(tally.networkSupported, plan.id);
    for (const [agencyId, c] of tally.sorted()) s.addAgencyCount.run(plan.id, agencyId, c.leads, c.supports, c.networkNamed);
    const report: ImportReport = {
      planId: plan.id,
      changed,
      priorities: plan.priorities.length,
      activities: seq,
      added: before.size === 0 ? [] : [...after].filter((id) => !before.has(id)),
      removed: [...before].filter((id) => !after.has(id)),
      orphanedState: this.orphanedState(plan.id, after),
      ...(changes ? { changes } : {}),
    };
    if (changed) s.recordImport.run({ plan_id: plan.id, at: importedAt, file_hash: bundle.planHash, report_json: JSON.stringify(report) });
    return report;
  }

  /**
   * Runs `fn` (the plan's rows written) with the secondary indexes of the plan's big tables dropped, then
   * creates them again as they were: one sort per index instead of a B-tree insert per row (a plan of 100,000
   * activities writes about two million rows). Inside the import's transaction, so a failure leaves them as
   * they were.
   */
  private withoutIndexes(fn: () => void): void {
    const indexes = this.s.bulkIndexes.all();
    for (const i of indexes) this.db.exec(`DROP INDEX "${i.name}"`);
    fn();
    for (const i of indexes) this.db.exec(i.sql);
  }

  /** The plan's own row: its period, the rest of its header as JSON, and where and when it came from. */
  private addPlanRow(bundle: Bundle, importedAt: string): void {
    const plan = bundle.plan;
    this.s.addPlan.run({
      id: plan.id,
      title: plan.title,
      network: plan.network,
      period_start: plan.period.start,
      period_end: plan.period.end,
      info_json: JSON.stringify({
        co_leads: plan.co_leads,
        endorsed: plan.endorsed,
        monitoring: plan.monitoring,
        period_note: plan.period_note,
        translation_es: plan.translation_es,
        title_es: plan.title_es,
      }),
      file_hash: bundle.planHash,
      file_path: bundle.planFile,
      imported_at: importedAt,
    });
  }

  /** A priority of the plan and its GCM objectives (its activities: addActivity; its search row: addPlanSearchRows). */
  private addPriority(planId: string, p: PlanPriority, seq: number): void {
    const s = this.s;
    s.addPriority.run({
      plan_id: planId,
      id: p.id,
      seq,
      kind: p.kind,
      title: p.title,
      title_es: p.title_es ?? null,
      text: p.text,
      text_es: p.text_es ?? null,
      note: p.note ?? null,
      note_es: p.note_es ?? null,
    });
    p.objectives.forEach((n, i) => {
      s.addPriorityObjective.run({ plan_id: planId, priority_id: p.id, objective: n, seq: i });
    });
  }

  /** An activity and its lead and supporting agencies; `seq` orders it in the whole plan (its search row: addPlanSearchRows). */
  private addActivity(planId: string, priorityId: string, a: PlanActivity, seq: number): void {
    const s = this.s;
    s.addActivity.run(
      planId,
      a.id,
      priorityId,
      seq,
      a.id.slice(1),
      a.text,
      a.text_es ?? null,
      JSON.stringify(a.references),
      JSON.stringify(a.workstreams),
      JSON.stringify(a.lead),
      JSON.stringify(a.support),
      a.kind,
      JSON.stringify(a.schedule),
      a.note ?? null,
      a.note_es ?? null,
      a.support.network ? 1 : 0,
    );
    for (const id of a.lead.agencies) s.addActivityAgency.run(planId, a.id, id, 'lead', seq);
    for (const id of a.support.agencies) s.addActivityAgency.run(planId, a.id, id, 'support', seq);
  }

  /**
   * The activity's dated occurrences as the plan file dates them (no meeting date, no status), for the
   * minute's pass to find by due date (migration 11; src/domain/reminders.ts, occurrencesInWindow).
   */
  private addOccurrenceDues(planId: string, a: PlanActivity, period: Period): void {
    for (const o of occurrencesOf(a, period)) {
      if (!o.due) continue;
      this.s.addOccurrenceDue.run(planId, o.key, o.activityId, o.label, o.due, o.dueRule, o.tentative ? 1 : 0);
    }
  }

  /** The user state (completions, meeting dates, statuses) kept for activities the plan no longer has. */
  private orphanedState(planId: string, activities: ReadonlySet<string>): OrphanedState[] {
    return this.s.stateOfActivities
      .all({ planId })
      .filter((r) => !activities.has(r.activity_id))
      .map((r): OrphanedState => ({ activityId: r.activity_id, occurrenceKey: r.occurrence_key, kind: r.kind }));
  }
}

/** An agency's row of agency_counts: the activities naming it as lead, as support, and those the Network supports. */
type AgencyCount = { leads: number; supports: number; networkNamed: number };

/**
 * The agency_counts of a plan, counted as its activities are written: per agency, the activities that name it
 * as lead, as support, and those of them the whole Network supports (naming it in either role), each activity
 * once per count, as the activity_agencies rows stand (INSERT OR IGNORE: a name listed twice is one row).
 * Counting them here spares the aggregate over every link row after the import (0.5 s at 100,000 activities).
 * Also the plan's activities the whole Network supports (plans.network_supported), so that no index of the
 * activities by that flag is built at each import only to count them.
 */
class AgencyTally {
  private readonly counts = new Map<string, AgencyCount>();
  networkSupported = 0;

  add(a: PlanActivity): void {
    if (a.support.network) this.networkSupported++;
    const lead = new Set(a.lead.agencies);
    const support = new Set(a.support.agencies);
    for (const id of lead) this.of(id).leads++;
    for (const id of support) this.of(id).supports++;
    if (a.support.network) for (const id of new Set([...lead, ...support])) this.of(id).networkNamed++;
  }

  /** The counts by agency id, in SQLite's order of the ids (BINARY). */
  sorted(): [string, AgencyCount][] {
    return [...this.counts].sort(([x], [y]) => binaryOrder(x, y));
  }

  private of(id: string): AgencyCount {
    let c = this.counts.get(id);
    if (!c) {
      c = { leads: 0, supports: 0, networkNamed: 0 };
      this.counts.set(id, c);
    }
    return c;
  }
}

/** A plan's priorities in the order of their ids, as the aggregate that counted their activities wrote them. */
const byId = (priorities: readonly PlanPriority[]) => [...priorities].sort((x, y) => binaryOrder(x.id, y.id));

/** The meta key under which the hash last imported from a plan file (or folder of tables) is kept. */
const sourceKey = (file: string) => `source:${file}`;
