import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { runCalendar } from '../../src/cli/calendar.js';
import { openStores } from '../../src/stores.js';
import { planOccurrences } from '../../src/domain/occurrences.js';
import { tempDir } from '../helpers/stores.js';
import { eventOf, parseIcs } from '../calendar/ics.js';

/** `npm run calendar` in-process: exit code, stdout and stderr. */
function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const dbFile = path.join(tempDir(), 'gcm.sqlite');
  const code = runCalendar(
    args,
    { DATABASE_PATH: dbFile, GCM_NOW: '2024-04-24T10:00:00', ...env },
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, stdout: out.join(''), stderr: err.join('\n'), dbFile };
}

describe('npm run calendar', () => {
  it('writes the whole plan as .ics on stdout (one event per dated occurrence), nothing on stderr', () => {
    const r = run([]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const stores = openStores(r.dbFile);
    try {
      const dated = planOccurrences(stores, stores.plans.plan('lac-2023-2024')!).filter((o) => o.due !== null);
      expect(parseIcs(r.stdout).events.length).toBe(dated.length);
    } finally {
      stores.close();
    }
  });

  it('--agency OIM --lang es --priority B1 filters and speaks Spanish', () => {
    const r = run(['--agency', 'OIM', '--lang', 'es', '--priority', 'B1']);
    expect(r.code, r.stderr).toBe(0);
    const { name, events } = parseIcs(r.stdout);
    expect(name).toBe('GCM Plan de Trabajo 2023-2024 · OIM (IOM) · B1');
    expect(events.every((e) => e.summary.startsWith('B1.'))).toBe(true);
    expect(eventOf(events, 'B1.2@2024-05').summary).toContain('(mayo de 2024)');
  });

  it.each([
    [['--agncy', 'IOM'], "Unknown option '--agncy'"],
    [['--lang', 'fr'], 'The language must be en or es, not "fr".'],
    [['--agency', 'NOPE'], 'NOPE'],
    [['--priority', 'B9'], 'B9'],
    [['--plan', 'nope'], 'nope'],
    [['IOM'], 'positional'],
  ])('bad arguments %j: a plain message and the usage on stderr, exit 2, nothing on stdout', (args, words) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(words);
    expect(r.stderr).toContain('usage: npm run --silent calendar --');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('npm run --silent calendar > plan.ics: stdout is the file alone, as a real process', () => {
    const r = spawnSync('npm', ['run', '--silent', 'calendar', '--', '--agency', 'UNICEF'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'), GCM_NOW: '2024-04-24T10:00:00' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(parseIcs(r.stdout).events.length).toBeGreaterThan(0);
  });
});
