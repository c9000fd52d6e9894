import type { Brief } from '../domain/brief.js';
import { briefOfPeriod, type BriefDraft } from '../domain/brief-draft.js';
import type { ReminderRecord } from '../domain/types.js';
import { briefFilename, narrativeMarkdown } from '../views/brief-markdown.js';
import { briefNarrative } from '../views/brief-narrative.js';
import type { OutboxContext } from './kind.js';

/** A file that goes with the update: in the thread of its post, or of the draft in a co-chair's direct messages. */
export interface BriefFile {
  filename: string;
  title: string;
  /** Text (Markdown) or bytes (a .docx, an .xlsx). */
  content: string | Uint8Array;
}

/**
 * The files of an update, in the order they go in its thread, in `brief`'s language with the co-chairs'
 * words on top: the Markdown narrative, the Word document and the workbook. The one list the published post and
 * the quarter's draft share.
 */
export async function briefFiles(brief: Brief, draft: BriefDraft): Promise<BriefFile[]> {
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

/** After a brief kind's post: its files in the thread of `ts`, one after the other (one that could not go is logged, the rest still go). */
export async function attachRecordFiles(r: ReminderRecord, channel: string, ts: string, ctx: OutboxContext): Promise<void> {
  const found = briefOfRecord(r, ctx);
  if (!found) return;
  for (const f of await briefFiles(found.brief, found.draft)) await ctx.attachFile(channel, ts, f.filename, f.content, f.title);
}
