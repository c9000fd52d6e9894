import type { Statement } from 'better-sqlite3';
import type { Db } from './open-database.js';
import type { ActivitySchedule, ListedActivity, LoadedPlan, OccurrenceWindow, PlanImport, PlanReader } from '../domain/ports.js';
import type { PlanChanges } from '../domain/plan-changes.js';
import type {
  Activity,
  Agency,
  AgencyProfile,
  MatrixMark,
  Objective,
  Occurrence,
  PlanInfo,
  Principle,
  Priority,
  SearchHit,
  Language,
} from '../domain/types.js';
import type {
  ActivityAgencyRow,
  ActivityRow,
  AgencyCountsRow,
  AgencyNameRow,
  AgencyRow,
  MatrixIssueRow,
  MatrixMarkRow,
  ObjectiveRow,
  OccurrenceDueRow,
  ImportRow,
  PlanRow,
  PrincipleRow,
  PriorityRow,
} from './rows.js';
import { SearchStore } from './search-store.js';

/** The JSON text of a `*_json` column, parsed (the import wrote it from the validated file). */
const json = <T>(text: string): T => JSON.parse(text) as T;

/** What `plans.info_json` holds. */
interface PlanInfoJson {
  co_leads: string[];
  endorsed?: string;
  monitoring?: string;
  period_note?: string;
  translation_es?: 'official' | 'project';
  title_es?: string;
}

function toPlan(r: PlanRow): PlanInfo {
  const info = json<PlanInfoJson>(r.info_json);
  return {
    id: r.id,
    title: r.title,
    network: r.network,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    coLeads: info.co_leads,
    endorsed: info.endorsed ?? null,
    monitoring: info.monitoring ?? null,
    periodNote: info.period_note ?? null,
    translationEs: info.translation_es ?? null,
    titleEs: info.title_es ?? null,
  };
}

function toObjective(r: ObjectiveRow): Objective {
  return { number: r.number, titleEn: r.title_en, titleEs: r.title_es, shortEn: r.short_en, shortEs: r.short_es, paragraph: r.paragraph };
}

function toPrinciple(r: PrincipleRow): Principle {
  return { key: r.key, item: r.item, nameEn: r.name_en, nameEs: r.name_es };
}

function toPriority(r: PriorityRow, objectives: number[]): Priority {
  return {
    planId: r.plan_id,
    id: r.id,
    kind: r.kind,
    title: r.title,
    titleEs: r.title_es,
    text: r.text,
    textEs: r.text_es,
    note: r.note,
    noteEs: r.note_es,
    objectives,
  };
}

/**
 * The columns an Activity is built from, in this order, then its five JSON columns read as one JSON array
 * (`jsonColumns`). Activity statements return them as arrays (`raw()`): better-sqlite3 builds an array of a row
 * about twice as fast as an object of sixteen named properties, and an agency's answer at 100,000 activities
 * reads 80 of them (bench/growth.ts); one JSON text parsed once costs less than five parsed one by one.
 */
const activityColumns = [
  'plan_id',
  'priority_id',
  'id',
  'number',
  'text',
  'text_es',
  'kind',
  'note',
  'note_es',
] as const satisfies readonly (keyof ActivityRow)[];
const jsonColumns = ['references_json', 'workstreams_json', 'lead_json', 'support_json', 'schedule_json'] as const satisfies readonly (keyof ActivityRow)[];

/** An activity's own cells, after its plan and priority (`raw()`). */
type TextCells = [id: string, number: string, text: string, textEs: string | null, kind: ActivityRow['kind'], note: string | null, noteEs: string | null];

/**
 * What a list shows of an activity's row (`raw()`): ListedActivity. Its lead and schedule as their own two
 * JSON cells, each parsed as it is, not joined into one array string first (one string and one array less a row).
 */
type ListedCells = [...TextCells, leadJson: string, scheduleJson: string];

/** An activity row as `raw()` returns it: the values of `activityColumns`, in order, then the JSON array of `jsonColumns`. */
type ActivityCells = [planId: string, priorityId: string, ...TextCells, json: string];

/** An activity's schedule and its plan's period as `activitySchedule` reads them (`raw()`). */
type ScheduleCells = [periodStart: string, periodEnd: string, kind: Activity['kind'], scheduleJson: string];

/** What the JSON array of `jsonColumns` holds, in order. */
type ActivityJson = [Activity['references'], Activity['workstreams'], Activity['lead'], Activity['support'], Activity['schedule']];

