import { openDatabase, type Db, type OpenOptions } from './db/open-database.js';
import { PlanStore } from './db/plan-store.js';
import { PlanImportStore } from './db/plan-import-store.js';
import { StateStore } from './db/state-store.js';
import { ReminderStore } from './db/reminder-store.js';
import { HealthStore } from './db/health-store.js';
import { BriefStore } from './db/brief-store.js';
import type { AgencyDirectory } from './domain/types.js';

/** The database and its stores, opened together. */
export interface Stores {
  db: Db;
  /** What the domain reads of the plans and the reference data (PlanReader), search included. */
  plans: PlanStore;
  /** Writes a plan import (the reference data and a plan, in one transaction): the plan layer's port, PlanImportWriter. */
  imports: PlanImportStore;
  state: StateStore;
  reminders: ReminderStore;
  /** The drafts of the co-chairs' periodic updates: their words, who published each (issue 23). */
  briefs: BriefStore;
  /** What /health reads: the database answers and is still the file at its path, the outbox's backlog. */
  health: HealthStore;
  /** Agencies by id, read from the database, cached until the data changes. */
  directory(): AgencyDirectory;
  /**
   * Changes whenever the database does, from this connection (total_changes) or another (data_version):
   * answers cached under it are never stale, even with a second copy of the bot on the same file.
   */
  version(): string;
  close(): void;
}

export function openStores(file: string, options: OpenOptions = {}): Stores {
  const db = openDatabase(file, options);
  const plans = new PlanStore(db);
  // Both prepared once: version() runs several times a request, and db.pragma() prepares its statement each call (10 µs).
  const changes = db.prepare<[], number>('SELECT total_changes()').pluck();
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  const version = () => `${dataVersion.get() ?? 0}:${changes.get() ?? 0}`;
  let cache: { version: string; dir: AgencyDirectory } | null = null;
  return {
    db,
    plans,
    imports: new PlanImportStore(db),
    state: new StateStore(db),
    reminders: new ReminderStore(db),
    briefs: new BriefStore(db),
    health: new HealthStore(db, file),
    version,
    directory: () => {
      const v = version();
      if (cache?.version !== v) cache = { version: v, dir: new Map(plans.agencies().map((a) => [a.id, a])) };
      return cache.dir;
    },
    close: () => db.close(),
  };
}
