// `npm run build` (docs/decisions/compiled-build.md): compiles src/ and the playground with its stand-in of Slack (dev/) with tsc to dist/
// (tsconfig.build.json), for the CLI scripts and the playground; then bundles the bot itself with esbuild into
// dist/bot/ (main.js and start-import-job.js, the child process of the first start, and search-rows-job.js, the
// worker thread of a large plan's import, with their shared chunks:
// the bot's modules, zod and luxon, minified, with source maps), and writes dist/main.js, the compiled bot's
// entry, which imports dist/bot/main.js. tsc keeps the source tree's layout (dist/src/, dist/dev/) so that
// main.ts's import of the playground (../dev/playground/, left out of the bundle) resolves alike from the
// sources and from dist/bot/.
//
// Like make, it compiles only when an input (a .ts file of src/ or dev/, a tsconfig, the lock file) is newer
// than the last build: `npm start` and the CLI scripts build first, and then that costs a few milliseconds.
// Where only the build was installed (the container image: dist/ without src/), there is nothing to compile.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.built');
const entry = path.join(dist, 'main.js');
const entryText = "// Written by `npm run build` (scripts/build.mjs): the compiled bot.\nimport './bot/main.js';\n";

/**
 * The bot bundled (issue 26.1): V8 keeps the source text of every module the process loaded for as long as it
 * runs, so the bot's own modules, zod and luxon are one minified, ASCII-only text (esbuild escapes the rest),
 * and zod's 64 locales, which its index re-exports and the bot never uses, are left out (the bot imports
 * `* as z`, so esbuild can drop what it does not use). Every other package stays external, loaded from
 * node_modules as before (Bolt and its dependencies load their CommonJS as they do unbundled; better-sqlite3
 * is a native addon). Each `import()` of the sources stays a lazy chunk (`splitting`). The source maps
 * (`dist/bot/*.js.map`) lead a stack trace back to src/: `node --enable-source-maps dist/main.js`. esbuild
 * escapes every character beyond ASCII except in regular expression literals: there the sources write one
 * beyond Latin-1 as `\uXXXX`, else V8 keeps that whole file's source at two bytes a character
 * (test/build.test.ts checks what the bot loads at start).
 */
async function bundleBot() {
  const { build } = await import('esbuild');
  const bundled = /^(zod|luxon)(\/|$)/;
  // Every package but those two is imported from node_modules at run time, as without a bundle: one copy of
  // each, shared with Bolt (the bot's own import of @slack/web-api is Bolt's).
  const packagesOutside = {
    name: 'packages-outside',
    setup(b) {
      // Bolt's and undici's values from the modules that define them, not through their indexes, which load
      // every receiver Bolt has (the Express one with Express) and all of undici: src/slack/bolt-parts.ts and
      // src/slack/undici-parts.ts say which and why.
      b.onResolve({ filter: /^@slack\/bolt$/ }, () => ({ path: path.join(root, 'src', 'slack', 'bolt-parts.ts') }));
      b.onResolve({ filter: /^undici$/ }, () => ({ path: path.join(root, 'src', 'slack', 'undici-parts.ts') }));
      b.onResolve({ filter: /^[^./]/ }, (args) => (bundled.test(args.path) ? undefined : { path: args.path, external: true }));
    },
  };
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/main.ts', 'start-import-job': 'src/start-import-job.ts', 'search-rows-job': 'src/db/search-rows-job.ts' },
    outdir: path.join(dist, 'bot'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    external: ['../dev/*'],
    plugins: [packagesOutside],
    logLevel: 'warning',
  });
}

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
  rmSync(path.join(dist, 'bot'), { recursive: true, force: true });
  await bundleBot();
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