/** `activityColumns` and the JSON array of `jsonColumns` for a SELECT, each prefixed with `table.` when given. */
const selectActivity = (table = '') =>
  [...activityColumns.map((c) => `${table}${c}`), `'[' || ${jsonColumns.map((c) => `${table}${c}`).join(" || ',' || ")} || ']'`].join(', ');

function toActivity(r: ActivityCells): Activity {
  const [planId, priorityId, id, number, text, textEs, kind, note, noteEs, cells] = r;
  const [references, workstreams, lead, support, schedule] = json<ActivityJson>(cells);
  return { planId, id, priorityId, number, text, textEs, references, workstreams, lead, support, kind, schedule, note, noteEs };
}

/** A priority's activity as a list shows it (ListedActivity): its plan and priority are the ones asked for. */
function toListed(planId: string, priorityId: string, r: ListedCells): ListedActivity {
  const [id, number, text, textEs, kind, note, noteEs, leadJson, scheduleJson] = r;
  return { planId, id, priorityId, number, text, textEs, lead: json(leadJson), kind, schedule: json(scheduleJson), note, noteEs };
}

function toOccurrence(r: OccurrenceDueRow): Occurrence {
  const dueRule = r.due_rule as Occurrence['dueRule'];
  return { key: r.occurrence_key, activityId: r.activity_id, label: r.label, due: r.due, dueRule, tentative: r.tentative === 1, status: 'planned' };
}

function toAgency(r: AgencyRow): Agency {
  return {
    id: r.id,
    roles: json(r.roles_json),
    nameEn: r.name_en,
    nameEs: r.name_es,
    acronymEs: r.acronym_es,
    aliases: json(r.aliases_json),
    matrixColumn: r.matrix_column,
    note: r.note,
    profile: r.profile_json ? toProfile(json(r.profile_json)) : null,
  };
}

/** A stored profile; one written before the Spanish fields existed has none (null, not missing). */
function toProfile(p: Partial<AgencyProfile> & Pick<AgencyProfile, 'sourceHeading' | 'mandate' | 'migrationWork'>): AgencyProfile {
  return { ...p, mandateEs: p.mandateEs ?? null, migrationWorkEs: p.migrationWorkEs ?? null };
}

/** A row of the matrix marks of one agency, with the text of each issue. */
type AgencyMarkRow = Pick<MatrixMarkRow, 'issue_number' | 'mark'> & Pick<MatrixIssueRow, 'issue' | 'issue_es'>;

function toMatrixMark(r: AgencyMarkRow): MatrixMark {
  return { issueNumber: r.issue_number, issue: r.issue, issueEs: r.issue_es, mark: r.mark };
}

type Role = ActivityAgencyRow['role'];

/**
 * The read queries the domain needs on the plans and their reference data: the PlanReader. Search is the
 * SearchStore's (PlanStore builds one and delegates search() to it); writing an import is the
 * PlanImportStore's. Statements are prepared once; rows are mapped to domain types here.
 */
export class PlanStore implements PlanReader {
  private readonly s;
  private readonly index: SearchStore;

