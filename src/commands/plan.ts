import { plansAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/**
 * `/gcm plan` (the same word in Spanish: it answers in GCM_LANGUAGE): the loaded plans, which one is
 * current, when and from which file each was imported. `plan:ID` in any command picks one of them.
 */
export const plan = question({
  name: 'plan',
  keywords: { en: ['plan', 'plans'], es: ['plan', 'planes'] },
  help: {
    en: [{ usage: 'plan', text: 'the loaded plans and which one is current (`plan:ID` in any command asks about another)' }],
    es: [{ usage: 'plan', text: 'los planes cargados y cuál es el vigente (`plan:ID` en cualquier comando consulta otro)' }],
  },
  ask: { anyPlan: (qc) => plansAnswer(qc.domain, qc.lang) },
});
