import type { Db } from './open-database.js';
import type { PlanReader } from '../domain/ports.js';
import type { Bundle, Reference } from '../plan/load.js';
import type { PlanFile } from '../plan/schema.js';
import { fold } from '../domain/normalize.js';
import type { Activity, Agency, MatrixMark, Objective, PlanInfo, Principle, Priority, SearchHit } from '../domain/types.js';

/** What an import did: counts, and the user state it kept for activities no longer in the file. */
export interface ImportReport {
  planId: string;
  changed: boolean;
  priorities: number;
  activities: number;
  added: string[];
  removed: string[];
  /** Completions and meeting dates kept for activities the file no longer has (never deleted). */
  orphanedState: { activityId: string; occurrenceKey: string; kind: 'completion' | 'meeting_date' }[];
}

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

/** How many matches of a search are ranked at most (see the search statement). */
export const searchCandidates = 200;

/**
 * About 16 words of `body` around the first word of the query found in it, the words marked with `*`
 * (FTS5's snippet() costs too much when many rows match; this runs on the few shown).
 */
export function snippetOf(body: string, query: string): string {
  const terms = fold(query)
    .split(' ')
    .filter((w) => w.length > 1);
  const words = body.split(/\s+/).filter(Boolean);
  const hit = (w: string) => terms.some((t) => fold(w).startsWith(t));
  const at = Math.max(0, words.findIndex(hit));
  const from = Math.max(0, at - 6);
  const part = words.slice(from, from + 16).map((w) => (hit(w) ? `*${w}*` : w));
  return `${from > 0 ? '…' : ''}${part.join(' ')}${from + 16 < words.length ? '…' : ''}`;
}

/** The search index's token for a plan (`''`: the reference rows every plan shares): letters and digits only. */
export function scopeToken(planId: string): string {
  return planId === '' ? 'scopeshared' : `scope${Buffer.from(planId).toString('hex')}`;
}

/** Builds an FTS5 query from free text: every word must appear (prefix match); quotes neutralise syntax. */
export function ftsQuery(text: string, mode: 'all' | 'any'): string | null {
  const words = fold(text)
    .split(' ')
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(mode === 'all' ? ' AND ' : ' OR ');
}

/**
 * The plan and its reference data in SQLite: imports (in one transaction) and the read queries the
 * domain needs. Statements are prepared once.
 */
export class PlanStore implements PlanReader {
  private readonly s;

