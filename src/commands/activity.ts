import { activityAnswer } from '../domain/questions.js';
import { question } from './answer.js';

/** `/gcm activity B1.3`: who leads, who supports, when, and how far it has got. */
export const activity = question({
  name: 'activity',
  keywords: { en: ['activity'], es: ['actividad'] },
  help: {
    en: [{ usage: 'activity B1.3', text: 'an activity: who leads, who supports, when (also `basic 1.3`, `T2.4`, `1.1`)' }],
    es: [{ usage: 'actividad B1.3', text: 'una actividad: quién la lidera, quién apoya, cuándo (también `básica 1.3`, `T2.4`, `1.1`)' }],
  },
  ask: { onPlan: (uc, plan, arg) => activityAnswer(uc.domain, plan, arg, uc.lang) },
});
