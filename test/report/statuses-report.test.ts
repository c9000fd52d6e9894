import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/report.js';
import { buildReport } from '../../src/domain/report.js';
import type { StatusChange } from '../../src/domain/types.js';
import type { Stores } from '../../src/stores.js';
import { reportMarkdown, reportMessage } from '../../src/views/report-view.js';
import { coChair } from '../helpers/slack.js';
import { contextAt, loadedStores, tempDir } from '../helpers/stores.js';

const plan = 'lac-2023-2024';
const leadFp = 'U0LEADFP';
const markup = 'call <!channel> @here <@U123> <https://x.org|click>';

function change(c: Pick<StatusChange, 'key' | 'status' | 'at'> & Partial<StatusChange>): StatusChange {
  return { planId: plan, activityId: c.key.split('@')[0]!, date: null, note: null, links: [], by: coChair, source: 'test', ...c };
}

/**
 * Q2 2024 (1 April to 30 June) of the bundled plan, with every status. Due in Q2: B1.3@2024-04 (30 Apr),
 * B1.4@2024-04 (30 Apr), B1.2@2024-05, B2.1@2024-05, B3.1@2024-05 (meetings, 1 May), B1.4@2024-05 (31 May),
 * B1.3@2024-06, B1.4@2024-06 (30 Jun).
 */
function fixture(stores: Stores) {
  const s = stores.state;
  // done in the period, with its evidence, by a lead agency's focal point
  s.changeStatus(
    change({
      key: 'B1.3@2024-04',
      status: 'done',
      at: '2024-04-29T15:00:00.000Z',
      by: leadFp,
      note: `Report sent ${markup}`,
      links: ['https://example.org/report'],
    }),
  );
  // postponed inside the period: still due in it, on its new date (overdue at the end)
  s.changeStatus(change({ key: 'B1.2@2024-05', status: 'postponed', date: '2024-06-10', at: '2024-04-25T15:00:00.000Z', note: 'venue not ready' }));
  // cancelled: never overdue, counted apart
  s.changeStatus(change({ key: 'B3.1@2024-05', status: 'in_progress', at: '2024-04-20T15:00:00.000Z' }));
  s.changeStatus(change({ key: 'B3.1@2024-05', status: 'cancelled', at: '2024-05-15T15:00:00.000Z', note: `dropped ${markup}` }));
  // in progress at the end: overdue
  s.changeStatus(change({ key: 'B2.1@2024-05', status: 'in_progress', at: '2024-05-02T15:00:00.000Z', by: leadFp }));
  // done after the period: not done as of 30 June
  s.changeStatus(change({ key: 'B1.4@2024-05', status: 'done', at: '2024-07-02T15:00:00.000Z' }));
  // postponed out of the period: listed as postponed, not overdue, due next quarter
  s.changeStatus(
    change({
      key: 'B1.3@2024-06',
      status: 'postponed',
      date: '2024-07-15',
      at: '2024-06-20T15:00:00.000Z',
      note: 'waiting for data',
      links: ['http://example.org/data'],
    }),
  );
}

const q2 = (stores: Stores) => buildReport(contextAt(stores, '2024-07-03T10:00:00'), stores.plans.plan(plan)!, '2024-04-01', '2024-06-30');
const overdueKeys = ['B1.4@2024-04', 'B2.1@2024-05', 'B1.4@2024-05', 'B1.2@2024-05', 'B1.4@2024-06'];

