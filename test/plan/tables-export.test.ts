import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/config.js';
import { runPlanExport } from '../../src/cli/plan-export.js';
import { runTemplates } from '../../src/cli/templates.js';
import { runPlanImport } from '../../src/cli/plan-import.js';
import { openStores } from '../../src/stores.js';
import type { AgenciesFile, PlanFile, Schedule } from '../../src/plan/schema.js';
import { readCsvFolder } from '../../src/plan/tables/files.js';
import { planFromReader } from '../../src/plan/tables/from-reader.js';
import { readTables, type Tables } from '../../src/plan/tables/read-tables.js';
import { csvCellRead, csvCellText } from '../../src/domain/csv-cell.js';
import { planToTables, writeWorkbook } from '../../src/plan/tables/write-tables.js';
import { syntheticPlan } from '../../src/plan/synthetic-plan.js';
import { csvPlan, expectRefused, expectSameAsYaml, importedStores } from '../helpers/plan-tables.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

const agencies = load(readFileSync(path.join(defaultDataDir, 'agencies.yaml'), 'utf8')) as AgenciesFile;

describe('the 2023-2024 plan as a workbook', () => {
  it('imports, from the same transcription of source 002, as the YAML does', async () => {
    const tables = await readCsvFolder(csvPlan);
    if (!tables.ok) throw new Error('fixture');
    const file = path.join(tempDir(), 'plan.xlsx');
    await writeWorkbook(tables.value, file);
    await expectSameAsYaml(file);
  });

  it('reads what spreadsheets write: a merged cell (the Entity cell thematic 1.1 and 1.2 share), rich text, a date cell', async () => {
    const tables = await readCsvFolder(csvPlan);
    if (!tables.ok) throw new Error('fixture');
    const wb = new ExcelJS.Workbook();
    for (const [key, name] of [
      ['plan', 'Plan'],
      ['priorities', 'Prioridades'],
      ['activities', 'ACTIVITIES'],
    ] as const) {
      const ws = wb.addWorksheet(name);
      for (const row of tables.value[key].rows) ws.addRow(row);
    }
    wb.getWorksheet('Plan')!.getCell('B5').value = new Date(Date.UTC(2023, 5, 1));
    const activities = wb.getWorksheet('ACTIVITIES')!;
    expect(activities.getCell('A20').value).toBe('T1');
    activities.getCell('D21').value = null;
    activities.mergeCells('D20:D21');
    activities.getCell('B3').value = {
      richText: [
        { text: '1.2. ' },
        { font: { bold: true }, text: 'Organize quarterly meetings' },
        { text: ' of the Regional Network for coordination and information exchange.' },
      ],
    };
    const file = path.join(tempDir(), 'plan.xlsx');
    await wb.xlsx.writeFile(file);
    await expectSameAsYaml(file);
  });

  it('refuses a file that is not a workbook', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    writeFileSync(file, 'Priority,Activity\nB1,1.1. Something\n');
    expect((await expectRefused(file)).join('\n')).toMatch(
      /plan\.xlsx \(file\): not an \.xlsx workbook: it could not be opened as one \(save it from the spreadsheet program as \.xlsx, or as CSV files\)$/m,
    );
  });

  it('refuses a workbook over 10 MB before parsing it', async () => {
    const file = path.join(tempDir(), 'plan.xlsx');
    writeFileSync(file, Buffer.alloc(11 * 1024 * 1024, 1));
    expect((await expectRefused(file)).join('\n')).toMatch(/plan\.xlsx \(file\): the file is 11\.0 MB, over the limit of 10 MB/);
  });

  it('refuses a workbook without its Activities sheet, by name', async () => {
    const tables = await readCsvFolder(csvPlan);
    if (!tables.ok) throw new Error('fixture');
    const file = path.join(tempDir(), 'plan.xlsx');
    await writeWorkbook({ ...tables.value, activities: { ...tables.value.activities, sheet: 'Sheet3' } }, file);
    expect((await expectRefused(file)).join('\n')).toMatch(/no sheet "Activities" or "Actividades"/);
  });
});

