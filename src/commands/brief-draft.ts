import { briefOfPeriod, readIntro, type BriefDraft, type IntroField } from '../domain/brief-draft.js';
import type { Brief } from '../domain/brief.js';
import { messages } from '../i18n/messages.js';
import { actionIds, briefModalIds } from '../views/action-ids.js';
import { esc } from '../views/blocks.js';
import { briefModalView, briefRefValue, draftMessage, introErrors, publishedWho, readBriefRef, type BriefRef } from '../views/draft-view.js';
import { errorMessage, type Message } from '../views/message-view.js';
import type { ActionOutcome, Interaction, ModalSubmit, Submission, SubmitOutcome, UseCaseContext } from './use-case.js';

/** The update a click or a submission is about, and its draft; null when its plan is no longer loaded. */
function found(ref: BriefRef, uc: UseCaseContext): { brief: Brief; draft: BriefDraft } | null {
  const brief = briefOfPeriod(uc.domain, ref.period, ref.lang);
  return brief ? { brief, draft: uc.briefs.draft(ref.period) } : null;
}

/** The draft drawn again as it now stands, with `notice` (what the click did) in its lines. */
const redrawn = (f: { brief: Brief; draft: BriefDraft }, uc: UseCaseContext, notice?: string): Message =>
  draftMessage(f.brief, f.draft, uc.outbox.channel ?? null, notice ? { notice } : {});

/**
 * A button of the draft (co-chairs only, checked at every click): its value is the plan, the period and the
 * language of the message (Slack sends no blocks of an ephemeral message), read back or the click ignored.
 */
const draftButton = (actionId: string, run: Interaction<BriefRef>['run']): Interaction<BriefRef> => ({
  actionId,
  guard: 'coChairsBrief',
  language: (click, fallback) => readBriefRef(click.value)?.lang ?? fallback,
  input: (click) => {
    const ref = readBriefRef(click.value);
    return ref ? { ok: true, input: ref } : { ok: false, reason: 'a value the bot did not write' };
  },
  run,
});

/** **Edit** on a draft (co-chairs): the modal with the opening paragraph and highlights saved so far, unless it was published. */
export const editBriefButton = draftButton(actionIds.briefEdit, (ref, uc): ActionOutcome => {
  const f = found(ref, uc);
  const m = messages(ref.lang).briefDraft;
  if (!f) return { kind: 'reply', message: errorMessage(m.gone) };
  if (f.draft.publishedBy) return { kind: 'reply', message: errorMessage(m.editAfterPublish(...publishedWho(f.draft, ref.lang))) };
  return { kind: 'modal', view: briefModalView({ lang: ref.lang, draft: f.draft, metadata: briefRefValue(ref) }) };
});

type Fields = Partial<Record<IntroField, string | null>>;
const fields: readonly IntroField[] = ['paragraph_en', 'highlights_en', 'paragraph_es', 'highlights_es'];

/**
 * The Edit modal submitted (co-chairs, checked again): the words are checked (every field over its limit is
 * named under it, the modal stays open), kept with the draft, and the draft the modal came from is drawn again
 * with them on top. Once published, nothing changes.
 */
export const briefModalSubmit: ModalSubmit<BriefRef & { fields: Fields }> = {
  callbackId: briefModalIds.callbackId,
  guard: 'coChairsBrief',
  language: (s, fallback) => readBriefRef(s.metadata)?.lang ?? fallback,
  input: (s: Submission) => {
    const ref = readBriefRef(s.metadata);
    if (!ref) return { ok: false, reason: 'metadata the bot did not write' };
    return { ok: true, input: { ...ref, fields: Object.fromEntries(fields.map((f) => [f, s.values[f]?.[f]?.value ?? null])) } };
  },
  run: (i, uc): SubmitOutcome => {
    const m = messages(i.lang).briefDraft;
    const f = found(i, uc);
    if (!f) return { kind: 'close', message: errorMessage(m.gone), changed: false };
    if (f.draft.publishedBy) return { kind: 'close', message: errorMessage(m.editAfterPublish(...publishedWho(f.draft, i.lang))), changed: false };
    const read = readIntro(i.fields);
    if (!read.ok) return { kind: 'errors', errors: introErrors(read.errors, i.lang) };
    const draft = uc.briefs.saveIntro(i.period, read.intro, uc.userId, uc.domain.now.toUTC().toISO()!);
    const told = m.saved(Object.keys(read.intro).length > 0);
    return { kind: 'close', message: errorMessage(told), changed: false, redraw: redrawn({ brief: f.brief, draft }, uc, `<@${uc.userId}>: ${esc(told)}`) };
  },
};

/**
 * **Publish** on a draft (co-chairs): marks it published by this person, once (BriefStore.publish), and asks
 * the outbox for a pass: the post goes to GCM_REMINDER_CHANNEL exactly once, with its files in the thread
 * (src/outbox/kinds/brief-publish.ts). A second click, or another co-chair's, is told who published it and
 * when; nothing more is posted. The draft is drawn again without its buttons.
 */
export const publishBriefButton = draftButton(actionIds.briefPublish, (ref, uc): ActionOutcome => {
  const m = messages(ref.lang).briefDraft;
  const f = found(ref, uc);
  if (!f) return { kind: 'reply', message: errorMessage(m.gone) };
  const channel = uc.outbox.channel;
  if (!channel) return { kind: 'reply', message: errorMessage(m.noChannel) };
  const r = uc.briefs.publish(ref.period, uc.userId, uc.domain.now.toUTC().toISO()!);
  if (!r.ok) return { kind: 'update', message: redrawn({ ...f, draft: r.draft }, uc, m.alreadyPublished(...publishedWho(r.draft, ref.lang))), changed: false };
  uc.outbox.postSoon();
  return { kind: 'update', message: redrawn({ ...f, draft: r.draft }, uc, m.publishing(`<#${channel}>`)), changed: false };
});
