import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clip, section } from '../../src/views/blocks.js';

describe('clip cuts text at a word boundary, inside the limit', () => {
  it('never breaks a word or a hashtag', () => {
    const text = 'Campaign against #Xenophobia and discrimination towards migrants in the region';
    expect(clip(text, 25)).toBe('Campaign against…');
    expect(clip(text, 30)).toBe('Campaign against #Xenophobia…');
    expect(clip(text, 27)).toBe('Campaign against…');
    expect(clip(text, 200)).toBe(text);
  });

  it('keeps a whole word that ends right at the cut, and drops trailing punctuation', () => {
    expect(clip('one two, three four', 9)).toBe('one two…');
    expect(clip('alpha beta gamma', 11)).toBe('alpha beta…');
  });

  it('never cuts inside a mention, a date token or an escape', () => {
    const mentions = Array.from({ length: 40 }, (_, i) => `<@U${String(i).padStart(9, '0')}>`).join(', ');
    const cut = clip(mentions, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/^(<@U\d{9}>, )*<@U\d{9}>…$/);
    expect(clip(`a ${'x'.repeat(60)}&amp;${'y'.repeat(60)}`, 66)).not.toMatch(/&[a-z]*…$/);
    expect(clip(`${'word '.repeat(5)}<!date^1714564800^{date_long}|1 May 2024>`, 40)).toBe('word word word word word…');
  });

  it('cuts inside a word only when no space comes before the limit, and never half of an emoji', () => {
    expect(clip('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(clip(`${'a'.repeat(8)}😀😀`, 10)).toBe(`${'a'.repeat(8)}…`);
  });

  it('for any long text of words: within the limit, and a prefix of whole words', () => {
    const word = fc.stringMatching(/^[#A-Za-zé]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 400 }), fc.integer({ min: 20, max: 3000 }), (words, max) => {
        const text = words.join(' ');
        const out = clip(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        if (text.length <= max) expect(out).toBe(text);
        else {
          expect(out.endsWith('…')).toBe(true);
          const kept = out.slice(0, -1).split(' ');
          // Every kept word is a whole word of the text, in order.
          expect(kept).toEqual(words.slice(0, kept.length));
        }
      }),
    );
  });

  it("a section of a long text keeps Slack's 3,000-character limit and ends on a whole word", () => {
    const text = Array.from({ length: 800 }, (_, i) => `#Xenophobia${i}`).join(' ');
    const s = section(text).text!.text;
    expect(s.length).toBeLessThanOrEqual(3000);
    expect(s).toMatch(/#Xenophobia\d+…$/);
    expect(text.includes(`${s.slice(0, -1)} `)).toBe(true);
  });
});
