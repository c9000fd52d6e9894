import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runBrief } from '../../src/cli/brief.js';
import { coChair, eventually, startBot } from '../helpers/slack.js';
import { loadedStores, tempDir } from '../helpers/stores.js';
import { everyStatus, now, q2Report } from '../brief/fixture.js';
import { readDocx } from './docx-read.js';

const sheetNames = async (bytes: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
};

describe('the update’s Word file and workbook reach the co-chair (issue 23.4)', () => {
  it('/gcm brief shares the .docx and .xlsx with the Markdown file, in one message in their direct messages, byte for byte', async () => {
    const t = await startBot({}, now);
    everyStatus(t.stores);
    const ack = await t.command('brief', coChair);
    expect(ack.status).toBe(200);
    const answer = await eventually(() => t.standin.callsOf('response_url')[0]);
    const files = [...t.standin.files.values()];
    expect(files.map((f) => f.filename)).toEqual(['md', 'docx', 'xlsx'].map((e) => `gcm-update-2024-04-01-2024-06-30.${e}`));
    for (const f of files) expect(f.channel).toBe(t.standin.dmChannelOf(coChair));
    // One message: the three files carry the one line, once (completeUploadExternal with all three).
    expect(t.standin.callsOf('files.completeUploadExternal')).toHaveLength(1);
    expect(JSON.stringify(answer.params)).toContain('With it, the same update as a Word document (.docx) and as a workbook (.xlsx).');

    const docx = await readDocx(files[1]!.bytes);
    expect(docx.paragraphs).toContain('Periodic update, 1 April 2024 to 30 June 2024');
    expect(docx.media.size).toBe(2);
    expect([...docx.links.values()]).toContain('https://example.org/report');
    expect(await sheetNames(files[2]!.bytes)).toEqual(['Summary', 'By priority', 'By objective', 'Overdue', 'Done', 'Next quarter']);
  }, 60_000);

  it('npm run brief writes --format docx and xlsx to --out, in both languages on request; without --out it refuses a binary format', async () => {
    const db = path.join(tempDir(), 'gcm.sqlite');
    everyStatus(loadedStores(db));
    const env = { DATABASE_PATH: db, GCM_NOW: now, GCM_TIMEZONE: 'America/Santiago' };
    const run = async (args: string[]) => {
      const err: string[] = [];
      const code = await runBrief(
        args,
        env,
        () => {},
        (s) => err.push(s),
      );
      return { code, err: err.join('\n') };
    };
    const dir = tempDir();
    const docxFile = path.join(dir, 'update.docx');
    expect(await run(['--format', 'docx', '--lang', 'both', '--out', docxFile])).toEqual({ code: 0, err: `Wrote ${docxFile} (Word document).` });
    const docx = await readDocx(readFileSync(docxFile));
    expect(docx.paragraphs).toContain('Periodic update, 1 April 2024 to 30 June 2024');
    expect(docx.paragraphs).toContain('Actualización periódica, del 1 de abril de 2024 al 30 de junio de 2024');
    expect(docx.media.size).toBe(4);

    const xlsxFile = path.join(dir, 'update.xlsx');
    expect((await run(['--format', 'xlsx', '--lang', 'both', '--out', xlsxFile])).code).toBe(0);
    const names = await sheetNames(readFileSync(xlsxFile));
    expect(names).toEqual([
      ...['Summary', 'By priority', 'By objective', 'Overdue', 'Done', 'Next quarter'].map((n) => `${n} EN`),
      ...['Resumen', 'Por prioridad', 'Por objetivo', 'Atrasadas', 'Hechas', 'Próximo trimestre'].map((n) => `${n} ES`),
    ]);
    // The workbook's totals are the report's.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsxFile) as unknown as ArrayBuffer);
    const total = wb.getWorksheet('By priority EN')!.lastRow!.values as unknown[];
    const r = q2Report(loadedStores(db));
    expect(total.slice(3, 7)).toEqual([r.totals.activitiesDone, r.totals.activities, r.totals.occurrencesDone, r.totals.occurrences]);

    const refused = await run(['--format', 'xlsx']);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--format xlsx writes a binary file: give --out FILE.');
  }, 60_000);
});
