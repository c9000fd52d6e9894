import { describe, expect, it } from 'vitest';
import type { BriefMonth } from '../../src/domain/brief.js';
import { messages } from '../../src/i18n/messages.js';
import { actions, button } from '../../src/views/blocks.js';
import { mdText, narrativeMarkdown } from '../../src/views/brief-markdown.js';
import { briefNarrative, type Narrative } from '../../src/views/brief-narrative.js';
import { briefChartPeriods, briefCharts, briefMessage } from '../../src/views/brief-view.js';
import { chartProblems, type DataVisualizationBlock } from '../../src/views/chart.js';
import { statusOrder } from '../../src/views/status-view.js';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../../src/config.js';
import { buildBrief } from '../../src/domain/brief.js';
import { occurrencesOf } from '../../src/domain/occurrences.js';
import { importPlanFile } from '../../src/plan/import-plan.js';
import { syntheticPlanYaml } from '../../src/plan/synthetic-plan.js';
import { openStores } from '../../src/stores.js';
import { contextAt, loadedStores, tempDir } from '../helpers/stores.js';
import { change, everyStatus, hostile, now, q2Brief, q2Report } from './fixture.js';

/** The narrative as plain words: every run's text, paragraph by paragraph. */
const words = (n: Narrative) => n.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.runs.map((r) => r.text).join(''))]).join('\n');

const series = (chart: DataVisualizationBlock, name: string) => {
  if (chart.chart.type === 'pie') throw new Error('no series in a pie');
  return chart.chart.series.find((s) => s.name === name)!.data.map((d) => d.value);
};

