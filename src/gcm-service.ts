import type { Clock } from './clock.js';
import type { Language } from './domain/types.js';
import type { Stores } from './stores.js';
import type { CoChairs } from './slack/co-chairs.js';
import { parseCommand, type Command } from './domain/command.js';
import { answer, currentPlan } from './domain/questions.js';
import type { Context } from './domain/ports.js';
import { applyMark, resolveTarget, type MarkOutcome } from './domain/mark.js';
import { parseOccurrenceKey } from './domain/occurrences.js';
import { activityState } from './domain/questions.js';
import { homeData } from './domain/home.js';
import { answerMessage, type Message } from './views/message-view.js';
import { markMessage, markNotice } from './views/mark-view.js';
import { homeView } from './views/home-view.js';
import { section } from './views/blocks.js';
import { messages } from './i18n/messages.js';
import type { ActionValue } from './views/action-ids.js';
import type { HomeView } from '@slack/types';
import type { ReminderSettings } from './domain/reminders.js';
import { nextReminders } from './domain/reminders.js';
import { planOccurrences } from './domain/occurrences.js';
import { resolveScheduleTarget, setMeetingDate } from './domain/schedule-meeting.js';
import { reminderContent } from './domain/reminder-content.js';
import { occurrenceTitle, reminderMessage } from './views/reminder-view.js';
import { remindersView } from './views/reminders-status-view.js';
import { formatDate } from './i18n/messages.js';
import { changeFocal, focalRefusal, parseFocal } from './domain/focal-points.js';
import { buildReport, parseReportPeriod, planForPeriod, type ProgressReport } from './domain/report.js';
import { reportMarkdown, reportMessage } from './views/report-view.js';
import { agencyLabel } from './views/labels.js';

/** Commands that change state or depend on who asks: acknowledged at once, answered through the response_url. */
const mutations = new Set(['done', 'reopen', 'schedule', 'reminders', 'focal', 'report']);

/** What `/gcm reminders` reports besides the records: the settings and who runs the scheduler. */
export interface ReminderInfo {
  channel: string | undefined;
  settings: ReminderSettings;
  digest: string;
  scheduler: () => 'me' | 'other' | 'none';
}

export type MarkResult = { ok: true; outcome: MarkOutcome; updated: Message } | { ok: false; reply: Message };

/**
 * The bot's use cases, between Slack's handlers and the domain: parse, ask the domain, render a view.
 * Handlers stay thin; everything here is synchronous SQLite plus the co-chair check.
 */
export class GcmService {
  constructor(
    private readonly stores: Stores,
    private readonly clock: Clock,
    private readonly defaultLanguage: Language,
    private readonly coChairs: CoChairs,
    private readonly reminderInfo: ReminderInfo,
  ) {}

  context(): Context {
    return { plans: this.stores.plans, state: this.stores.state, now: this.clock.now() };
  }

  parse(text: string): Command {
    return parseCommand(text, this.defaultLanguage);
  }

  isMutation(command: Command): boolean {
    return mutations.has(command.name);
  }

  private readonly answers = new Map<string, Message>();