  constructor(private readonly db: Db) {
    this.index = new SearchStore(db);
    this.s = {
      plans: db.prepare<[], PlanRow>('SELECT * FROM plans ORDER BY period_end DESC, id'),
      plan: db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE id = ?'),
      importsOf: db.prepare<[string], ImportRow>('SELECT * FROM imports WHERE plan_id = ? ORDER BY id'),
      objective: db.prepare<[number], ObjectiveRow>('SELECT * FROM objectives WHERE number = ?'),
      objectives: db.prepare<[], ObjectiveRow>('SELECT * FROM objectives ORDER BY number'),
      objectiveMax: db.prepare<[], number | null>('SELECT max(number) FROM objectives').pluck(),
      principles: db.prepare<[], PrincipleRow>('SELECT * FROM principles ORDER BY seq'),
      priority: db.prepare<{ planId: string; id: string }, PriorityRow>('SELECT * FROM priorities WHERE plan_id = @planId AND id = @id'),
      priorities: db.prepare<[string], PriorityRow>('SELECT * FROM priorities WHERE plan_id = ? ORDER BY seq'),
      objectivesOfPriority: db
        .prepare<{ planId: string; priorityId: string }, number>(
          'SELECT objective FROM priority_objectives WHERE plan_id = @planId AND priority_id = @priorityId ORDER BY seq',
        )
        .pluck(),
      prioritiesForObjective: db.prepare<{ planId: string; objective: number }, PriorityRow>(
        `SELECT p.* FROM priority_objectives po JOIN priorities p ON p.plan_id = po.plan_id AND p.id = po.priority_id
         WHERE po.objective = @objective AND po.plan_id = @planId ORDER BY p.seq`,
      ),
      activity: db
        .prepare<{ planId: string; id: string }, ActivityCells>(`SELECT ${selectActivity()} FROM activities WHERE plan_id = @planId AND id = @id`)
        .raw(),
      // One row with the plan's period: a click reads nothing else of either (no other JSON column parsed).
      activitySchedule: db
        .prepare<{ planId: string; id: string }, ScheduleCells>(
          `SELECT p.period_start, p.period_end, a.kind, a.schedule_json FROM activities a JOIN plans p ON p.id = a.plan_id
           WHERE a.plan_id = @planId AND a.id = @id`,
        )
        .raw(),
      activitiesByNumber: db
        .prepare<{ planId: string; number: string }, ActivityCells>(
          `SELECT ${selectActivity()} FROM activities WHERE plan_id = @planId AND number = @number ORDER BY seq`,
        )
        .raw(),
      // Only the columns a list shows (ListedActivity): objective 23 at 100,000 activities lists 120.
      activitiesOfPriority: db
        .prepare<{ planId: string; priorityId: string; limit: number }, ListedCells>(
          `SELECT id, number, text, text_es, kind, note, note_es, lead_json, schedule_json
           FROM activities WHERE plan_id = @planId AND priority_id = @priorityId ORDER BY seq LIMIT @limit`,
        )
        .raw(),
      countOfPriority: db
        .prepare<{ planId: string; priorityId: string }, number>('SELECT activities FROM priority_counts WHERE plan_id = @planId AND priority_id = @priorityId')
        .pluck(),
      activities: db.prepare<[string], ActivityCells>(`SELECT ${selectActivity()} FROM activities WHERE plan_id = ? ORDER BY seq`).raw(),
      countActivities: db.prepare<[string], number>('SELECT count(*) FROM activities WHERE plan_id = ?').pluck(),
      activitiesOfAgency: db
        .prepare<{ planId: string; agencyId: string; role: Role; limit: number }, ActivityCells>(
          `SELECT ${selectActivity('a.')} FROM activity_agencies aa JOIN activities a ON a.plan_id = aa.plan_id AND a.id = aa.activity_id
         WHERE aa.agency_id = @agencyId AND aa.plan_id = @planId AND aa.role = @role ORDER BY aa.seq LIMIT @limit`,
        )
        .raw(),
      agencyCounts: db.prepare<{ planId: string; agencyId: string }, AgencyCountsRow>(
        'SELECT * FROM agency_counts WHERE plan_id = @planId AND agency_id = @agencyId',
      ),
      networkSupported: db.prepare<[string], number>('SELECT network_supported FROM plans WHERE id = ?').pluck(),
      agency: db.prepare<[string], AgencyRow>('SELECT * FROM agencies WHERE id = ?'),
      agencies: db.prepare<[], AgencyRow>('SELECT * FROM agencies ORDER BY seq'),
      agencyIdsByName: db.prepare<[string], string>('SELECT agency_id FROM agency_names WHERE name_norm = ?').pluck(),
      agencyNames: db.prepare<[], AgencyNameRow>('SELECT name_norm, agency_id FROM agency_names'),
      matrixMarks: db.prepare<[string], AgencyMarkRow>(
        `SELECT m.issue_number, i.issue, i.issue_es, m.mark FROM matrix_marks m JOIN matrix_issues i ON i.number = m.issue_number
         WHERE m.agency_id = ? ORDER BY m.issue_number`,
      ),
      duesIndexed: db.prepare<[string], number>('SELECT dues_indexed FROM plans WHERE id = ?').pluck(),
      // followup_recorded is 0 or 1: IN (0, 1) reads the due dates' range of each from the index (migration 16).
      occurrencesDue: db.prepare<{ planId: string; from: string; to: string }, OccurrenceDueRow>(
        'SELECT * FROM occurrence_dues INDEXED BY occurrence_dues_window WHERE plan_id = @planId AND followup_recorded IN (0, 1) AND due BETWEEN @from AND @to',
      ),
      // followup_recorded: the key `plan|occurrence|followup` is in reminders (migration 12, its trigger).
      followupsUnrecorded: db.prepare<{ planId: string; from: string; to: string }, OccurrenceDueRow>(
        'SELECT * FROM occurrence_dues WHERE plan_id = @planId AND followup_recorded = 0 AND due BETWEEN @from AND @to',
      ),
    };
  }

