import { describe, expect, it } from 'vitest';
import { closest, editDistance, periodOf, readQuestion } from '../../src/domain/intents.js';
import { at } from '../helpers/stores.js';

const now = at('2024-04-24T10:00:00');

describe('reading questions in plain words (pure)', () => {
  it('Damerau-Levenshtein: a swap is one edit; closest keeps ties and respects the tolerance', () => {
    expect(editDistance('objetive', 'objective')).toBe(1);
    expect(editDistance('activty', 'activity')).toBe(1);
    expect(editDistance('prioridda', 'prioridad')).toBe(1);
    expect(closest('objetive', ['objective', 'objetivo', 'activity'])).toEqual(['objective', 'objetivo']);
    expect(closest('ilo', ['iom'])).toEqual([]);
  });

  it('periods: a month with or without its year, this or next month, next week (Monday to Sunday)', () => {
    expect(periodOf('what is due in may 2024', now)).toMatchObject({ from: '2024-05-01', to: '2024-05-31' });
    expect(periodOf('que vence en agosto', now)).toMatchObject({ from: '2024-08-01', to: '2024-08-31' });
    expect(periodOf('que vence este mes', now)).toMatchObject({ from: '2024-04-01', to: '2024-04-30' });
    expect(periodOf('whats next week', now)).toMatchObject({ from: '2024-04-29', to: '2024-05-05' });
    // "may" is the month after a word that opens a time, else the verb.
    expect(periodOf("what's planned for may", now)).toMatchObject({ from: '2024-05-01', to: '2024-05-31' });
    expect(periodOf('what is due by may 2024', now)).toMatchObject({ from: '2024-05-01' });
    expect(periodOf('who may lead the workshop', now)).toBeNull();
    expect(periodOf('who may lead it', now)).toBeNull();
  });

  it('intents and the language of the question, with or without accents and question marks', () => {
    expect(readQuestion('who leads the missing migrants workshop?', now)).toEqual({
      intent: { intent: 'who', topic: 'missing migrants workshop' },
      lang: 'en',
    });
    expect(readQuestion('quien organiza las reuniones trimestrales', now)).toMatchObject({ intent: { intent: 'who' }, lang: 'es' });
    expect(readQuestion('¿cuándo es la próxima reunión de la red?', now)).toMatchObject({ intent: { intent: 'when', next: true }, lang: 'es' });
    expect(readQuestion('is B1.2 done?', now).intent.intent).toBe('status');
    expect(readQuestion('¿se hizo el taller?', now).intent.intent).toBe('status');
    expect(readQuestion('what does UNICEF lead?', now).intent).toEqual({ intent: 'agency', topic: 'unicef' });
    expect(readQuestion('¿qué hace la red sobre retorno y reintegración?', now).intent).toEqual({ intent: 'theme', topic: 'return y reintegracion' });
    expect(readQuestion('which activities serve objective 7?', now).intent).toEqual({ intent: 'objective', number: 7 });
    expect(readQuestion('¿qué vence este mes?', now).intent.intent).toBe('due');
  });

  it('"what is the next…" asks when, as "when is the next…"; "what is next month" is still a period', () => {
    expect(readQuestion('whats the next pledge monitoring', now).intent).toMatchObject({ intent: 'when', next: true, topic: 'pledge monitoring' });
    expect(readQuestion('¿cuál es la próxima reunión trimestral?', now).intent).toMatchObject({ intent: 'when', next: true });
    expect(readQuestion('what is the next network meeting?', now).intent).toMatchObject({ intent: 'when', next: true });
    expect(readQuestion('what is due next month?', now).intent.intent).toBe('due');
    expect(readQuestion('what is next month about?', now).intent.intent).toBe('due');
  });
});
