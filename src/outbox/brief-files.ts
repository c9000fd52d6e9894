import type { Brief } from '../domain/brief.js';
import { briefOfPeriod, type BriefDraft } from '../domain/brief-draft.js';
import type { ReminderRecord } from '../domain/types.js';
import { briefFilename, narrativeMarkdown } from '../views/brief-markdown.js';
import { briefNarrative } from '../views/brief-narrative.js';
import type { OutboxContext, ThreadFile } from './kind.js';

/**
 * The files of an update, in the order they go in its thread, in `brief`'s language with the co-chairs'
 * words on top: the Markdown narrative, the Word document and the workbook. The one list the published post and
 * the quarter's draft share.
 */
export async function briefFiles(brief: Brief, draft: BriefDraft): Promise<ThreadFile[]> {
  const narrative = briefNarrative(brief, brief.lang, draft.intro[brief.lang]);
  // The Word document and the workbook: their libraries load on first use (src/documents/).
  const documents = await import('../documents/brief-files.js');
  return [
    { filename: briefFilename(brief.from, brief.to, 'md'), title: narrative.title, content: narrativeMarkdown(narrative) },
    ...(await documents.briefFiles([brief], draft.intro)),
  ];
}

/**
 * The update an outbox record of a brief kind stands for (its plan and period from its columns, never its key),
 * in GCM_LANGUAGE, and its draft (the co-chairs' words, who published it), read fresh; null when its plan is gone.
 */
export function briefOfRecord(r: ReminderRecord, ctx: OutboxContext): { brief: Brief; draft: BriefDraft } | null {
  if (!r.periodFrom || !r.periodTo) return null;
  const period = { planId: r.planId, from: r.periodFrom, to: r.periodTo };
  const brief = briefOfPeriod(ctx, period, ctx.config.language);
  return brief ? { brief, draft: ctx.briefs.draft(period) } : null;
}

/** The files of a brief kind's record, for its thread (the outbox attaches each once); none when its plan is gone. */
export async function recordFiles(r: ReminderRecord, ctx: OutboxContext): Promise<ThreadFile[]> {
  const found = briefOfRecord(r, ctx);
  return found ? briefFiles(found.brief, found.draft) : [];
}
