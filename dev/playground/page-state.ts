import type { SettableClock } from '../../src/clock.js';
import { languages, type Language } from '../../src/domain/types.js';
import { messages } from '../../src/i18n/messages.js';
import { languageOfBlocks } from '../../src/views/action-ids.js';
import { chromeWords, languageOfLocale } from './chrome-words.js';
import type { StoredFile, StoredMessage, WebApiStandIn } from '../standin/web-api.js';
import { playgroundChannel, playgroundUsers } from './people.js';

/** How many lines of a file the page previews. */
const previewLines = 8;

/** The order messages were posted in (the ts's sequence part), whatever the bot's clock said. */
const seqOf = (ts: string) => Number(ts.split('.')[1] ?? 0);

/** The kind of a file, as Slack labels it: by its extension. */
const fileKinds: [RegExp, string][] = [
  [/\.md$/i, 'markdown'],
  [/\.ics$/i, 'calendar'],
  [/\.docx$/i, 'word'],
  [/\.xlsx$/i, 'excel'],
];
const fileKind = (name: string) => fileKinds.find(([re]) => re.test(name))?.[1] ?? 'text';

/**
 * The language of the line on a file someone asked for (src/i18n: askedFile), found by the fixed words of each
 * language's sentences; null when it is none of them (the quarterly report's file, in its summary's thread).
 */
function languageOfFileLine(comment: string | undefined): Language | null {
  if (!comment) return null;
  for (const lang of languages) {
    const a = messages(lang).askedFile;
    const fixed = [a.inChannel('\u0000', '\u0000', '\u0000'), a.privately('\u0000', '\u0000', '\u0000')].flatMap((t) => t.split('\u0000'));
    const words = fixed.map((w) => w.trim()).filter((w) => w.length > 3);
    if (words.some((w) => comment.includes(w))) return lang;
  }
  return null;
}

const spanishWords = new Set(['de', 'del', 'la', 'las', 'el', 'los', 'por', 'para', 'con', 'y', 'está', 'ahora', 'nueva', 'fecha', 'que', 'una', 'sin']);
const englishWords = new Set(['the', 'of', 'by', 'for', 'with', 'and', 'is', 'now', 'new', 'date', 'that', 'a', 'an', 'to', 'no']);

/**
 * The language of a message the playground cannot otherwise tell (a confirmation without buttons, posted
 * after a modal): the one whose common small words it uses more; null when neither.
 */
function languageOfText(text: string): Language | null {
  const words = text.toLowerCase().split(/[^a-záéíóúñü]+/);
  const es = words.filter((w) => spanishWords.has(w)).length;
  const en = words.filter((w) => englishWords.has(w)).length;
  return es > en ? 'es' : en > es ? 'en' : null;
}

/** A file as the page shows it: name, kind, size, the first lines and where to download it. */
function fileView(f: StoredFile) {
  return {
    kind: fileKind(f.filename),
    id: f.id,
    name: f.filename,
    title: f.title ?? f.filename,
    size: f.bytes.length,
    // A document's first paragraphs or a spreadsheet's first rows (file-preview.ts); a text file's first lines.
    preview: f.preview?.lines?.join('\n') ?? (f.preview?.rows ? '' : f.content.split('\n').slice(0, previewLines).join('\n')),
    ...(f.preview?.rows ? { rows: f.preview.rows } : {}),
    url: `/files/${encodeURIComponent(f.id)}/${encodeURIComponent(f.filename)}`,
  };
}

/** Shared files are a message of their own (Slack shows them so), the files of one upload together: in `channel`, or in the thread they were shared in. */
function fileMessages(standin: WebApiStandIn, channel: string): StoredMessage[] {
  const byTs = new Map<string, StoredFile[]>();
  for (const f of standin.files.values()) if (f.channel === channel && f.ts) byTs.set(f.ts, [...(byTs.get(f.ts) ?? []), f]);
  return [...byTs.values()].map((fs) => {
    const f = fs[0]!;
    return { channel: f.channel!, ts: f.ts!, text: f.initialComment ?? '', blocks: [], user: f.user, threadTs: f.threadTs, fileIds: fs.map((x) => x.id) };
  });
}

