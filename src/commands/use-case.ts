import type { MadeFile } from '../documents/brief-files.js';
import type { HelpLine } from '../domain/answers.js';
import type { BriefDrafts } from '../domain/brief-draft.js';
import type { Context } from '../domain/ports.js';
import type { ReminderSettings } from '../domain/reminders.js';
import type { AgencyDirectory, Language, ReminderRecord, RetryFailedReport } from '../domain/types.js';
import type { Message } from '../views/message-view.js';
import type { ModalView } from '../views/modal-view.js';

/**
 * Who may run a use case, checked on the server for every request (guards.ts). `anyone` still lets a use
 * case ask `isCoChair()` when what it shows depends on it.
 */
export type GuardName = 'anyone' | 'coChairs' | 'coChairsBrief';

/**
 * How a slash command answers: in the acknowledgement itself (`ack`: synchronous reads, well inside
 * Slack's 3 seconds), or acknowledged at once and answered through the response_url (`later`: it may
 * call Slack, as the co-chair check does, or write).
 */
export type ReplyMode = 'ack' | 'later';

/** What the outbox tells `/gcm reminders`, and how a message it posted is drawn again after a click. */
export interface OutboxView {
  channel: string | undefined;
  settings: ReminderSettings;
  /** The weekly digest's day (ISO weekday, 1 is Monday) and time, or `off`: the view names the day in its language. */
  digest: { weekday: number; time: string } | 'off';
  /** Who runs the scheduler on this database: this copy, another, or none. */
  scheduler(): 'me' | 'other' | 'none';
  /** Pending and failed items: what co-chairs are shown. */
  unsent(): ReminderRecord[];
  /** Failed items back in the queue for the next pass, unless their kind would no longer post them; `by` is for the log. */
  retryFailed(by: string): Promise<RetryFailedReport>;
  /** A recorded item by its key. */
  record(key: string): ReminderRecord | null;
  /** The current message of a posted item, with `notice` on top; null when its subject left the plan. */
  message(key: string, lang: Language, notice: string): Promise<Message | null>;
  /** Runs a pass now, without waiting for the minute (a published update goes out at once); never throws, logs. */
  postSoon(): void;
}

/** The calendar's subscription address, where the bot serves one (`/gcm calendar`). */
export interface CalendarFeed {
  /** The bot serves the feed over HTTP: HTTP mode, or CALENDAR_PORT in Socket Mode. */
  served: boolean;
  /** GCM_PUBLIC_URL without a trailing slash, or null when unset. */
  publicUrl: string | null;
  /** The secret in the address: GCM_CALENDAR_TOKEN, or the one kept in the database. */
  token(): string;
}

/**
 * What a use case runs with: the domain's context, who asks, in which language, and the app's parts. Its methods
 * are its class's (src/slack/router.ts `RequestContext`): a changed copy is made with `Object.create(uc, …)`,
 * never by spreading `uc` (which would drop them).
 */
export interface UseCaseContext {
  domain: Context;
  lang: Language;
  /** GCM_TIMEZONE: the zone dates are read and shown in. */
  zone: string;
  /** GCM_LANGUAGE: the answer's language when no keyword says otherwise. */
  defaultLanguage: Language;
  userId: string;
  /** Where the request came from, for the audit trail: `command:/gcm …` or `button:C…/ts`. */
  source: string;
  /** The command text as typed (a button re-answers it after a change). */
  text: string;
  isCoChair(): Promise<boolean>;
  /** The co-chairs a member is told to ask: GCM_CO_CHAIRS ids and GCM_CO_CHAIRS_USERGROUP (null when unset). */
  coChairContacts: { ids: readonly string[]; usergroup: string | null };
  /**
   * Of `ids`, those Slack does not know (`users.info` answers `user_not_found`) or whose account is
   * deactivated. An id Slack could not be asked about (a failed call) counts as known: logged, not refused.
   */
  unknownUsers(ids: readonly string[]): Promise<string[]>;
  directory: AgencyDirectory;
  outbox: OutboxView;
  /** The drafts of the co-chairs' updates: their words (Edit), who published each (Publish). */
  briefs: BriefDrafts;
  calendar: CalendarFeed;
  /** A line shown on top of the answer (who shared it, what a click changed). */
  notice?: string;
  /** The command table, for `help`. */
  commands: readonly SlashCommand[];
  /** The answer to a read-only command `text` (default language `lang`) with `notice` on top: re-drawn after a click. */
  reanswer(text: string, lang: Language, notice: string): Promise<Message>;
  /**
   * What `make` reads of the database, kept under `key` while the database is unchanged (its version: any write,
   * from this process or another): the same value, made once, until then. For values never changed once made.
   */
  remembered<T>(key: string, make: () => T): T;
}

