import { describe, expect, it } from 'vitest';
import { briefDocx } from '../../src/documents/brief-docx.js';
import { chartPng, chartSize } from '../../src/documents/chart-image.js';
import { messages } from '../../src/i18n/messages.js';
import { briefNarrative } from '../../src/views/brief-narrative.js';
import { briefCharts } from '../../src/views/brief-view.js';
import { statusOrder } from '../../src/views/status-view.js';
import { everyStatus, hostile, q2Brief, q2Report } from '../brief/fixture.js';
import { loadedStores } from '../helpers/stores.js';
import { readDocx } from './docx-read.js';
import { decodePng } from './png.js';

describe('the update as a Word document (issue 23.4)', () => {
  it('holds, in each language asked for, the narrative, the two charts as PNG, the tables and the evidence as links', async () => {
    const stores = loadedStores();
    everyStatus(stores);
    const briefs = [q2Brief(stores, 'en'), q2Brief(stores, 'es')];
    const doc = await readDocx(await briefDocx(briefs, { en: { paragraph: 'Our own words.', highlights: ['A highlight'] } }));
    const text = doc.paragraphs.join('\n');

    for (const b of briefs) {
      // The narrative: every heading and every paragraph's words, in order of the sections.
      const n = briefNarrative(b, b.lang, b.lang === 'en' ? { paragraph: 'Our own words.', highlights: ['A highlight'] } : undefined);
      expect(doc.paragraphs).toContain(n.title);
      for (const s of n.sections) {
        expect(doc.paragraphs).toContain(s.heading);
        for (const p of s.paragraphs) expect(doc.paragraphs).toContain(p.runs.map((r) => r.text).join(''));
      }
      // The two charts: the very images drawn from the Slack message's chart blocks (same series, same pixels).
      const charts = briefCharts(b, b.lang);
      expect(charts).toHaveLength(2);
      for (const [i, c] of charts.entries()) {
        const png = (await chartPng(c.chart, { ...chartSize, stacked: i === 0 })).png;
        expect(
          [...doc.media.values()].some((m) => m.equals(png)),
          `${b.lang} chart ${i + 1}`,
        ).toBe(true);
        expect(doc.paragraphs).toContain(c.inWords);
      }
    }
    expect(text).toContain('Our own words.');
    expect(text).toContain(`Report sent ${hostile}`);

    // Four PNG images (two per language) in word/media, each decoding to the chart's size.
    expect([...doc.media.keys()].every((k) => k.endsWith('.png'))).toBe(true);
    expect(doc.media.size).toBe(4);
    for (const m of doc.media.values()) expect([decodePng(m).width, decodePng(m).height]).toEqual([chartSize.width, chartSize.height]);
    expect(doc.xml.match(/<pic:pic /g)).toHaveLength(4);

    // Tables per language: progress by priority, one per priority (7), by GCM objective, overdue.
    expect(doc.tables).toHaveLength(2 * (1 + 7 + 1 + 1));
    const report = q2Report(stores, 'en');
    const byPriority = doc.tables[0]!;
    expect(byPriority.slice(1)).toEqual([
      ...report.priorities.map((p) => [
        p.id,
        ...[p.activitiesDone, p.activities, p.occurrencesDone, p.occurrences, ...statusOrder.map((k) => p.byStatus[k])].map(String),
      ]),
      [
        messages('en').report.total,
        ...[
          report.totals.activitiesDone,
          report.totals.activities,
          report.totals.occurrencesDone,
          report.totals.occurrences,
          ...statusOrder.map((k) => report.totals.byStatus[k]),
        ].map(String),
      ],
    ]);
    const b1 = doc.tables[1]!;
    expect(b1.slice(1).map((r) => [r[0], r[2]])).toEqual(
      expect.arrayContaining([
        ['B1.3@2024-04', 'done'],
        ['B1.2@2024-05', 'postponed'],
      ]),
    );
    const objectives = doc.tables.find((t) => t[0]![0] === messages('en').briefFiles.columns.objective)!;
    expect(objectives).toHaveLength(24);
    expect(objectives.filter((r) => r[2] === 'not served').map((r) => r[0])).toEqual(['2', '3', '4', '11', '12', '13', '14', '18', '20']);
    expect(doc.paragraphs).toContain(messages('en').briefFiles.notServedLine('2, 3, 4, 11, 12, 13, 14, 18 and 20'));
    const overdue = doc.tables.find((t) => t[0]!.join('|') === ['Lead agency', 'Occurrence', 'Due', 'Status', 'Activity'].join('|'))!;
    expect(overdue.slice(1).map((r) => r[1])).toEqual([
      ...report.overdue.flatMap((g) => g.items.map((i) => i.occurrenceKey)),
      ...report.overdueBefore.map((i) => i.occurrenceKey),
    ]);

    // Evidence: each web address a clickable external link (a relationship the document's hyperlinks use);
    // what is not one stays text.
    const targets = new Set(doc.linkIds.map((id) => doc.links.get(id)));
    for (const url of ['https://example.org/report', 'http://example.org/data', 'https://example.org/t12']) expect(targets).toContain(url);
    expect([...doc.links.values()].some((l) => l.includes('U999'))).toBe(false);
    expect(text).toContain('not a url <@U999>');
  }, 60_000);

  it('writes one language alone when asked', async () => {
    const stores = loadedStores();
    everyStatus(stores);
    const doc = await readDocx(await briefDocx(q2Brief(stores, 'es')));
    expect(doc.paragraphs).toContain(briefNarrative(q2Brief(stores, 'es'), 'es').title);
    expect(doc.paragraphs).not.toContain(briefNarrative(q2Brief(stores, 'en'), 'en').title);
    expect(doc.media.size).toBe(2);
    expect(doc.tables).toHaveLength(10);
  }, 60_000);
});
