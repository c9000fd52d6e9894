import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/config.js';
import { PlanImportStore } from '../../src/db/plan-import-store.js';
import { sectionColumns, type SearchTexts } from '../../src/db/search-rows.js';
import { columnsInWorker } from '../../src/db/search-rows-worker.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { syntheticPlan } from '../../src/plan/synthetic-plan.js';
import { openStores, type Stores } from '../../src/stores.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

// A large plan's search columns (folded words, stems, term counts) are made on a worker thread while the import's
// transaction writes the other rows (src/db/search-rows-worker.ts): the index must be the same, byte for byte,
// as when they are made in the importing thread, and a failed import must still leave the database as it was.

/** A synthetic plan file with Spanish texts too (accents: terms FTS5 folds, which the term counts mark). */
function planFile(activities: number, id = 'worker'): string {
  const plan = syntheticPlan(activities, id);
  plan.priorities.forEach((p, i) => {
    p.title_es = `Prioridad sintética ${p.id}`;
    p.activities.forEach((a, j) => {
      if ((i + j) % 3 === 0) a.text_es = `Reuniones regionales sobre migración y trabajo (actividad ${a.id}), con información`;
    });
  });
  const file = path.join(tempDir(), `${id}.yaml`);
  writeFileSync(file, stringify(plan, { aliasDuplicateObjects: false }));
  return file;
}

/** The stores with an import store that makes the plan's search columns on a worker from `workerRows` rows. */
function storesWith(workerRows: number): Stores {
  const stores = openStores(':memory:');
  return { ...stores, imports: new PlanImportStore(stores.db, workerRows) };
}

const tables = [
  'SELECT rowid, * FROM search_index ORDER BY rowid',
  'SELECT * FROM search_terms ORDER BY term, plan_id',
  // FTS5's own pages: the same rows in the same order make the same segments.
  'SELECT * FROM search_index_data ORDER BY id',
  'SELECT * FROM activities ORDER BY plan_id, id',
  'SELECT * FROM activity_agencies ORDER BY plan_id, activity_id, role, agency_id',
  'SELECT * FROM occurrence_dues ORDER BY plan_id, occurrence_key',
  'SELECT * FROM plans',
];

const contents = (stores: Stores) => tables.map((q) => stores.db.prepare(q).raw().all());

describe("a plan's search columns made on a worker thread", () => {
  it('are made on another thread, the same as in this one', () => {
    const rows: SearchTexts[] = [
      { titleEn: 'B1.1', titleEs: 'B1.1', bodyEn: 'Regional meetings on migrants', bodyEs: 'Reuniones sobre migración', more: ['B1.1', 'IOM, ECLAC', null] },
      { titleEn: 'B1.2', titleEs: 'B1.2', bodyEn: 'Data on missing migrants 2024', bodyEs: '', more: ['B1.2', undefined, 'Network'] },
    ];
    const made = columnsInWorker(rows, false).take();
    expect(made.thread).toBeDefined();
    expect(made.thread).not.toBe(threadId);
    const { thread: _, ...columns } = made;
    expect(columns).toEqual(sectionColumns(rows, false));
  });

  it('give the same index, term counts and rows as the import makes in its own thread', () => {
    const file = planFile(400);
    const inThread = storesWith(Number.POSITIVE_INFINITY);
    const inWorker = storesWith(1);
    for (const stores of [inThread, inWorker]) {
      const r = importPlanFile(stores, file, defaultDataDir, '2024-01-01T00:00:00.000Z');
      expect(r.ok ? [] : r.problems).toEqual([]);
    }
    const expected = contents(inThread);
    const planRows = inThread.db.prepare("SELECT count(*) FROM search_index WHERE plan_id = 'worker'").pluck().get();
    expect(planRows).toBe(400 + 7);
    expect(contents(inWorker)).toEqual(expected);
    inThread.close();
    inWorker.close();
  });

  it('leave the database as it was when the import fails after the worker started', () => {
    const stores = loadedStores();
    const before = contents(stores);
    const failing = { ...stores, imports: new PlanImportStore(stores.db, 1) };
    // A write the database refuses halfway through the plan's rows, while the worker makes the columns.
    stores.db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON activity_agencies WHEN NEW.activity_id = 'B3.20'
      BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() => importPlanFile(failing, planFile(300), defaultDataDir, '2024-02-01T00:00:00.000Z')).toThrow('refused');
    expect(contents(stores)).toEqual(before);
  });
});