function messageView(standin: WebApiStandIn, m: StoredMessage & { fileIds?: string[] }, fallback: Language) {
  const files = (m.fileIds ?? []).map((id) => standin.files.get(id)).filter((f): f is StoredFile => f !== undefined);
  const file = files[0];
  return {
    // The language Slack's words around it are drawn in: the command's, a file's line, a button's, its words', else the bot's.
    lang: m.lang ?? languageOfFileLine(file?.initialComment) ?? languageOfBlocks(m.blocks, languageOfText(m.text) ?? fallback),
    ts: m.ts,
    text: m.text,
    blocks: m.blocks,
    ephemeral: Boolean(m.ephemeralTo),
    edited: Boolean(m.edited),
    fromBot: m.user === standin.botUserId,
    user: m.user,
    files: files.map(fileView),
  };
}

/** The language of a modal the bot opened: the `l` it keeps in its private_metadata (slack/modal-envelope.ts), else `fallback`. */
function languageOfView(view: Record<string, unknown>, fallback: Language): Language {
  try {
    const envelope = JSON.parse(String(view.private_metadata ?? '')) as { metadata?: string };
    const l = (JSON.parse(envelope.metadata ?? '') as { l?: string }).l;
    return l === 'es' || l === 'en' ? l : fallback;
  } catch {
    return fallback;
  }
}

/** The modal open for `user` (Slack shows one at a time): the last one opened, until it is closed. */
function openModal(standin: WebApiStandIn, user: string, fallback: Language) {
  const v = standin.lastView(user);
  return v && !v.closed ? { id: v.id, view: v.view, errors: v.errors, lang: languageOfView(v.view, fallback) } : null;
}

/**
 * The person's assistant pane (Slack's split view of AI apps): their latest chat with the bot, with the prompts,
 * title and status the bot set, and its messages (their questions, the bot's answers) drawn as others are.
 */
function assistantPane(standin: WebApiStandIn, user: string, view: (m: StoredMessage) => ReturnType<typeof messageView>) {
  const thread = standin.assistantThreads.filter((t) => t.user === user).at(-1);
  if (!thread) return null;
  const inThread = standin.channelMessages(thread.channel, user).filter((m) => m.threadTs === thread.threadTs);
  return {
    threadTs: thread.threadTs,
    title: thread.title ?? null,
    status: thread.status ?? null,
    promptsTitle: thread.promptsTitle ?? null,
    prompts: thread.prompts,
    messages: inThread.sort((a, b) => seqOf(a.ts) - seqOf(b.ts)).map(view),
  };
}

/**
 * What the page draws for `user`: the clock, the people, the channel with its threads, their direct messages,
 * App Home and open modal, each with its language, and Slack's own words in both (chrome-words.ts).
 */
export function pageState(standin: WebApiStandIn, clock: SettableClock, user: string, botLanguage: Language) {
  const all = [...standin.channelMessages(playgroundChannel.id, user), ...fileMessages(standin, playgroundChannel.id)].sort(
    (a, b) => seqOf(a.ts) - seqOf(b.ts),
  );
  const view = (m: StoredMessage) => messageView(standin, m, botLanguage);
  const dm = standin.dmChannelOf(user);
  // The assistant's threads live in the same direct messages; the page shows them in the pane, not in the list.
  const inPane = new Set(standin.assistantThreads.filter((t) => t.channel === dm).map((t) => t.threadTs));
  const direct = [...standin.channelMessages(dm, user), ...fileMessages(standin, dm)]
    .filter((m) => !m.threadTs || !inPane.has(m.threadTs))
    .sort((a, b) => seqOf(a.ts) - seqOf(b.ts));
  return {
    now: clock.now().toISO(),
    zone: clock.zone,
    /** The viewer's language (their Slack locale): the page's own frame is drawn in it. */
    lang: languageOfLocale(standin.users.get(user)?.locale),
    words: chromeWords,
    users: playgroundUsers,
    channel: playgroundChannel,
    botUserId: standin.botUserId,
    messages: all.filter((m) => !m.threadTs).map((m) => ({ ...view(m), replies: all.filter((r) => r.threadTs === m.ts).map(view) })),
    /** The person's direct messages with the bot: the files they asked for (README, "Files people ask for"). */
    direct: direct.map(view),
    home: standin.homes.get(user) ?? null,
    modal: openModal(standin, user, botLanguage),
    assistant: assistantPane(standin, user, view),
  };
}
