import { maxCommandLength, tooLongCommand } from '../domain/command.js';
import { question } from './answer.js';

/**
 * Command text longer than the bot reads: refused whole, nothing run, with its length and the bound. Not in
 * the table's help; `route` picks it (table.ts).
 */
export const tooLong = question({
  name: tooLongCommand,
  keywords: { en: [], es: [] },
  help: { en: [], es: [] },
  ask: { anyPlan: (qc, arg) => ({ kind: 'error', lang: qc.lang, error: { code: 'too_long', length: Number(arg), max: maxCommandLength } }) },
});
