import type { BriefDraft, BriefDrafts, BriefIntro, BriefPeriod, PublishResult } from '../domain/brief-draft.js';
import type { Language } from '../domain/types.js';
import type { Db } from './open-database.js';

/** A row of `brief_drafts` (migration 13). */
interface BriefDraftRow {
  plan_id: string;
  period_from: string;
  period_to: string;
  intro_json: string;
  edited_by: string | null;
  edited_at: string | null;
  published_by: string | null;
  published_at: string | null;
}

const key = (p: BriefPeriod) => ({ plan: p.planId, from: p.from, to: p.to });

/** The intro as stored, read back defensively: only the languages and fields the bot writes. */
function introOf(json: string): Partial<Record<Language, BriefIntro>> {
  const raw = JSON.parse(json) as Record<string, { paragraph?: unknown; highlights?: unknown }>;
  const intro: Partial<Record<Language, BriefIntro>> = {};
  for (const lang of ['en', 'es'] as const) {
    const v = raw[lang];
    if (!v) continue;
    const highlights = Array.isArray(v.highlights) ? v.highlights.filter((h): h is string => typeof h === 'string') : [];
    intro[lang] = { paragraph: typeof v.paragraph === 'string' ? v.paragraph : '', highlights };
  }
  return intro;
}

function toDraft(r: BriefDraftRow): BriefDraft {
  return {
    planId: r.plan_id,
    from: r.period_from,
    to: r.period_to,
    intro: introOf(r.intro_json),
    editedBy: r.edited_by,
    editedAt: r.edited_at,
    publishedBy: r.published_by,
    publishedAt: r.published_at,
  };
}

const emptyDraft = (p: BriefPeriod): BriefDraft => ({
  planId: p.planId,
  from: p.from,
  to: p.to,
  intro: {},
  editedBy: null,
  editedAt: null,
  publishedBy: null,
  publishedAt: null,
});

/**
 * The drafts of the co-chairs' periodic updates, one per plan and period: their words (Edit), who published
 * it and when (Publish, set once). A plan import never touches it. Statements are prepared once.
 */
export class BriefStore implements BriefDrafts {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      get: db.prepare<[{ plan: string; from: string; to: string }], BriefDraftRow>(
        'SELECT * FROM brief_drafts WHERE plan_id = :plan AND period_from = :from AND period_to = :to',
      ),
      ensure: db.prepare<[{ plan: string; from: string; to: string }]>(
        'INSERT INTO brief_drafts (plan_id, period_from, period_to) VALUES (:plan, :from, :to) ON CONFLICT DO NOTHING',
      ),
      saveIntro: db.prepare<[{ plan: string; from: string; to: string; intro: string; by: string; at: string }]>(
        `UPDATE brief_drafts SET intro_json = :intro, edited_by = :by, edited_at = :at
         WHERE plan_id = :plan AND period_from = :from AND period_to = :to`,
      ),
      publish: db.prepare<[{ plan: string; from: string; to: string; by: string; at: string }]>(
        `UPDATE brief_drafts SET published_by = :by, published_at = :at
         WHERE plan_id = :plan AND period_from = :from AND period_to = :to AND published_at IS NULL`,
      ),
      published: db.prepare<[], BriefDraftRow>('SELECT * FROM brief_drafts WHERE published_at IS NOT NULL ORDER BY published_at'),
    };
  }

  draft(p: BriefPeriod): BriefDraft {
    const row = this.s.get.get(key(p));
    return row ? toDraft(row) : emptyDraft(p);
  }

  saveIntro(p: BriefPeriod, intro: Partial<Record<Language, BriefIntro>>, by: string, at: string): BriefDraft {
    return this.db.transaction(() => {
      this.s.ensure.run(key(p));
      this.s.saveIntro.run({ ...key(p), intro: JSON.stringify(intro), by, at });
      return this.draft(p);
    })();
  }

  publish(p: BriefPeriod, by: string, at: string): PublishResult {
    return this.db.transaction((): PublishResult => {
      this.s.ensure.run(key(p));
      // Only the first click sets it: a second one, or another co-chair's, finds it set and is told by whom.
      const changed = this.s.publish.run({ ...key(p), by, at }).changes === 1;
      return { ok: changed, draft: this.draft(p) };
    })();
  }

  published(): BriefDraft[] {
    return this.s.published.all().map(toDraft);
  }
}
