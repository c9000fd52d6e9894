import { openDatabase, type Db } from './db/open-database.js';
import { PlanStore } from './db/plan-store.js';
import { StateStore } from './db/state-store.js';
import { ReminderStore } from './db/reminder-store.js';
import type { AgencyDirectory } from './views/labels.js';

/** The database and its stores, opened together. */
export interface Stores {
  db: Db;
  plans: PlanStore;
  state: StateStore;
  reminders: ReminderStore;
  /** Agencies by id, read from the database (refresh after an import). */
  directory(): AgencyDirectory;
  close(): void;
}

export function openStores(file: string): Stores {
  const db = openDatabase(file);
  const plans = new PlanStore(db);
  let cache: AgencyDirectory | null = null;
  return {
    db,
    plans,
    state: new StateStore(db),
    reminders: new ReminderStore(db),
    directory: () => (cache ??= new Map(plans.agencies().map((a) => [a.id, a]))),
    close: () => db.close(),
  };
}
