import type { Clock } from './clock.js';
import type { Language } from './config.js';
import type { Stores } from './stores.js';
import type { CoChairs } from './domain/co-chairs.js';
import { parseCommand, type Command } from './domain/command.js';
import { answer, currentPlan, type Context } from './domain/questions.js';
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

/** Commands that change state: acknowledged at once, answered through the response_url. */
const mutations = new Set(['done', 'reopen']);

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

  /** The answer to a read-only command, as a message with buttons. */
  answerMessage(text: string, lang?: Language, notice?: string, interactive = true): Message {
    const command = parseCommand(text, lang ?? this.defaultLanguage);
    return answerMessage(answer(this.context(), command), this.stores.directory(), { command: text, interactive, notice });
  }

  /** `/gcm done …` or `/gcm reopen …` from `userId`: refused unless a co-chair. */
  async commandMutation(command: Command, userId: string, source: string): Promise<{ reply: Message; changed: boolean }> {
    const m = messages(command.lang);
    if (!(await this.coChairs.isCoChair(userId))) return { reply: { text: m.coChairOnly, blocks: [section(m.coChairOnly)] }, changed: false };
    const ctx = this.context();
    const plan = currentPlan(ctx.plans, ctx.now.toISODate()!);
    if (!plan) return { reply: this.errorMessage(command.lang, m.error({ code: 'no_plan' })), changed: false };
    const target = resolveTarget(ctx, plan, command.arg, command.name === 'done' ? 'done' : 'reopen');
    if (!target.ok) return { reply: this.errorMessage(command.lang, m.error(target.error)), changed: false };
    const outcome = applyMark(ctx, target, command.name === 'done' ? 'done' : 'reopen', { userId, source }, command.lang);
    return { reply: markMessage(outcome), changed: outcome.changed };
  }

  /** A "Mark done"/"Reopen" click: checked against the co-chairs on every click, whatever the message shows. */
  async markFromButton(value: ActionValue, action: 'done' | 'reopen', userId: string, source: string): Promise<MarkResult> {
    const m = messages(value.l);
    if (!(await this.coChairs.isCoChair(userId))) return { ok: false, reply: this.errorMessage(value.l, m.coChairOnly) };
    const ctx = this.context();
    const plan = value.p ? ctx.plans.plan(value.p) : null;
    const key = value.k ?? '';
    const { activityId } = parseOccurrenceKey(key);
    const activity = plan ? ctx.plans.activity(plan.id, activityId) : null;
    const state = plan && activity ? activityState(ctx, plan, activity) : null;
    const occurrence = state?.occurrences.find((o) => o.key === key);
    if (!plan || !activity || !state || !occurrence) {
      return { ok: false, reply: this.errorMessage(value.l, m.error({ code: 'activity_missing', given: key || '?', known: [] })) };
    }
    const outcome = applyMark(ctx, { ok: true, plan, activity, occurrence, named: true, others: state.occurrences }, action, { userId, source }, value.l);
    return { ok: true, outcome, updated: this.answerMessage(value.c, value.l, markNotice(outcome)) };
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

  private errorMessage(_lang: Language, text: string): Message {
    return { text, blocks: [section(text)] };
  }
}
