import { publishKey } from '../../domain/brief-draft.js';
import { publishedMessage } from '../../views/draft-view.js';
import { briefOfRecord, recordFiles } from '../brief-files.js';
import { dueRecord, type OutboxKind } from '../kind.js';

/**
 * A published update (Publish on a draft, issue 23.5): posted to GCM_REMINDER_CHANNEL once per plan and period
 * (`plan|brief|FROM|TO`), however many clicks, in GCM_LANGUAGE, with the co-chairs' words on top, who published
 * it, and its files in the thread. The click marks the draft published (BriefStore.publish, once); every pass
 * records each published draft not yet recorded, so a crash between the click and the pass loses nothing.
 */
export const briefPublish: OutboxKind = {
  kind: 'brief',
  // A quarter of a plan that has ended is still published when a co-chair says so.
  afterPlanEnd: true,
  due(ctx, pass) {
    const post = ctx.briefs
      .published()
      .filter((d) => !pass.recorded.has(publishKey(d)))
      .map((d) => dueRecord({ key: publishKey(d), planId: d.planId, dueDate: d.to, periodFrom: d.from, periodTo: d.to, fireAt: d.publishedAt! }));
    return { post, skip: [] };
  },
  async render(r, ctx) {
    const found = briefOfRecord(r, ctx);
    return found ? publishedMessage(found.brief, found.draft) : 'cancel';
  },
  files: recordFiles,
};
