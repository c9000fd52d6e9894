import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runPlanCheck } from '../../src/cli/plan-check.js';
import { runPlanImport } from '../../src/cli/plan-import.js';
import { defaultDataDir, projectRoot } from '../../src/config.js';
import { withinDeadline } from '../../src/plan/deadline.js';
import { formatProblem, importPlanSource } from '../../src/plan/import-plan.js';
import { loadBundle } from '../../src/plan/load.js';
import { planLimits } from '../../src/plan/limits.js';
import { planToTables, workbookBuffer } from '../../src/plan/tables/write-tables.js';
import { loadedStores, tempDir } from '../helpers/stores.js';
import { zipOf, type ZipPart } from '../helpers/zip.js';

// Hostile workbooks, built here from the bundled plan's workbook: each is refused at the place it passes a
// limit, before it can cost much time or memory, and the database is left as it was.

const activitiesPart = 'xl/worksheets/sheet3.xml';

/** The parts of the bundled plan as a workbook, with `change` applied to them. */
async function hostileWorkbook(change: (parts: ZipPart[]) => void): Promise<string> {
  const bundle = loadBundle(path.join(defaultDataDir, 'plan-2023-2024.yaml'), defaultDataDir);
  if (!bundle.ok) throw new Error('fixture');
  const zip = await JSZip.loadAsync(await workbookBuffer(planToTables(bundle.value.plan, 'en')));
  const parts: ZipPart[] = [];
  for (const name of Object.keys(zip.files).filter((n) => !zip.files[n]!.dir)) parts.push({ name, data: await zip.file(name)!.async('nodebuffer') });
  change(parts);
  const file = path.join(tempDir(), 'hostile.xlsx');
  writeFileSync(file, zipOf(parts));
  return file;
}

const part = (parts: ZipPart[], name: string) => parts.find((p) => p.name === name)!;

/** Puts `xml` at the end of the Activities sheet's data. */
function appendToActivities(parts: ZipPart[], xml: string): void {
  const p = part(parts, activitiesPart);
  p.data = Buffer.from(p.data.toString('utf8').replace('</sheetData>', `${xml}</sheetData>`));
}

/** plan:check, plan:import and the start-up import each refuse `file` with `line`; the database is unchanged. */
async function expectRefusedEverywhere(file: string, line: RegExp): Promise<void> {
  const check: string[] = [];
  expect(await runPlanCheck([file], (s) => check.push(s), defaultDataDir)).toBe(1);
  expect(check.join('\n')).toMatch(line);
  const dbFile = path.join(tempDir(), 'gcm.sqlite');
  const stores = loadedStores(dbFile);
  const before = { plans: stores.plans.plans(), version: stores.version(), activities: stores.plans.activities('lac-2023-2024') };
  const startup = await importPlanSource(stores, file, defaultDataDir, '2024-04-24T14:00:00.000Z', true);
  expect(startup.ok ? [] : startup.problems.map((p) => formatProblem(p))).toEqual([expect.stringMatching(line)]);
  const imported: string[] = [];
  expect(await runPlanImport([file], { DATABASE_PATH: dbFile }, (s) => imported.push(s))).toBe(1);
  expect(imported.join('\n')).toMatch(line);
  expect({ plans: stores.plans.plans(), version: stores.version(), activities: stores.plans.activities('lac-2023-2024') }).toEqual(before);
  for (const text of [...check, ...imported]) expect(text).not.toMatch(/\n\s+at |Error:/);
}

