import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterEach } from 'vitest';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { openStores, type Stores } from '../../src/stores.js';
import type { Context } from '../../src/domain/ports.js';

export const zone = 'America/Santiago';

/** A local date-time in Santiago, explicit: tests never read the real clock. */
export const at = (iso: string) => DateTime.fromISO(iso, { zone });

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gcm-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A fresh database (in memory unless a file is given) with the bundled plan imported. */
export function loadedStores(file = ':memory:', planFile = defaultPlanFile): Stores {
  const stores = openStores(file);
  cleanups.push(() => stores.close());
  const r = importPlanFile(stores, planFile, defaultDataDir, '2024-01-01T00:00:00.000Z');
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return stores;
}

export function contextAt(stores: Stores, iso: string): Context {
  return { plans: stores.plans, state: stores.state, now: at(iso) };
}
