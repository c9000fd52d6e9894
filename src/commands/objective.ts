import { objectiveAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/** `/gcm objective 23`: a GCM objective, the priorities serving it and their activities; alone, all 23. */
export const objective = question({
  name: 'objective',
  keywords: { en: ['objective', 'objectives'], es: ['objetivo', 'objetivos'] },
  help: {
    en: [{ usage: 'objective 23', text: 'a GCM objective, the priorities serving it and their activities (objective alone: all 23)' }],
    es: [{ usage: 'objetivo 23', text: 'un objetivo del Pacto, las prioridades que lo sirven y sus actividades (objetivo solo: los 23)' }],
  },
  ask: { onPlan: (uc, plan, arg) => objectiveAnswer(uc.domain, plan, arg, uc.lang) },
});
