import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.js';
import { runReport } from '../../src/cli/report.js';
import { tempDir } from '../helpers/stores.js';

/**
 * The compiled terminal tool `script` (dist/, built by the tests' global set-up) with its stdout piped into a
 * reader that closes the pipe before reading anything (`… | head -c 0`): its exit code and stderr.
 */
function pipedIntoEarlyClose(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist/src/cli', script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'), GCM_NOW: '2024-07-02T10:00:00' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  // Closing our end before the tool writes makes its first write fail with EPIPE, whatever the output's size.
  child.stdout.destroy();
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('a terminal tool piped into a reader that stops early', () => {
  it.each([
    ['calendar.js', []],
    ['report.js', ['--from', '2024-04-01', '--to', '2024-06-30']],
  ] as const)('%s ends quietly with exit 0, no stack trace', async (script, args) => {
    const r = await pipedIntoEarlyClose(script, [...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('npm run report with no period, outside every plan', () => {
  it('says which periods the loaded plans cover and how to ask for one', () => {
    const err: string[] = [];
    const code = runReport(
      [],
      { DATABASE_PATH: path.join(tempDir(), 'gcm.sqlite'), GCM_NOW: '2026-12-06T10:00:00' },
      () => undefined,
      (s) => err.push(s),
    );
    expect(code).toBe(2);
    const said = err.join('\n');
    expect(said).toContain('lac-2023-2024');
    expect(said).toContain('1 June 2023 to 31 December 2024');
    expect(said).toMatch(/--from .*--to /);
    expect(said).toContain('GCM_NOW');
  });
});
