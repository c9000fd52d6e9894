import type { PlanReader } from '../../domain/ports.js';
import type { PlanFile } from '../schema.js';

/**
 * A loaded plan, read back from the stores as the PlanFile it was imported from (for plan:export), with
 * every field the stores keep, its Spanish texts included. The fields they do not keep (`published`,
 * `source`) are left out.
 */
export function planFromReader(plans: PlanReader, planId: string): PlanFile | null {
  const info = plans.plan(planId);
  if (!info) return null;
  const activities = plans.activities(planId);
  return {
    id: info.id,
    title: info.title,
    ...(info.titleEs ? { title_es: info.titleEs } : {}),
    network: info.network,
    co_leads: info.coLeads,
    ...(info.endorsed ? { endorsed: info.endorsed } : {}),
    period: { start: info.periodStart, end: info.periodEnd },
    ...(info.periodNote ? { period_note: info.periodNote } : {}),
    ...(info.monitoring ? { monitoring: info.monitoring } : {}),
    ...(info.translationEs ? { translation_es: info.translationEs } : {}),
    priorities: plans.priorities(planId).map((p) => ({
      id: p.id,
      kind: p.kind,
      title: p.title,
      ...(p.titleEs ? { title_es: p.titleEs } : {}),
      text: p.text,
      ...(p.textEs ? { text_es: p.textEs } : {}),
      objectives: p.objectives,
      ...(p.note ? { note: p.note } : {}),
      ...(p.noteEs ? { note_es: p.noteEs } : {}),
      activities: activities
        .filter((a) => a.priorityId === p.id)
        .map((a) => ({
          id: a.id,
          text: a.text,
          ...(a.textEs ? { text_es: a.textEs } : {}),
          references: a.references,
          workstreams: a.workstreams,
          lead: a.lead,
          support: a.support,
          kind: a.kind,
          schedule: a.schedule,
          ...(a.note ? { note: a.note } : {}),
          ...(a.noteEs ? { note_es: a.noteEs } : {}),
        })),
    })),
  };
}
