import { isUtf8 } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, defaultPlanFile } from '../../src/config.js';
import { hashText, loadBundle, loadDataFile, parseDataText } from '../../src/plan/load.js';
import { runPlanCheck } from '../../src/cli/plan-check.js';
import { tempDir } from '../helpers/stores.js';

const planText = readFileSync(defaultPlanFile, 'utf8');

function writePlan(text: string): string {
  const file = path.join(tempDir(), 'plan.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loading a plan file', () => {
  it('accepts the bundled plan with the bundled reference data', () => {
    const r = loadBundle(defaultPlanFile, defaultDataDir);
    expect(r.ok).toBe(true);
  });

  it('reports a YAML syntax error with its line', () => {
    const r = parseDataText('id: x\npriorities: [\n  - a\n', 'bad.yaml', 'plan');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]!.path).toBe('(yaml)');
      expect(r.problems[0]!.line).toBeGreaterThan(0);
    }
  });

  it('reports every schema problem with its path and line', () => {
    const broken = planText
      .replace('  end: 2024-12-31', '  end: 31/12/2024')
      .replace(
        'kind: meeting\n        schedule: { text: "May, August, November, and February", type: recurring_months, months: [5, 8, 11, 2] }',
        'kind: meeting\n        schedule: { text: "May", type: recurring_months, months: [5, 13] }',
      )
      .replace('      - id: B2.3', '      - id: B2.3\n        colour: blue');
    const r = loadBundle(writePlan(broken), defaultDataDir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.every((p) => p.line !== undefined)).toBe(true);
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('period.end');
    expect(paths).toContain('priorities[0].activities[1].schedule.months[1]');
    expect(paths).toContain('priorities[1].activities[2]');
    const months = r.problems.find((p) => p.path === 'priorities[0].activities[1].schedule.months[1]')!;
    expect(broken.split('\n')[months.line! - 1]).toContain('months: [5, 13]');
    expect(r.problems.find((p) => p.path === 'priorities[1].activities[2]')!.message).toMatch(/colour/);
  });

  it('cross-checks unknown agencies, objectives beyond 23 and duplicate ids', () => {
    const broken = planText
      .replace(
        'lead: { agencies: [IOM], wording: IOM }\n        support: { network: true, agencies: [], wording: Network }\n        kind: deadline\n        schedule: { text: "April',
        'lead: { agencies: [XYZ], wording: XYZ }\n        support: { network: true, agencies: [], wording: Network }\n        kind: deadline\n        schedule: { text: "April',
      )
      .replace('objectives: [1, 8, 23]', 'objectives: [1, 8, 24]')
      .replace('- id: B2.4', '- id: B2.3');
    const r = loadBundle(writePlan(broken), defaultDataDir);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: 'priorities[0].activities[2].lead.agencies[0]',
          message: expect.stringMatching(/^XYZ: unknown agency; did you mean /),
        }),
        expect.objectContaining({ path: 'priorities[4].objectives[2]', message: expect.stringMatching(/no objective 24/) }),
        expect.objectContaining({ path: 'priorities[1].activities[3].id', message: 'duplicate activity id B2.3' }),
      ]),
    );
  });

  it('reports a duplicate key with its line', () => {
    const r = parseDataText('id: a\ntitle: x\nid: b\n', 'dup.yaml', 'plan');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: '(yaml)', line: 3 });
  });

  it('reads the same plan written as JSON (a subset of YAML), and reports its problems with paths', () => {
    const yamlResult = parseDataText(planText, 'plan.yaml', 'plan');
    if (!yamlResult.ok) throw new Error('the bundled plan must parse');
    const asJson = JSON.stringify(yamlResult.value.data);
    const jsonResult = parseDataText(asJson, 'plan.json', 'plan');
    expect(jsonResult.ok && jsonResult.value.data).toEqual(yamlResult.value.data);
    const bad = parseDataText(asJson.replace('"lac-2023-2024"', '"Not An Id"'), 'plan.json', 'plan');
    expect(!bad.ok && bad.problems.map((p) => p.path)).toEqual(['id']);
  });

  it('reads a plan of another network and period, with no code change', () => {
    const other = `
id: other-2025-2026
title: Work Plan 2025-2026
network: Another regional network
period: { start: 2025-01-01, end: 2026-12-31 }
priorities:
  - id: T1
    kind: thematic
    title: Data
    text: Better data.
    objectives: [1]
    activities:
      - id: T1.1
        text: Run a data workshop for the region's statistics offices.
        lead: { agencies: [IOM, UNFPA], wording: IOM and UNFPA }
        support: { network: true, agencies: [], wording: Network }
        kind: meeting
        schedule: { text: March 2025, type: month, month: 2025-03 }
`;
    const r = loadBundle(writePlan(other), defaultDataDir);
    expect(r.ok).toBe(true);
  });
});

describe("a data file's hash", () => {
  // A file of valid UTF-8 is hashed as read; any other is hashed as its text, as every import before hashed it.
  const hashOf = (bytes: Buffer) => {
    const file = path.join(tempDir(), 'plan.yaml');
    writeFileSync(file, bytes);
    const r = loadDataFile(file, 'plan');
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    return { hash: r.hash, ofText: hashText(readFileSync(file, 'utf8')) };
  };

  it("is its text's hash whatever its bytes: accents, a dash, a byte order mark, bytes that are not UTF-8", () => {
    const dashed = Buffer.from(planText.replace('text: ', 'text: Reuniones – migración '));
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), dashed]);
    // A lone continuation byte and a cut sequence in a text, each read as U+FFFD: hashed as the text holds them.
    const at = dashed.indexOf('text: ') + 'text: '.length;
    const invalid = Buffer.concat([dashed.subarray(0, at), Buffer.from([0x80, 0x41, 0xe2, 0x80, 0x20]), dashed.subarray(at)]);
    expect([dashed, bom, invalid].map((b) => isUtf8(b))).toEqual([true, true, false]);
    for (const bytes of [Buffer.from(planText), dashed, bom, invalid]) {
      const { hash, ofText } = hashOf(bytes);
      expect(hash).toBe(ofText);
    }
  });
});

describe('npm run plan:check', () => {
  it('exits 0 on the bundled files', async () => {
    const lines: string[] = [];
    expect(await runPlanCheck([], (s) => lines.push(s))).toBe(0);
    expect(lines.join('\n')).toMatch(/OK/);
  });

  it('exits 1 and prints each problem with file, line and path', async () => {
    const file = writePlan(planText.replace('objectives: [7, 15, 16, 21, 23]', 'objectives: [7, 15, 16, 21, 24]'));
    const lines: string[] = [];
    expect(await runPlanCheck([file], (s) => lines.push(s))).toBe(1);
    expect(lines.join('\n')).toMatch(/plan\.yaml:\d+ T3 objectives: the GCM has no objective 24/);
  });

  it('checks a reference file given by name', async () => {
    const file = path.join(tempDir(), 'agencies.yaml');
    writeFileSync(file, 'agencies:\n  - id: IOM\n    roles: [boss]\n    name_en: X\n    name_es: null\n    acronym_es: null\n    profile: null\n');
    const lines: string[] = [];
    expect(await runPlanCheck([file], (s) => lines.push(s))).toBe(1);
    expect(lines.join('\n')).toMatch(/agencies\[0\]\.roles\[0\]/);
  });

  it('reports a missing file plainly', async () => {
    const lines: string[] = [];
    expect(await runPlanCheck(['/nonexistent/plan.yaml'], (s) => lines.push(s))).toBe(1);
    expect(lines.join('\n')).toMatch(/file not found/);
  });
});
