import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { briefDocx } from '../../src/documents/brief-docx.js';
import { chartSize } from '../../src/documents/chart-image.js';
import { briefNarrative } from '../../src/views/brief-narrative.js';
import { everyStatus, q2Brief } from '../brief/fixture.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

// The Word file opens in LibreOffice (Debian's libreoffice-writer-nogui) and its PDF's pages hold the charts
// (poppler-utils' pdfimages). .ci/run installs both; without them the test says so, and fails in CI.
const onPath = (tool: string) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, tool)));
const missing = ['soffice', 'pdfimages', 'pdftotext'].filter((t) => !onPath(t));
const install = 'as root: apt-get update && apt-get install -y libreoffice-writer-nogui poppler-utils';
if (missing.length && !process.env.CI) console.warn(`LibreOffice check skipped: ${missing.join(', ')} missing (${install})`);

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000 });
  expect(r.status, `${cmd} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
};

describe('the Word file in LibreOffice', () => {
  // Skipped without the tools on a developer's machine (with the warning above); in CI it runs, and fails saying what to install.
  it.skipIf(missing.length > 0 && !process.env.CI)(
    'converts to a PDF whose pages hold the two charts in each language and the narrative',
    async () => {
      expect(missing, `LibreOffice or poppler is missing: ${install}`).toEqual([]);
      const stores = loadedStores();
      everyStatus(stores);
      const briefs = [q2Brief(stores, 'en'), q2Brief(stores, 'es')];
      const dir = tempDir();
      const docx = path.join(dir, 'update.docx');
      writeFileSync(docx, await briefDocx(briefs));
      // A profile of its own: a LibreOffice already running for the same user does not take the conversion over.
      const profile = pathToFileURL(path.join(dir, 'lo-profile')).href;
      run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx]);
      const pdf = path.join(dir, 'update.pdf');
      expect(existsSync(pdf)).toBe(true);

      // pdfimages -list: page, num, type, width, height, …; the charts are the 720×400 images (their alpha masks are "smask").
      const images = run('pdfimages', ['-list', pdf])
        .split('\n')
        .slice(2)
        .map((l) => l.trim().split(/\s+/))
        .filter((c) => c[2] === 'image');
      const charts = images.filter((c) => Number(c[3]) === chartSize.width && Number(c[4]) === chartSize.height);
      expect(charts).toHaveLength(4);
      const pages = charts.map((c) => Number(c[0]));
      expect(pages.every((p) => p >= 1)).toBe(true);

      const text = run('pdftotext', ['-layout', pdf, '-']);
      for (const b of briefs) expect(text).toContain(briefNarrative(b, b.lang).sections.find((s) => s.key === 'overview')!.heading);
    },
    240_000,
  );
});
