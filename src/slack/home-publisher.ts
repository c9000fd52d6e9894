import type { Logger } from '@slack/bolt';
import { WebAPIRateLimitedError, type WebClient } from '@slack/web-api';
import type { Language } from '../domain/types.js';
import type { HomeView } from '@slack/types';
import { setBounded } from '../domain/bounded-map.js';

/**
 * How fast App Homes are published. `views.publish` is a Tier 4 method (100+ calls a minute per workspace):
 * a burst of `burst` publishes, then `perMinute` at most; one publish in flight at a time.
 */
export interface HomePacing {
  perMinute: number;
  burst: number;
}

/** Tier 4's floor: 100 a minute, the first 20 at once (one person opening the Home is never kept waiting). */
export const defaultHomePacing: HomePacing = { perMinute: 100, burst: 20 };

/**
 * Publishes App Homes. A user's language is their Slack locale (`users.info`, `es-*` → Spanish), else
 * GCM_LANGUAGE, cached for an hour. Remembers who opened the Home lately, to refresh their views when
 * something changes.
 *
 * Publishes are queued, never awaited by a handler: at most one pending publish per person (asked again
 * while one is queued or in flight, the person gets one more, drawn when it is sent: the latest state wins),
 * one in flight at a time, paced under `views.publish`'s rate limit (a 429 pauses the queue for its
 * Retry-After). Nothing of it runs ahead of an acknowledgement: a change asks for N Homes and returns.
 */
export class HomePublisher {
  private readonly locales = new Map<string, { lang: Language; at: number }>();
  private readonly viewers = new Map<string, number>();
  /** People whose Home is to be published, in order (a Set: one pending publish per person). */
  private readonly queue = new Set<string>();
  private inFlight: string | null = null;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | null = null;
  private client: WebClient | null = null;
  private readonly waiting: (() => void)[] = [];

  constructor(
    /** The App Home of a user in a language (the home use case). */
    private readonly render: (userId: string, lang: Language) => HomeView,
    private readonly defaultLanguage: Language,
    private readonly logger: Logger,
    private readonly nowMs: () => number,
    private readonly maxViewers = 50,
    private readonly pacing: HomePacing = defaultHomePacing,
  ) {
    this.tokens = pacing.burst;
    this.refilledAt = nowMs();
  }

  /** The Home of `userId`, who opened it: remembered as a viewer and queued first. */
  publish(client: WebClient, userId: string): void {
    this.viewers.delete(userId);
    setBounded(this.viewers, userId, this.nowMs(), this.maxViewers);
    this.enqueue(client, [userId]);
  }

  /** Queues the Home of everyone who opened it in the last day (each at most once). Failures are logged, never thrown. */
  refreshAll(client: WebClient): void {
    const since = this.nowMs() - 24 * 3600_000;
    for (const [userId, at] of [...this.viewers]) if (at < since) this.viewers.delete(userId);
    this.enqueue(client, [...this.viewers.keys()]);
  }

  /** Resolves once nothing is queued or in flight (tests, and a clean stop). */
  idle(): Promise<void> {
    if (this.queue.size === 0 && this.inFlight === null) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Drops what is queued and stops the pacing timer (the app is stopping). */
  stop(): void {
    this.queue.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight === null) this.settle();
  }

  private enqueue(client: WebClient, users: readonly string[]): void {
    this.client = client;
    for (const u of users) this.queue.add(u);
    this.pump();
  }

  /** Starts the next publish when none is in flight and the pace allows it; else waits for the next token. */
  private pump(): void {
    if (this.inFlight !== null || this.timer !== null) return;
    const next = this.queue.values().next();
    if (next.done) {
      this.settle();
      return;
    }
    const wait = this.waitMs();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, wait);
      this.timer.unref();
      return;
    }
    this.tokens -= 1;
    this.queue.delete(next.value);
    this.inFlight = next.value;
    void this.send(next.value).finally(() => {
      this.inFlight = null;
      this.pump();
    });
  }

  /** Milliseconds until a publish may start: after a 429's Retry-After, and when a token is there. */
  private waitMs(): number {
    const now = this.nowMs();
    const perMs = this.pacing.perMinute / 60_000;
    this.tokens = Math.min(this.pacing.burst, this.tokens + (now - this.refilledAt) * perMs);
    this.refilledAt = now;
    const paused = Math.max(0, this.pausedUntil - now);
    return Math.max(paused, this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / perMs));
  }

  private async send(userId: string): Promise<void> {
    const client = this.client!;
    try {
      // Drawn now, not when it was asked for: a publish queued behind changes shows them all.
      const lang = await this.language(client, userId);
      await client.views.publish({ user_id: userId, view: this.render(userId, lang) });
    } catch (e) {
      if (e instanceof WebAPIRateLimitedError) {
        this.pausedUntil = this.nowMs() + e.retryAfter * 1000;
        this.queue.add(userId);
      }
      this.logger.warn(`could not publish the App Home of ${userId}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private settle(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** A user's language: their Slack locale (`es-*` → Spanish), else GCM_LANGUAGE; cached for an hour. */
  async language(client: WebClient, userId: string): Promise<Language> {
    const cached = this.locales.get(userId);
    if (cached && this.nowMs() - cached.at < 3600_000) return cached.lang;
    let lang = this.defaultLanguage;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      const locale = info.user?.locale;
      if (locale) lang = locale.toLowerCase().startsWith('es') ? 'es' : 'en';
    } catch (e) {
      this.logger.debug(`users.info failed for ${userId}: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.locales.set(userId, { lang, at: this.nowMs() });
    return lang;
  }
}
