import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { runPlanCheck } from '../../src/cli/plan-check.js';
import { formatProblem } from '../../src/plan/import-plan.js';
import { loadBundle, loadReference } from '../../src/plan/load.js';
import { agencyResolver } from '../../src/plan/agency-names.js';
import { editDistance } from '../../src/plan/plain.js';
import { tempDir } from '../helpers/stores.js';

const planText = readFileSync(defaultPlanFile, 'utf8');
const b12 = '        kind: meeting\n        schedule: { text: "May, August, November, and February", type: recurring_months, months: [5, 8, 11, 2] }';

function writePlan(text: string): string {
  const file = path.join(tempDir(), 'plan.yaml');
  writeFileSync(file, text);
  return file;
}

/** Replaces `from` once, failing loudly when the bundled plan no longer holds it. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the plan no longer holds ${from}`);
  return text.replace(from, to);
}

async function check(text: string): Promise<{ code: number; lines: string[] }> {
  const file = writePlan(text);
  const out: string[] = [];
  const code = await runPlanCheck([file], (s) => out.push(s));
  return { code, lines: out.slice(1).map((l) => l.trim().replace(`${file}:`, 'plan.yaml:')) };
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('plan:check speaks plainly', () => {
  it('lists three different mistakes of one file, each by activity id and field, with its line', async () => {
    const broken = edit(
      edit(
        edit(planText, b12, b12.replace('kind: meeting', 'knd: meeting').replace('months: [5, 8, 11, 2]', 'months: [5, 8, 13, 2]')),
        'date: 2023-04-25',
        'date: 2023-02-30',
      ),
      'lead: { agencies: [IOM, MPI, UNICEF, UNHCR, WFP]',
      'lead: { agencies: [IOM, MPI, UNICF, UNHCR, WFP]',
    );
    const r = await check(broken);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `plan.yaml:${lineOf(broken, 'knd: meeting')} B1.2 kind: "knd" is not a field; did you mean "kind"?`,
      `plan.yaml:${lineOf(broken, 'months: [5, 8, 13, 2]')} B1.2 schedule.months: 13 is not a month (1-12)`,
      `plan.yaml:${lineOf(broken, 'date: 2023-02-30')} T2.1 schedule.date: 2023-02-30 is not a date`,
      `plan.yaml:${lineOf(broken, 'UNICF')} T3.1 lead.agencies: UNICF: unknown agency; did you mean UNICEF?`,
    ]);
  });

  it('runs the cross-checks on the activities that parsed, even when another one did not', async () => {
    const broken = edit(
      edit(planText, b12, b12.replace('months: [5, 8, 11, 2]', 'months: [5, 8, 13, 2]')),
      'objectives: [7, 15, 16, 21, 23]',
      'objectives: [7, 15, 16, 21, 24]',
    ).replace('- id: B2.4', '- id: B2.3');
    const r = await check(broken);
    expect(r.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ B1\.2 schedule\.months: 13 is not a month \(1-12\)$/),
        expect.stringMatching(/ B2\.3 id: duplicate activity id B2\.3$/),
        expect.stringMatching(/ T3 objectives: the GCM has no objective 24 \(objectives are 1 to 23\)$/),
      ]),
    );
    expect(r.lines).toHaveLength(3);
  });

  it('names each kind of mistake in plain words', async () => {
    const cases: [string, string, RegExp][] = [
      ['  end: 2024-12-31', '  end: 31/12/2024', /:\d+ period\.end: "31\/12\/2024" is not a date \(YYYY-MM-DD\)$/],
      ['  end: 2024-12-31', '  end: 2024-13-01', /:\d+ period\.end: 2024-13-01 is not a date$/],
      [
        'type: recurring_months, months: [5, 8, 11, 2]',
        'type: recurring_month, months: [5, 8, 11, 2]',
        / B1\.2 schedule\.type: "recurring_month" is not a schedule type; did you mean "recurring_months"\?$/,
      ],
      [b12, b12.replace('kind: meeting', 'kind: meetng'), / B1\.2 kind: "meetng" is not a kind; did you mean "meeting"\?$/],
      [b12, b12.replace('        kind: meeting\n', ''), / B1\.2 kind: missing; one of meeting or deadline$/],
      ['      - id: B1.3', '      - id: b1.3', / b1\.3 id: "b1\.3" is not valid: expected an activity id such as B1\.3 or T2\.4$/],
      ['      - id: B2.3', '      - id: B2.3\n        colour: blue', / B2\.3: "colour" is not a field \(fields: id, text, /],
      [
        'lead: { agencies: [IOM, ECLAC], wording: IOM and ECLAC }',
        'lead: { agencies: [IOM, OIM], wording: IOM and ECLAC }',
        / B1\.1 lead\.agencies: OIM is IOM, already listed as IOM$/,
      ],
    ];
    for (const [from, to, expected] of cases) {
      const r = await check(edit(planText, from, to));
      expect(r.code, to).toBe(1);
      expect(r.lines, to).toEqual([expect.stringMatching(expected)]);
    }
  });

  it('names a misspelt key that a schedule chooses its form by (typ for type), with the one it meant', async () => {
    const broken = edit(planText, b12, b12.replace('type: recurring_months', 'typ: recurring_months'));
    const r = await check(broken);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([`plan.yaml:${lineOf(broken, 'typ: recurring_months')} B1.2 schedule.type: "typ" is not a field; did you mean "type"?`]);
  });

  it('reports a YAML slip (an unclosed quote) once, at its line, and checks no further', async () => {
    const broken = edit(planText, 'text: "May, August, November, and February"', 'text: "May, August, November, and February');
    const r = await check(broken);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([`plan.yaml:${lineOf(broken, 'text: "May, August, November, and February,')} (yaml): Missing closing "quote`]);
  });

  it("names the plan's own fields, and a misspelt one once (not also as missing)", async () => {
    const r = await check(edit(planText, 'title: ', 'titel: '));
    expect(r.lines).toEqual([expect.stringMatching(/:\d+ title: "titel" is not a field; did you mean "title"\?$/)]);
  });

  it('checks months of a month field against the calendar', async () => {
    const text = planText.replace(/type: month, month: (\d{4})-\d\d/, 'type: month, month: $1-13');
    expect(text).not.toBe(planText);
    const r = await check(text);
    expect(r.lines).toEqual([expect.stringMatching(/ schedule\.month: \d{4}-13 is not a month$/)]);
  });

  it('keeps the machine path of each problem for tools, and formats the plain one', async () => {
    const text = edit(planText, b12, b12.replace('months: [5, 8, 11, 2]', 'months: [5, 8, 13, 2]'));
    const r = loadBundle(writePlan(text), defaultDataDir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      expect.objectContaining({ path: 'priorities[0].activities[1].schedule.months[2]', where: 'B1.2 schedule.months', message: '13 is not a month (1-12)' }),
    ]);
    expect(formatProblem(r.problems[0]!)).toMatch(
      new RegExp(`plan\\.yaml:${lineOf(text, 'months: [5, 8, 13, 2]')} B1\\.2 schedule\\.months: 13 is not a month \\(1-12\\)$`),
    );
  });
});

describe('agencies in a plan file are named as in questions', () => {
  const reference = loadReference(defaultDataDir);
  if (!reference.ok) throw new Error('the reference files must load');
  const resolve = agencyResolver(reference.value.agencies);

  it('resolves Spanish acronyms, names and aliases, ignoring case and accents', async () => {
    const ids = (names: string[]) => names.map((n) => resolve(n)).map((r) => (r.ok ? r.id : r.message));
    expect(ids(['OIM', 'CEPAL', 'ACNUR', 'UN-Habitat', 'un habitat', 'unicef', 'OIT', 'Organizacion Internacional para las Migraciones', 'CICR'])).toEqual([
      'IOM',
      'ECLAC',
      'UNHCR',
      'UN-Habitat',
      'UN-Habitat',
      'UNICEF',
      'ILO',
      'IOM',
      'ICRC',
    ]);
  });

  it('matches whole words only, and refuses an unknown name with the nearest known ones', async () => {
    expect(resolve('UNICF')).toEqual({ ok: false, message: 'UNICF: unknown agency; did you mean UNICEF?' });
    expect(resolve('ACNR')).toEqual({ ok: false, message: 'ACNR: unknown agency; did you mean ACNUR (UNHCR)?' });
    const mpi = resolve('MPI');
    expect(mpi.ok && mpi.id).toBe('MPI');
  });

  it('stores the canonical ids: a plan naming OIM, ACNUR and "UN-Habitat" imports as IOM, UNHCR, UN-Habitat', async () => {
    const file = writePlan(
      edit(planText, 'lead: { agencies: [IOM, MPI, UNICEF, UNHCR, WFP]', 'lead: { agencies: [OIM, MPI, unicef, ACNUR, PMA, "UN-Habitat"]'),
    );
    const r = loadBundle(file, defaultDataDir);
    if (!r.ok) throw new Error(r.problems.map((p) => formatProblem(p)).join('\n'));
    const t31 = r.value.plan.priorities.flatMap((p) => p.activities).find((a) => a.id === 'T3.1')!;
    expect(t31.lead.agencies).toEqual(['IOM', 'MPI', 'UNICEF', 'UNHCR', 'WFP', 'UN-Habitat']);
  });

  it('resolves the co-leads too', async () => {
    const file = writePlan(edit(planText, 'co_leads: [IOM, ECLAC]', 'co_leads: [OIM, CEPAL]'));
    const r = loadBundle(file, defaultDataDir);
    expect(r.ok && r.value.plan.co_leads).toEqual(['IOM', 'ECLAC']);
  });

  it('edit distance counts insertions, deletions and substitutions', async () => {
    expect(editDistance('knd', 'kind')).toBe(1);
    expect(editDistance('UNICF', 'unicef')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('titel', 'title')).toBe(1);
  });
});
