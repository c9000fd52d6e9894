import type { DateTime } from 'luxon';
import type { BriefDrafts, QuarterlyReport } from '../domain/brief-draft.js';
import type { Context } from '../domain/ports.js';
import type { Recorded, ReminderSettings } from '../domain/reminders.js';
import type { AgencyDirectory, Completion, Language, NewReminder, Occurrence, PlanInfo, ReminderRecord } from '../domain/types.js';
import type { Message } from '../views/message-view.js';

/** What the outbox reads of the configuration (src/config.ts's Config has these fields). */
export interface OutboxConfig {
  /** The channel every message goes to; without it nothing is posted. */
  reminderChannel: string | undefined;
  reminderDays: number[];
  reminderTime: string;
  timezone: string;
  /** The language of everything the bot posts on its own. */
  language: Language;
  digest: { weekday: number; time: string } | 'off';
  /** GCM_REPORT: the quarter's draft to the co-chairs, the unreviewed report to the channel, or nothing. */
  quarterlyReport: QuarterlyReport;
}

/** What a kind may read of the outbox's records. */
export interface OutboxRecords {
  get(key: string): ReminderRecord | null;
  /** The records of one kind about an occurrence, in the order they fire. */
  ofOccurrence(planId: string, occurrenceKey: string, kind: string): ReminderRecord[];
}

/**
 * Everything a kind works with, at one instant: the plans and the state (a domain Context, `now` in the
 * bot's zone), the configuration and Slack services. Built by the Outbox for each pass or each re-render.
 */
export interface OutboxContext extends Context {
  config: OutboxConfig;
  /** When reminders go out (days, time, zone), from the configuration. */
  settings: ReminderSettings;
  directory(): AgencyDirectory;
  records: OutboxRecords;
  /** The co-chairs' user ids (empty when unknown). */
  coChairs(): Promise<string[]>;
  /** The co-chairs as known when the pass began (read once a pass, for `due`, which asks Slack nothing). */
  coChairIds: readonly string[];
  /** Attaches a file to `channel`, in the thread of `threadTs`; false (already logged) when it could not. */
  attachFile(channel: string, threadTs: string, filename: string, content: string | Uint8Array, title: string): Promise<boolean>;
  /** The drafts of the co-chairs' updates: their words, who published each. */
  briefs: BriefDrafts;
  /** The bot's direct-message channel with `userId` (`conversations.open`); throws when Slack refuses. */
  openDirect(userId: string): Promise<string>;
}

/**
 * The current plan, during a pass in its period: what the plan's kinds decide on. `occurrences` and `done`
 * are read once per pass, whichever kinds ask.
 */
export interface PlanPass {
  plan: PlanInfo;
  /** The keys already recorded, whatever their status (looked up one by one: the pass asks only about its window's). */
  recorded: Recorded;
  occurrences(): readonly Occurrence[];
  done(): ReadonlyMap<string, Completion>;
  /**
   * The bot's time at the previous pass of this process, when this pass follows it without a gap of wall
   * clock (the bot ran all along, whatever its own clock did: GCM_NOW, the playground); null for the first
   * pass after a start, or after a gap (downtime). What came due since then is on time, not late.
   */
  runningSince: DateTime | null;
}

/**
 * A record a kind asks for; the outbox adds the kind's name and the channel (GCM_REMINDER_CHANNEL), unless the
 * record names its own (a co-chair's direct messages).
 */
export type DueRecord = Omit<NewReminder, 'kind' | 'channel'> & { channel?: string };

/** What a kind asks the outbox to record at a pass: `post` as pending (to go out), `skip` as skipped (never). */
export interface Due {
  post: readonly DueRecord[];
  skip: readonly DueRecord[];
}

export const nothingDue: Due = Object.freeze({ post: [], skip: [] });

/** A record with the fields a kind does not use left empty. */
export function dueRecord(r: Pick<DueRecord, 'key' | 'planId' | 'fireAt'> & Partial<DueRecord>): DueRecord {
  return { occurrenceKey: null, activityId: null, offsetDays: null, dueDate: null, late: false, ...r };
}

/** A file that goes in the thread of a kind's post; known there by its name, uploaded by the bot. */
export interface ThreadFile {
  filename: string;
  title: string;
  /** Text (Markdown) or bytes (a .docx, an .xlsx). */
  content: string | Uint8Array;
}

/** Why a pending record must not go out: `cancel` (no longer wanted), `too_late` (its time passed: failed). */
export type Declined = 'cancel' | 'too_late';

/**
 * One kind of message the bot posts on its own: when it is due and how it renders. The outbox (outbox.ts)
 * owns everything else: the record written before the post, the lease, the lookup after an unknown outcome,
 * the backoff. A new kind is one file in kinds/ and one line in kinds/index.ts.
 */
export interface OutboxKind {
  /** Its name, written in each record's `kind`: never change it once records exist. */
  readonly kind: string;
  /** Still asked once the current plan's period has ended (the last quarter's report); else only within it. */
  readonly afterPlanEnd?: boolean;
  /**
   * The records whose time has come at `ctx.now`. Keys are unique and stable: a key already recorded is
   * never written again, so a kind may return it at every pass until its window closes.
   */
  due(ctx: OutboxContext, pass: PlanPass): Due;
  /** The message to post for a pending record, read fresh, or why it must not go out any more. */
  render(record: ReminderRecord, ctx: OutboxContext): Promise<Message | Declined>;
  /**
   * Where a record goes when its `channel` is no channel to post in: a person's id (the quarter's draft to a
   * co-chair) becomes the bot's direct messages with them. Asked before every attempt; a failure counts as one.
   */
  target?(record: ReminderRecord, ctx: OutboxContext): Promise<string>;
  /** The ts of the message whose thread this record goes in (a follow-up under its reminder), if any. */
  threadOf?(record: ReminderRecord, channel: string, ctx: OutboxContext): string | undefined;
  /**
   * The files that go in the thread of its post (the report's Markdown, the update's .md, .docx and .xlsx), in
   * order. The outbox attaches each exactly once: after a fresh post all of them; after a post found already
   * there (a crash), only those its thread does not hold yet. The record is marked sent once they are attached.
   */
  files?(record: ReminderRecord, ctx: OutboxContext): Promise<readonly ThreadFile[]>;
  /** After the post is recorded as sent. Never re-posts; a failure is logged. */
  afterPost?(record: ReminderRecord, channel: string, ts: string, ctx: OutboxContext): Promise<void>;
  /**
   * The message a posted record shows now, in `lang` with `notice` on top, for its buttons (Mark done, Set
   * date). Null when there is nothing to show any more. Kinds without buttons leave it out.
   */
  current?(record: ReminderRecord, ctx: OutboxContext, lang: Language, notice: string): Promise<Message | null>;
}