function exportTo(db: string, format: string, out: string, extra: string[] = []) {
  const lines: string[] = [];
  return runPlanExport(['--plan', 'lac-2023-2024', '--format', format, '--out', out, ...extra], { DATABASE_PATH: db }, (s) => lines.push(s)).then((code) => ({
    code,
    out: lines.join('\n'),
  }));
}

describe('npm run plan:export', () => {
  for (const format of ['xlsx', 'csv', 'yaml']) {
    it(`writes the loaded plan as ${format}, which imports back to the same plan`, async () => {
      const dir = tempDir();
      const db = path.join(dir, 'gcm.sqlite');
      const original = loadedStores(db);
      const before = planFromReader(original.plans, 'lac-2023-2024');
      original.close();
      const out = path.join(dir, `plan.${format}`);
      const r = await exportTo(db, format, out);
      expect(r.code, r.out).toBe(0);
      const again = await importedStores(out);
      // Every field of the plan, its Spanish titles, texts and notes included, in every format.
      expect(planFromReader(again.plans, 'lac-2023-2024')).toEqual(before);
      if (format === 'yaml') {
        // Every Spanish text of the bundled plan is in the file, not only what both reads happen to share.
        const written = readFileSync(out, 'utf8');
        expect(written).toContain('translation_es: project');
        for (const p of before!.priorities) expect(p.title_es && written.includes(`title_es: ${p.title_es}`), p.id).toBe(true);
      }
      expect(r.out).not.toMatch(/Not in the/);
      again.close();
    });
  }

  it('neutralises in its CSV a text a spreadsheet would run, and plan:import reads it back as typed', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'gcm.sqlite');
    const plan = load(readFileSync(path.join(defaultDataDir, 'plan-2023-2024.yaml'), 'utf8')) as PlanFile;
    plan.priorities[0]!.activities[0]!.text = "=cmd|' /C calc'!A0";
    plan.priorities[0]!.activities[1]!.note = '@SUM(1+1)';
    plan.priorities[1]!.note_es = "-2+3+cmd|' /C calc'!A0";
    const yamlFile = path.join(dir, 'plan.yaml');
    writeFileSync(yamlFile, JSON.stringify(plan));
    expect(await runPlanImport([yamlFile], { DATABASE_PATH: db }, () => {})).toBe(0);
    const stores = openStores(db);
    const before = planFromReader(stores.plans, 'lac-2023-2024');
    stores.close();
    const out = path.join(dir, 'csv');
    expect((await exportTo(db, 'csv', out)).code).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(3);
    const cells = files.flatMap((f) => (parse(readFileSync(path.join(out, f))) as string[][]).flat());
    expect(cells).toContain("'=cmd|' /C calc'!A0");
    expect(cells).toContain("'@SUM(1+1)");
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    const again = await importedStores(out);
    expect(planFromReader(again.plans, 'lac-2023-2024')).toEqual(before);
    again.close();
  });

  it('writes Spanish headers when asked', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'gcm.sqlite');
    loadedStores(db).close();
    const r = await exportTo(db, 'csv', path.join(dir, 'es'), ['--language', 'es']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'es', 'actividades.csv'), 'utf8').split('\r\n')[0]).toBe(
      'Prioridad,No.,Actividad,Referencias,Entidad a cargo,Calendario,Tipo,Notas,Texto (inglés),Notas (español)',
    );
  });

  it('refuses an unknown plan and a missing format', async () => {
    const db = path.join(tempDir(), 'gcm.sqlite');
    loadedStores(db).close();
    const lines: string[] = [];
    expect(await runPlanExport(['--plan', 'nope', '--format', 'csv', '--out', '/tmp/x'], { DATABASE_PATH: db }, (s) => lines.push(s))).toBe(1);
    expect(lines.join('\n')).toMatch(/No plan nope is loaded; loaded: lac-2023-2024/);
    expect(await runPlanExport(['--out', '/tmp/x'], { DATABASE_PATH: db }, (s) => lines.push(s))).toBe(1);
  });
});

// ---- Export then import gives the same plan, over generated plans ----

const monthsEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthsEs = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A schedule in the plan's wording, English or Spanish, with its structured reading. */
const scheduleArb = (es: boolean): fc.Arbitrary<Schedule> => {
  const M = (m: number) => (es ? monthsEs[m - 1]! : monthsEn[m - 1]!);
  const y = fc.integer({ min: 2023, max: 2027 });
  const m = fc.integer({ min: 1, max: 12 });
  const d = fc.integer({ min: 1, max: 28 });
  return fc.oneof(
    fc.tuple(y, m).map(([yy, mm]): Schedule => ({ type: 'month', text: es ? `${M(mm)} de ${yy}` : `${M(mm)} ${yy}`, month: `${yy}-${pad(mm)}` })),
    fc.tuple(y, m, m).map(([yy, a, b]): Schedule => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return {
        type: 'month_range',
        text: es ? `De ${M(lo)} a ${M(hi)} de ${yy}` : `${M(lo)} – ${M(hi)} ${yy}`,
        from: `${yy}-${pad(lo)}`,
        to: `${yy}-${pad(hi)}`,
      };
    }),
    fc
      .tuple(y, m, d)
      .map(
        ([yy, mm, dd]): Schedule => ({ type: 'date', text: es ? `${dd} de ${M(mm)} de ${yy}` : `${M(mm)} ${dd}, ${yy}`, date: `${yy}-${pad(mm)}-${pad(dd)}` }),
      ),
    fc.tuple(y, m, fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 3 })).map(
      ([yy, mm, dd, n]): Schedule => ({
        type: 'date_range',
        text: es ? `${dd} y ${dd + n} de ${M(mm)} de ${yy}` : `${M(mm)} ${dd}-${dd + n}, ${yy}`,
        from: `${yy}-${pad(mm)}-${pad(dd)}`,
        to: `${yy}-${pad(mm)}-${pad(dd + n)}`,
      }),
    ),
    // Days that every month has: a generated plan is a valid one.
    fc.tuple(y, m, fc.integer({ min: 1, max: 27 })).map(
      ([yy, mm, dd]): Schedule => ({
        type: 'tentative',
        text: es ? `Por definir ${M(mm)} de ${yy} (${dd} o ${dd + 1})` : `To be determined ${M(mm)} ${yy} (${dd} or ${dd + 1} TBD)`,
        month: `${yy}-${pad(mm)}`,
        days: [dd, dd + 1],
      }),
    ),
    fc.uniqueArray(m, { minLength: 1, maxLength: 4 }).map((ms): Schedule => {
      const names = ms.map(M);
      const text = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')}${es ? ' y ' : ', and '}${names.at(-1)}`;
      return { type: 'recurring_months', text: es ? text[0]!.toUpperCase() + text.slice(1) : text, months: ms };
    }),
    fc.constant<Schedule>(
      es ? { type: 'monthly', text: 'Una práctica por mes', per_month: 1 } : { type: 'monthly', text: 'One practice per month', per_month: 1 },
    ),
    fc.constant<Schedule>({ type: 'continuous', text: es ? 'Proceso continuo' : 'Continuous process' }),
    fc.constant<Schedule>({ type: 'none', text: '' }),
  );
};

/** Texts and notes as people write them: quotes, line breaks, Spanish, and what a spreadsheet would take for a formula. */
const noteArb = fc.constantFrom(
  'A note, with "quotes"',
  'Línea 1\nLínea 2',
  'Título en español: migración segura',
  "=cmd|' /C calc'!A0",
  '+34 600 000 000',
  '-5 días',
  '@SUM(A1)',
  "'=already quoted",
);

