import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Clock } from '../clock.js';
import { cached } from '../commands/answer-cache.js';
import { guards } from '../commands/guards.js';
import { commands, fallback, route, unlisted } from '../commands/table.js';
import type { Context } from '../domain/ports.js';
import type {
  ActionOutcome,
  CalendarFeed,
  Interaction,
  ModalSubmit,
  OutboxView,
  Outcome,
  SlashCommand,
  SubmitOutcome,
  UseCaseContext,
} from '../commands/use-case.js';
import { maxCommandLength, splitPlanOption } from '../domain/command.js';
import { slackOnlyAnswer, unknownPlan } from '../domain/questions.js';
import type { Stores } from '../stores.js';
import type { AgencyDirectory, Language } from '../domain/types.js';
import { answerMessage, type Message } from '../views/message-view.js';
import type { CoChairs } from './co-chairs.js';
import { setBounded } from '../domain/bounded-map.js';

export interface RouterDeps {
  stores: Stores;
  clock: Clock;
  /** GCM_LANGUAGE. */
  language: Language;
  coChairs: CoChairs;
  outbox: OutboxView;
  /** The Web API client: `users.info` for the people a command names. */
  client: WebClient;
  logger: Logger;
  /** Where the calendar's subscription is served (absent: nowhere). */
  calendar?: CalendarFeed;
}

const noFeed: CalendarFeed = { served: false, publicUrl: null, token: () => '' };

/** What command text names: the use case, its argument, the answer's language. */
export type Found = Readonly<{ command: SlashCommand; arg: string; lang: Language }>;

/** How many texts `find` remembers per language, and the longest it remembers (a bound on its memory: 500 × 200 characters). */
const foundLimit = 500;
const foundTextLimit = 200;
/** How many values `remembered` keeps (the oldest dropped first). */
const rememberedLimit = 500;

/** Who asks, from where, about what, in which language. */
export interface Request {
  userId: string;
  source: string;
  text: string;
  lang: Language;
  notice?: string;
}

/**
 * Reads the command table for every request: parse, find, guard (checked on the server each time), run,
 * render. Transport stays in the listeners, which make the one Web API call an outcome asks for.
 */
export class Router {
  /** The table's use cases, the read-only ones wrapped in the answer cache. */
  private readonly runnable: Map<string, SlashCommand>;
  private readonly fallback: SlashCommand;
  /** What `find` read from each short text lately, per default language: parsing is a pure function of the text. */
  private readonly found: Record<Language, Map<string, Found>> = { en: new Map(), es: new Map() };
  /** What use cases read of the database, by key, with the database's version it was read at (`remembered`). */
  private readonly kept = new Map<string, { version: string; value: unknown }>();

  /** What each request's context reads of this router (RequestContext). */
  private readonly parts: RouterParts;

  constructor(private readonly deps: RouterDeps) {
    this.parts = {
      deps,
      unknownUsers: (ids) => this.unknownUsers(ids),
      reanswer: (text, lang, notice, userId) => this.reanswer(text, lang, notice, userId),
      remembered: this.remembered,
    };
    const wrap = (c: SlashCommand) => (c.readOnly ? cached(c, () => deps.stores.version()) : c);
    this.runnable = new Map([...commands, ...unlisted].map((c) => [c.name, wrap(c)]));
    this.fallback = wrap(fallback);
  }

  /** The use case that command text names, its argument and the language it answers in (the same object for the same text). */
  find(text: string, defaultLang: Language = this.deps.language): Found {
    const seen = this.found[defaultLang];
    const known = seen.get(text);
    if (known) return known;
    const { command, parsed } = route(text, defaultLang);
    const found = Object.freeze({ command: this.runnable.get(command.name) ?? this.fallback, arg: parsed.arg, lang: parsed.lang });
    if (text.length <= foundTextLimit) {
      setBounded(seen, text, found, foundLimit);
    }
    return found;
  }

  /** Runs a slash command for `req` once its guard allows it; a refusal is an outcome too. */
  async command(command: SlashCommand, arg: string, req: Request): Promise<Outcome> {
    const uc = this.context(req);
    if (!(await guards[command.guard].allows(uc))) return { kind: 'message', message: guards[command.guard].refusal(uc) };
    // `plan:ID` naming no loaded plan: every command answers with the loaded ids, and runs nothing.
    const unknown = unknownPlan(uc.domain);
    if (unknown)
      return {
        kind: 'message',
        message: answerMessage({ kind: 'error', lang: uc.lang, error: unknown }, uc.directory, { command: req.text, interactive: false }),
      };
    return command.view(await command.run(arg, uc), uc);
  }

  /** Runs an interaction for `req` once its guard allows it; a refusal is a private reply. */
  async interaction<I>(interaction: Interaction<I>, input: I, req: Request): Promise<ActionOutcome> {
    const uc = this.context(req);
    if (!(await guards[interaction.guard].allows(uc))) return { kind: 'reply', message: guards[interaction.guard].refusal(uc) };
    return interaction.run(input, uc);
  }

  /** Runs a modal's submission for `req` once its guard allows it (checked again here: who submits may not be who opened). */
  async submission<I>(modal: ModalSubmit<I>, input: I, req: Request): Promise<SubmitOutcome> {
    const uc = this.context(req);
    if (!(await guards[modal.guard].allows(uc))) return { kind: 'close', message: guards[modal.guard].refusal(uc), changed: false };
    return modal.run(input, uc);
  }

