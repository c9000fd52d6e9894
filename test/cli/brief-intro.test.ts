import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { runBrief } from '../../src/cli/brief.js';
import { loadedStores, tempDir } from '../helpers/stores.js';

describe('npm run brief with words saved by the co-chairs (Edit)', () => {
  it('opens the document with them, in the language asked, as written and pinging no one', async () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    const stores = loadedStores(file);
    const q2 = { planId: 'lac-2023-2024', from: '2024-04-01', to: '2024-06-30' };
    stores.briefs.saveIntro(
      q2,
      { en: { paragraph: 'Our quarter <!channel>.', highlights: ['A first *one*'] }, es: { paragraph: 'Nuestro trimestre.', highlights: [] } },
      'U0COCHAIR',
      '2024-07-02T13:00:00.000Z',
    );
    stores.close();
    const out: string[] = [];
    const code = await runBrief(
      ['--from', q2.from, '--to', q2.to, '--lang', 'both'],
      { DATABASE_PATH: file, GCM_NOW: '2024-07-15T10:00:00', GCM_TIMEZONE: 'America/Santiago' },
      (s) => out.push(s),
      () => undefined,
    );
    expect(code).toBe(0);
    const [en, es] = out.join('').split('\n---\n');
    expect(en!.indexOf('Our quarter &lt;!channel&gt;.')).toBeGreaterThan(0);
    expect(en!.indexOf('Our quarter')).toBeLessThan(en!.indexOf('## ', en!.indexOf('Our quarter')));
    expect(en).toContain('A first \\*one\\*');
    expect(en).not.toContain('Nuestro trimestre');
    expect(es).toContain('Nuestro trimestre.');
    expect(es).not.toContain('Our quarter');
  });
});
