import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { migrations } from '../../src/db/migrations.js';
import { migrate } from '../../src/db/open-database.js';
import { StateStore } from '../../src/db/state-store.js';
import { planOccurrences } from '../../src/domain/occurrences.js';
import { checkStatusUpdate, mayChangeStatus } from '../../src/domain/status.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import type { StatusChange } from '../../src/domain/types.js';
import { contextAt, loadedStores, tempDir } from '../helpers/stores.js';

const plan = 'lac-2023-2024';
const cli = { userId: 'U0CHAIR', source: 'cli' };
const change = (c: Partial<StatusChange>): StatusChange => ({
  planId: plan,
  activityId: 'B1.2',
  key: 'B1.2@2024-05',
  status: 'in_progress',
  date: null,
  note: null,
  links: [],
  by: 'U0CHAIR',
  source: 'cli',
  at: '2024-04-24T14:00:00.000Z',
  ...c,
});

describe('checkStatusUpdate', () => {
  const ctx = () => contextAt(loadedStores(), '2024-04-24T10:00:00');

  it('accepts a postponed occurrence with a date inside the plan, a note and links', () => {
    const r = checkStatusUpdate(ctx(), {
      planId: plan,
      key: 'B1.2@2024-05',
      status: 'postponed',
      date: '2024-06-10',
      note: '  moved to June  ',
      link: 'https://example.org/a\n http://example.org/b ',
    });
    expect(r).toEqual({
      ok: true,
      change: {
        planId: plan,
        activityId: 'B1.2',
        key: 'B1.2@2024-05',
        status: 'postponed',
        date: '2024-06-10',
        note: 'moved to June',
        links: ['https://example.org/a', 'http://example.org/b'],
      },
    });
  });

  it('names every problem by field', () => {
    const c = ctx();
    const bad = (input: Partial<Parameters<typeof checkStatusUpdate>[1]>) =>
      checkStatusUpdate(c, { planId: plan, key: 'B1.2@2024-05', status: 'postponed', date: '2024-06-10', ...input });
    expect(bad({ status: 'finished' })).toEqual({ ok: false, errors: { status: 'unknown_status' } });
    expect(bad({ date: '' })).toEqual({ ok: false, errors: { date: 'date_required' } });
    expect(bad({ date: '2024-02-30' })).toEqual({ ok: false, errors: { date: 'date_invalid' } });
    expect(bad({ date: '10/06/2024' })).toEqual({ ok: false, errors: { date: 'date_invalid' } });
    expect(bad({ date: '2024-04-23' })).toEqual({ ok: false, errors: { date: 'date_before_today' } });
    expect(bad({ date: '2025-01-15' })).toEqual({ ok: false, errors: { date: 'date_outside_plans' } });
    expect(bad({ note: 'x'.repeat(1001) })).toEqual({ ok: false, errors: { note: 'note_too_long' } });
    expect(bad({ note: '😀'.repeat(1000) }).ok).toBe(true);
    expect(bad({ link: 'https://ok.org javascript:alert(1)' })).toEqual({ ok: false, errors: { link: 'link_not_http' } });
    expect(bad({ link: 'example.org' })).toEqual({ ok: false, errors: { link: 'link_not_http' } });
    expect(bad({ key: 'B1.2@2024-06' })).toEqual({ ok: false, errors: { status: 'unknown_occurrence' } });
    expect(bad({ status: 'nope', date: 'x', link: 'ftp://a' })).toEqual({
      ok: false,
      errors: { status: 'unknown_status', link: 'link_not_http' },
    });
  });

  it('today counts in the bot zone, and other statuses ignore the date', () => {
    // 23:30 in Santiago on 23 April is already 24 April in UTC: 23 April is still today.
    const late = contextAt(loadedStores(), '2024-04-23T23:30:00');
    expect(checkStatusUpdate(late, { planId: plan, key: 'B1.2@2024-05', status: 'postponed', date: '2024-04-23' }).ok).toBe(true);
    const r = checkStatusUpdate(late, { planId: plan, key: 'B1.2@2024-05', status: 'in progress', date: '1999-01-01' });
    expect(r).toMatchObject({ ok: true, change: { status: 'in_progress', date: null } });
  });
});

describe('mayChangeStatus', () => {
  it('allows co-chairs and the focal points of lead agencies only', () => {
    const stores = loadedStores();
    const ctx = contextAt(stores, '2024-04-24T10:00:00');
    stores.state.changeFocalPoints('ECLAC', ['U0LEAD'], [], cli, '2024-01-01T00:00:00Z');
    stores.state.changeFocalPoints('UNICEF', ['U0SUPP'], [], cli, '2024-01-01T00:00:00Z');
    expect(mayChangeStatus(ctx, plan, 'B1.2', 'U0LEAD', false)).toBe(true);
    expect(mayChangeStatus(ctx, plan, 'B1.2', 'U0SUPP', false)).toBe(false);
    expect(mayChangeStatus(ctx, plan, 'B1.2', 'U0ANY', false)).toBe(false);
    expect(mayChangeStatus(ctx, plan, 'B1.2', 'U0ANY', true)).toBe(true);
    expect(mayChangeStatus(ctx, plan, 'B2.3', 'U0LEAD', false)).toBe(false);
  });
});

