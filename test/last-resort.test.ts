import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';

describe('the last resort for errors nobody caught', () => {
  it('logs a rejected promise and goes on, logs a thrown error and exits with code 1', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/processes/last-resort.ts'], {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.stderr).toMatch(/ ERROR \[gcm\] a promise failed with nobody to catch it; the bot goes on: Error: a rejected promise/);
    expect(run.stdout).toContain('still running after the rejection');
    expect(run.stderr).toMatch(/ ERROR \[gcm\] an error nobody caught; the bot stops \(exit code 1\): Error: a thrown error/);
    expect(run.stdout).not.toContain('never reached');
    expect(run.status).toBe(1);
  });
});
