/**
 * The import's write floor: how long SQLite alone takes to write the rows that an import of PLAN_FILE leaves,
 * with none of the bot's own work (no YAML parse, no checks, no search columns made, no foreign keys checked):
 *
 *   node --import tsx bench/write-floor.ts PLAN_FILE [--runs=N]
 *
 * Imports PLAN_FILE once, as the bot does, into a scratch database file and reads back every row of the plan's
 * tables and of its search index. Then, N times (2 by default) for each variant, writes them into a new database
 * file of the bot's schema with bare prepared statements in one transaction, the secondary indexes dropped and
 * built again after the rows (as the import does), and times it to the end of its commit. The variants:
 *
 *   as-is         the schema as it is;
 *   contentless   the search index without its copy of the match columns (FTS5 contentless_unindexed): the
 *                 index and the texts shown, not the folded words and stems it was built from;
 *   no-search     no search index at all.
 *
 * Prints a line per write: the variant, the database's size, the milliseconds in all and per part.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { defaultDataDir } from '../src/config.js';
import { openStores } from '../src/stores.js';
import { importPlanFile } from '../src/plan/import-plan.js';
import { bulkIndexTables, importHashSize, searchColumns } from '../src/db/plan-import-store.js';

const variants = ['as-is', 'contentless', 'no-search'] as const;
type Variant = (typeof variants)[number];

/** The tables an import writes for its plan (the reference's are a few hundred rows). */
const planTables = [
  'plans',
  'priorities',
  'priority_objectives',
  'activities',
  'activity_agencies',
  'occurrence_dues',
  'priority_counts',
  'agency_counts',
  'search_terms',
  'search_vocab',
];
const contentlessSearch = `CREATE VIRTUAL TABLE search_index USING fts5(
  kind UNINDEXED, ref UNINDEXED, plan_id UNINDEXED, title_en UNINDEXED, title_es UNINDEXED,
  body_en UNINDEXED, body_es UNINDEXED, words, stems, more_stems, scope,
  tokenize = 'unicode61 remove_diacritics 2', content = '', contentless_delete = 1, contentless_unindexed = 1)`;

interface Rows {
  columns: string[];
  rows: unknown[][];
}

/** What an import leaves: the rows of the plan's tables, in the order of planTables, and its search rows. */
interface Imported {
  tables: Map<string, Rows>;
  search: Rows;
}

/** The plan's rows and its search rows, as an import of `planFile` into `file` leaves them. */
function importedRows(planFile: string, file: string): Imported {
  const stores = openStores(file);
  const imported = importPlanFile(stores, planFile, defaultDataDir, new Date().toISOString());
  stores.close();
  if (!imported.ok) throw new Error(`the plan was rejected: ${imported.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const db = new Database(file, { readonly: true });
  const read = (table: string, columns = '*'): Rows => {
    const statement = db.prepare(`SELECT ${columns} FROM ${table}`).raw();
    return { columns: statement.columns().map((c) => c.name), rows: statement.all() as unknown[][] };
  };
  const tables = new Map(planTables.map((t) => [t, read(t)]));
  const search = read('search_index', searchColumns.join(', '));
  db.close();
  return { tables, search };
}

/** One write of what an import left into a new database file of the bot's schema, timed to its commit. */
function timedWrite({ tables, search }: Imported, file: string, variant: Variant): { ms: number; mb: number; parts: Record<string, number> } {
  openStores(file).close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  if (variant !== 'as-is') db.exec('DROP TABLE search_index');
  if (variant === 'contentless') db.exec(contentlessSearch);
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
         AND tbl_name IN (${bulkIndexTables.map((t) => `'${t}'`).join(', ')})`,
    )
    .all();
  const parts: Record<string, number> = {};
  const timed = (part: string, fn: () => void) => {
    const start = performance.now();
    fn();
    parts[part] = Math.round(performance.now() - start);
  };
  const insertAll = (table: string, { columns, rows }: Rows) => {
    const insert = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    timed(table, () => {
      for (const row of rows) insert.run(...row);
    });
  };
  const start = performance.now();
  db.exec('BEGIN');
  if (variant !== 'no-search') db.exec(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${importHashSize})`);
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  for (const [table, rows] of tables) insertAll(table, rows);
  timed('indexes', () => {
    for (const i of indexes) db.exec(i.sql);
  });
  if (variant !== 'no-search') insertAll('search_index', search);
  timed('commit', () => db.exec('COMMIT'));
  const ms = Math.round(performance.now() - start);
  const mb = db.prepare('SELECT page_count * page_size / 1048576.0 FROM pragma_page_count, pragma_page_size').pluck().get() as number;
  db.close();
  return { ms, mb: Math.round(mb), parts };
}

function main(): void {
  const [planFile, ...options] = process.argv.slice(2);
  if (!planFile) {
    console.error('usage: node --import tsx bench/write-floor.ts PLAN_FILE [--runs=N]');
    process.exit(2);
  }
  const runs = Number(options.find((o) => o.startsWith('--runs='))?.slice('--runs='.length) ?? 2);
  const dir = mkdtempSync(path.join(tmpdir(), 'gcm-write-floor-'));
  try {
    const imported = importedRows(planFile, path.join(dir, 'imported.sqlite'));
    const counts = [...imported.tables].map(([t, r]) => `${t} ${r.rows.length}`).join(', ');
    console.log(`rows: ${counts}, search_index ${imported.search.rows.length}`);
    for (let run = 0; run < runs; run++) {
      for (const variant of variants) {
        const file = path.join(dir, `${variant}-${run}.sqlite`);
        const { ms, mb, parts } = timedWrite(imported, file, variant);
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
        const partsText = Object.entries(parts)
          .filter(([, v]) => v > 0)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        console.log(`${variant.padEnd(11)} ${String(mb).padStart(4)} MB  ${String(ms).padStart(6)} ms  (${partsText})`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