  /** The plan's occurrences as its file dates them, due in `window` (PlanReader); null when not indexed. */
  indexedOccurrences(planId: string, window: OccurrenceWindow): Occurrence[] | null {
    if (this.s.duesIndexed.get(planId) !== 1) return null;
    const params = { planId, from: window.from ?? '', to: window.to };
    const gaps = window.unrecordedReminders;
    if (gaps) {
      if (gaps.length === 0) return [];
      const byGap = Object.fromEntries(
        gaps.flatMap((g, i) => [
          [`g${i}`, `|${g.offset}|`],
          [`to${i}`, g.to],
        ]),
      );
      // The range read ends at the last due date any reminder has come for, not at the window's end.
      const last = gaps.reduce((to, g) => (g.to > to ? g.to : to), '');
      const to = last < params.to ? last : params.to;
      return this.remindersUnrecorded(gaps.length)
        .all({ ...params, to, ...byGap })
        .map(toOccurrence);
    }
    const query = window.unrecordedFollowup ? this.s.followupsUnrecorded : this.s.occurrencesDue;
    return query.all(params).map(toOccurrence);
  }

  private readonly unrecordedQueries = new Map<number, Statement<Record<string, string>, OccurrenceDueRow>>();

  /**
   * The occurrences due from @from to @to with, for some offset @gI, a due date up to @toI (its reminder has
   * come) and that offset (@gI, '|7|') not in `reminded` (migration 14): two ranges of the index (followup_recorded
   * 0 and 1, migration 16), filtered on its own columns; a statement per number of offsets.
   */
  private remindersUnrecorded(n: number): Statement<Record<string, string>, OccurrenceDueRow> {
    let q = this.unrecordedQueries.get(n);
    if (!q) {
      const anyGap = Array.from({ length: n }, (_, i) => `(due <= @to${i} AND instr(reminded, @g${i}) = 0)`).join(' OR ');
      q = this.db.prepare<Record<string, string>, OccurrenceDueRow>(
        // The keys from the index alone (it holds every column the filter reads), then the rows of those few:
        // a filter on the whole row would look each row of the range up in the table.
        `SELECT * FROM occurrence_dues WHERE plan_id = @planId AND occurrence_key IN (
           SELECT occurrence_key FROM occurrence_dues INDEXED BY occurrence_dues_window
           WHERE plan_id = @planId AND followup_recorded IN (0, 1) AND due BETWEEN @from AND @to AND (${anyGap}))`,
      );
      this.unrecordedQueries.set(n, q);
    }
    return q;
  }

  /** Every stored plan, latest period end first. */
  plans(): PlanInfo[] {
    return this.s.plans.all().map(toPlan);
  }

  /** Every stored plan with the file it came from and when it was imported, latest period end first. */
  loadedPlans(): LoadedPlan[] {
    return this.s.plans.all().map((r) => ({ ...toPlan(r), filePath: r.file_path, importedAt: r.imported_at }));
  }

  /** The recorded imports of a plan, oldest first, with the summary of what each changed when recorded. */
  importsOf(planId: string): PlanImport[] {
    return this.s.importsOf.all(planId).map((r) => ({
      id: r.id,
      planId: r.plan_id,
      at: r.at,
      changes: json<{ changes?: PlanChanges }>(r.report_json).changes ?? null,
    }));
  }

  /** The plan with id `id`, or null. */
  plan(id: string): PlanInfo | null {
    const r = this.s.plan.get(id);
    return r ? toPlan(r) : null;
  }

  /** GCM objective `n`, or null. */
  objective(n: number): Objective | null {
    const r = this.s.objective.get(n);
    return r ? toObjective(r) : null;
  }

  /** The highest objective number (23 for the GCM). */
  objectiveMax(): number {
    return this.s.objectiveMax.get() ?? 0;
  }

  /** The GCM objectives, by number. */
  objectives(): Objective[] {
    return this.s.objectives.all().map(toObjective);
  }

  /** The GCM guiding principles, in their order. */
  principles(): Principle[] {
    return this.s.principles.all().map(toPrinciple);
  }

  /** A priority of the plan, or null. */
  priority(planId: string, id: string): Priority | null {
    const r = this.s.priority.get({ planId, id });
    return r ? this.withObjectives(r) : null;
  }

  /** The plan's priorities, in plan order. */
  priorities(planId: string): Priority[] {
    return this.s.priorities.all(planId).map((r) => this.withObjectives(r));
  }

