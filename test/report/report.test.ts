import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.js';
import { buildReport } from '../../src/domain/report.js';
import { channel, coChair, eventually, startBot } from '../helpers/slack.js';
import { at, contextAt, loadedStores, tempDir } from '../helpers/stores.js';
import type { Stores } from '../../src/stores.js';

const actor = { userId: coChair, source: 'test' };

/** The fixture's totals as of 31 March 2024, counted by hand. */
const q1Totals = {
  activities: 26,
  activitiesDone: 2,
  occurrences: 62,
  occurrencesDone: 4,
  byStatus: { done: 4, in_progress: 0, postponed: 0, cancelled: 0, planned: 58 },
};

/** Known completions (hand-computed below) on the real plan. */
function markFixture(stores: Stores) {
  stores.state.markDone('lac-2023-2024', 'B1.2', 'B1.2@2024-02', actor, '2024-02-02T15:00:00.000Z');
  stores.state.markDone('lac-2023-2024', 'B1.4', 'B1.4@2024-01', actor, '2024-02-10T15:00:00.000Z');
  stores.state.markDone('lac-2023-2024', 'B1.5', 'B1.5', actor, '2024-03-15T15:00:00.000Z');
  // Marked after the period: it does not count as of 31 March.
  stores.state.markDone('lac-2023-2024', 'B1.4', 'B1.4@2024-03', actor, '2024-04-05T15:00:00.000Z');
  // Marked before the period.
  stores.state.markDone('lac-2023-2024', 'T1.1', 'T1.1', actor, '2023-08-31T15:00:00.000Z');
}

describe('the progress report (pure)', () => {
  it('Q1 2024 against a hand-computed fixture', () => {
    const stores = loadedStores();
    markFixture(stores);
    const r = buildReport(contextAt(stores, '2024-04-24T10:00:00'), stores.plans.plan('lac-2023-2024')!, '2024-01-01', '2024-03-31');
    expect(r.done.map((d) => d.occurrenceKey)).toEqual(['B1.2@2024-02', 'B1.4@2024-01', 'B1.5']);
    expect(r.done[0]).toMatchObject({ doneBy: coChair, doneAt: '2024-02-02T15:00:00.000Z' });
    const b1 = r.priorities.find((p) => p.id === 'B1')!;
    expect(b1).toMatchObject({ activities: 6, activitiesDone: 1, occurrences: 35, occurrencesDone: 3 });
    const t1 = r.priorities.find((p) => p.id === 'T1')!;
    expect(t1).toMatchObject({ activities: 2, activitiesDone: 1, occurrences: 2, occurrencesDone: 1, objectives: [1, 8, 23] });
    expect(r.totals).toEqual(q1Totals);
    expect(Object.fromEntries(r.overdue.map((g) => [g.agency, g.items.map((i) => i.occurrenceKey)]))).toEqual({
      ECLAC: ['B1.4@2024-02', 'B1.4@2024-03'],
      ILO: ['B3.1@2024-02'],
      IOM: ['B1.4@2024-02', 'B1.4@2024-03'],
      UNDP: ['B3.1@2024-02'],
    });
    expect(r.next).toMatchObject({ from: '2024-04-01', to: '2024-06-30' });
    expect(r.next.items.map((i) => i.occurrenceKey)).toEqual([
      'B1.3@2024-04',
      'B1.4@2024-04',
      'B1.2@2024-05',
      'B2.1@2024-05',
      'B3.1@2024-05',
      'B1.4@2024-05',
      'B1.3@2024-06',
      'B1.4@2024-06',
    ]);
  });
});

function cli(args: string[], db: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runReport(
    args,
    { DATABASE_PATH: db, GCM_NOW: '2024-04-24T10:00:00', GCM_TIMEZONE: 'America/Santiago' },
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join(''), err: err.join('\n') };
}

