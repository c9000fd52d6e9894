import type { Db } from './open-database.js';
import type { PlanReader } from '../domain/ports.js';
import type { Activity, Agency, MatrixMark, Objective, PlanInfo, Principle, Priority, SearchHit } from '../domain/types.js';
import { SearchStore } from './search-store.js';

type Row = Record<string, unknown>;

const json = <T>(v: unknown): T => JSON.parse(String(v)) as T;

function toActivity(r: Row): Activity {
  return {
    planId: String(r.plan_id),
    id: String(r.id),
    priorityId: String(r.priority_id),
    number: String(r.number),
    text: String(r.text),
    textEs: (r.text_es as string | null) ?? null,
    references: json(r.references_json),
    workstreams: json(r.workstreams_json),
    lead: json(r.lead_json),
    support: json(r.support_json),
    kind: r.kind as Activity['kind'],
    schedule: json(r.schedule_json),
    note: (r.note as string | null) ?? null,
  };
}

function toAgency(r: Row): Agency {
  return {
    id: String(r.id),
    roles: json(r.roles_json),
    nameEn: String(r.name_en),
    nameEs: (r.name_es as string | null) ?? null,
    acronymEs: (r.acronym_es as string | null) ?? null,
    aliases: json(r.aliases_json),
    matrixColumn: (r.matrix_column as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    profile: r.profile_json ? json(r.profile_json) : null,
  };
}

function toPlan(r: Row): PlanInfo {
  const info = json<{ co_leads: string[]; endorsed?: string; monitoring?: string; period_note?: string }>(r.info_json);
  return {
    id: String(r.id),
    title: String(r.title),
    network: String(r.network),
    periodStart: String(r.period_start),
    periodEnd: String(r.period_end),
    coLeads: info.co_leads,
    endorsed: info.endorsed ?? null,
    monitoring: info.monitoring ?? null,
    periodNote: info.period_note ?? null,
  };
}

/**
 * The read queries the domain needs on the plans and their reference data (the PlanReader). Search is
 * the SearchStore's, which PlanStore delegates to; writing an import is the PlanImportStore's.
 * Statements are prepared once.
 */
export class PlanStore implements PlanReader {
  private readonly s;
  private readonly index: SearchStore;

  constructor(db: Db) {
    this.index = new SearchStore(db);
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      plans: p('SELECT * FROM plans ORDER BY period_end DESC, id'),
      plan: p('SELECT * FROM plans WHERE id = ?'),
      objective: p('SELECT * FROM objectives WHERE number = ?'),
      objectives: p('SELECT * FROM objectives ORDER BY number'),
      principles: p('SELECT * FROM principles ORDER BY seq'),
      priority: p('SELECT * FROM priorities WHERE plan_id = ? AND id = ?'),
      priorities: p('SELECT * FROM priorities WHERE plan_id = ? ORDER BY seq'),
      priorityObjectives: p('SELECT objective FROM priority_objectives WHERE plan_id = ? AND priority_id = ? ORDER BY seq'),
      prioritiesForObjective: p(
        `SELECT p.* FROM priority_objectives po JOIN priorities p ON p.plan_id = po.plan_id AND p.id = po.priority_id
         WHERE po.objective = ? AND po.plan_id = ? ORDER BY p.seq`,
      ),
      activity: p('SELECT * FROM activities WHERE plan_id = ? AND id = ?'),
      activitiesByNumber: p('SELECT * FROM activities WHERE plan_id = ? AND number = ? ORDER BY seq'),
      activitiesOfPriority: p('SELECT * FROM activities WHERE plan_id = ? AND priority_id = ? ORDER BY seq LIMIT ?'),
      countOfPriority: p('SELECT activities AS n FROM priority_counts WHERE plan_id = ? AND priority_id = ?'),
      activities: p('SELECT * FROM activities WHERE plan_id = ? ORDER BY seq'),
      activitiesOfAgency: p(
        `SELECT a.* FROM activity_agencies aa JOIN activities a ON a.plan_id = aa.plan_id AND a.id = aa.activity_id
         WHERE aa.agency_id = ? AND aa.plan_id = ? AND aa.role = ? ORDER BY aa.seq LIMIT ?`,
      ),
      agencyCounts: p('SELECT leads, supports, network_named FROM agency_counts WHERE plan_id = ? AND agency_id = ?'),
      networkSupported: p('SELECT network_supported AS n FROM plans WHERE id = ?'),
      countActivities: p('SELECT count(*) AS n FROM activities WHERE plan_id = ?'),
      agency: p('SELECT * FROM agencies WHERE id = ?'),
      agencies: p('SELECT * FROM agencies ORDER BY seq'),
      agencyByName: p('SELECT agency_id FROM agency_names WHERE name_norm = ?'),
      agencyNames: p('SELECT name_norm, agency_id FROM agency_names'),
      matrixMarks: p(
        `SELECT m.issue_number, i.issue, m.mark FROM matrix_marks m JOIN matrix_issues i ON i.number = m.issue_number
         WHERE m.agency_id = ? ORDER BY m.issue_number`,
      ),
      objectiveMax: p('SELECT max(number) AS n FROM objectives'),
    };
  }

  /** Every stored plan, latest period end first. */
  plans(): PlanInfo[] {
    return (this.s.plans.all() as Row[]).map(toPlan);
  }

  plan(id: string): PlanInfo | null {
    const r = this.s.plan.get(id) as Row | undefined;
    return r ? toPlan(r) : null;
  }

  objective(n: number): Objective | null {
    const r = this.s.objective.get(n) as Row | undefined;
    return r ? toObjective(r) : null;
  }

  /** The highest objective number (23 for the GCM). */
  objectiveMax(): number {
    return Number((this.s.objectiveMax.get() as Row).n ?? 0);
  }

  objectives(): Objective[] {
    return (this.s.objectives.all() as Row[]).map(toObjective);
  }

  principles(): Principle[] {
    return (this.s.principles.all() as Row[]).map((r) => ({ key: String(r.key), item: String(r.item), nameEn: String(r.name_en), nameEs: String(r.name_es) }));
  }

  priority(planId: string, id: string): Priority | null {
    const r = this.s.priority.get(planId, id) as Row | undefined;
    return r ? this.toPriority(r) : null;
  }

  priorities(planId: string): Priority[] {
    return (this.s.priorities.all(planId) as Row[]).map((r) => this.toPriority(r));
  }

  /** The priorities of the plan that cite GCM objective `n`, in plan order. */
  prioritiesForObjective(planId: string, n: number): Priority[] {
    return (this.s.prioritiesForObjective.all(n, planId) as Row[]).map((r) => this.toPriority(r));
  }

  activity(planId: string, id: string): Activity | null {
    const r = this.s.activity.get(planId, id) as Row | undefined;
    return r ? toActivity(r) : null;
  }

  /** Activities whose own number is `number` ("1.1" is in B1 and T1). */
  activitiesByNumber(planId: string, number: string): Activity[] {
    return (this.s.activitiesByNumber.all(planId, number) as Row[]).map(toActivity);
  }

  /** A priority's activities in plan order, at most `limit` (answers show a page; counts come apart). */
  activitiesOfPriority(planId: string, priorityId: string, limit = -1): Activity[] {
    return (this.s.activitiesOfPriority.all(planId, priorityId, limit) as Row[]).map(toActivity);
  }

  countActivitiesOfPriority(planId: string, priorityId: string): number {
    return Number((this.s.countOfPriority.get(planId, priorityId) as Row | undefined)?.n ?? 0);
  }

  activities(planId: string): Activity[] {
    return (this.s.activities.all(planId) as Row[]).map(toActivity);
  }

  activityCount(planId: string): number {
    return Number((this.s.countActivities.get(planId) as Row).n);
  }

  /** Activities that name `agencyId` as lead or as supporting agency, at most `limit`. */
  activitiesOfAgency(planId: string, agencyId: string, role: 'lead' | 'support', limit = -1): Activity[] {
    return (this.s.activitiesOfAgency.all(agencyId, planId, role, limit) as Row[]).map(toActivity);
  }

  countActivitiesOfAgency(planId: string, agencyId: string, role: 'lead' | 'support'): number {
    const r = this.s.agencyCounts.get(planId, agencyId) as Row | undefined;
    return r ? Number(role === 'lead' ? r.leads : r.supports) : 0;
  }

  /** Activities supported by the whole Network that do not name `agencyId` themselves. */
  networkSupportedCount(planId: string, agencyId: string): number {
    const r = this.s.agencyCounts.get(planId, agencyId) as Row | undefined;
    return Number((this.s.networkSupported.get(planId) as Row | undefined)?.n ?? 0) - (r ? Number(r.network_named) : 0);
  }

  agency(id: string): Agency | null {
    const r = this.s.agency.get(id) as Row | undefined;
    return r ? toAgency(r) : null;
  }

  agencies(): Agency[] {
    return (this.s.agencies.all() as Row[]).map(toAgency);
  }

  /** Agency ids one of whose names (id, acronym, alias, English or Spanish name) folds to `folded`. */
  agencyIdsByName(folded: string): string[] {
    return (this.s.agencyByName.all(folded) as Row[]).map((r) => String(r.agency_id));
  }

  /** Every folded name with its agency: for whole-word matching inside longer text. */
  agencyNames(): { name: string; agencyId: string }[] {
    return (this.s.agencyNames.all() as Row[]).map((r) => ({ name: String(r.name_norm), agencyId: String(r.agency_id) }));
  }

  matrixMarks(agencyId: string): MatrixMark[] {
    return (this.s.matrixMarks.all(agencyId) as Row[]).map((r) => ({
      issueNumber: Number(r.issue_number),
      issue: String(r.issue),
      mark: r.mark as 'x' | 'xx',
    }));
  }

  /** Ranked full-text search over the plan's activities and priorities, the agencies and the objectives (the SearchStore's). */
  search(planId: string, text: string, limit: number): SearchHit[] {
    return this.index.search(planId, text, limit);
  }

  private toPriority(r: Row): Priority {
    return {
      planId: String(r.plan_id),
      id: String(r.id),
      kind: r.kind as Priority['kind'],
      title: String(r.title),
      text: String(r.text),
      note: (r.note as string | null) ?? null,
      objectives: (this.s.priorityObjectives.all(r.plan_id, r.id) as Row[]).map((o) => Number(o.objective)),
    };
  }
}

function toObjective(r: Row): Objective {
  return {
    number: Number(r.number),
    titleEn: String(r.title_en),
    titleEs: String(r.title_es),
    shortEn: String(r.short_en),
    shortEs: String(r.short_es),
    paragraph: Number(r.paragraph),
  };
}
