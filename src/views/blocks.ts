import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';

/** Slack's limits (docs.slack.dev, Block Kit reference). */
export const limits = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  contextElements: 10,
  fallbackText: 300,
} as const;

/**
 * Cuts text to at most `max` characters, ending with an ellipsis when cut. The cut falls at a word boundary
 * (never inside a word, a hashtag, a Slack token such as `<@U…>` or `<!date^…>`, or an escape such as
 * `&amp;`). Only text with no space before the limit (one very long word) is cut inside it, still outside
 * a token, an escape and a surrogate pair.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let head = text.slice(0, max - 1);
  // Inside a Slack token (an unclosed `<`) or an HTML escape (`&` without `;`): cut before it.
  const open = head.lastIndexOf('<');
  if (open >= 0 && head.indexOf('>', open) < 0) head = head.slice(0, open);
  head = head.replace(/&[a-z#0-9]*$/i, '');
  // At a word boundary: where the next character is a space (the cut fell between words), keep all of
  // it; otherwise go back to the last space.
  const next = text.charAt(head.length);
  if (next !== '' && !/\s/.test(next)) {
    const space = head.search(/\s\S*$/);
    if (space > 0) head = head.slice(0, space);
  }
  // Never half of a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  // The dash as an escape: a character beyond Latin-1 in a regular expression stays as it is in the bundle, and
  // V8 then keeps the bundle's whole source at two bytes a character (scripts/build.mjs).
  return `${head.replace(/[\s,;:·\u2013-]+$/u, '')}…`;
}

/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const header = (text: string): HeaderBlock => ({ type: 'header', text: { type: 'plain_text', text: clip(text, limits.headerText), emoji: false } });

export const section = (mrkdwn: string, blockId?: string): SectionBlock => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: { type: 'mrkdwn', text: clip(mrkdwn, limits.sectionText) },
});

export const context = (...mrkdwn: string[]): ContextBlock => ({
  type: 'context',
  elements: mrkdwn.slice(0, limits.contextElements).map((t) => ({ type: 'mrkdwn', text: clip(t, limits.sectionText) })),
});

export const divider = (): KnownBlock => ({ type: 'divider' });

export const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: clip(text, limits.buttonText), emoji: false },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

export const actions = (blockId: string, elements: ActionsBlock['elements']): ActionsBlock => ({
  type: 'actions',
  block_id: blockId,
  elements: elements.slice(0, 25),
});

/**
 * Keeps a list of blocks inside `max` (Slack refuses more): the first blocks and, when some had to go, a
 * context line "…and N more" built by `more`. `reserve` leaves room for blocks the caller adds after.
 */
export function fitBlocks<B extends { type: string }>(blocks: B[], max: number, more: (n: number) => string, reserve = 0): (B | ContextBlock)[] {
  const room = max - reserve;
  if (blocks.length <= room) return blocks;
  const kept = blocks.slice(0, room - 1);
  return [...kept, context(more(blocks.length - kept.length))];
}

/** A text bar for progress: ▓▓▓░░░░░░░ 3/10. */
export function bar(done: number, total: number, width = 10): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** A Slack date token: each reader sees it in their own time zone; `fallback` where it cannot render. */
export function dateToken(epochSeconds: number, fallback: string, format = '{date_long}'): string {
  return `<!date^${Math.floor(epochSeconds)}^${format}|${fallback}>`;
}
