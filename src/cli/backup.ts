import path from 'node:path';
import { configOf, runIfMain } from './cli-context.js';
import { backupDatabase, openForBackup } from '../db/backup.js';
import type { Config } from '../config.js';

/** Where `npm run backup` writes without a DIR: GCM_BACKUP_DIR, else `backups/` beside the database. */
export const defaultBackupDir = (config: Config) => config.backupDir ?? path.join(path.dirname(config.databasePath), 'backups');

/**
 * `npm run backup -- [DIR]`: copies the database at DATABASE_PATH into DIR as `gcm-YYYYMMDD-HHMMSS.sqlite`
 * (UTC) with SQLite's online backup, safe while the bot runs. Exit 0 with the file's path, 1 with why not.
 */
export async function runBackup(args: string[], env: NodeJS.ProcessEnv, out: (s: string) => void, wallMs = Date.now): Promise<number> {
  const config = configOf(env, out);
  if (!config) return 1;
  if (config.databasePath === ':memory:') {
    out('DATABASE_PATH is :memory:: there is no database file to back up.');
    return 1;
  }
  const dir = path.resolve(args[0] ?? defaultBackupDir(config));
  try {
    const db = openForBackup(config.databasePath);
    try {
      out(`Backed up ${config.databasePath} to ${await backupDatabase(db, dir, wallMs())}`);
    } finally {
      db.close();
    }
    return 0;
  } catch (e) {
    out(`The backup failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

await runIfMain(import.meta.url, 'backup', () => runBackup(process.argv.slice(2), process.env, (s) => console.log(s)));
