import type { Db } from './open-database.js';
import type { Bundle, Reference } from '../plan/load.js';
import type { PlanFile } from '../plan/schema.js';
import { fold } from '../domain/normalize.js';
import { scopeToken } from './search-store.js';

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

/**
 * Writes a plan import: the reference data and a plan, with their search index rows, replaced in one
 * transaction. User state (completions, meeting dates, audit) is never touched.
 */
export class PlanImportStore {
  private readonly s;

  constructor(private readonly db: Db) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      meta: p('SELECT value FROM meta WHERE key = ?'),
      setMeta: p('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      planHash: p('SELECT file_hash FROM plans WHERE id = ?'),
      activityIds: p('SELECT id FROM activities WHERE plan_id = ?'),
      completionsOfActivities: p(
        "SELECT activity_id, occurrence_key, kind FROM (SELECT activity_id, occurrence_key, 'completion' AS kind FROM completions WHERE plan_id = ? UNION ALL SELECT activity_id, occurrence_key, 'meeting_date' FROM meeting_dates WHERE plan_id = ?)",
      ),
    };
  }

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
}
