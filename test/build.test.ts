import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';

const botDir = path.join(projectRoot, 'dist', 'bot');

/** The files of the bundle the running bot loads at start: main.js and the chunks it imports statically, transitively. */
function loadedAtStart(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(path.join(botDir, file), 'utf8');
    // esbuild's static imports: `import{…}from"./chunk-X.js"` or `import"./chunk-X.js"`; a lazy `import("./x.js")` is not one.
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) visit(m[1]!);
  };
  visit('main.js');
  return [...seen];
}

// The compiled build (dist/, made by the tests' global set-up: scripts/build.mjs).
describe('the bundled bot', () => {
  it('is loaded from several files at start, the lazy chunks left out', () => {
    const files = loadedAtStart();
    expect(files).toContain('main.js');
    expect(files.length).toBeGreaterThan(1);
    // The periodic update's documents and the spreadsheet reader stay lazy chunks.
    expect(files.some((f) => f.startsWith('load-tables-') || f.startsWith('brief-files-'))).toBe(false);
  });

  it('holds no character beyond Latin-1 in what it loads at start, so that V8 keeps each source at one byte a character', () => {
    // V8 keeps the source of every script for the life of the process; one character above U+00FF makes it
    // keep the whole file as a two-byte string (twice the memory). esbuild escapes such characters in strings
    // and templates, but not in regular expression literals: write them there as \uXXXX escapes.
    const beyond = loadedAtStart().flatMap((file) => {
      const text = readFileSync(path.join(botDir, file), 'utf8');
      return [...text.matchAll(/[\u0100-\uffff]/g)].map((m) => `${file}: ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 10))}`);
    });
    expect(beyond).toEqual([]);
  });
});
