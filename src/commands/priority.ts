import { priorityAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/** `/gcm priority T2`: a priority and its activities; alone, all of them. */
export const priority = question({
  name: 'priority',
  keywords: { en: ['priority', 'priorities'], es: ['prioridad', 'prioridades'] },
  help: {
    en: [{ usage: 'priority T2', text: 'a priority and its activities (priority alone: all seven)' }],
    es: [{ usage: 'prioridad T2', text: 'una prioridad y sus actividades (prioridad sola: las siete)' }],
  },
  ask: { onPlan: (uc, plan, arg) => priorityAnswer(uc.domain, plan, arg, uc.lang) },
});