/** What a slash command gives back: a message, whether data changed (App Homes are refreshed), or a file first. */
export type Outcome =
  | { kind: 'message'; message: Message; changed?: boolean }
  /**
   * Upload `file` with `comment` on it, to the channel the command came from (`to: 'channel'`) or to the
   * asker's direct messages (`dm`), then answer with the message for how it went.
   */
  | {
      kind: 'file';
      file: { filename: string; content: string; title: string };
      to: 'channel' | 'dm';
      comment: string;
      message: (attached: boolean) => Message;
      /** Binary files made on demand (the update's .docx and .xlsx, src/documents/), shared with `file` in one message. */
      more?: () => Promise<MadeFile[]>;
    }
  /** Open `view` as a modal for the person (views.open with the command's trigger_id); nothing is posted. */
  | { kind: 'modal'; view: ModalView };

/**
 * A `/gcm` sub-command: its words in both languages, its help, who may run it, how it answers, and `run`
 * (parsed argument → result) then `view` (result → what Slack shows). Adding a command is one file that
 * exports one of these, plus one line in the table (table.ts).
 */
export interface SlashCommand<R = unknown> {
  name: string;
  /** Folded (lower case, no accents); the first of each language is the one help shows. */
  keywords: Record<Language, readonly string[]>;
  help: Record<Language, readonly HelpLine[]>;
  guard: GuardName;
  reply: ReplyMode;
  /** Its answer depends only on the data and the date: cached (answer-cache.ts). */
  readOnly?: boolean;
  run(arg: string, uc: UseCaseContext): R | Promise<R>;
  view(result: R, uc: UseCaseContext): Outcome;
}

/** A click on an element the bot drew: what it carries, and where. */
export interface Click {
  /** The element's value (buttons), or the picked option (menus). */
  value: string | undefined;
  /** The picked date (date pickers). */
  date: string | undefined;
  blockId: string;
  /** The blocks of the message the element sits on, when Slack sends them. */
  blocks: unknown;
}

/** What an interaction gives back; the action router makes the one Web API call each kind needs. */
export type ActionOutcome =
  /** The message the element sits on, drawn again. */
  | { kind: 'update'; message: Message; changed: boolean }
  /** A short private answer to the person who clicked; nothing else changes. */
  | { kind: 'reply'; message: Message }
  /** The answer posted for everyone in the channel, the private copy removed. */
  | { kind: 'share'; message: Message }
  /** The person's App Home, drawn again. */
  | { kind: 'home' }
  /** A modal opened for the person who clicked (views.open with the click's trigger_id). */
  | { kind: 'modal'; view: ModalView };

/** A button, menu or date picker: its Slack action id, who may use it, and what it does. */
export interface Interaction<I = unknown> {
  actionId: string;
  guard: GuardName;
  /** The language of the answer: a button keeps its message's language. */
  language(click: Click, fallback: Language): Language;
  /** What the click carries, or why it is ignored. */
  input(click: Click): { ok: true; input: I } | { ok: false; reason: string };
  run(input: I, uc: UseCaseContext): ActionOutcome | Promise<ActionOutcome>;
}

/** One input of a submitted modal, as Slack sends it in `view.state.values[block_id][action_id]`. */
export interface SubmittedInput {
  value?: string | null;
  selected_date?: string | null;
  selected_option?: { value: string } | null;
}

/** What a person submitted in a modal of the bot. */
export interface Submission {
  /** The inputs, by block id then action id. */
  values: Record<string, Record<string, SubmittedInput>>;
  /** What the use case put in the modal's `private_metadata` when it opened it. */
  metadata: string;
}

/** What a modal's submission gives back; the submission listener answers Slack with it. */
export type SubmitOutcome =
  /** Field errors by block id, in the person's language: the modal stays open and shows them (`response_action: 'errors'`). */
  | { kind: 'errors'; errors: Record<string, string> }
  /**
   * The modal closes; the person is told `message` privately where the modal came from, and, when the modal was
   * opened from a message and `redraw` is given, that message is replaced by `redraw` (its new state).
   */
  | { kind: 'close'; message: Message; changed: boolean; redraw?: Message };

/** A modal the bot opens: its callback id, who may submit it (checked again at submission), and what a submission does. */
export interface ModalSubmit<I = unknown> {
  callbackId: string;
  guard: GuardName;
  /** The language of the answer: the modal keeps the one it was opened in. */
  language(submission: Submission, fallback: Language): Language;
  /** What the submission carries, or why it is ignored (metadata the bot did not write). */
  input(submission: Submission): { ok: true; input: I } | { ok: false; reason: string };
  run(input: I, uc: UseCaseContext): SubmitOutcome | Promise<SubmitOutcome>;
}
