import type { SettableClock } from '../../src/clock.js';
import type { StoredFile, StoredMessage, WebApiStandIn } from '../standin/web-api.js';
import { playgroundChannel, playgroundUsers } from './people.js';

/** How many lines of a file the page previews. */
const previewLines = 8;

/** The order messages were posted in (the ts's sequence part), whatever the bot's clock said. */
const seqOf = (ts: string) => Number(ts.split('.')[1] ?? 0);

/** A file as the page shows it: name, size, the first lines and where to download it. */
function fileView(f: StoredFile) {
  return {
    id: f.id,
    name: f.filename,
    title: f.title ?? f.filename,
    size: Buffer.byteLength(f.content, 'utf8'),
    preview: f.content.split('\n').slice(0, previewLines).join('\n'),
    url: `/files/${encodeURIComponent(f.id)}/${encodeURIComponent(f.filename)}`,
  };
}

/** A shared file is a message of its own (Slack shows it so): in the channel, or in the thread it was shared in. */
function fileMessages(standin: WebApiStandIn): StoredMessage[] {
  return [...standin.files.values()]
    .filter((f) => f.channel === playgroundChannel.id && f.ts)
    .map((f) => ({ channel: f.channel!, ts: f.ts!, text: f.initialComment ?? '', blocks: [], user: f.user, threadTs: f.threadTs, fileId: f.id }));
}

function messageView(standin: WebApiStandIn, m: StoredMessage & { fileId?: string }) {
  const file = m.fileId ? standin.files.get(m.fileId) : undefined;
  return {
    ts: m.ts,
    text: m.text,
    blocks: m.blocks,
    ephemeral: Boolean(m.ephemeralTo),
    edited: Boolean(m.edited),
    fromBot: m.user === standin.botUserId,
    user: m.user,
    files: file ? [fileView(file)] : [],
  };
}

/** The modal open for `user` (Slack shows one at a time): the last one opened, until it is closed. */
function openModal(standin: WebApiStandIn, user: string) {
  const v = standin.lastView(user);
  return v && !v.closed ? { id: v.id, view: v.view, errors: v.errors } : null;
}

/** What the page draws for `user`: the clock, the people, the channel with its threads, their App Home and open modal. */
export function pageState(standin: WebApiStandIn, clock: SettableClock, user: string) {
  const all = [...standin.channelMessages(playgroundChannel.id, user), ...fileMessages(standin)].sort((a, b) => seqOf(a.ts) - seqOf(b.ts));
  const view = (m: StoredMessage) => messageView(standin, m);
  return {
    now: clock.now().toISO(),
    zone: clock.zone,
    users: playgroundUsers,
    channel: playgroundChannel,
    botUserId: standin.botUserId,
    messages: all.filter((m) => !m.threadTs).map((m) => ({ ...view(m), replies: all.filter((r) => r.threadTs === m.ts).map(view) })),
    home: standin.homes.get(user) ?? null,
    modal: openModal(standin, user),
  };
}
