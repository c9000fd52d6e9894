import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { briefXlsx } from '../../src/documents/brief-xlsx.js';
import type { ProgressReport } from '../../src/domain/report.js';
import { messages } from '../../src/i18n/messages.js';
import { reportsJson } from '../../src/views/report-view.js';
import { statusOrder } from '../../src/views/status-view.js';
import { everyStatus, q2Brief, q2Report } from '../brief/fixture.js';
import { loadedStores } from '../helpers/stores.js';

/** The workbook read back: each sheet as rows of plain values (a link as its address). */
async function readBack(bytes: Buffer): Promise<Map<string, { values: unknown[][]; links: string[] }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, { values: unknown[][]; links: string[] }>();
  wb.eachSheet((ws) => {
    const values: unknown[][] = [];
    const links: string[] = [];
    ws.eachRow((row) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        const v = cell.value;
        if (v && typeof v === 'object' && 'hyperlink' in v) links.push(v.hyperlink);
        cells.push(v && typeof v === 'object' && 'text' in v ? v.text : v);
      });
      values.push(cells);
    });
    sheets.set(ws.name, { values, links });
  });
  return sheets;
}

describe('the update as a workbook (issue 23.4)', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`holds the same numbers as /gcm report of the same period (${lang})`, async () => {
      const stores = loadedStores();
      everyStatus(stores);
      // The report as `/gcm report` and `npm run report -- --format json` give it.
      const report = JSON.parse(reportsJson([q2Report(stores, lang)])) as ProgressReport;
      const s = messages(lang).briefFiles.sheet;
      const sheets = await readBack(await briefXlsx(q2Brief(stores, lang)));
      expect([...sheets.keys()]).toEqual([s.summary, s.priorities, s.objectives, s.overdue, s.done, s.next]);

      const byPriority = sheets.get(s.priorities)!.values.slice(1);
      const counts = (x: ProgressReport['totals']) => [
        x.activitiesDone,
        x.activities,
        x.occurrencesDone,
        x.occurrences,
        ...statusOrder.map((k) => x.byStatus[k]),
      ];
      expect(byPriority.map((r) => [r[0], ...r.slice(2)])).toEqual([
        ...report.priorities.map((p) => [p.id, ...counts(p)]),
        [messages(lang).report.total, ...counts(report.totals)],
      ]);
      const summary = new Map(sheets.get(s.summary)!.values.map((r) => [r[0], r[1]]));
      const c = messages(lang).briefFiles.columns;
      expect([summary.get(c.activitiesDone), summary.get(c.activities), summary.get(c.occurrencesDone), summary.get(c.occurrences)]).toEqual(
        counts(report.totals).slice(0, 4),
      );

      const done = sheets.get(s.done)!;
      expect(done.values.slice(1).map((r) => r[0])).toEqual(report.done.map((i) => i.occurrenceKey));
      // Evidence: web addresses are links; what is not one is kept as the text it was.
      expect(done.links).toEqual(report.done.flatMap((i) => i.links.filter((l) => /^https?:/.test(l))));
      expect(done.values.flat()).toContain('not a url <@U999>');

      const overdue = sheets.get(s.overdue)!.values.slice(1);
      expect(overdue.map((r) => r[1])).toEqual([
        ...report.overdue.flatMap((g) => g.items.map((i) => i.occurrenceKey)),
        ...report.overdueBefore.map((i) => i.occurrenceKey),
      ]);
      expect(
        sheets
          .get(s.next)!
          .values.slice(1)
          .map((r) => r[1]),
      ).toEqual(report.next.items.map((i) => i.occurrenceKey));

      // By objective: all 23, the 9 not served said so, and the sentence naming them.
      const objectives = sheets.get(s.objectives)!.values;
      const rows = objectives.slice(1, 24);
      expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
      expect(rows.filter((r) => r[2] === messages(lang).briefFiles.notServed).map((r) => r[0])).toEqual([2, 3, 4, 11, 12, 13, 14, 18, 20]);
      expect(String(objectives.at(-1)?.[0])).toContain('2, 3, 4, 11, 12, 13, 14, 18');
      // Each served objective's occurrences, done and in all, are the report's lines of the priorities serving it.
      for (const r of rows.filter((x) => x[2] !== messages(lang).briefFiles.notServed)) {
        const serving = report.priorities.filter((p) => String(r[2]).split(', ').includes(p.id));
        expect([r[4], r[5]]).toEqual([serving.reduce((n, p) => n + p.occurrencesDone, 0), serving.reduce((n, p) => n + p.occurrences, 0)]);
      }
    });
  }
});