describe('the status store', () => {
  it('keeps the whole history, the latest is current, and a postponed one moves its due date', () => {
    const stores = loadedStores();
    const s = stores.state;
    expect(s.changeStatus(change({}))).toEqual({ changed: true });
    expect(s.changeStatus(change({ at: '2024-04-24T15:00:00.000Z' }))).toEqual({ changed: false });
    expect(s.changeStatus(change({ status: 'postponed', date: '2024-06-10', note: 'venue', at: '2024-04-25T15:00:00.000Z' }))).toEqual({ changed: true });
    expect(s.statuses(plan).get('B1.2@2024-05')).toMatchObject({ status: 'postponed', date: '2024-06-10', note: 'venue' });
    expect(s.statusHistory(plan, 'B1.2@2024-05').map((c) => c.status)).toEqual(['postponed', 'in_progress']);
    expect(s.statusHistory(plan, 'B1.2@2024-05', 1)).toHaveLength(1);
    const occ = planOccurrences(stores, stores.plans.plan(plan)!).find((o) => o.key === 'B1.2@2024-05');
    expect(occ).toMatchObject({ status: 'postponed', due: '2024-06-10', dueRule: 'postponed' });
    const other = planOccurrences(stores, stores.plans.plan(plan)!).find((o) => o.key === 'B1.2@2024-08');
    expect(other).toMatchObject({ status: 'planned', due: '2024-08-01' });
  });

  it('Mark done and Reopen are status changes, kept in step with completions', () => {
    const s = loadedStores().state;
    expect(s.markDone(plan, 'B1.2', 'B1.2@2024-05', cli, '2024-05-02T12:00:00.000Z').changed).toBe(true);
    expect(s.markDone(plan, 'B1.2', 'B1.2@2024-05', cli, '2024-05-02T12:01:00.000Z').changed).toBe(false);
    expect(s.statuses(plan).get('B1.2@2024-05')?.status).toBe('done');
    expect(s.reopen(plan, 'B1.2@2024-05', cli, '2024-05-03T12:00:00.000Z')?.doneAt).toBe('2024-05-02T12:00:00.000Z');
    expect(s.statuses(plan).get('B1.2@2024-05')?.status).toBe('planned');
    expect(s.completions(plan).size).toBe(0);
    s.changeStatus(change({ status: 'done', note: 'minutes', links: ['https://x.org/m'] }));
    expect(s.completions(plan).get('B1.2@2024-05')?.doneBy).toBe('U0CHAIR');
    s.changeStatus(change({ status: 'cancelled', at: '2024-05-04T00:00:00.000Z' }));
    expect(s.completions(plan).has('B1.2@2024-05')).toBe(false);
    expect(s.statusHistory(plan, 'B1.2@2024-05').map((c) => c.status)).toEqual(['cancelled', 'done', 'planned', 'done']);
  });

  it('the migration turns each existing completion into a done status', () => {
    const file = `${tempDir()}/old.db`;
    const old = new Database(file);
    old.exec(migrations.slice(0, 8).join('\n'));
    old.pragma('user_version = 8');
    old
      .prepare('INSERT INTO completions (plan_id, occurrence_key, activity_id, done_by, done_at, source) VALUES (?, ?, ?, ?, ?, ?)')
      .run(plan, 'B1.2@2024-05', 'B1.2', 'U0OLD', '2024-05-02T12:00:00.000Z', 'command:/gcm done B1.2');
    migrate(old);
    const s = new StateStore(old);
    expect(s.statuses(plan).get('B1.2@2024-05')).toMatchObject({ status: 'done', by: 'U0OLD', at: '2024-05-02T12:00:00.000Z' });
    expect(s.completions(plan).get('B1.2@2024-05')?.doneBy).toBe('U0OLD');
    expect(s.reopen(plan, 'B1.2@2024-05', cli, '2024-05-03T12:00:00.000Z')).not.toBeNull();
    old.close();
  });
});

describe('statuses across a plan re-import', () => {
  it('a status whose activity leaves the file is kept, named as orphaned, and found again when it comes back', () => {
    const stores = loadedStores();
    stores.state.changeStatus(change({ activityId: 'B4.2', key: 'B4.2', status: 'cancelled', note: 'dropped' }));
    const edited = readFileSync(defaultPlanFile, 'utf8').replace(/ {6}- id: B4\.2[\s\S]*?schedule: \{ text: "", type: none \}\n/, '');
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, edited);
    const r = importPlanFile(stores, file, defaultDataDir, '2024-06-01T00:00:00.000Z');
    expect(r.ok && r.report.orphanedState).toEqual([{ activityId: 'B4.2', occurrenceKey: 'B4.2', kind: 'status' }]);
    expect(r.ok && r.report.changes?.stateOrphaned).toEqual([{ kind: 'status', occurrenceKey: 'B4.2' }]);
    importPlanFile(stores, defaultPlanFile, defaultDataDir, '2024-06-02T00:00:00.000Z');
    const back = planOccurrences(stores, stores.plans.plan(plan)!).find((o) => o.key === 'B4.2');
    expect(back?.status).toBe('cancelled');
  });
});
