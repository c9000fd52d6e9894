import { describe, expect, it } from 'vitest';
import { askQuestion } from '../../src/commands/ask.js';
import { commands, fallback, interactions, route, vocabulary, vocabularyOf } from '../../src/commands/table.js';
import { parseCommand } from '../../src/domain/command.js';
import { fold } from '../../src/domain/normalize.js';
import { messages } from '../../src/i18n/messages.js';
import { contextAt, loadedStores } from '../helpers/stores.js';

describe('the command table', () => {
  it('every sub-command has a keyword in English and in Spanish, and no keyword names two commands', () => {
    for (const c of commands) {
      expect(c.keywords.en.length, c.name).toBeGreaterThan(0);
      expect(c.keywords.es.length, c.name).toBeGreaterThan(0);
    }
    const all = commands.flatMap((c) => [...new Set([...c.keywords.en, ...c.keywords.es].map(fold))]);
    expect(new Set(all).size).toBe(all.length);
    expect(vocabulary.size).toBe(all.length);
  });

  it("each keyword finds its command and answers in the keyword's language, accents and case ignored", () => {
    for (const c of commands) {
      for (const lang of ['en', 'es'] as const) {
        for (const w of c.keywords[lang]) {
          const defaultLang = lang === 'en' ? 'es' : 'en';
          const found = route(`${w.toUpperCase()} x`, defaultLang);
          expect(found.command.name, w).toBe(c.name);
          // A word both languages share (`plan`) answers in the default language.
          const shared = c.keywords[defaultLang].includes(w);
          expect(found.parsed.lang, w).toBe(shared ? defaultLang : lang);
          expect(found.parsed.arg).toBe('x');
        }
      }
    }
    expect(route('próximo', 'en').command.name).toBe('upcoming');
    expect(route('PROXIMO', 'en').command.name).toBe('upcoming');
  });

  it('a word both languages of one command share answers in the default language; two commands cannot share a word', () => {
    const plan = { ...commands[0]!, name: 'plan', keywords: { en: ['plan', 'plans'], es: ['Plan', 'planes'] } };
    const words = vocabularyOf([plan]);
    expect(words.get('plan')).toEqual({ name: 'plan', lang: null });
    expect(words.get('plans')).toEqual({ name: 'plan', lang: 'en' });
    expect(words.get('planes')).toEqual({ name: 'plan', lang: 'es' });
    expect(parseCommand('plan x', 'es', words)).toEqual({ name: 'plan', arg: 'x', lang: 'es' });
    expect(parseCommand('PLAN', 'en', words)).toEqual({ name: 'plan', arg: '', lang: 'en' });
    const clash = { ...plan, name: 'other', keywords: { en: ['other'], es: ['planes'] } };
    expect(() => vocabularyOf([plan, clash])).toThrow(/"planes" of other is already plan's/);
  });

  it('text whose first word is no keyword goes to the fallback, in the default language', () => {
    const found = route('B1.3', 'es');
    expect(found.command).toBe(fallback);
    expect(found.parsed).toEqual({ name: 'bare', arg: 'B1.3', lang: 'es' });
  });

  it('help is generated from the table: every usage line and every twin keyword, in both languages', () => {
    const stores = loadedStores();
    const ctx = contextAt(stores, '2024-04-24T10:00:00');
    for (const [lang, other] of [
      ['en', 'es'],
      ['es', 'en'],
    ] as const) {
      const help = askQuestion(ctx, lang === 'en' ? 'help' : 'ayuda', 'en');
      if (help.kind !== 'help') throw new Error(`expected help, got ${help.kind}`);
      expect(help.lang).toBe(lang);
      // …then that plain questions work, with three examples in the language asked (issue 24).
      expect(help.lines).toEqual([...commands.flatMap((c) => c.help[lang]), { usage: messages(lang).plain.helpUsage, text: messages(lang).plain.helpText }]);
      // A word both languages share (`plan`) is no twin.
      expect(help.twins).toEqual(commands.map((c) => c.keywords[other][0]).filter((w) => w !== 'plan'));
      // The four the old hand-written list left out.
      for (const name of ['schedule', 'reminders', 'focal', 'report']) {
        const c = commands.find((x) => x.name === name)!;
        expect(help.lines.map((l) => l.usage)).toContain(c.help[lang][0]!.usage);
      }
    }
  });

  it('state-changing and Slack-dependent commands answer after the ack; questions in it, and only questions are cached', () => {
    const later = commands.filter((c) => c.reply === 'later').map((c) => c.name);
    expect(later.sort()).toEqual(['brief', 'calendar', 'done', 'focal', 'reminders', 'reopen', 'report', 'schedule', 'update']);
    for (const c of commands) expect(Boolean(c.readOnly), c.name).toBe(c.reply === 'ack');
    expect(
      commands
        .filter((c) => c.guard === 'coChairs')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['schedule']);
    // done and reopen are for co-chairs and the lead agencies' focal points: checked in run, once the activity is known.
    expect(commands.filter((c) => c.name === 'done' || c.name === 'reopen').map((c) => c.guard)).toEqual(['anyone', 'anyone']);
  });

  it('every interaction has its own action id; Set date is for co-chairs (Mark done and Reopen check the activity in run)', () => {
    const ids = interactions.map((i) => i.actionId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      interactions
        .filter((i) => i.guard === 'coChairs')
        .map((i) => i.actionId)
        .sort(),
    ).toEqual(['gcm_set_date']);
  });

  it('a command that works in Slack only says so in the terminal, in the language of its keyword', () => {
    const stores = loadedStores();
    const ctx = contextAt(stores, '2024-04-24T10:00:00');
    expect(askQuestion(ctx, 'hecho B1.5', 'en')).toEqual({ kind: 'error', lang: 'es', error: { code: 'slack_only', command: 'done' } });
  });
});
