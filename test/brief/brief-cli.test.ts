import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBrief } from '../../src/cli/brief.js';
import { loadedStores, tempDir } from '../helpers/stores.js';
import { everyStatus, now } from './fixture.js';

/** `npm run brief -- args` in this process, on a database holding the fixture, at the tests' clock. */
async function brief(args: string[], dbFile?: string) {
  const file = dbFile ?? path.join(tempDir(), 'gcm.sqlite');
  if (!dbFile) everyStatus(loadedStores(file));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runBrief(
    args,
    { DATABASE_PATH: file, GCM_NOW: now, GCM_TIMEZONE: 'America/Santiago' },
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join(''), err: err.join('\n') };
}

describe('npm run brief', () => {
  it('writes the Markdown update to --out, with the report’s numbers, in English', async () => {
    const file = path.join(tempDir(), 'update.md');
    const r = await brief(['--from', '2024-04-01', '--to', '2024-06-30', '--format', 'md', '--lang', 'en', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe(`Wrote ${file} (Markdown).`);
    const md = readFileSync(file, 'utf8');
    expect(md.startsWith('# Periodic update, 1 April 2024 to 30 June 2024\n')).toBe(true);
    expect(md).toContain('At the end of the period, 1 of the plan’s 26 activities was done, and 2 of its 62 occurrences.');
    expect(md).toContain('[https://example.org/report](https://example.org/report)');
    expect(md).not.toMatch(/<!channel>|<@U123>/);
  });

  it('--lang both writes English then Spanish in one file; without --out and dates, the last full quarter on stdout', async () => {
    const r = await brief(['--lang', 'both', 'plan:lac-2023-2024']);
    expect(r.code).toBe(0);
    const en = r.out.indexOf('# Periodic update, 1 April 2024 to 30 June 2024');
    const es = r.out.indexOf('# Actualización periódica, del 1 de abril de 2024 al 30 de junio de 2024');
    expect(en).toBe(0);
    expect(es).toBeGreaterThan(en);
    expect(r.out).toContain('\n---\n');
  });

  it('bad input gets a clear line and the usage, exit 2; a file it cannot write, exit 1', async () => {
    for (const [args, said] of [
      [['--format', 'pdf'], '--format must be one of md|docx|xlsx, not "pdf".'],
      [['--lang', 'fr'], '--lang must be en, es or both, not "fr".'],
      [['--from', '2024-04-01'], 'Give both --from and --to, or neither'],
      [['--from', '2024-06-30', '--to', '2024-04-01'], 'The period starts after it ends'],
      [['--from', '2024-02-30', '--to', '2024-04-01'], '"2024-02-30" is not a date'],
      [['--from', '2030-01-01', '--to', '2030-03-31'], 'No loaded plan covers 2030-01-01 to 2030-03-31.'],
      [['--bogus'], "Unknown option '--bogus'"],
    ] as const) {
      const r = await brief([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(said);
      expect(r.err).toContain('usage: npm run brief');
      expect(r.out).toBe('');
    }
    const r = await brief(['--out', path.join(tempDir(), 'no', 'such', 'dir', 'x.md')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Cannot write .*x\.md: ENOENT/);
  });
});
