import { coverageAnswer } from '../domain/coverage.js';
import { question } from './answer.js';

/** `/gcm coverage`: the GCM objectives the plan serves (with their work) and, said plainly, those it does not. */
export const coverage = question({
  name: 'coverage',
  keywords: { en: ['coverage'], es: ['cobertura'] },
  help: {
    en: [{ usage: 'coverage', text: 'the GCM objectives the plan serves, with their work done, and those it does not' }],
    es: [{ usage: 'cobertura', text: 'los objetivos del Pacto que sirve el plan, con su trabajo hecho, y los que no' }],
  },
  ask: { onPlan: (uc, plan) => coverageAnswer(uc.domain, plan, uc.lang) },
});
