import type { Logger } from '@slack/bolt';

/**
 * Who may mark activities done: the user IDs of GCM_CO_CHAIRS, and the members of GCM_CO_CHAIRS_USERGROUP
 * (looked up through `fetchGroup`, cached for `ttlMs`, refreshed after that; when a refresh fails the last
 * known members stay in force and the failure is logged). Checked on the server for every click.
 */
export class CoChairs {
  private members: Set<string> | null = null;
  private fetchedAt = -Infinity;
  private pending: Promise<void> | null = null;

  constructor(
    private readonly ids: readonly string[],
    private readonly usergroup: string | undefined,
    private readonly fetchGroup: (group: string) => Promise<string[]>,
    private readonly logger: Logger,
    private readonly nowMs: () => number,
    private readonly ttlMs = 5 * 60_000,
  ) {}

  /** The configured co-chairs, as a member is told whom to ask: their ids and the user group (no lookup). */
  contacts(): { ids: readonly string[]; usergroup: string | null } {
    return { ids: this.ids, usergroup: this.usergroup ?? null };
  }

  /** True when `userId` is a co-chair. */
  async isCoChair(userId: string): Promise<boolean> {
    if (this.ids.includes(userId)) return true;
    if (!this.usergroup) return false;
    if (this.members === null || this.nowMs() - this.fetchedAt > this.ttlMs) await this.refresh();
    return this.members?.has(userId) ?? false;
  }

  /** Everyone known to be a co-chair now (for mentions in follow-ups). */
  async list(): Promise<string[]> {
    if (this.usergroup && (this.members === null || this.nowMs() - this.fetchedAt > this.ttlMs)) await this.refresh();
    return [...new Set([...this.ids, ...(this.members ?? [])])];
  }

  private refresh(): Promise<void> {
    this.pending ??= (async () => {
      try {
        this.members = new Set(await this.fetchGroup(this.usergroup!));
        this.fetchedAt = this.nowMs();
      } catch (e) {
        this.logger.warn(
          `could not read the co-chairs' user group ${this.usergroup}: ${e instanceof Error ? e.message : String(e)}; using the last known members`,
        );
        this.fetchedAt = this.nowMs() - this.ttlMs + 30_000; // try again in 30 s, not on every click
      } finally {
        this.pending = null;
      }
    })();
    return this.pending;
  }
}
