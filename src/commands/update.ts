import { mayChangeStatusOf } from './guards.js';
import type { Audience, AnswerError } from '../domain/answers.js';
import { resolveTarget } from '../domain/mark.js';
import { parseOccurrenceKey } from '../domain/occurrences.js';
import { activityState } from '../domain/questions.js';
import type { StatusField, StatusKey, StatusProblem } from '../domain/status.js';
import type { Activity, Language, Occurrence, PlanInfo } from '../domain/types.js';
import { messages, statusProblemText } from '../i18n/messages.js';
import { actionIds, languageOfBlocks, statusModalIds } from '../views/action-ids.js';
import { esc } from '../views/blocks.js';
import { leadText } from '../views/labels.js';
import { errorMessage, type Message } from '../views/message-view.js';
import type { ModalView } from '../views/modal-view.js';
import { occurrenceTitle } from '../views/reminder-view.js';
import { statusChangedMessage, statusModalView } from '../views/status-modal-view.js';
import { audienceOf } from './answer.js';
import { planToChange } from './current-plan.js';
import { redraw } from './redraw.js';
import { applyStatusUpdate } from './status-update.js';
import type { Interaction, ModalSubmit, Outcome, SlashCommand, Submission, SubmitOutcome, UseCaseContext } from './use-case.js';

/** The occurrence an Update acts on, in its plan. */
interface Found {
  plan: PlanInfo;
  activity: Activity;
  occurrence: Occurrence;
}

/** Whether the person may update `found` (checked again at submission), and its status now. */
type Opening = { kind: 'open'; found: Found; current: StatusKey } | { kind: 'refused'; found: Found };

/** What the modal carries to its submission (with the channel, added by the listener): plan, key, language. */
interface Metadata {
  p: string;
  k: string;
  l: Language;
  /** The command whose answer the button's message shows (`reminder KEY` for a posted one): redrawn after a change. */
  c?: string;
}

async function opening(found: Found, uc: UseCaseContext): Promise<Opening> {
  const { plan, activity, occurrence } = found;
  if (!(await mayChangeStatusOf(uc, plan.id, activity.id))) return { kind: 'refused', found };
  return { kind: 'open', found, current: uc.domain.state.statuses(plan.id).get(occurrence.key)?.status ?? 'planned' };
}

/** The modal, or the short private explanation of why there is none. */
function openingView(o: Opening, uc: UseCaseContext, redrawn?: string): { kind: 'modal'; view: ModalView } | { kind: 'refused'; message: Message } {
  const { activity, occurrence, plan } = o.found;
  if (o.kind === 'refused') {
    const what = esc(occurrenceTitle(occurrence, uc.lang));
    return { kind: 'refused', message: errorMessage(messages(uc.lang).statusModal.notAllowed(what, leadText(activity, uc.lang, uc.directory))) };
  }
  const metadata: Metadata = { p: plan.id, k: occurrence.key, l: uc.lang, ...(redrawn ? { c: redrawn } : {}) };
  return { kind: 'modal', view: statusModalView({ lang: uc.lang, occurrence, current: o.current, metadata: JSON.stringify(metadata) }) };
}

/** The occurrence `key` of plan `planId`, or null when either is gone. */
function findOccurrence(uc: UseCaseContext, planId: string, key: string): Found | null {
  const plan = uc.domain.plans.plan(planId);
  const activity = plan ? uc.domain.plans.activity(plan.id, parseOccurrenceKey(key).activityId) : null;
  const occurrence = plan && activity ? activityState(uc.domain, plan, activity).occurrences.find((o) => o.key === key) : undefined;
  return plan && activity && occurrence ? { plan, activity, occurrence } : null;
}

type Asked = Opening | { kind: 'error'; error: AnswerError; audience: Audience };

/** `/gcm update B1.2 2024-05` (`actualizar`): opens the Update modal, for the people who may update it. */
export const update: SlashCommand<Asked> = {
  name: 'update',
  keywords: { en: ['update'], es: ['actualizar'] },
  help: {
    en: [{ usage: 'update B1.2 2024-05', text: 'co-chairs and focal points of the lead agencies: status, new date, note and links of an occurrence' }],
    es: [
      {
        usage: 'actualizar B1.2 2024-05',
        text: 'copresidencia y puntos focales de las agencias líderes: estado, nueva fecha, nota y enlaces de una ocurrencia',
      },
    ],
  },
  guard: 'anyone',
  // Asks Slack who the co-chairs are, then opens the modal with the command's trigger_id (3 seconds).
  reply: 'later',
  run: async (arg, uc) => {
    const current = planToChange(uc);
    const target = current.ok ? resolveTarget(uc.domain, current.plan, arg, 'done') : current;
    if (!target.ok) return { kind: 'error', error: target.error, audience: await audienceOf(uc) };
    return opening(target, uc);
  },
  view: (r, uc): Outcome => {
    if (r.kind === 'error') return { kind: 'message', message: errorMessage(messages(uc.lang).error(r.error, r.audience)) };
    const v = openingView(r, uc);
    return v.kind === 'modal' ? v : { kind: 'message', message: v.message };
  },
};

