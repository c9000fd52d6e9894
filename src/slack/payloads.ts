import * as z from 'zod';
import type { Refusal } from './door.js';

/**
 * The shape of every payload the bot handles, checked at the door (zod) before Bolt or a handler reads a
 * field: a `/gcm` command, a click (`block_actions`), a modal's submission (`view_submission`), an event.
 * Only the fields the bot reads are checked; Slack's others pass as they are. A payload of one of these
 * kinds whose fields have the wrong types is refused (400 over HTTP; dropped and logged in Socket Mode), so
 * that no handler throws on it and leaves the person without a reply. Kinds the bot does not handle are not
 * checked here: the door acknowledges them and logs them once (guarded-receiver.ts).
 *
 * Texts are bounded here, before any parser sees them: a modal input at 3,000 characters (the longest
 * `max_length` Slack allows), an event's text at 40,000 (the longest message). Slack never sends more, so a
 * longer one is forged and refused whole, not cut (a cut could store part of a link as if it were whole).
 * A command's text longer than `maxCommandLength` is refused whole, with its length, before it is parsed
 * (src/domain/command.ts).
 */

/** Slack's longest input (`plain_text_input.max_length`). */
export const maxInputLength = 3000;
/** Slack's longest message text. */
export const maxEventTextLength = 40_000;

const id = z.string().min(1).max(255);

const slashCommand = z.looseObject({
  command: z.string().max(100),
  text: z.string(),
  user_id: id,
  channel_id: z.string().max(255),
  // Slack always sends one; without it no modal opens, and the person is told so (never undefined in a handler).
  trigger_id: z.string().max(255).default(''),
  response_url: z.string().max(2000),
});

/** What a date picker or a menu carries, in a click and in a modal's input alike. */
const picked = {
  selected_date: z.string().max(10).nullable().optional(),
  selected_option: z
    .looseObject({ value: z.string().max(2000) })
    .nullable()
    .optional(),
};

const element = z.looseObject({
  action_id: z.string().max(255),
  // Slack always sends one; a payload without it reads as '' (never undefined in a handler).
  block_id: z.string().max(255).default(''),
  value: z.string().max(2000).optional(),
  ...picked,
});

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The blocks of the message a button sits on: at most 100 objects, checked in one pass and handed on as they
 * are. A loose object schema per block copied every block (some 80 µs a click on a message of 50 blocks, 10
 * µs now); the bot reads them only to draw the message again.
 */
const messageBlocks = z.custom<Record<string, unknown>[]>((v) => Array.isArray(v) && v.length <= 100 && v.every(isObject), 'at most 100 blocks');

const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user: z.looseObject({ id }),
  actions: z.array(element).min(1).max(25),
  trigger_id: z.string().max(255).default(''),
  response_url: z.string().max(2000).optional(),
  channel: z.looseObject({ id }).optional(),
  container: z.looseObject({ message_ts: z.string().max(64).optional(), is_ephemeral: z.boolean().optional() }).optional(),
  message: z.looseObject({ ts: z.string().max(64).optional(), blocks: messageBlocks.optional() }).optional(),
});

const input = z.looseObject({
  value: z.string().max(maxInputLength).nullable().optional(),
  ...picked,
});

const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id }),
  view: z.looseObject({
    callback_id: z.string().max(255),
    private_metadata: z.string().max(3000).optional(),
    state: z.looseObject({ values: z.record(z.string().max(255), z.record(z.string().max(255), input)) }),
  }),
});

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event: z.looseObject({
    type: z.string().max(255),
    user: id.optional(),
    channel: z.string().max(255).optional(),
    tab: z.string().max(64).optional(),
    text: z.string().max(maxEventTextLength).optional(),
  }),
});

/** The schema of a body's kind, or undefined for a kind the bot does not handle. */
function schemaOf(body: Record<string, unknown>): { kind: string; schema: z.ZodType<Record<string, unknown>> } | undefined {
  if ('command' in body) return { kind: 'a command', schema: slashCommand };
  if (body.type === 'block_actions') return { kind: 'a block_actions payload', schema: blockActions };
  if (body.type === 'view_submission') return { kind: 'a view_submission payload', schema: viewSubmission };
  if (body.type === 'event_callback') return { kind: 'an event', schema: eventCallback };
  return undefined;
}

export type PayloadCheck = { ok: true; body: Record<string, unknown> } | { ok: false; refusal: Refusal };

/**
 * Checks a body of a kind the bot handles against its schema: the body to hand on (texts cut to their
 * limit), or the refusal (400) naming the kind and the first field that is wrong, never its value.
 */
export function checkPayload(body: Record<string, unknown>): PayloadCheck {
  const known = schemaOf(body);
  if (!known) return { ok: true, body };
  const parsed = known.schema.safeParse(body);
  if (parsed.success) return { ok: true, body: parsed.data };
  const where = parsed.error.issues[0]?.path.slice(0, 4).join('.') || 'the body';
  return { ok: false, refusal: { status: 400, reason: `${known.kind} whose ${where} has the wrong type or size` } };
}