describe('the narrative of Q2 2024 with every status', () => {
  it('says the report’s numbers, and the charts carry the report’s series, in English and Spanish', () => {
    const stores = loadedStores();
    everyStatus(stores);
    const expected = {
      en: [
        'At the end of the period, 1 of the plan’s 26 activities was done, and 2 of its 62 occurrences.',
        'Occurrences by status at the end of the period: done 2 · in progress 1 · postponed 2 · cancelled 1 · planned 56.',
        'During the period, 2 occurrences were marked done, 2 were postponed and 1 was cancelled.',
        '5 occurrences due in the period were neither done nor cancelled at its end.',
        'Activities done: 0 of 6. Occurrences done: 1 of 35.',
        'Done in the period (1)',
        'In progress at the end of the period (1)',
        'Postponed (2)',
        'Cancelled (1)',
        'Overdue at the end of the period, by lead agency (4)',
        'Due next quarter, 1 July 2024 to 30 September 2024 (7)',
      ],
      es: [
        'Al final del período, de las 26 actividades del plan, 1 estaba hecha; de sus 62 ocurrencias, 2 estaban hechas.',
        'Ocurrencias por estado al final del período: hecha 2 · en curso 1 · aplazada 2 · cancelada 1 · prevista 56.',
        'En el período, se marcaron 2 ocurrencias como hechas, se aplazaron 2 y se canceló 1.',
        '5 ocurrencias que vencían en el período no estaban hechas ni canceladas al final.',
        'Actividades hechas: 0 de 6. Ocurrencias hechas: 1 de 35.',
        'Hecho en el período (1)',
        'En curso al final del período (1)',
        'Aplazado (2)',
        'Cancelado (1)',
        'Atrasado al final del período, por agencia a cargo (4)',
        'Vence el próximo trimestre, del 1 de julio de 2024 al 30 de septiembre de 2024 (7)',
      ],
    };
    for (const lang of ['en', 'es'] as const) {
      const r = q2Report(stores, lang);
      // The hand-computed sentences above are the report's numbers.
      expect(r.totals).toEqual({
        activities: 26,
        activitiesDone: 1,
        occurrences: 62,
        occurrencesDone: 2,
        byStatus: { done: 2, in_progress: 1, postponed: 2, cancelled: 1, planned: 56 },
      });
      expect([r.done.length, r.postponed.length, r.cancelled.length, r.next.items.length]).toEqual([2, 2, 1, 7]);
      const b = q2Brief(stores, lang);
      const text = words(briefNarrative(b, lang));
      for (const sentence of expected[lang]) expect(text).toContain(sentence);
      const [status, months] = briefCharts(b, lang).map((c) => c.chart);
      const m = messages(lang);
      for (const k of statusOrder) expect(series(status!, m.statuses.label[k])).toEqual(r.priorities.map((p) => p.byStatus[k]));
      expect(series(months!, m.brief.chartDue).reduce((n, v) => n + v, 0) + b.undated.due).toBe(r.totals.occurrences);
      expect(series(months!, m.brief.chartDone).reduce((n, v) => n + v, 0) + b.undated.done).toBe(r.totals.occurrencesDone);
    }
  });

  it('lists each priority’s done work with its evidence links, postponed work with its new date and reason, cancelled with its reason', () => {
    const stores = loadedStores();
    everyStatus(stores);
    const n = briefNarrative(q2Brief(stores), 'en');
    const b1 = n.sections.find((s) => s.key === 'priority:B1')!;
    const runs = b1.paragraphs.flatMap((p) => p.runs);
    expect(runs).toContainEqual({ kind: 'link', text: 'https://example.org/report', url: 'https://example.org/report' });
    // What is no web address stays text, as written.
    expect(runs).toContainEqual({ kind: 'text', text: 'not a url <@U999>', written: true });
    const text = words(n);
    expect(text).toContain(
      'B1.2 · May 2024 (Due 10 June 2024): Organize quarterly meetings of the Regional Network for coordination and information exchange. New date: 10 June 2024 (it was due 1 May 2024). Reason: “venue not ready”.',
    );
    expect(text).toMatch(/B3\.1 · May 2024 \(Due 1 May 2024\): .* Status: cancelled\. Reason: “dropped call/);
    expect(text).toContain('Objective 8: Save lives and establish coordinated international efforts on missing migrants (T1)');
    expect(text).toContain('No activity of the plan serves these 9 objectives: 2, 3, 4, 11, 12, 13, 14, 18 and 20.');
    expect(words(briefNarrative(q2Brief(stores, 'es'), 'es'))).toContain(
      'Nueva fecha: 10 de junio de 2024 (vencía el 1 de mayo de 2024). Motivo: «venue not ready».',
    );
  });

  it('puts the co-chairs’ own words first, shown as theirs, and only when they wrote some', () => {
    const stores = loadedStores();
    const b = q2Brief(stores);
    expect(briefNarrative(b, 'en').sections[0]!.key).toBe('overview');
    expect(briefNarrative(b, 'en', { paragraph: '  ', highlights: [' '] }).sections[0]!.key).toBe('overview');
    const n = briefNarrative(b, 'en', { paragraph: 'A good quarter.', highlights: ['Two meetings held'] });
    expect(n.sections[0]).toEqual({
      key: 'intro',
      heading: 'From the co-chairs',
      level: 2,
      byCoChairs: true,
      paragraphs: [
        { runs: [{ kind: 'text', text: 'Written by the co-chairs.' }] },
        { runs: [{ kind: 'text', text: 'A good quarter.', written: true }] },
        { runs: [{ kind: 'text', text: 'Highlights', strong: true }] },
        { runs: [{ kind: 'text', text: 'Two meetings held', written: true }], bullet: true },
      ],
    });
    // In Slack their paragraph shows whole (a note in a list is clipped; theirs is not).
    const long = `${'We met the national networks. '.repeat(50)}End.`;
    const slack = JSON.stringify(briefMessage(b, briefNarrative(b, 'en', { paragraph: long, highlights: [] })));
    expect(slack).toContain(long);
  });
});

