// Loaded into the bot and the bare app by the start-up section (bench/run.ts, `node --expose-gc --import
// ./bench/settle.mjs …`): on SIGUSR2 the process collects its garbage twice, half a second apart (V8 then
// shrinks the young generation the start-up grew, and hands freed pages back), and writes its resident memory
// to stderr as `settled-rss KB`. Nothing else: the process runs as it would without it.
import { readFileSync } from 'node:fs';

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  setTimeout(() => {
    globalThis.gc?.();
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 'NaN';
    process.stderr.write(`settled-rss ${kb}\n`);
  }, 500);
});
