import { upcomingAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/** `/gcm upcoming`: the next dated occurrences not yet done. */
export const upcoming = question({
  name: 'upcoming',
  keywords: { en: ['upcoming'], es: ['próximo', 'próximos'] },
  help: {
    en: [{ usage: 'upcoming', text: 'the next dated activities' }],
    es: [{ usage: 'próximo', text: 'las próximas actividades con fecha' }],
  },
  ask: { onPlan: (uc, plan) => upcomingAnswer(uc.domain, plan, uc.lang, 10) },
});