describe('grammar of 0, 1 and many', () => {
  const during = (stores: ReturnType<typeof loadedStores>, lang: 'en' | 'es') =>
    words(briefNarrative(q2Brief(stores, lang), lang))
      .split('\n')
      .find((l) => l.startsWith(lang === 'en' ? 'During the period' : 'En el período'));

  it('with nothing changed, and with one of each', () => {
    const stores = loadedStores();
    expect(during(stores, 'en')).toBe('During the period, no occurrence was marked done, none was postponed and none was cancelled.');
    expect(during(stores, 'es')).toBe('En el período, no se marcó ninguna ocurrencia como hecha, no se aplazó ninguna y no se canceló ninguna.');
    stores.state.changeStatus(change({ key: 'B1.3@2024-04', status: 'done', at: '2024-04-29T15:00:00.000Z' }));
    stores.state.changeStatus(change({ key: 'B1.2@2024-05', status: 'postponed', date: '2024-06-10', at: '2024-04-25T15:00:00.000Z' }));
    stores.state.changeStatus(change({ key: 'B3.1@2024-05', status: 'cancelled', at: '2024-05-15T15:00:00.000Z' }));
    expect(during(stores, 'en')).toBe('During the period, 1 occurrence was marked done, 1 was postponed and 1 was cancelled.');
    expect(during(stores, 'es')).toBe('En el período, se marcó 1 ocurrencia como hecha, se aplazó 1 y se canceló 1.');
    const text = words(briefNarrative(q2Brief(stores), 'en'));
    expect(text).toContain('Status: cancelled. No reason was recorded.');
  });

  it('the sentences of counts, for 0, 1 and 2, in both languages', () => {
    const en = messages('en').brief;
    const es = messages('es').brief;
    expect([0, 1, 2].map((n) => en.progress(n, n === 0 ? 1 : n, n, n === 0 ? 1 : n))).toEqual([
      'At the end of the period, 0 of the plan’s 1 activity were done, and 0 of its 1 occurrence.',
      'At the end of the period, 1 of the plan’s 1 activity was done, and 1 of its 1 occurrence.',
      'At the end of the period, 2 of the plan’s 2 activities were done, and 2 of its 2 occurrences.',
    ]);
    expect([0, 1, 2].map((n) => es.progress(n, n === 0 ? 1 : n, n, n === 0 ? 1 : n))).toEqual([
      'Al final del período, de la única actividad del plan, 0 estaban hechas; de su única ocurrencia, 0 estaban hechas.',
      'Al final del período, de la única actividad del plan, 1 estaba hecha; de su única ocurrencia, 1 estaba hecha.',
      'Al final del período, de las 2 actividades del plan, 2 estaban hechas; de sus 2 ocurrencias, 2 estaban hechas.',
    ]);
    expect([0, 1, 2].map(en.openAtEnd)).toEqual([
      'Everything due in the period was done or cancelled by its end.',
      '1 occurrence due in the period was neither done nor cancelled at its end.',
      '2 occurrences due in the period were neither done nor cancelled at its end.',
    ]);
    expect([1, 2].map(es.openBefore)).toEqual([
      'Además, 1 ocurrencia que vencía antes del período seguía pendiente al final.',
      'Además, 2 ocurrencias que vencían antes del período seguían pendientes al final.',
    ]);
  });
});

