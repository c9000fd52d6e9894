import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { runAsk } from '../../src/cli/ask.js';
import { runPlanImport } from '../../src/cli/plan-import.js';
import { tempDir } from '../helpers/stores.js';

function run(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAsk(
    args,
    { DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'), GCM_NOW: '2024-04-24T10:00:00', ...env },
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('npm run ask', () => {
  it('with a spreadsheet as GCM_PLAN, answers from what is loaded, and says to load it when nothing is', async () => {
    const db = path.join(tempDir(), 'gcm.sqlite');
    const folder = path.join(projectRoot, 'test/fixtures/plans/lac-2025-2026-es');
    const env = { DATABASE_PATH: db, GCM_NOW: '2025-07-15T10:00:00', GCM_PLAN: folder };
    const before = run(['proximo'], env);
    expect(before.code).toBe(2);
    expect(before.err).toContain(`GCM_PLAN is a spreadsheet and no plan is loaded yet: load it with npm run plan:import -- ${folder}`);
    expect(await runPlanImport([folder], env, () => undefined)).toBe(0);
    const after = run(['proximo'], env);
    expect(after.code).toBe(0);
    expect(after.out).toContain('31 de julio de 2025');
  });

  it('creates and loads the database on first use and answers with exit 0', () => {
    const r = run(['objective', '23']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Thematic priority T3');
  });

  it('exits 2 with a helpful message for what it cannot answer', () => {
    for (const args of [['objective', '24'], ['activity', 'B9.9'], ['nonsense']]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
      expect(r.err.length).toBeGreaterThan(10);
    }
  });

  it('exits 0 for an empty search', () => {
    expect(run(['search', 'qqqzzz']).code).toBe(0);
  });

  it('reports bad configuration without a stack trace', () => {
    const r = run(['help'], { GCM_TIMEZONE: 'Mars/Olympus', GCM_LANGUAGE: 'fr' });
    expect(r.code).toBe(2);
    expect(r.err).toContain('GCM_TIMEZONE');
    expect(r.err).toContain('GCM_LANGUAGE');
  });

  it('runs as a real process through npm run, in Spanish for a Spanish keyword', () => {
    const db = path.join(tempDir(), 'gcm.sqlite');
    const out = execFileSync('npx', ['tsx', 'src/cli/ask.ts', 'objetivo', '23'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_PATH: db, GCM_NOW: '2024-04-24T10:00:00' },
      encoding: 'utf8',
    });
    expect(out).toContain('Fortalecer la cooperación internacional');
    const bad = spawnSync('npx', ['tsx', 'src/cli/ask.ts', 'objetivo', '0'], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_PATH: db },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('numerados del 1 al 23');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
