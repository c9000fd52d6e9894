import { agencyAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/** `/gcm agency IOM`: what an agency leads and supports, and its profile; alone, the list of agencies. */
export const agency = question({
  name: 'agency',
  keywords: { en: ['agency'], es: ['agencia'] },
  help: {
    en: [{ usage: 'agency IOM', text: 'what an agency leads and supports, its mandate (OIM, CEPAL, ACNUR… work too)' }],
    es: [{ usage: 'agencia OIM', text: 'lo que una agencia lidera y apoya, su mandato (IOM, ECLAC, UNHCR… también sirven)' }],
  },
  ask: { onPlan: (uc, plan, arg) => agencyAnswer(uc.domain, plan, arg, uc.lang) },
});