/** The **Update** button (value `{"plan","key"}`) on answers, reminders and follow-ups: opens the modal. */
export const updateButton: Interaction<{ plan: string; key: string; c?: string }> = {
  actionId: actionIds.statusUpdate,
  guard: 'anyone',
  // The value may say its message's language (`l`); else the message's other buttons do, when Slack sends
  // the message (it sends none for an ephemeral one); else GCM_LANGUAGE.
  language: (click, fallback) => {
    const l = (parseJson(click.value) as { l?: unknown } | null)?.l;
    return l === 'en' || l === 'es' ? l : languageOfBlocks(click.blocks, fallback);
  },
  input: (click) => {
    const v = parseJson(click.value) as { plan?: unknown; key?: unknown; c?: unknown } | null;
    return typeof v?.plan === 'string' && typeof v.key === 'string'
      ? { ok: true, input: { plan: v.plan, key: v.key, ...(typeof v.c === 'string' ? { c: v.c.slice(0, 500) } : {}) } }
      : { ok: false, reason: 'a value the bot did not write' };
  },
  run: async ({ plan, key, c }, uc) => {
    const found = findOccurrence(uc, plan, key);
    if (!found) return { kind: 'reply', message: errorMessage(messages(uc.lang).error({ code: 'activity_missing', given: key, known: [] })) };
    const v = openingView(await opening(found, uc), uc, c);
    return v.kind === 'modal' ? v : { kind: 'reply', message: v.message };
  },
};

const ids = statusModalIds;
const fieldBlocks: Record<StatusField, string> = { status: ids.status, date: ids.date, note: ids.note, link: ids.link };

/** The submitted Update modal: `applyStatusUpdate` (who may, then what is valid, then the write). */
export const statusModalSubmit: ModalSubmit<Metadata & { status: string; date: string | null; note: string | null; link: string | null }> = {
  callbackId: ids.callbackId,
  guard: 'anyone',
  language: (s, fallback) => readMetadata(s)?.l ?? fallback,
  input: (s) => {
    const meta = readMetadata(s);
    if (!meta) return { ok: false, reason: 'metadata the bot did not write' };
    const read = (block: string) => s.values[block]?.[block];
    return {
      ok: true,
      input: {
        ...meta,
        status: read(ids.status)?.selected_option?.value ?? '',
        date: read(ids.date)?.selected_date ?? null,
        note: read(ids.note)?.value ?? null,
        link: read(ids.link)?.value ?? null,
      },
    };
  },
  run: async (i, uc): Promise<SubmitOutcome> => {
    const found = findOccurrence(uc, i.p, i.k);
    const what = esc(found ? occurrenceTitle(found.occurrence, uc.lang) : i.k);
    const m = messages(uc.lang).statusModal;
    if (!found) return { kind: 'close', message: errorMessage(m.gone(what)), changed: false };
    const r = await applyStatusUpdate(uc, { planId: i.p, key: i.k, status: i.status, date: i.date, note: i.note, link: i.link });
    switch (r.outcome) {
      case 'refused':
        return { kind: 'close', message: errorMessage(m.notAllowed(what, leadText(found.activity, uc.lang, uc.directory))), changed: false };
      case 'invalid':
        return { kind: 'errors', errors: fieldErrors(r.errors, uc.lang) };
      default:
        return changedOutcome(uc, i, statusChangedMessage(uc.lang, found.occurrence, r.change, r.outcome === 'changed'), r.outcome === 'changed');
    }
  },
};

/**
 * The modal closes with what it changed; when it was opened from a message (`c`) and something changed, that
 * message is drawn again, fresh, with who changed what on top (as Mark done does).
 */
async function changedOutcome(uc: UseCaseContext, i: Metadata, told: Message, changed: boolean): Promise<SubmitOutcome> {
  if (!changed || !i.c) return { kind: 'close', message: told, changed };
  return { kind: 'close', message: told, changed, redraw: await redraw(uc, { c: i.c, l: i.l }, `<@${uc.userId}>: ${told.text}`) };
}

/** Field errors keyed by the block id of each input, in the person's language. */
function fieldErrors(errors: Partial<Record<StatusField, StatusProblem>>, lang: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, problem]) => [fieldBlocks[field as StatusField], statusProblemText(lang, problem)]));
}

function readMetadata(s: Submission): Metadata | null {
  const v = parseJson(s.metadata) as Partial<Metadata> | null;
  if (typeof v?.p !== 'string' || typeof v.k !== 'string' || (v.l !== 'en' && v.l !== 'es')) return null;
  return { p: v.p, k: v.k, l: v.l, ...(typeof v.c === 'string' ? { c: v.c } : {}) };
}

function parseJson(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}