  /** The answer to a read-only command, drawn again (Share, or after a click); other commands answer in Slack only. */
  async reanswer(text: string, lang: Language, notice: string | undefined, userId: string): Promise<Message> {
    const found = this.find(text, lang);
    if (!found.command.readOnly) {
      const uc = this.context({ userId, source: '', text, lang: found.lang, notice });
      return answerMessage(slackOnlyAnswer(found.lang, found.command.name), uc.directory, { command: text, interactive: true, notice });
    }
    const outcome = await this.command(found.command, found.arg, { userId, source: '', text, lang: found.lang, notice });
    if (outcome.kind !== 'message') throw new Error(`${found.command.name} is read-only but did not answer with a message`);
    return outcome.message;
  }

  /**
   * Of `ids`, those `users.info` says do not exist (`user_not_found`) or are deactivated (`deleted`). Any
   * other failure (Slack unreachable, rate-limited) cannot tell: the id counts as known and it is logged.
   */
  private async unknownUsers(ids: readonly string[]): Promise<string[]> {
    const checked = await Promise.all(
      [...new Set(ids)].map(async (user) => {
        try {
          const res = await this.deps.client.users.info({ user });
          return res.user?.deleted ? user : null;
        } catch (e) {
          const code = (e as { data?: { error?: string } }).data?.error;
          if (code === 'user_not_found') return user;
          this.deps.logger.warn(`users.info failed for ${user}: ${e instanceof Error ? e.message : String(e)}; taken as a known user`);
          return null;
        }
      }),
    );
    return checked.filter((u): u is string => u !== null);
  }

  /** `make`'s value, made again only when the database changed since it was made under `key` (UseCaseContext.remembered). */
  private readonly remembered = <T>(key: string, make: () => T): T => {
    const version = this.deps.stores.version();
    const kept = this.kept.get(key);
    if (kept?.version === version) return kept.value as T;
    const value = make();
    setBounded(this.kept, key, { version, value }, rememberedLimit);
    return value;
  };

  /** What a use case runs with, for one request. The co-chair check is asked at most once a request. */
  context(req: Request): UseCaseContext {
    return new RequestContext(this.parts, req);
  }
}

/** What each request's context reads of its router: made once, shared by every request. */
interface RouterParts {
  deps: RouterDeps;
  unknownUsers(ids: readonly string[]): Promise<string[]>;
  reanswer(text: string, lang: Language, notice: string | undefined, userId: string): Promise<Message>;
  remembered: UseCaseContext['remembered'];
}

/**
 * One request's UseCaseContext: one object a request, its methods on the prototype, not a closure each (two
 * contexts a click, one an answer). Read through its prototype chain: a wrapper (the answer cache's) is made
 * with `Object.create`, not by spreading its own fields.
 */
class RequestContext implements UseCaseContext {
  readonly domain: Context;
  readonly lang: Language;
  readonly zone: string;
  readonly defaultLanguage: Language;
  readonly userId: string;
  readonly source: string;
  readonly text: string;
  readonly notice?: string;
  readonly coChairContacts: UseCaseContext['coChairContacts'];
  readonly outbox: OutboxView;
  readonly briefs: UseCaseContext['briefs'];
  readonly calendar: CalendarFeed;
  readonly commands = commands;
  readonly remembered: UseCaseContext['remembered'];
  private coChair: Promise<boolean> | undefined;
  /** Read on first use: most requests (a click, a cached answer) never look an agency up. */
  private agencies: AgencyDirectory | undefined;

  constructor(
    private readonly parts: RouterParts,
    req: Request,
  ) {
    const { stores, clock, coChairs, language, outbox, calendar } = parts.deps;
    // `plan:ID` anywhere in the command text (typed, or carried by a button's value) picks the plan; text over
    // the bound is refused whole (too_long), so nothing of it is read, not even its plan.
    const { plan } = req.text.length > maxCommandLength ? { plan: undefined } : splitPlanOption(req.text);
    this.domain = { plans: stores.plans, state: stores.state, now: clock.now() };
    if (plan !== undefined) this.domain.plan = plan;
    this.lang = req.lang;
    this.zone = clock.zone;
    this.defaultLanguage = language;
    this.userId = req.userId;
    this.source = req.source;
    this.text = req.text;
    if (req.notice !== undefined) this.notice = req.notice;
    this.coChairContacts = coChairs.contacts();
    this.outbox = outbox;
    this.briefs = stores.briefs;
    this.calendar = calendar ?? noFeed;
    this.remembered = parts.remembered;
  }

  isCoChair(): Promise<boolean> {
    this.coChair ??= this.parts.deps.coChairs.isCoChair(this.userId);
    return this.coChair;
  }

  unknownUsers(ids: readonly string[]): Promise<string[]> {
    return this.parts.unknownUsers(ids);
  }

  get directory(): AgencyDirectory {
    this.agencies ??= this.parts.deps.stores.directory();
    return this.agencies;
  }

  reanswer(text: string, lang: Language, notice: string): Promise<Message> {
    return this.parts.reanswer(text, lang, notice, this.userId);
  }
}
