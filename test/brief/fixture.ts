import { buildBrief, type Brief } from '../../src/domain/brief.js';
import { buildReport, type ProgressReport } from '../../src/domain/report.js';
import type { Language, StatusChange } from '../../src/domain/types.js';
import type { Stores } from '../../src/stores.js';
import { coChair } from '../helpers/slack.js';
import { contextAt } from '../helpers/stores.js';

export const plan = 'lac-2023-2024';
export const leadFp = 'U0LEADFP';
/** What a person might type into a note: broadcasts, a mention, a link with a label, Markdown. */
export const hostile = 'call <!channel> @here <@U123> <https://x.org|click> *bold* _it_ [x](http://evil.example) # head | pipe';

export function change(c: Pick<StatusChange, 'key' | 'status' | 'at'> & Partial<StatusChange>): StatusChange {
  return { planId: plan, activityId: c.key.split('@')[0]!, date: null, note: null, links: [], by: coChair, source: 'test', ...c };
}

/**
 * Q2 2024 (1 April to 30 June) of the bundled plan with every status: done (with evidence and a hostile note),
 * postponed inside and out of the period, cancelled (hostile reason), in progress, done after the period,
 * and a thematic priority's occurrence done (so the period served GCM objectives).
 */
export function everyStatus(stores: Stores): void {
  const s = stores.state;
  s.changeStatus(
    change({
      key: 'B1.3@2024-04',
      status: 'done',
      at: '2024-04-29T15:00:00.000Z',
      by: leadFp,
      note: `Report sent ${hostile}`,
      links: ['https://example.org/report', 'not a url <@U999>'],
    }),
  );
  s.changeStatus(change({ key: 'B1.2@2024-05', status: 'postponed', date: '2024-06-10', at: '2024-04-25T15:00:00.000Z', note: 'venue not ready' }));
  s.changeStatus(change({ key: 'B3.1@2024-05', status: 'in_progress', at: '2024-04-20T15:00:00.000Z' }));
  s.changeStatus(change({ key: 'B3.1@2024-05', status: 'cancelled', at: '2024-05-15T15:00:00.000Z', note: `dropped ${hostile}` }));
  s.changeStatus(change({ key: 'B2.1@2024-05', status: 'in_progress', at: '2024-05-02T15:00:00.000Z', by: leadFp, note: 'agenda drafted' }));
  s.changeStatus(change({ key: 'B1.4@2024-05', status: 'done', at: '2024-07-02T15:00:00.000Z' }));
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
  s.changeStatus(change({ key: 'T1.2', status: 'done', at: '2024-06-03T15:00:00.000Z', links: ['https://example.org/t12'] }));
}

/** The clock of the tests: 3 July 2024, 10:00 in Santiago (the last full quarter is Q2). */
export const now = '2024-07-03T10:00:00';

export const q2Brief = (stores: Stores, lang: Language = 'en'): Brief =>
  buildBrief(contextAt(stores, now), stores.plans.plan(plan)!, '2024-04-01', '2024-06-30', lang);

export const q2Report = (stores: Stores, lang: Language = 'en'): ProgressReport =>
  buildReport(contextAt(stores, now), stores.plans.plan(plan)!, '2024-04-01', '2024-06-30', lang);
