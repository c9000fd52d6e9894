import { describe, expect, it } from 'vitest';
import { BriefStore } from '../../src/db/brief-store.js';
import { readIntro } from '../../src/domain/brief-draft.js';
import { openStores } from '../../src/stores.js';
import { tempDir } from '../helpers/stores.js';
import path from 'node:path';

const q1 = { planId: 'lac-2023-2024', from: '2024-01-01', to: '2024-03-31' };

describe('the drafts of the update (migration 13)', () => {
  it('an untouched draft is empty; saved words are kept per language with who and when, on disk across a reopen', () => {
    const file = path.join(tempDir(), 'gcm.sqlite');
    const stores = openStores(file);
    expect(stores.briefs.draft(q1)).toEqual({ ...q1, intro: {}, editedBy: null, editedAt: null, publishedBy: null, publishedAt: null });
    stores.briefs.saveIntro(q1, { es: { paragraph: 'Un trimestre <!channel>.', highlights: ['Uno', 'Dos'] } }, 'U0COCHAIR', '2024-04-02T13:00:00.000Z');
    stores.close();
    const reopened = openStores(file);
    const again = new BriefStore(reopened.db);
    expect(again.draft(q1)).toMatchObject({
      intro: { es: { paragraph: 'Un trimestre <!channel>.', highlights: ['Uno', 'Dos'] } },
      editedBy: 'U0COCHAIR',
      editedAt: '2024-04-02T13:00:00.000Z',
      publishedBy: null,
    });
    // Another period of the same plan is another draft.
    expect(again.draft({ ...q1, from: '2024-04-01', to: '2024-06-30' }).intro).toEqual({});
    reopened.close();
  });

  it('published once: the first publisher is kept, a second publish is told who and when, and the list holds it once', () => {
    const stores = openStores(':memory:');
    const first = stores.briefs.publish(q1, 'U0COCHAIR', '2024-04-02T13:00:00.000Z');
    const second = stores.briefs.publish(q1, 'U0OTHER', '2024-04-02T13:05:00.000Z');
    expect(first).toMatchObject({ ok: true, draft: { publishedBy: 'U0COCHAIR', publishedAt: '2024-04-02T13:00:00.000Z' } });
    expect(second).toMatchObject({ ok: false, draft: { publishedBy: 'U0COCHAIR', publishedAt: '2024-04-02T13:00:00.000Z' } });
    expect(stores.briefs.published().map((d) => d.publishedBy)).toEqual(['U0COCHAIR']);
    stores.close();
  });
});

describe('the Edit modal’s fields', () => {
  it('reads each language apart, trims, drops blank lines, leaves out an empty language', () => {
    expect(readIntro({ paragraph_en: '  Our words  ', highlights_en: 'one\n\n  two \n', paragraph_es: ' ', highlights_es: '' })).toEqual({
      ok: true,
      intro: { en: { paragraph: 'Our words', highlights: ['one', 'two'] } },
    });
  });

  it('names every field over its limit', () => {
    const r = readIntro({
      paragraph_en: 'x'.repeat(2001),
      highlights_es: Array.from({ length: 9 }, (_, i) => `h${i}`).join('\n'),
      highlights_en: `ok\n${'y'.repeat(301)}`,
    });
    expect(r).toEqual({
      ok: false,
      errors: {
        paragraph_en: { code: 'paragraph_too_long', max: 2000 },
        highlights_en: { code: 'highlight_too_long', line: 2, max: 300 },
        highlights_es: { code: 'too_many_highlights', max: 8 },
      },
    });
  });
});