describe('workbooks are read in bounded time and memory', () => {
  it('refuses a cell far down and to the right (XFD1048576) by its sheet and cell, without walking the empty rows', async () => {
    const file = await hostileWorkbook((parts) => appendToActivities(parts, '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row>'));
    await expectRefusedEverywhere(
      file,
      /hostile\.xlsx:Activities:1048576:XFD \(cell XFD1048576\): row 1,048,576 is past the limit of 120,000 rows of a sheet$/m,
    );
  });

  it('refuses a cell past the last column a sheet may use, by its cell', async () => {
    const file = await hostileWorkbook((parts) => appendToActivities(parts, '<row r="40"><c r="AO40" t="inlineStr"><is><t>wide</t></is></c></row>'));
    await expectRefusedEverywhere(file, /hostile\.xlsx:Activities:40:AO \(cell AO40\): column 41 is past the limit of 40 columns of a sheet$/m);
  });

  it('refuses a zip bomb whose headers lie about its size while it unpacks, naming its sheet', async () => {
    const file = await hostileWorkbook((parts) => {
      const sheet = part(parts, activitiesPart);
      const text = sheet.data.toString('utf8');
      // 100 MB of empty elements after the real rows, declared as the sheet's true size.
      const bomb = Buffer.alloc(100 * 1024 * 1024, '<x/>');
      const at = text.indexOf('</sheetData>');
      sheet.declaredSize = sheet.data.length;
      sheet.data = Buffer.concat([Buffer.from(text.slice(0, at)), bomb, Buffer.from(text.slice(at))]);
    });
    await expectRefusedEverywhere(
      file,
      /hostile\.xlsx:Activities(:\d+:[A-Z]+ \(cell [A-Z]+\d+\)| \(before its first cell\)): xl\/worksheets\/sheet3\.xml unpacks to more bytes than the zip declares for it: a damaged or forged file, not read further$/m,
    );
  });

  it('refuses a zip bomb that declares its size before unpacking anything', async () => {
    const file = await hostileWorkbook((parts) => {
      const sheet = part(parts, activitiesPart);
      sheet.data = Buffer.concat([sheet.data, Buffer.alloc(planLimits.workbookUncompressedBytes, ' ')]);
    });
    await expectRefusedEverywhere(file, /hostile\.xlsx \(zip\): the workbook's sheets unpack to 64\.\d MB, over the limit of 64\.0 MB; nothing was unpacked$/m);
  });

  it('refuses more shared strings than the limit, and one over-long shared string, by its number', async () => {
    const many = await hostileWorkbook((parts) => {
      const strings = part(parts, 'xl/sharedStrings.xml');
      const extra = '<si><t>x</t></si>'.repeat(planLimits.sharedStrings + 1);
      strings.data = Buffer.from(strings.data.toString('utf8').replace('</sst>', `${extra}</sst>`));
    });
    await expectRefusedEverywhere(many, /hostile\.xlsx \(shared string 500,001\): more than 500,000 shared strings, over the limit$/m);
    const long = await hostileWorkbook((parts) => {
      const strings = part(parts, 'xl/sharedStrings.xml');
      strings.data = Buffer.from(strings.data.toString('utf8').replace(/<si>/, `<si><t>${'y'.repeat(planLimits.cellChars + 1)}</t></si><si>`));
    });
    await expectRefusedEverywhere(long, /hostile\.xlsx \(shared string 1\): a text of more than 32,767 characters, over the limit of 32,767 for a cell$/m);
  });

  it('npm run plan:import -- --dry-run of a 13 kB workbook with cells at A1 and XFD1048576 answers within a minute', async () => {
    const file = path.join(tempDir(), 'sparse.xlsx');
    const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${body}`);
    const sheet = (rows: string) =>
      xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    const parts: ZipPart[] = [
      {
        name: 'xl/workbook.xml',
        data: xml(
          '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
            ['Plan', 'Priorities', 'Activities'].map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
            '</sheets></workbook>',
        ),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: xml(
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            [1, 2, 3]
              .map(
                (i) =>
                  `<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`,
              )
              .join('') +
            '</Relationships>',
        ),
      },
      { name: 'xl/worksheets/sheet1.xml', data: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>Field</t></is></c></row>') },
      { name: 'xl/worksheets/sheet2.xml', data: sheet('') },
      {
        name: 'xl/worksheets/sheet3.xml',
        data: sheet(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>z</t></is></c></row>',
        ),
      },
    ];
    writeFileSync(file, zipOf(parts));
    const r = spawnSync('npm', ['run', '--silent', 'plan:import', '--', '--dry-run', file], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite') },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.signal, 'still running after a minute').toBeNull();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/sparse\.xlsx:Activities:1048576:XFD \(cell XFD1048576\): row 1,048,576 is past the limit/);
  }, 120_000);

  it("the bot's start-up import stops at its deadline and names the file it could not read", async () => {
    const never = new Promise<{ ok: true }>(() => {});
    expect(await withinDeadline(never, 'plan.xlsx', 20)).toEqual({
      ok: false,
      problems: [{ file: 'plan.xlsx', path: '(file)', message: 'not read within 0.02 s, the start-up deadline: check the file with npm run plan:check' }],
    });
    expect(await withinDeadline(Promise.resolve({ ok: true }), 'plan.xlsx', 20)).toEqual({ ok: true });
  });
});