  /**
   * The answer to a read-only command, as a message with buttons. Answers depend only on the data and the
   * date, so they are cached under the database's version and today's date (never stale: any write changes
   * the version), at most 500.
   */
  answerMessage(text: string, lang?: Language, notice?: string, interactive = true): Message {
    const ctx = this.context();
    const key = `${this.stores.version()}|${ctx.now.toISODate()}|${lang ?? ''}|${interactive}|${notice ?? ''}|${text}`;
    const cached = this.answers.get(key);
    if (cached) return cached;
    const command = parseCommand(text, lang ?? this.defaultLanguage);
    const message = answerMessage(answer(ctx, command), this.stores.directory(), { command: text, interactive, notice });
    if (this.answers.size >= 500) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, message);
    return message;
  }

  /** `/gcm done …` or `/gcm reopen …` from `userId`: refused unless a co-chair. */
  async commandMutation(command: Command, userId: string, source: string): Promise<{ reply: Message; changed: boolean }> {
    const m = messages(command.lang);
    const coChair = await this.coChairs.isCoChair(userId);
    if (command.name === 'reminders') return { reply: this.remindersStatus(command.lang, coChair), changed: false };
    if (command.name === 'focal') return this.focal(command, userId, coChair, source);
    if (!coChair) return { reply: { text: m.coChairOnly, blocks: [section(m.coChairOnly)] }, changed: false };
    const ctx = this.context();
    const plan = currentPlan(ctx.plans, ctx.now.toISODate()!);
    if (!plan) return { reply: this.errorMessage(m.error({ code: 'no_plan' })), changed: false };
    if (command.name === 'schedule') {
      const target = resolveScheduleTarget(ctx, plan, command.arg);
      if (!target.ok) return { reply: this.errorMessage(m.error(target.error)), changed: false };
      setMeetingDate(ctx, plan, target, { userId, source });
      const line = m.reminder.dateSet(occurrenceTitle(target.occurrence, command.lang), formatDate(target.date, command.lang), `<@${userId}>`);
      return { reply: { text: line, blocks: [section(line)] }, changed: true };
    }
    const target = resolveTarget(ctx, plan, command.arg, command.name === 'done' ? 'done' : 'reopen');
    if (!target.ok) return { reply: this.errorMessage(m.error(target.error)), changed: false };
    const outcome = applyMark(ctx, target, command.name === 'done' ? 'done' : 'reopen', { userId, source }, command.lang);
    return { reply: markMessage(outcome), changed: outcome.changed };
  }

  /** `/gcm focal …`: list an agency's focal points (or all), or change them (co-chairs any; users themselves). */
  private focal(command: Command, userId: string, coChair: boolean, source: string): { reply: Message; changed: boolean } {
    const m = messages(command.lang);
    const ctx = this.context();
    const req = parseFocal(ctx, command.arg);
    const dir = this.stores.directory();
    const name = (id: string) => agencyLabel(id, command.lang, dir);
    const mentions = (ids: string[]) => ids.map((u) => `<@${u}>`).join(', ');
    const say = (text: string) => ({ reply: { text: text.replace(/<@(\w+)>/g, '@$1'), blocks: [section(text)] }, changed: false });
    switch (req.kind) {
      case 'error':
        return say(m.error(req.error));
      case 'list_all': {
        const all = [...ctx.state.focalPoints()];
        if (all.length === 0) return say(m.report.focalNone);
        return say(`*${m.report.focalTitle}*\n${all.map(([agency, users]) => m.report.focalLine(name(agency), mentions(users))).join('\n')}`);
      }
      case 'list': {
        const users = ctx.state.focalPointsOf(req.agency.id);
        return say(users.length ? m.report.focalLine(name(req.agency.id), mentions(users)) : m.report.focalOf(name(req.agency.id)));
      }
      case 'change': {
        const refusal = focalRefusal(ctx, req, userId, coChair);
        if (refusal) return say(m.error(refusal));
        const { added, removed } = changeFocal(ctx, req, { userId, source });
        const lines = [
          ...(added.length ? [m.report.focalAdded(name(req.agency.id), mentions(added))] : []),
          ...(removed.length ? [m.report.focalRemoved(name(req.agency.id), mentions(removed))] : []),
        ];
        const now = ctx.state.focalPointsOf(req.agency.id);
        const text = `${lines.length ? lines.join('\n') : m.report.focalUnchanged}\n${now.length ? m.report.focalLine(name(req.agency.id), mentions(now)) : m.report.focalOf(name(req.agency.id))}`;
        return { ...say(text), changed: lines.length > 0 };
      }
    }
  }

  /**
   * `/gcm report [FROM TO]`: the summary for Slack and the full report as Markdown (for a file), or the
   * reason it cannot be made.
   */
  report(command: Command): { ok: true; report: ProgressReport; markdown: string; filename: string } | { ok: false; reply: Message } {
    const m = messages(command.lang);
    const ctx = this.context();
    const [from, to, extra] = command.arg.split(/\s+/).filter(Boolean);
    if (extra !== undefined || (from && !to)) return { ok: false, reply: this.errorMessage(m.error({ code: 'report_dates', given: command.arg })) };
    const period = parseReportPeriod(from, to, ctx.now);
    if (!period.ok) return { ok: false, reply: this.errorMessage(m.error(period.error)) };
    const plan = planForPeriod(ctx, period.from, period.to);
    if (!plan) return { ok: false, reply: this.errorMessage(m.error({ code: 'report_outside', from: period.from, to: period.to })) };
    const report = buildReport(ctx, plan, period.from, period.to);
    return { ok: true, report, markdown: reportMarkdown(report, command.lang, this.stores.directory()), filename: `gcm-report-${period.from}-${period.to}.md` };
  }

  reportMessage(report: ProgressReport, lang: Language, fileNote?: string): Message {
    return reportMessage(report, lang, this.stores.directory(), fileNote);
  }

  /** A "Mark done"/"Reopen" click: checked against the co-chairs on every click, whatever the message shows. */
  async markFromButton(value: ActionValue, action: 'done' | 'reopen', userId: string, source: string): Promise<MarkResult> {
    const m = messages(value.l);
    if (!(await this.coChairs.isCoChair(userId))) return { ok: false, reply: this.errorMessage(m.coChairOnly) };
    const ctx = this.context();
    const plan = value.p ? ctx.plans.plan(value.p) : null;
    const key = value.k ?? '';
    const { activityId } = parseOccurrenceKey(key);
    const activity = plan ? ctx.plans.activity(plan.id, activityId) : null;
    const state = plan && activity ? activityState(ctx, plan, activity) : null;
    const occurrence = state?.occurrences.find((o) => o.key === key);
    if (!plan || !activity || !state || !occurrence) {
      return { ok: false, reply: this.errorMessage(m.error({ code: 'activity_missing', given: key || '?', known: [] })) };
    }
    const outcome = applyMark(ctx, { ok: true, plan, activity, occurrence, named: true, others: state.occurrences }, action, { userId, source }, value.l);
    return { ok: true, outcome, updated: await this.rerender(value, markNotice(outcome)) };
  }

  /** The message a button sits on, fresh, with a notice on top: a reminder or an answer to a command. */
  async rerender(value: ActionValue, notice: string): Promise<Message> {
    if (value.c.startsWith('reminder ')) {
      const record = this.stores.reminders.get(value.c.slice('reminder '.length));
      const content = record ? reminderContent(this.stores, record, this.clock.zone) : null;
      const coChairs = content?.followup ? await this.coChairs.list() : undefined;
      if (content) return reminderMessage({ ...content, lang: value.l, notice, coChairs }, this.stores.directory());
      return { text: notice, blocks: [section(notice)] };
    }
    return this.answerMessage(value.c, value.l, notice);
  }

  /** A date picked on a meeting reminder's "Set date" (co-chairs only). `blockId` names the reminder. */
  async setDateFromPicker(
    blockId: string,
    date: string,
    userId: string,
    source: string,
    lang: Language,
  ): Promise<MarkResult | { ok: true; updated: Message; changed: boolean }> {
    const m = messages(lang);
    if (!(await this.coChairs.isCoChair(userId))) return { ok: false, reply: this.errorMessage(m.coChairOnly) };
    const record = this.stores.reminders.get(blockId.replace(/^gcm_reminder\|/, ''));
    const content = record ? reminderContent(this.stores, record, this.clock.zone) : null;
    if (!record || !content) return { ok: false, reply: this.errorMessage(m.error({ code: 'activity_missing', given: '?', known: [] })) };
    const ctx = this.context();
    const plan = ctx.plans.plan(record.planId)!;
    const target = resolveScheduleTarget(ctx, plan, `${content.occurrence.key} ${date}`);
    if (!target.ok) return { ok: false, reply: this.errorMessage(m.error(target.error)) };
    setMeetingDate(ctx, plan, target, { userId, source });
    const notice = m.reminder.dateSet(occurrenceTitle(target.occurrence, lang), formatDate(date, lang), `<@${userId}>`);
    return { ok: true, changed: true, updated: await this.rerender({ c: `reminder ${record.key}`, l: lang }, notice) };
  }

  /** `/gcm reminders`: settings, who runs the scheduler, the next reminders, and (co-chairs) what is unsent. */
  remindersStatus(lang: Language, coChair: boolean): Message {
    const ctx = this.context();
    const plan = currentPlan(ctx.plans, ctx.now.toISODate()!);
    const info = this.reminderInfo;
    const next = plan ? nextReminders(plan.id, planOccurrences(ctx, plan), ctx.state.completions(plan.id), ctx.now, info.settings, 10) : [];
    return remindersView({
      lang,
      channel: info.channel,
      settings: info.settings,
      digest: info.digest,
      scheduler: info.scheduler(),
      ended: plan ? ctx.now.toISODate()! > plan.periodEnd : false,
      next,
      unsent: coChair ? this.stores.reminders.unsent() : null,
    });
  }

  /** The App Home of a user, in `lang`. */
  home(userId: string, lang: Language): HomeView {
    return homeView(homeData(this.context(), this.stores.state.userAgency(userId), lang), this.stores.directory());
  }

  /** Records the agency a user picked in the App Home. False when the agency is unknown. */
  setUserAgency(userId: string, agencyId: string): boolean {
    if (!this.stores.plans.agency(agencyId)) return false;
    this.stores.state.setUserAgency(userId, agencyId, this.clock.now().toUTC().toISO()!);
    return true;
  }

  private errorMessage(text: string): Message {
    return { text, blocks: [section(text)] };
  }
}
