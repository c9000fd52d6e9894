import { spawnSync } from 'node:child_process';

/**
 * Vitest's global set-up: `npm run build` once, before any test file runs, so that the tests which start the
 * compiled bot or the CLI (`npm run report`, `node dist/main.js`) find dist/ up to date and never build it
 * at the same time as one another (their own `npm run build` then finds nothing to do).
 */
export default function setup(): void {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}${r.stderr}`);
}
