import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { csvPlan } from '../helpers/plan-tables.js';
import { tempDir } from '../helpers/stores.js';

// The spreadsheet libraries are loaded on first use: the running bot loads none of them until it reads or
// writes a workbook or a CSV file. A module hook in a child process records every module Node resolves.

const spreadsheetLibraries = /\/node_modules\/(exceljs|csv-parse|csv-stringify|yauzl|saxes|jszip)\//;
/** The chart and document libraries of the update's files (issue 23.9): src/documents/ loads them on first use. */
const documentLibraries = /\/node_modules\/(echarts|zrender|@resvg|docx)\//;

/** The modules resolved by a fresh Node process running `script` (an ES module). */
function modulesLoadedBy(script: string): string[] {
  const dir = tempDir();
  const log = path.join(dir, 'loaded.txt');
  writeFileSync(log, '');
  const hook = path.join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const r = await next(specifier, context);\n  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');\n  return r;\n}\n`,
  );
  const register = path.join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
  const main = path.join(dir, 'probe.mts');
  writeFileSync(main, script);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', register, main], { cwd: projectRoot, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

/** A module of src/ as an import specifier. */
const src = (module: string) => JSON.stringify(pathToFileURL(path.join(projectRoot, 'src', `${module}.ts`)).href);

describe('the spreadsheet libraries are loaded on first use', () => {
  it("importing the bot's entry modules loads no spreadsheet or CSV library; reading a CSV plan loads csv-parse", () => {
    const entries = [
      'config',
      'stores',
      'slack-app',
      'plan/unchanged-plan',
      'plan/deadline',
      'scheduler/start-scheduler',
      'slack/side-server',
      'scheduler/nightly-backup',
      'documents/brief-docx',
      'documents/brief-xlsx',
    ];
    const loaded = modulesLoadedBy(
      `${entries.map((e, i) => `import * as m${i} from ${src(e)};`).join('\n')}\nvoid [${entries.map((_, i) => `m${i}`).join(', ')}];\n`,
    );
    expect(
      loaded.some((u) => u.endsWith('/src/slack-app.ts')),
      'the hook saw the modules',
    ).toBe(true);
    expect(loaded.filter((u) => spreadsheetLibraries.test(u))).toEqual([]);
    // Nor the YAML parsers, the plan's schemas and checks (an unchanged plan is not read again) or the table readers.
    expect(
      loaded.filter((u) =>
        /\/node_modules\/(yaml|js-yaml)\/|\/src\/plan\/(load|schema|import-plan|tables\/(files|read-tables|load-tables|wording))\.ts$/.test(u),
      ),
    ).toEqual([]);
    expect(loaded.filter((u) => documentLibraries.test(u))).toEqual([]);

    const reading = modulesLoadedBy(`import { readTableFiles } from ${src('plan/tables/files')};\nawait readTableFiles(${JSON.stringify(csvPlan)});\n`);
    expect(reading.some((u) => /\/node_modules\/csv-parse\//.test(u))).toBe(true);
    expect(reading.filter((u) => /\/node_modules\/(exceljs|yauzl|saxes)\//.test(u))).toEqual([]);
  });
});

describe('the chart and document libraries are loaded on first use (issue 23.9)', () => {
  it('drawing a chart loads echarts and resvg, and nothing of docx', () => {
    const drawing = modulesLoadedBy(
      `import { chartPng } from ${src('documents/chart-image')};\nimport { barChart } from ${src('views/chart')};\nawait chartPng(barChart('t', ['a'], [{ name: 's', values: [1] }]));\n`,
    );
    expect(drawing.some((u) => /\/node_modules\/echarts\//.test(u))).toBe(true);
    expect(drawing.some((u) => /\/node_modules\/@resvg\//.test(u))).toBe(true);
    expect(drawing.filter((u) => /\/node_modules\/docx\//.test(u))).toEqual([]);
  });
});
