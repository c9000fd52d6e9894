import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Language } from '../domain/types.js';
import type { HomeView } from '@slack/types';

/**
 * Publishes App Homes. A user's language is their Slack locale (`users.info`, `es-*` → Spanish), else
 * GCM_LANGUAGE, cached for an hour. Remembers who opened the Home lately, to refresh their views when
 * something is marked done.
 */
export class HomePublisher {
  private readonly locales = new Map<string, { lang: Language; at: number }>();
  private readonly viewers = new Map<string, number>();

  constructor(
    /** The App Home of a user in a language (the home use case). */
    private readonly render: (userId: string, lang: Language) => HomeView,
    private readonly defaultLanguage: Language,
    private readonly logger: Logger,
    private readonly nowMs: () => number,
    private readonly maxViewers = 50,
  ) {}

  async publish(client: WebClient, userId: string): Promise<void> {
    this.viewers.delete(userId);
    this.viewers.set(userId, this.nowMs());
    while (this.viewers.size > this.maxViewers) this.viewers.delete(this.viewers.keys().next().value!);
    const lang = await this.language(client, userId);
    await client.views.publish({ user_id: userId, view: this.render(userId, lang) });
  }

  /** Re-publishes the Home of everyone who opened it in the last day. Failures are logged, never thrown. */
  async refreshAll(client: WebClient): Promise<void> {
    const since = this.nowMs() - 24 * 3600_000;
    for (const [userId, at] of [...this.viewers]) {
      if (at < since) {
        this.viewers.delete(userId);
        continue;
      }
      try {
        await client.views.publish({ user_id: userId, view: this.render(userId, await this.language(client, userId)) });
      } catch (e) {
        this.logger.warn(`could not refresh the App Home of ${userId}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
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
