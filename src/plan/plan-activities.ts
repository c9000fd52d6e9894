import type { Activity } from '../domain/types.js';
import type { PlanFile } from './schema.js';

/** A plan file's activities as the domain reads them (as the import stores them), to compare before importing. */
export function activitiesOfFile(plan: PlanFile): Activity[] {
  return plan.priorities.flatMap((p) =>
    p.activities.map(
      (a): Activity => ({
        planId: plan.id,
        id: a.id,
        priorityId: p.id,
        number: a.id.slice(1),
        text: a.text,
        textEs: a.text_es ?? null,
        references: a.references,
        workstreams: a.workstreams,
        lead: a.lead,
        support: a.support,
        kind: a.kind,
        schedule: a.schedule,
        note: a.note ?? null,
        noteEs: a.note_es ?? null,
      }),
    ),
  );
}
