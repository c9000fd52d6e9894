// `npm run build` (docs/decisions/compiled-build.md): compiles src/ and the playground with its stand-in of Slack (dev/) with tsc to dist/
// (tsconfig.build.json), then writes dist/main.js, the compiled bot's entry. tsc keeps the source tree's layout
// (dist/src/, dist/dev/) so that main.ts's import of the playground (../dev/playground/) resolves alike from the
// sources and from the build; dist/main.js is the one step above it.
//
// Like make, it compiles only when an input (a .ts file of src/ or dev/, a tsconfig, the lock file) is newer
// than the last build: `npm start` and the CLI scripts build first, and then that costs a few milliseconds.
// Where only the build was installed (the container image: dist/ without src/), there is nothing to compile.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.built');
const entry = path.join(dist, 'main.js');
const entryText = "// Written by `npm run build` (scripts/build.mjs): the compiled bot.\nimport './src/main.js';\n";

/** The newest modification time of the .ts files under `dir`, in milliseconds. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

if (!existsSync(path.join(root, 'src'))) process.exit(0);

const inputs = Math.max(
  newest(path.join(root, 'src')),
  newest(path.join(root, 'dev')),
  ...['tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/build.mjs', 'data/thesaurus.json'].map((f) => statSync(path.join(root, f)).mtimeMs),
);
const upToDate = existsSync(stamp) && existsSync(entry) && statSync(stamp).mtimeMs > inputs;

if (!upToDate) {
  if (!existsSync(path.join(root, 'node_modules', 'typescript'))) {
    console.error('dist/ is older than the sources and TypeScript is not installed (npm ci --omit=dev): run npm ci, then npm run build.');
    process.exit(1);
  }
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], {
    // tsc's messages on stderr: stdout stays the CLI's answer alone (npm run --silent report … > file.csv).
    stdio: ['ignore', 2, 2],
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  let current = '';
  try {
    current = readFileSync(entry, 'utf8');
  } catch {
    // not built yet
  }
  // Unchanged: not rewritten, so that a running bot never reads a file being written.
  if (current !== entryText) writeFileSync(entry, entryText);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