const planArb: fc.Arbitrary<PlanFile> = fc.record({ n: fc.integer({ min: 1, max: 20 }), es: fc.boolean(), seed: fc.integer() }).chain(({ n, es, seed }) =>
  fc
    .record({
      schedules: fc.array(scheduleArb(es), { minLength: n, maxLength: n }),
      kinds: fc.array(fc.constantFrom('meeting' as const, 'deadline' as const), { minLength: n, maxLength: n }),
      notes: fc.array(fc.option(noteArb, { nil: undefined }), { minLength: n, maxLength: n }),
      notesEs: fc.array(fc.option(noteArb, { nil: undefined }), { minLength: n, maxLength: n }),
      spanish: fc.array(
        fc.record({
          title: fc.option(noteArb, { nil: undefined }),
          text: fc.option(noteArb, { nil: undefined }),
          note: fc.option(noteArb, { nil: undefined }),
        }),
        {
          minLength: 7,
          maxLength: 7,
        },
      ),
      titleEs: fc.option(noteArb, { nil: undefined }),
    })
    .map(({ schedules, kinds, notes, notesEs, spanish, titleEs }) => {
      const plan = syntheticPlan(n, `generated-${Math.abs(seed) % 1000}`);
      if (titleEs) plan.title_es = titleEs;
      plan.priorities.forEach((p, pi) => {
        const es = spanish[pi % spanish.length]!;
        if (es.title) p.title_es = es.title;
        if (es.text) p.text_es = es.text;
        if (es.note) p.note_es = es.note;
      });
      let i = 0;
      for (const p of plan.priorities) {
        for (const a of p.activities) {
          a.schedule = schedules[i]!;
          a.kind = kinds[i]!;
          if (notes[i]) a.note = notes[i];
          if (notesEs[i]) a.note_es = notesEs[i];
          if (es) a.text_es = `Texto en español de ${a.id}: organizar, promover, "apoyar"`;
          i++;
        }
      }
      return plan;
    }),
);

/** Through CSV text and back, as a spreadsheet would keep it, each cell neutralised and read back as the bot writes and reads it. */
function throughCsv(t: Tables): Tables {
  const again = (rows: string[][]) =>
    (parse(stringify(rows.map((r) => r.map(csvCellText))), { relax_column_count: true }) as string[][]).map((r) => r.map(csvCellRead));
  return {
    plan: { ...t.plan, rows: again(t.plan.rows) },
    priorities: { ...t.priorities, rows: again(t.priorities.rows) },
    activities: { ...t.activities, rows: again(t.activities.rows) },
  };
}

describe('export then import gives the same plan', () => {
  it('for generated plans, every schedule form, English and Spanish', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const read = readTables(throughCsv(planToTables(plan, undefined, 'generated')), agencies);
        if (!read.ok) throw new Error(JSON.stringify(read.problems));
        expect(read.plan).toEqual(plan);
      }),
      { numRuns: 60 },
    );
  });
});

describe('data/templates', () => {
  const templates = path.join(defaultDataDir, 'templates');

  it('npm run templates writes the tracked workbooks byte for byte, every time', async () => {
    const dir = tempDir();
    cpSync(defaultDataDir, dir, { recursive: true });
    for (let run = 0; run < 2; run++) {
      expect(await runTemplates(() => {}, dir)).toBe(0);
      for (const file of ['plan-template-en.xlsx', 'plan-template-es.xlsx', 'plan-2023-2024.xlsx']) {
        expect(readFileSync(path.join(dir, 'templates', file)).equals(readFileSync(path.join(templates, file))), file).toBe(true);
      }
    }
  });

  it('holds the 2023-2024 plan as a workbook that imports to the plan of the YAML', async () => {
    const yaml = loadedStores();
    const book = await importedStores(path.join(templates, 'plan-2023-2024.xlsx'));
    const { published: _p, source: _s, ...expected } = planFromReader(yaml.plans, 'lac-2023-2024')!;
    expect(planFromReader(book.plans, 'lac-2023-2024')).toEqual(expected);
    book.close();
  });

  it('holds an English and a Spanish template that read to the same schedules, agencies and kinds', async () => {
    const shape = async (file: string) => {
      const stores = await importedStores(path.join(templates, file));
      const out = stores.plans
        .activities('lac-2025-2026')
        .map((a) => ({ id: a.id, lead: a.lead.agencies, support: a.support.network, kind: a.kind, schedule: { ...a.schedule, text: undefined } }));
      stores.close();
      return out;
    };
    const english = await shape('plan-template-en.xlsx');
    expect(english).toHaveLength(9);
    expect(new Set(english.map((a) => a.schedule.type)).size).toBe(9);
    expect(await shape('plan-template-es.xlsx')).toEqual(english);
  });
});
