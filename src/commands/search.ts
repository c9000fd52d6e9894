import { searchAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/** `/gcm search migrants`: ranked full-text search over the plan, the agencies and the objectives. */
export const search = question({
  name: 'search',
  keywords: { en: ['search'], es: ['buscar'] },
  help: {
    en: [{ usage: 'search migrants', text: 'full-text search over the plan, agencies and objectives' }],
    es: [{ usage: 'buscar migrantes', text: 'búsqueda en el plan, las agencias y los objetivos' }],
  },
  ask: { onPlan: (uc, plan, arg) => searchAnswer(uc.domain, plan, arg, uc.lang) },
});
