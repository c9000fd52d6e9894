import { bareAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/**
 * Text whose first word is no keyword (`/gcm B1.3`, `/gcm IOM`, `/gcm 23`): read by what it looks like.
 * Not in the table's keywords and not in help: the router falls back to it.
 */
export const bare = question({
  name: 'bare',
  keywords: { en: [], es: [] },
  help: { en: [], es: [] },
  ask: { onPlan: (uc, plan, arg) => bareAnswer(uc.domain, plan, arg, uc.lang) },
});