describe('npm run report', () => {
  const db = () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    const stores = loadedStores(file);
    markFixture(stores);
    return file;
  };

  it('json: the same numbers', () => {
    const r = cli(['--from', '2024-01-01', '--to', '2024-03-31', '--format', 'json'], db());
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.totals).toEqual(q1Totals);
    expect(json.done).toHaveLength(3);
    expect(json.overdue.map((g: { agency: string }) => g.agency)).toEqual(['ECLAC', 'ILO', 'IOM', 'UNDP']);
  });

  it('csv: a row per fact', () => {
    const r = cli(['--from', '2024-01-01', '--to', '2024-03-31', '--format', 'csv'], db());
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n');
    expect(rows[0]).toBe(
      'section,priority,occurrence,activity,agency,due,done_by,done_at,done,total,occurrences_done,occurrences_total,objectives,' +
        'changed_by,changed_at,new_date,planned_due,note,links,status_done,status_in_progress,status_postponed,status_cancelled,status_planned',
    );
    expect(rows).toContain('priority,B1,,,,,,,1,6,3,35,,,,,,,,3,0,0,0,32');
    expect(rows).toContain('total,,,,,,,,2,26,4,62,,,,,,,,4,0,0,0,58');
    expect(rows.filter((x) => x.startsWith('done,'))).toHaveLength(3);
    expect(rows.filter((x) => x.startsWith('overdue,'))).toHaveLength(6);
    expect(rows).toContain('overdue,B3,B3.1@2024-02,B3.1,ILO,2024-02-01,,,,,,,,,,,,,,,,,,');
  });

  it('md, by default the last full quarter', () => {
    const r = cli([], db());
    expect(r.code).toBe(0);
    expect(r.out).toContain('# Progress report, 1 January 2024 to 31 March 2024');
    expect(r.out).toContain('| **All priorities** | **2 / 26** | **4 / 62** | |');
    expect(r.out).toMatch(/### ILO\n\n- B3\.1 · February 2024/);
  });

  it.each([
    [['--from', '2024-13-01', '--to', '2024-03-31'], /not a date/],
    [['--from', '2024-04-01', '--to', '2024-03-31'], /starts after it ends/],
    [['--from', '2030-01-01', '--to', '2030-03-31'], /No loaded plan covers 2030-01-01 to 2030-03-31/],
    [['--from', '2024-01-01'], /both --from and --to/],
    [['--format', 'pdf'], /md, csv or json/],
    [['--frm', '2024-01-01'], /Unknown option/],
  ])('bad input %j: a clear message and exit 2', (args, message) => {
    const r = cli(args as string[], db());
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });
});

describe('/gcm report and the quarterly digest', () => {
  it('/gcm report FROM TO: a summary with the same numbers, and the full report as a Markdown file', async () => {
    const t = await startBot();
    markFixture(t.stores);
    await t.command('report 2024-01-01 2024-03-31', coChair);
    const reply = await eventually(() => t.standin.callsOf('response_url')[0]);
    const text = JSON.stringify(reply.params.blocks);
    expect(reply.params.text).toBe('Progress report, 1 January 2024 to 31 March 2024');
    expect(text).toContain('2 of 26 activities done · 4 of 62 occurrences');
    expect(text).toContain('Done in the period (3)');
    expect(text).toContain('Overdue at the end of the period, by lead agency (3)');
    expect(text).toContain('The full report is attached');
    expect(t.standin.callsOf('files.getUploadURLExternal')).toHaveLength(1);
    expect(t.standin.callsOf('files.completeUploadExternal')[0]!.params.channel_id).toBe(channel);
    const file = [...t.standin.files.values()][0]!;
    expect(file.content).toContain('| **All priorities** | **2 / 26** | **4 / 62** | |');
  });

  it('informe answers in Spanish; a failed upload still gives the summary and says so', async () => {
    const t = await startBot();
    t.standin.failNext('files.getUploadURLExternal', { status: 500 });
    await t.command('informe', coChair);
    const reply = await eventually(() => t.standin.callsOf('response_url')[0]);
    expect(reply.params.text).toBe('Informe de avance, del 1 de enero de 2024 al 31 de marzo de 2024');
    expect(JSON.stringify(reply.params.blocks)).toContain('No se pudo adjuntar');
  });

  it('bad periods get a clear reply', async () => {
    const t = await startBot();
    await t.command('report 2024-04-01 2024-03-31', coChair);
    await t.command('report yesterday', coChair);
    await t.command('report 2031-01-01 2031-03-31', coChair);
    await eventually(() => t.standin.callsOf('response_url').length === 3);
    const texts = t.standin.callsOf('response_url').map((c) => String(c.params.text));
    expect(texts[0]).toMatch(/starts after it ends/);
    expect(texts[1]).toMatch(/not a date/);
    expect(texts[2]).toMatch(/No loaded plan covers/);
  });

  it("the quarter's report goes to the reminder channel on the first business day after it ends, once, with the file in its thread", async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel, GCM_REPORT: 'auto' }, '2024-04-01T08:59:00');
    markFixture(t.stores);
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('report'))).toEqual([]);
    t.clock.set(at('2024-04-01T09:00:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('report'))).toEqual(['lac-2023-2024|report|2024-01-01']);
    t.clock.set(at('2024-04-02T09:00:00'));
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('report'))).toEqual([]);
    const post = t.standin.callsOf('chat.postMessage').find((c) => String(c.params.text).startsWith('Progress report'))!;
    expect(JSON.stringify(post.params.blocks)).toContain('Done in the period (3)');
    expect(t.standin.callsOf('files.completeUploadExternal')[0]!.params.thread_ts).toBeTruthy();
  });

  it('GCM_REPORT=off turns the quarterly report off', async () => {
    const t = await startBot({ GCM_REMINDER_CHANNEL: channel, GCM_REPORT: 'off' }, '2024-04-01T09:00:00');
    expect((await t.bot.reminders.tick()).sent.filter((k) => k.includes('report'))).toEqual([]);
  });
});