  /** The priorities of the plan that cite GCM objective `n`, in plan order. */
  prioritiesForObjective(planId: string, n: number): Priority[] {
    return this.s.prioritiesForObjective.all({ planId, objective: n }).map((r) => this.withObjectives(r));
  }

  /** An activity of the plan by id ("B1.2"), or null. */
  activity(planId: string, id: string): Activity | null {
    const r = this.s.activity.get({ planId, id });
    return r ? toActivity(r) : null;
  }

  /** An activity's schedule and its plan's period (ActivitySchedule), one row read and one JSON column parsed; null when there is none. */
  activitySchedule(planId: string, id: string): ActivitySchedule | null {
    const r = this.s.activitySchedule.get({ planId, id });
    if (!r) return null;
    const [periodStart, periodEnd, kind, schedule] = r;
    return { plan: { id: planId, periodStart, periodEnd }, activity: { id, kind, schedule: json<Activity['schedule']>(schedule) } };
  }

  /** Activities whose own number is `number` ("1.1" is in B1 and T1). */
  activitiesByNumber(planId: string, number: string): Activity[] {
    return this.s.activitiesByNumber.all({ planId, number }).map(toActivity);
  }

  /** A priority's activities in plan order, at most `limit` (answers show a page; counts come apart). */
  activitiesOfPriority(planId: string, priorityId: string, limit = -1): ListedActivity[] {
    return this.s.activitiesOfPriority.all({ planId, priorityId, limit }).map((r) => toListed(planId, priorityId, r));
  }

  /** How many activities a priority has (counted at import). */
  countActivitiesOfPriority(planId: string, priorityId: string): number {
    return this.s.countOfPriority.get({ planId, priorityId }) ?? 0;
  }

  /** The plan's activities, in plan order. */
  activities(planId: string): Activity[] {
    return this.s.activities.all(planId).map(toActivity);
  }

  /** How many activities the stored plan has (0 when it is not stored). */
  activityCount(planId: string): number {
    return this.s.countActivities.get(planId) ?? 0;
  }

  /** Activities that name `agencyId` as lead or as supporting agency, at most `limit`. */
  activitiesOfAgency(planId: string, agencyId: string, role: Role, limit = -1): Activity[] {
    return this.s.activitiesOfAgency.all({ planId, agencyId, role, limit }).map(toActivity);
  }

  /** How many activities name `agencyId` as lead or as supporting agency (counted at import). */
  countActivitiesOfAgency(planId: string, agencyId: string, role: Role): number {
    const r = this.s.agencyCounts.get({ planId, agencyId });
    return r ? (role === 'lead' ? r.leads : r.supports) : 0;
  }

  /** Activities supported by the whole Network that do not name `agencyId` themselves. */
  networkSupportedCount(planId: string, agencyId: string): number {
    const named = this.s.agencyCounts.get({ planId, agencyId })?.network_named ?? 0;
    return (this.s.networkSupported.get(planId) ?? 0) - named;
  }

  /** The agency with id `id`, or null. */
  agency(id: string): Agency | null {
    const r = this.s.agency.get(id);
    return r ? toAgency(r) : null;
  }

  /** Every agency, in the reference file's order. */
  agencies(): Agency[] {
    return this.s.agencies.all().map(toAgency);
  }

  /** Agency ids one of whose names (id, acronym, alias, English or Spanish name) folds to `folded`. */
  agencyIdsByName(folded: string): string[] {
    return this.s.agencyIdsByName.all(folded);
  }

  /** Every folded name with its agency: for whole-word matching inside longer text. */
  agencyNames(): { name: string; agencyId: string }[] {
    return this.s.agencyNames.all().map((r) => ({ name: r.name_norm, agencyId: r.agency_id }));
  }

  /** The agency's marks in the matrix of issues, by issue number. */
  matrixMarks(agencyId: string): MatrixMark[] {
    return this.s.matrixMarks.all(agencyId).map(toMatrixMark);
  }

  /** Ranked full-text search over the plan's activities and priorities, the agencies and the objectives: the SearchStore's. */
  search(planId: string, text: string, limit: number, lang?: Language): SearchHit[] {
    return this.index.search(planId, text, limit, lang);
  }

  /** A priority row with the GCM objectives it cites, in its order. */
  private withObjectives(r: PriorityRow): Priority {
    return toPriority(r, this.s.objectivesOfPriority.all({ planId: r.plan_id, priorityId: r.id }));
  }
}
