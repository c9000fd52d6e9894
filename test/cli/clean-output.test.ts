import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { runAsk } from '../../src/cli/ask.js';
import { commands } from '../../src/commands/table.js';
import { tempDir } from '../helpers/stores.js';

/** RFC 4180: fields separated by commas, quoted when they hold a comma, a quote or a line break. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** `npm run --silent <script> -- args` as a real process, as the README tells users to run it. */
function npmRun(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'), GCM_NOW: '2024-07-02T10:00:00', ...env },
    encoding: 'utf8',
  });
}

describe('output meant for files is clean', () => {
  it('npm run --silent report … --format csv writes only the CSV on stdout', () => {
    const r = npmRun('report', ['--from', '2024-04-01', '--to', '2024-06-30', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/^>|gcm-workplan-bot@|npm (warn|notice)/m);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(expect.arrayContaining(['section', 'priority', 'occurrence', 'activity', 'due']));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
    expect(rows.filter((row) => row[0] === 'priority').map((row) => row[1])).toEqual(['B1', 'B2', 'B3', 'B4', 'T1', 'T2', 'T3']);
  });

  it('the report writes its messages on stderr, and nothing on stdout, when it cannot answer', () => {
    const r = npmRun('report', ['--from', '2024-06-30', '--to', '2024-04-01', '--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/usage: npm run report/);
  });

  it('plan:check prints its findings on stderr: nothing on stdout, problems or not', () => {
    const bad = path.join(tempDir(), 'plan.yaml');
    writeFileSync(
      bad,
      [
        'id: other-2025',
        'title: T',
        'network: N',
        'period: { start: 2025-01-01, end: 2025-12-31 }',
        'priorities:',
        '  - id: B1',
        '    kind: basic',
        '    title: T',
        '    text: T',
        '    activities:',
        '      - id: B1.1',
        '        text: A',
        '        lead: { agencies: [UNICF], wording: UNICEF }',
        '        support: { network: true, agencies: [], wording: Network }',
        '        kind: deadline',
        '        schedule: { text: Feb, type: date, date: 2025-02-30 }',
        '',
      ].join('\n'),
    );
    const r = npmRun('plan:check', [bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}:13 B1.1 lead.agencies: UNICF: unknown agency; did you mean UNICEF?`);
    expect(r.stderr).toContain(`${bad}:16 B1.1 schedule.date: 2025-02-30 is not a date`);
    const ok = npmRun('plan:check', []);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe('');
    expect(ok.stderr).toMatch(/^OK: /m);
  });

  it('plan:import reports on stderr too', () => {
    const r = npmRun('plan:import', []);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Imported plan lac-2023-2024: 7 priorities/m);
  });
});

describe('help lists every command', () => {
  it('help and ayuda name every command of the table, in their language', () => {
    for (const [word, lang] of [
      ['help', 'en'],
      ['ayuda', 'es'],
    ] as const) {
      const out: string[] = [];
      const code = runAsk(
        [word],
        { DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite') },
        (s) => out.push(s),
        () => {},
      );
      expect(code).toBe(0);
      const text = out.join('\n');
      for (const c of commands) expect(text, `${word}: ${c.name}`).toMatch(new RegExp(`(^|[\\s\`])${c.keywords[lang][0]}[\\s\`]`, 'm'));
    }
  });
});
