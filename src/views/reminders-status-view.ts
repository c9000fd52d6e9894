import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { permanentFailure, type PermanentFailure } from '../domain/post-failures.js';
import type { Language, LeftFailed, ReminderRecord, RetryFailedReport } from '../domain/types.js';
import type { ReminderSettings, ReminderSlot } from '../domain/reminders.js';
import { formatDate, messages } from '../i18n/messages.js';
import { actions, button, clip, esc, fitBlocks, header, limits, section } from './blocks.js';
import { actionIds, encodeValue } from './action-ids.js';
import { errorMessage, type Message } from './message-view.js';
import { occurrenceTitle } from './reminder-view.js';

export interface RemindersStatus {
  lang: Language;
  channel: string | undefined;
  settings: ReminderSettings;
  /** ISO weekday (1 is Monday) and time, or `off`. */
  digest: { weekday: number; time: string } | 'off';
  scheduler: 'me' | 'other' | 'none';
  ended: boolean;
  next: ReminderSlot[];
  /** Pending and failed reminders; null when the asker is not a co-chair. */
  unsent: ReminderRecord[] | null;
}

/** The next reminders, or that the plan's period ended. */
function nextBlock(s: RemindersStatus): KnownBlock {
  const m = messages(s.lang);
  const r = m.reminder;
  if (s.ended) return section(r.ended);
  const lines = s.next.map(
    (n) =>
      `• ${formatDate(n.fireAt.toISODate()!, s.lang)} ${n.fireAt.toFormat('HH:mm')}: ${occurrenceTitle(n.occurrence, s.lang)} (${m.due} ${formatDate(n.occurrence.due!, s.lang)})`,
  );
  return section(`*${r.next}*\n${lines.length ? lines.join('\n') : r.noneNext}`);
}

/** The reminders not sent yet (co-chairs only), and one line per kind of permanent failure: what the co-chairs can do about it. */
function unsentBlocks(s: RemindersStatus, unsent: ReminderRecord[]): KnownBlock[] {
  const r = messages(s.lang).reminder;
  const local = (iso: string) => DateTime.fromISO(iso, { zone: s.settings.zone });
  const lines = unsent.map((u) =>
    section(
      clip(
        `• ${esc(u.key)} · ${formatDate(local(u.fireAt).toISODate()!, s.lang)} · ${u.status} · ${esc(r.attempts(u.attempts, u.lastError))}`,
        limits.sectionText,
      ),
    ),
  );
  const fixes = new Map<PermanentFailure, string>();
  for (const u of unsent) {
    const f = u.status === 'failed' ? permanentFailure(u.lastError) : null;
    if (f && !fixes.has(f)) fixes.set(f, u.lastError!);
  }
  return [section(`*${r.unsent}*${lines.length ? '' : `\n${r.noneUnsent}`}`), ...lines, ...[...fixes].map(([f, error]) => section(r.fix(f, esc(error))))];
}

/**
 * `/gcm reminders`: where and when reminders go, the next ones, and what has not gone out yet. `done`, when
 * given, says on top what a click just did (Retry failed), the message then drawn again as things now stand.
 */
export function remindersView(s: RemindersStatus, done?: Message): Message {
  const m = messages(s.lang);
  const r = m.reminder;
  const text = done?.text ?? r.statusTitle;
  const blocks = [
    ...(done?.blocks ?? []),
    header(r.statusTitle),
    section(
      [
        r.channel(s.channel ?? null),
        r.when(s.settings.days, s.settings.time, s.settings.zone),
        r.digest(s.digest === 'off' ? 'off' : `${m.weekdays[s.digest.weekday - 1]} ${s.digest.time}`),
        r.scheduler(s.scheduler),
      ].join('\n'),
    ),
    nextBlock(s),
  ];
  if (!s.unsent) return { text, blocks: fitBlocks(blocks, limits.messageBlocks, m.andMore) };
  blocks.push(...unsentBlocks(s, s.unsent));
  // Co-chairs send the failed ones again once the cause is fixed (checked again on the click).
  const retry = s.unsent.some((u) => u.status === 'failed')
    ? [section(r.retryHint), actions(actionIds.retryFailed, [button(r.retryButton, actionIds.retryFailed, encodeValue({ c: 'reminders', l: s.lang }))])]
    : [];
  return { text, blocks: [...fitBlocks(blocks, limits.messageBlocks, m.andMore, retry.length), ...retry] };
}

const leftOrder: readonly LeftFailed[] = ['closed', 'too_late', 'unknown_kind'];

/** What "Retry failed" did: how many were queued again, and how many were left failed and why (their keys escaped). */
export function remindersRetryView(report: RetryFailedReport, lang: Language): Message {
  const r = messages(lang).reminder;
  if (report.queued.length === 0 && report.left.length === 0) return errorMessage(r.retryNothing);
  const lines = [r.retryQueued(report.queued.length)];
  for (const why of leftOrder) {
    const keys = report.left.filter((l) => l.why === why).map((l) => esc(l.key));
    if (keys.length) lines.push(`• ${r.retryLeft(keys.length, why, keys.join(', '))}`);
  }
  return errorMessage(lines.join('\n'));
}

/** `/gcm reminders` with a word it does not take: what it takes (`given` escaped). */
export function remindersUsageView(given: string, lang: Language): Message {
  return errorMessage(messages(lang).reminder.retryUsage(esc(clip(given, 100))));
}
