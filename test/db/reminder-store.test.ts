import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations.js';
import { migrate } from '../../src/db/open-database.js';
import { ReminderStore } from '../../src/db/reminder-store.js';

/** A database as the bot left it at schema version `v`. */
function databaseAt(v: number): Database.Database {
  const db = new Database(':memory:');
  for (const sql of migrations.slice(0, v)) db.exec(sql);
  db.pragma(`user_version = ${v}`);
  return db;
}

const insertV3 = `INSERT INTO reminders (key, kind, plan_id, occurrence_key, activity_id, offset_days, due_date, fire_at, late, status, attempts, channel, message_ts, created_at, sent_at)
  VALUES (?, ?, 'lac-2023-2024', ?, ?, ?, ?, '2024-04-01T12:00:00.000Z', 0, ?, ?, 'C0NETWORK', ?, '2024-04-01T12:00:00.000Z', ?)`;

describe('migration 4: the outbox reads what it needs from columns', () => {
  it("backfills a report's period from its key and due date, and keeps every other row as it was", () => {
    const db = databaseAt(3);
    db.prepare(insertV3).run(
      'lac-2023-2024|report|2024-01-01',
      'report',
      null,
      null,
      null,
      '2024-03-31',
      'sent',
      1,
      '1711972800.000100',
      '2024-04-01T12:00:01.000Z',
    );
    db.prepare(insertV3).run('lac-2023-2024|B1.2@2024-05|7', 'reminder', 'B1.2@2024-05', 'B1.2', 7, '2024-05-01', 'pending', 2, null, null);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const store = new ReminderStore(db);
    expect(store.get('lac-2023-2024|report|2024-01-01')).toMatchObject({
      kind: 'report',
      dueDate: '2024-03-31',
      periodFrom: '2024-01-01',
      periodTo: '2024-03-31',
      status: 'sent',
      attempts: 1,
      messageTs: '1711972800.000100',
    });
    expect(store.get('lac-2023-2024|B1.2@2024-05|7')).toEqual({
      key: 'lac-2023-2024|B1.2@2024-05|7',
      kind: 'reminder',
      planId: 'lac-2023-2024',
      occurrenceKey: 'B1.2@2024-05',
      activityId: 'B1.2',
      offsetDays: 7,
      dueDate: '2024-05-01',
      periodFrom: null,
      periodTo: null,
      fireAt: '2024-04-01T12:00:00.000Z',
      late: false,
      status: 'pending',
      attempts: 2,
      nextAttemptAt: null,
      lastError: null,
      channel: 'C0NETWORK',
      messageTs: null,
      createdAt: '2024-04-01T12:00:00.000Z',
      sentAt: null,
    });
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'reminders' AND sql IS NOT NULL ORDER BY name").all();
    expect(indexes).toEqual([{ name: 'reminders_occurrence' }, { name: 'reminders_status' }]);
  });

  it('a new kind needs no migration; a bad status is still refused', () => {
    const db = databaseAt(0);
    migrate(db);
    const store = new ReminderStore(db);
    const base = {
      planId: 'p',
      occurrenceKey: null,
      activityId: null,
      offsetDays: null,
      dueDate: null,
      fireAt: '2024-04-01T12:00:00.000Z',
      late: true,
      channel: null,
    };
    expect(
      store.record({ ...base, key: 'p|newsletter|2024-04', kind: 'newsletter', periodFrom: '2024-04-01', periodTo: '2024-04-30' }, '2024-04-01T12:00:00.000Z'),
    ).toBe(true);
    expect(store.record({ ...base, key: 'p|newsletter|2024-04', kind: 'newsletter' }, '2024-04-02T12:00:00.000Z')).toBe(false);
    expect(store.get('p|newsletter|2024-04')).toMatchObject({
      kind: 'newsletter',
      late: true,
      periodFrom: '2024-04-01',
      periodTo: '2024-04-30',
      status: 'pending',
    });
    expect(() => store.record({ ...base, key: 'p|x', kind: 'x' }, '2024-04-01T12:00:00.000Z', 'lost' as 'failed')).toThrow(/CHECK/);
  });
});
