import type { RecordedCall } from '../../dev/standin/web-api.js';

/**
 * Helpers for the view snapshots: keep what a user of Slack sees (text, blocks, where and how a message
 * lands), drop the plumbing, and replace what depends on the wall clock or on the order of requests
 * (message ts, trigger ids, response_url paths, file ids, the stand-in's port) by fixed placeholders.
 * Dates the bot writes itself (Slack date tokens, "24 April 2024") come from the fixed clock: they stay.
 */

/** Fields of a Web API call or a response_url POST that shape what the user sees. */
const visibleFields = [
  'channel',
  'user',
  'user_id',
  'thread_ts',
  'response_type',
  'replace_original',
  'delete_original',
  'text',
  'blocks',
  'view',
  'unfurl_links',
] as const;

/** Keys that are never meaningful for a snapshot (wall clock, random, request order). */
const dropped = new Set(['response_url_id', 'trigger_id', 'action_ts', 'event_ts', 'upload_url']);

/** A message ts (seconds.sequence) as the stand-in writes it from the wall clock. */
const messageTs = /\b\d{9,10}\.\d{6}\b/g;

/** Replaces wall-clock and order-dependent values, recursively, in a copy of `value`. */
export function stable<T>(value: T): T {
  if (typeof value === 'string') {
    return value
      .replace(messageTs, '<ts>')
      .replace(/http:\/\/127\.0\.0\.1:\d+/g, '<standin>')
      .replace(/\/response\/\d+/g, '/response/<id>')
      .replace(/\bF\d{8}\b/g, '<file>') as T;
  }
  if (Array.isArray(value)) return value.map((v) => stable(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!dropped.has(k)) out[k] = stable(v);
    return out as T;
  }
  return value;
}

/** What the user sees of a recorded call (a post, an update, a response_url reply, a publish), stabilised. */
export function visible(call: RecordedCall | { params: Record<string, unknown> }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of visibleFields) if (call.params[k] !== undefined) out[k] = call.params[k];
  return stable(out);
}

/** All the words of a message or view (text and blocks), for content assertions beside a snapshot. */
export function words(message: unknown): string {
  const m = message as { text?: unknown; blocks?: unknown; view?: unknown; params?: unknown };
  if (m.params) return words(m.params);
  return [typeof m.text === 'string' ? m.text : '', JSON.stringify(m.blocks ?? (m.view as { blocks?: unknown } | undefined)?.blocks ?? [])].join('\n');
}

/**
 * The file a user downloads, from what the stand-in received: the upload is a multipart body whose boundary
 * is random, so only the file part's content is kept.
 */
export function uploadedContent(raw: string): string {
  const first = /^(--[^\r\n]+)\r?\n/.exec(raw);
  if (!first) return raw;
  const part = raw.slice(first[0].length).split(first[1]!)[0]!;
  const separator = /\r?\n\r?\n/.exec(part);
  if (!separator) return raw;
  return part.slice(separator.index + separator[0].length).replace(/\r?\n$/, '');
}

/** A file the bot uploaded, as the channel shows it: its name, title, channel and content. */
export function uploadedFile(file: { filename: string; content: string; channel?: string; title?: string }) {
  return stable({ filename: file.filename, title: file.title, channel: file.channel, content: uploadedContent(file.content) });
}
