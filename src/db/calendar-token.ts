import { randomBytes } from 'node:crypto';
import type { Db } from './open-database.js';

const key = 'calendar_token';

/**
 * The secret of the calendar's subscription address when GCM_CALENDAR_TOKEN is not set: made once, at the
 * first start (24 random bytes, URL-safe base64), and kept in the database's `meta` table so the address
 * people subscribed to stays valid across restarts. Two copies starting at once keep the same one.
 */
export function storedCalendarToken(db: Db, fresh: () => string = () => randomBytes(24).toString('base64url')): string {
  db.prepare<[string, string]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING').run(key, fresh());
  return db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(key)!;
}