describe('the Q2 2024 report with every status (hand-computed)', () => {
  it('counts each status as it stood on 30 June and lists done, postponed and cancelled with who, when and why', () => {
    const stores = loadedStores();
    fixture(stores);
    const r = q2(stores);
    expect(r.totals.byStatus).toEqual({ done: 1, in_progress: 1, postponed: 2, cancelled: 1, planned: 57 });
    expect(r.totals.occurrencesDone).toBe(1);
    expect(r.priorities.find((p) => p.id === 'B3')!.byStatus).toMatchObject({ cancelled: 1 });
    expect(r.done).toEqual([
      expect.objectContaining({
        occurrenceKey: 'B1.3@2024-04',
        doneBy: leadFp,
        by: leadFp,
        note: `Report sent ${markup}`,
        links: ['https://example.org/report'],
      }),
    ]);
    expect(r.postponed.map((i) => [i.occurrenceKey, i.plannedDue, i.due, i.note])).toEqual([
      ['B1.2@2024-05', '2024-05-01', '2024-06-10', 'venue not ready'],
      ['B1.3@2024-06', '2024-06-30', '2024-07-15', 'waiting for data'],
    ]);
    expect(r.cancelled.map((i) => [i.occurrenceKey, i.by, i.at, i.note])).toEqual([['B3.1@2024-05', coChair, '2024-05-15T15:00:00.000Z', `dropped ${markup}`]]);
    // Overdue: due in Q2 (B1.2 on its new date), neither done nor cancelled on 30 June; B3.1 (cancelled) and B1.3 June (moved to July) are not.
    expect(Object.fromEntries(r.overdue.map((g) => [g.agency, g.items.map((i) => i.occurrenceKey)]))).toEqual({ ECLAC: overdueKeys, IOM: overdueKeys });
    expect(r.overdueBefore.some((i) => i.occurrenceKey === 'B3.1@2024-05')).toBe(false);
    expect(r.next.items.map((i) => i.occurrenceKey)).toContain('B1.3@2024-06');
  });

  it('Slack and Markdown show the notes escaped: they never ping or link', () => {
    const stores = loadedStores();
    fixture(stores);
    const r = q2(stores);
    const slack = JSON.stringify(reportMessage(r, 'en', stores.directory()).blocks);
    expect(slack).toContain('Done in the period (1)');
    expect(slack).toContain('Postponed (2)');
    expect(slack).toContain('Cancelled (1)');
    expect(slack).toContain('done 1 · in progress 1 · postponed 2 · cancelled 1 · planned 57');
    expect(slack).toContain('1 May 2024 → *10 June 2024*');
    expect(slack).toContain(`<@${leadFp}>`);
    expect(slack).toContain('call &lt;!channel&gt; @here &lt;@U123&gt; &lt;https://x.org|click&gt;');
    expect(slack).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/x\.org\|/);
    const es = JSON.stringify(reportMessage(r, 'es', stores.directory()).blocks);
    expect(es).toContain('Aplazado (2)');
    expect(es).toContain('hecha 1 · en curso 1 · aplazada 2 · cancelada 1 · prevista 57');
    const md = reportMarkdown(r, 'en', stores.directory());
    expect(md).toContain('## Postponed (2)');
    expect(md).toContain(
      `| B1.3 · April 2024 | 30 April 2024 | ${leadFp} | 29 April 2024 | Report sent call &lt;!channel&gt; @here &lt;@U123&gt; &lt;https://x.org\\|click&gt; | https://example.org/report |`,
    );
    expect(md).toContain(`| B1.2 · May 2024 | 1 May 2024 | 10 June 2024 | ${coChair} | 25 April 2024 | venue not ready |`);
    expect(md).toContain('## Cancelled (1)');
    expect(md).not.toMatch(/<!channel>|<@U123>/);
  });

  it('npm run report gives the same numbers in md, csv and json', () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    fixture(loadedStores(file));
    const run = (format: string) => {
      const out: string[] = [];
      const code = runReport(
        ['--from', '2024-04-01', '--to', '2024-06-30', '--format', format],
        { DATABASE_PATH: file, GCM_NOW: '2024-07-03T10:00:00', GCM_TIMEZONE: 'America/Santiago' },
        (s) => out.push(s),
        () => {},
      );
      expect(code).toBe(0);
      return out.join('');
    };
    const json = JSON.parse(run('json'));
    expect(json.totals.byStatus).toEqual({ done: 1, in_progress: 1, postponed: 2, cancelled: 1, planned: 57 });
    expect(json.postponed.map((i: { occurrenceKey: string }) => i.occurrenceKey)).toEqual(['B1.2@2024-05', 'B1.3@2024-06']);
    expect(json.cancelled[0].note).toBe(`dropped ${markup}`);
    const rows = run('csv').trim().split('\n');
    expect(rows).toContain('total,,,,,,,,0,26,1,62,,,,,,,,1,1,2,1,57');
    expect(rows.filter((x) => x.startsWith('postponed,'))).toEqual([
      'postponed,B1,B1.2@2024-05,B1.2,IOM ECLAC,2024-06-10,,,,,,,,U0COCHAIR,2024-04-25T15:00:00.000Z,2024-06-10,2024-05-01,venue not ready,,,,,,',
      'postponed,B1,B1.3@2024-06,B1.3,IOM,2024-07-15,,,,,,,,U0COCHAIR,2024-06-20T15:00:00.000Z,2024-07-15,2024-06-30,waiting for data,http://example.org/data,,,,,',
    ]);
    expect(rows.filter((x) => x.startsWith('cancelled,'))).toHaveLength(1);
    expect(rows.filter((x) => x.startsWith('done,'))).toEqual([
      `done,B1,B1.3@2024-04,B1.3,IOM,2024-04-30,${leadFp},2024-04-29T15:00:00.000Z,,,,,,${leadFp},2024-04-29T15:00:00.000Z,,,Report sent ${markup},https://example.org/report,,,,,`,
    ]);
    expect(new Set(rows.filter((x) => x.startsWith('overdue,')).map((x) => x.split(',')[2]))).toEqual(new Set(overdueKeys));
    const md = run('md');
    expect(md).toContain('Occurrences by status at the end of the period: done 1 · in progress 1 · postponed 2 · cancelled 1 · planned 57');
    expect(md).toContain('## Done in the period (1)');
  });
});