describe('texts people wrote, shown as written and never pinging', () => {
  it('in Slack, the hostile note is escaped; in Markdown it is text, not markup', () => {
    const stores = loadedStores();
    everyStatus(stores);
    for (const lang of ['en', 'es'] as const) {
      const b = q2Brief(stores, lang);
      const n = briefNarrative(b, lang, { paragraph: hostile, highlights: [hostile] });
      const slack = JSON.stringify(briefMessage(b, n));
      expect(slack).toContain('call &lt;!channel&gt; @here &lt;@U123&gt; &lt;https://x.org|click&gt; *bold* _it_ [x](http://evil.example)');
      expect(slack).not.toMatch(/<!channel>|<!here>|<@U123>|<@U999>|<https:\/\/x\.org\|/);
      const md = narrativeMarkdown(n);
      expect(md).toContain(mdText(hostile));
      expect(md).toContain(
        'call &lt;!channel&gt; @here &lt;@U123&gt; &lt;https://x.org\\|click&gt; \\*bold\\* \\_it\\_ \\[x\\](http://evil.example) \\# head \\| pipe',
      );
      expect(md).not.toMatch(/<!channel>|<@U123>|\[x\]\(http:\/\/evil/);
    }
  });
});

describe('the Slack message', () => {
  it('in English and Spanish, at a fixed clock (snapshots), with the extra row of buttons last', () => {
    const stores = loadedStores();
    everyStatus(stores);
    for (const lang of ['en', 'es'] as const) {
      const b = q2Brief(stores, lang);
      const row = actions('brief_actions', [button('Edit', 'brief_edit', 'x')]);
      const msg = briefMessage(b, briefNarrative(b, lang, { paragraph: 'Ours.', highlights: [] }), { note: messages(lang).brief.file, actions: row });
      expect(msg.blocks.at(-1)).toEqual(row);
      expect(chartProblems(msg.blocks)).toEqual([]);
      expect(msg.blocks.length).toBeLessThanOrEqual(50);
      expect(msg).toMatchSnapshot(lang);
    }
  });

  it('over the limits: a plan of 600 activities stays within 50 blocks and 3000 characters a section, saying the file has the rest', () => {
    const stores = openStores(':memory:');
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, syntheticPlanYaml(600, 'big'));
    expect(importPlanFile(stores, file, defaultDataDir, '2024-01-01T00:00:00Z').ok).toBe(true);
    // Every occurrence of one in three activities done in the period, with a long note and a link.
    const ctx = contextAt(stores, now);
    const plan = stores.plans.plan('big')!;
    for (const [n, a] of stores.plans.activities('big').entries())
      if (n % 3 === 0)
        for (const o of occurrencesOf(a, plan))
          stores.state.changeStatus({
            ...change({ key: o.key, status: 'done', at: '2024-05-10T15:00:00.000Z', note: 'n '.repeat(1000), links: ['https://example.org/a'] }),
            planId: 'big',
            activityId: a.id,
          });
    const b = buildBrief(ctx, plan, '2024-04-01', '2024-06-30', 'en');
    const msg = briefMessage(b, briefNarrative(b, 'en'), { note: 'note', actions: actions('brief_actions', [button('Edit', 'brief_edit', 'x')]) });
    expect(msg.blocks.length).toBe(50);
    for (const block of msg.blocks) if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(3000);
    expect(chartProblems(msg.blocks)).toEqual([]);
    expect(msg.text.length).toBeLessThanOrEqual(300);
    expect(JSON.stringify(msg.blocks.at(-3))).toContain(messages('en').brief.cut);
    expect(msg.blocks.at(-1)!.type).toBe('actions');
  });

  it('a plan longer than 20 months is charted by quarter, keeping the sums', () => {
    const months: BriefMonth[] = Array.from({ length: 36 }, (_, k) => ({
      month: `${2023 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`,
      due: 2,
      done: k % 2,
    }));
    const points = briefChartPeriods(months, 'en');
    expect(points).toHaveLength(12);
    expect(points[0]).toEqual({ label: 'Q1 2023', due: 6, done: 1 });
    expect(points.reduce((n, p) => n + p.due, 0)).toBe(72);
    expect(briefChartPeriods(months, 'es')[4]!.label).toBe('T1 2024');
    expect(briefChartPeriods(months.slice(0, 19), 'es')[0]!.label).toBe('ene 2023');
  });
});

describe('the coverage table of the update', () => {
  it('lists every GCM objective with its serving priorities and their work as it stood at the end of the period', () => {
    const stores = loadedStores();
    everyStatus(stores);
    // Done after the period: counted by /gcm coverage today, not by the update of Q2.
    stores.state.changeStatus(change({ key: 'T2.1', status: 'done', at: '2024-07-02T15:00:00.000Z' }));
    const b = q2Brief(stores);
    const table = briefNarrative(b, 'en').sections.find((s) => s.key === 'objectives')!.table!;
    expect(table.header).toEqual(['GCM objective', 'Priorities', 'Activities', 'Occurrences done']);
    expect(table.rows).toHaveLength(23);
    const row = (n: number) => table.rows.find((r) => r[0]!.startsWith(`${n}. `))!;
    expect(row(8)).toEqual(['8. Save lives and establish coordinated international efforts on missing migrants', 'T1', '2', '1 / 2']);
    expect(row(23).slice(1)).toEqual(['T1, T2, T3', '8', '1 / 8']);
    expect(row(2).slice(1)).toEqual(['not served', '', '']);
    expect(b.coverage.objectives.find((o) => o.objective.number === 23)!.occurrencesDone).toBe(2);
    const md = narrativeMarkdown(briefNarrative(q2Brief(stores, 'es'), 'es'));
    expect(md).toContain('| Objetivo del Pacto | Prioridades | Actividades | Ocurrencias hechas |');
    expect(md).toMatch(/\n\| 2\. .* \| sin cobertura \| {2}\| {2}\|\n/);
  });
});
