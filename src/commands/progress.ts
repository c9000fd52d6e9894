import { progressAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/** `/gcm progress`: done out of total, by priority. */
export const progress = question({
  name: 'progress',
  keywords: { en: ['progress'], es: ['avance'] },
  help: {
    en: [{ usage: 'progress', text: 'done out of total, by priority' }],
    es: [{ usage: 'avance', text: 'lo hecho sobre el total, por prioridad' }],
  },
  ask: { onPlan: (uc, plan) => progressAnswer(uc.domain, plan, uc.lang) },
});
