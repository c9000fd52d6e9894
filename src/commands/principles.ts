import { principlesAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/** `/gcm principles`: the GCM's guiding principles (they belong to the Compact, not to a plan). */
export const principles = question({
  name: 'principles',
  keywords: { en: ['principles'], es: ['principios'] },
  help: {
    en: [{ usage: 'principles', text: 'the 10 guiding principles of the GCM' }],
    es: [{ usage: 'principios', text: 'los 10 principios rectores del Pacto' }],
  },
  ask: { anyPlan: (uc) => principlesAnswer(uc.domain, uc.lang) },
});