  constructor(private readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      meta: p('SELECT value FROM meta WHERE key = ?'),
      setMeta: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      planHash: p('SELECT file_hash FROM plans WHERE id = ?'),
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
      activityIds: p('SELECT id FROM activities WHERE plan_id = ?'),
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
      search: p(
        // Ranking every match of a common word costs milliseconds on a large plan: only the first
        // searchCandidates matches are ranked (on plans of the real size, that is every match).
        `SELECT kind, ref, title, body FROM (
           SELECT kind, ref, title, body, bm25(search_index, 0, 0, 0, 4.0, 1.0, 0) AS score
           FROM search_index WHERE search_index MATCH @q LIMIT ${searchCandidates})
         ORDER BY score, kind, ref LIMIT @limit`,
      ),
      objectiveMax: p('SELECT max(number) AS n FROM objectives'),
      planCount: p('SELECT count(*) FROM plans').pluck(),
      completionsOfActivities: p(
        "SELECT activity_id, occurrence_key, kind FROM (SELECT activity_id, occurrence_key, 'completion' AS kind FROM completions WHERE plan_id = ? UNION ALL SELECT activity_id, occurrence_key, 'meeting_date' FROM meeting_dates WHERE plan_id = ?)",
      ),
    };
  }

  // ---------- import ----------

  /** The stored hash of a plan's file, or of the reference files ('reference'), or null. */
  importedHash(planId: string | 'reference'): string | null {
    if (planId === 'reference') return ((this.s.meta.get('reference_hash') as Row | undefined)?.value as string | null) ?? null;
    return ((this.s.planHash.get(planId) as Row | undefined)?.file_hash as string | undefined) ?? null;
  }

  /**
   * Replaces the reference data and the bundle's plan in one transaction. Idempotent: importing the same
   * bundle twice leaves the same rows. User state is never touched; state of activities that left the
   * plan is reported in the result.
   */
  importBundle(bundle: Bundle, importedAt: string): ImportReport {
    return this.db.transaction(() => {
      if (this.importedHash('reference') !== bundle.reference.hash) this.replaceReference(bundle.reference);
      return this.replacePlan(bundle, importedAt);
    })();
  }

  private replaceReference(ref: Reference): void {
    const db = this.db;
    db.exec(`DELETE FROM matrix_marks; DELETE FROM matrix_issues; DELETE FROM agency_names; DELETE FROM agencies;
             DELETE FROM objectives; DELETE FROM principles; DELETE FROM search_index WHERE plan_id = '';`);
    const insObjective = db.prepare(
      `INSERT INTO objectives (number, title_en, title_es, title_es_verified, paragraph, short_en, short_es)
       VALUES (@number, @title_en, @title_es, @verified, @paragraph, @short_en, @short_es)`,
    );
    const insSearch = db.prepare(`INSERT INTO search_index (kind, ref, plan_id, title, body, scope) VALUES (?, ?, ?, ?, ?, '${scopeToken('')}')`);
    for (const o of ref.gcm.objectives) {
      insObjective.run({ ...o, verified: o.title_es_verified ? 1 : 0 });
      insSearch.run('objective', String(o.number), '', `Objective ${o.number}: ${o.title_en}`, `${o.title_es} ${o.short_en} ${o.short_es}`);
    }
    const insPrinciple = db.prepare('INSERT INTO principles (key, seq, item, name_en, name_es) VALUES (?, ?, ?, ?, ?)');
    ref.gcm.guiding_principles.forEach((g, i) => {
      insPrinciple.run(g.key, i, g.item, g.name_en, g.name_es);
    });
    const insAgency = db.prepare(
      `INSERT INTO agencies (id, seq, roles_json, name_en, name_es, acronym_es, aliases_json, matrix_column, note, profile_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insName = db.prepare('INSERT OR IGNORE INTO agency_names (name_norm, agency_id) VALUES (?, ?)');
    ref.agencies.agencies.forEach((a, i) => {
      const profile = a.profile ? { sourceHeading: a.profile.source_heading, mandate: a.profile.mandate, migrationWork: a.profile.migration_work } : null;
      insAgency.run(
        a.id,
        i,
        JSON.stringify(a.roles),
        a.name_en,
        a.name_es,
        a.acronym_es,
        JSON.stringify(a.aliases),
        a.matrix_column,
        a.note,
        profile ? JSON.stringify(profile) : null,
      );
      for (const name of [a.id, a.acronym_es, a.name_en, a.name_es, ...a.aliases]) {
        if (name) insName.run(fold(name), a.id);
      }
      insSearch.run(
        'agency',
        a.id,
        '',
        `${a.id}: ${a.name_en}`,
        [a.name_es, a.acronym_es, ...a.aliases, profile?.mandate, profile?.migrationWork].filter(Boolean).join(' '),
      );
    });
    const insIssue = db.prepare('INSERT INTO matrix_issues (number, issue) VALUES (?, ?)');
    const insMark = db.prepare('INSERT INTO matrix_marks (issue_number, agency_id, heading, mark) VALUES (?, ?, ?, ?)');
    const headingOf = new Map(ref.matrix.columns.map((c) => [c.agency, c.heading]));
    for (const issue of ref.matrix.issues) {
      insIssue.run(issue.number, issue.issue);
      for (const [agencyId, mark] of Object.entries(issue.marks)) insMark.run(issue.number, agencyId, headingOf.get(agencyId) ?? agencyId, mark);
    }
    this.s.setMeta.run('reference_hash', ref.hash);
  }

  private replacePlan(bundle: Bundle, importedAt: string): ImportReport {
    const db = this.db;
    const plan: PlanFile = bundle.plan;
    const before = new Set((this.s.activityIds.all(plan.id) as Row[]).map((r) => String(r.id)));
    const changed = this.importedHash(plan.id) !== bundle.planHash;
    db.prepare('DELETE FROM search_index WHERE plan_id = ?').run(plan.id);
    db.prepare('DELETE FROM plans WHERE id = ?').run(plan.id); // cascades to priorities, activities, links
    db.prepare(
      `INSERT INTO plans (id, title, network, period_start, period_end, info_json, file_hash, file_path, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      plan.id,
      plan.title,
      plan.network,
      plan.period.start,
      plan.period.end,
      JSON.stringify({ co_leads: plan.co_leads, endorsed: plan.endorsed, monitoring: plan.monitoring, period_note: plan.period_note }),
      bundle.planHash,
      bundle.planFile,
      importedAt,
    );
    const insPriority = db.prepare('INSERT INTO priorities (plan_id, id, seq, kind, title, text, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insPO = db.prepare('INSERT INTO priority_objectives (plan_id, priority_id, objective, seq) VALUES (?, ?, ?, ?)');
    const insActivity = db.prepare(
      `INSERT INTO activities (plan_id, id, priority_id, seq, number, text, text_es, references_json, workstreams_json,
         lead_json, support_json, kind, schedule_json, note, support_network)
       VALUES (@plan_id, @id, @priority_id, @seq, @number, @text, @text_es, @references_json, @workstreams_json,
         @lead_json, @support_json, @kind, @schedule_json, @note, @support_network)`,
    );
    const insLink = db.prepare('INSERT OR IGNORE INTO activity_agencies (plan_id, activity_id, agency_id, role, seq) VALUES (?, ?, ?, ?, ?)');
    const insSearch = db.prepare(`INSERT INTO search_index (kind, ref, plan_id, title, body, scope) VALUES (?, ?, ?, ?, ?, '${scopeToken(plan.id)}')`);
    let seq = 0;
    let count = 0;
    const after = new Set<string>();
    plan.priorities.forEach((p, pi) => {
      insPriority.run(plan.id, p.id, pi, p.kind, p.title, p.text, p.note ?? null);
      p.objectives.forEach((n, i) => {
        insPO.run(plan.id, p.id, n, i);
      });
      insSearch.run('priority', p.id, plan.id, `${p.id}: ${p.title}`, p.text);
      for (const a of p.activities) {
        after.add(a.id);
        count++;
        insActivity.run({
          plan_id: plan.id,
          id: a.id,
          priority_id: p.id,
          seq: seq++,
          number: a.id.slice(1),
          text: a.text,
          text_es: a.text_es ?? null,
          references_json: JSON.stringify(a.references),
          workstreams_json: JSON.stringify(a.workstreams),
          lead_json: JSON.stringify(a.lead),
          support_json: JSON.stringify(a.support),
          kind: a.kind,
          schedule_json: JSON.stringify(a.schedule),
          note: a.note ?? null,
          support_network: a.support.network ? 1 : 0,
        });
        for (const id of a.lead.agencies) insLink.run(plan.id, a.id, id, 'lead', seq - 1);
        for (const id of a.support.agencies) insLink.run(plan.id, a.id, id, 'support', seq - 1);
        insSearch.run(
          'activity',
          a.id,
          plan.id,
          `${a.id} ${a.text}`,
          [a.text_es, ...a.references, a.lead.wording, a.support.wording, a.schedule.text].filter(Boolean).join(' '),
        );
      }
    });
    db.prepare(
      'INSERT INTO priority_counts (plan_id, priority_id, activities) SELECT plan_id, priority_id, count(*) FROM activities WHERE plan_id = ? GROUP BY priority_id',
    ).run(plan.id);
    db.prepare('UPDATE plans SET network_supported = (SELECT count(*) FROM activities WHERE plan_id = plans.id AND support_network = 1) WHERE id = ?').run(
      plan.id,
    );
    db.prepare(
      `INSERT INTO agency_counts (plan_id, agency_id, leads, supports, network_named)
       SELECT aa.plan_id, aa.agency_id, count(DISTINCT CASE WHEN aa.role = 'lead' THEN aa.activity_id END),
              count(DISTINCT CASE WHEN aa.role = 'support' THEN aa.activity_id END),
              count(DISTINCT CASE WHEN a.support_network = 1 THEN aa.activity_id END)
       FROM activity_agencies aa JOIN activities a ON a.plan_id = aa.plan_id AND a.id = aa.activity_id
       WHERE aa.plan_id = ? GROUP BY aa.agency_id`,
    ).run(plan.id);
    const orphanedState = (this.s.completionsOfActivities.all(plan.id, plan.id) as Row[])
      .filter((r) => !after.has(String(r.activity_id)))
      .map((r) => ({ activityId: String(r.activity_id), occurrenceKey: String(r.occurrence_key), kind: r.kind as 'completion' | 'meeting_date' }));
    const report: ImportReport = {
      planId: plan.id,
      changed,
      priorities: plan.priorities.length,
      activities: count,
      added: before.size === 0 ? [] : [...after].filter((id) => !before.has(id)),
      removed: [...before].filter((id) => !after.has(id)),
      orphanedState,
    };
    if (changed)
      db.prepare('INSERT INTO imports (plan_id, at, file_hash, report_json) VALUES (?, ?, ?, ?)').run(
        plan.id,
        importedAt,
        bundle.planHash,
        JSON.stringify(report),
      );
    return report;
  }

  // ---------- reads ----------

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

  /** Ranked full-text search over the plan's activities and priorities, the agencies and the objectives. */
  search(planId: string, text: string, limit: number): SearchHit[] {
    for (const mode of ['all', 'any'] as const) {
      const q = ftsQuery(text, mode);
      if (q === null) return [];
      // With one plan every row is in scope. With several, the indexed scope column keeps the plan's rows and
      // the shared ones (agencies, objectives); it costs a pass over the plan's rows, so only then.
      const scoped = this.s.planCount.get() === 1 ? q : `(${q}) AND scope : (${scopeToken(planId)} OR ${scopeToken('')})`;
      const hits = (this.s.search.all({ q: scoped, limit }) as Row[]).map((r) => ({
        kind: r.kind as SearchHit['kind'],
        ref: String(r.ref),
        title: String(r.title),
        snippet: snippetOf(String(r.body), text),
      }));
      if (hits.length > 0) return hits;
    }
    return [];
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
