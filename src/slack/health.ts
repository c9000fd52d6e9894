import type { CustomRoute } from '@slack/bolt';
import { schedulerLease } from '../outbox/outbox.js';
import type { Clock } from '../clock.js';
import type { Stores } from '../stores.js';
import { currentPlan } from '../domain/questions.js';

/** A reminder pass older than this, in the copy that holds the lease, means the scheduler is stuck. */
export const stalePassMs = 5 * 60_000;

/** The Socket Mode client's states (its events), or `not used` in HTTP mode. */
export type SocketState = 'not used' | 'connecting' | 'authenticated' | 'connected' | 'reconnecting' | 'disconnecting' | 'disconnected';

/** What GET /health answers: nothing secret (no token, no user id). */
export interface HealthReport {
  status: 'ok' | 'unhealthy';
  /** Why it is unhealthy; empty when ok. */
  reasons: string[];
  checkedAt: string;
  database: { ok: boolean };
  plan: { id: string; periodStart: string; periodEnd: string; ended: boolean } | null;
  scheduler: { leaseHolder: string | null; leaseExpiresAt: string | null; thisProcessHoldsLease: boolean; lastPassAt: string | null };
  outbox: { unsent: number; retrying: number; failed: number } | null;
  socketMode: SocketState;
}

export interface HealthDeps {
  stores: Pick<Stores, 'health' | 'plans' | 'reminders'>;
  clock: Clock;
  wallMs: () => number;
  /** This process's name in the scheduler lease. */
  instanceId: string;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The bot's health as GET /health reports it (200 when `ok`, 503 otherwise): the database answers and is
 * still the file at DATABASE_PATH, a plan is loaded, some copy of the bot holds the scheduler lease and, when
 * it is this one, its last reminder pass is recent, and Socket Mode (when used) is connected. Outbox counts
 * are reported, not judged: failed items need a person (`/gcm reminders`), not a restart.
 */
export class HealthMonitor {
  private socket: SocketState = 'not used';

  constructor(private readonly d: HealthDeps) {}

  /** Follows a Socket Mode client's connection state from its events. */
  followSocket(client: { on(event: string, listener: () => void): unknown }): void {
    this.socket = 'connecting';
    for (const state of ['connecting', 'authenticated', 'connected', 'reconnecting', 'disconnecting', 'disconnected'] as const) {
      client.on(state, () => {
        this.socket = state;
      });
    }
  }

  /** Whether this process holds the scheduler lease now. */
  holdsLease(): boolean {
    const lease = this.d.stores.reminders.leaseHolder(schedulerLease);
    return lease !== null && lease.holder === this.d.instanceId && lease.expiresAt > this.d.wallMs();
  }

  /**
   * The scheduler lease and the last reminder pass, as `report` shows them; adds to `reasons` when no copy of
   * the bot holds the lease, or when this one does and its last pass is stale.
   */
  private scheduler(readable: boolean, nowMs: number, reasons: string[]) {
    const { stores, instanceId } = this.d;
    const stored = readable ? stores.reminders.leaseHolder(schedulerLease) : null;
    const lease = stored && stored.expiresAt > nowMs ? stored : null;
    // Recorded by the outbox at each pass that ran, whichever copy of the bot holds the lease.
    const lastPass = readable ? stores.reminders.lastPassAt() : null;
    const lastPassMs = lastPass === null ? null : Date.parse(lastPass);
    if (readable && !lease) reasons.push('no copy of the bot holds the scheduler lease: no reminder is being posted');
    const mine = lease?.holder === instanceId;
    if (mine && lastPassMs !== null && nowMs - lastPassMs > stalePassMs) {
      reasons.push(`the last reminder pass ran ${Math.round((nowMs - lastPassMs) / 60_000)} minutes ago`);
    }
    return { lease, lastPass, mine };
  }

  report(): HealthReport {
    const { stores, clock, wallMs } = this.d;
    const reasons: string[] = [];
    const readProblem = stores.health.readProblem();
    const fileProblem = stores.health.fileProblem();
    for (const p of [readProblem, fileProblem]) if (p) reasons.push(p);
    const readable = readProblem === null;
    const today = clock.now().toISODate()!;
    const plan = readable ? currentPlan(stores.plans, today) : null;
    if (readable && !plan) reasons.push('no plan is loaded: check GCM_PLAN and the start-up log');
    const nowMs = wallMs();
    const { lease, lastPass, mine } = this.scheduler(readable, nowMs, reasons);
    if (this.socket !== 'not used' && this.socket !== 'connected') reasons.push(`Socket Mode is ${this.socket}, not connected to Slack`);
    return {
      status: reasons.length ? 'unhealthy' : 'ok',
      reasons,
      checkedAt: new Date(nowMs).toISOString(),
      database: { ok: readable && fileProblem === null },
      plan: plan && { id: plan.id, periodStart: plan.periodStart, periodEnd: plan.periodEnd, ended: plan.periodEnd < today },
      scheduler: {
        leaseHolder: lease?.holder ?? null,
        leaseExpiresAt: iso(lease?.expiresAt ?? null),
        thisProcessHoldsLease: mine,
        lastPassAt: lastPass,
      },
      outbox: readable ? stores.health.outboxBacklog() : null,
      socketMode: this.socket,
    };
  }

  private empty(): HealthReport {
    return {
      status: 'unhealthy',
      reasons: [],
      checkedAt: new Date(this.d.wallMs()).toISOString(),
      database: { ok: false },
      plan: null,
      scheduler: { leaseHolder: null, leaseExpiresAt: null, thisProcessHoldsLease: false, lastPassAt: null },
      outbox: null,
      socketMode: this.socket,
    };
  }

  /** GET /health as a Bolt custom route (HTTP mode) or a side-server route (Socket Mode, HEALTH_PORT). */
  route(): CustomRoute {
    return {
      path: '/health',
      method: ['GET'],
      handler: (_req, res) => {
        let r: HealthReport;
        try {
          r = this.report();
        } catch (e) {
          r = { ...this.empty(), reasons: [`the health check failed: ${e instanceof Error ? e.message : String(e)}`] };
        }
        res.writeHead(r.status === 'ok' ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`${JSON.stringify(r, null, 2)}\n`);
      },
    };
  }
}
