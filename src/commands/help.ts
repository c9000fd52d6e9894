import type { Language } from '../domain/types.js';
import { messages } from '../i18n/messages.js';
import { question } from './answer.js';

const other: Record<Language, Language> = { en: 'es', es: 'en' };

/** `/gcm help`: every command of the table with its help, in the language asked; it cannot drift from the table. */
export const help = question({
  name: 'help',
  keywords: { en: ['help'], es: ['ayuda'] },
  help: {
    en: [{ usage: 'help', text: 'this list' }],
    es: [{ usage: 'ayuda', text: 'esta lista' }],
  },
  ask: {
    anyPlan: (uc) => ({
      kind: 'help',
      lang: uc.lang,
      // Last, that plain questions work too, with three examples in the language asked (issue 24).
      lines: [...uc.commands.flatMap((c) => c.help[uc.lang]), { usage: messages(uc.lang).plain.helpUsage, text: messages(uc.lang).plain.helpText }],
      // A word both languages share (`plan`) is no twin: it answers in GCM_LANGUAGE.
      twins: uc.commands.flatMap((c) => c.keywords[other[uc.lang]].slice(0, 1).filter((w) => !c.keywords[uc.lang].includes(w))),
    }),
  },
});
