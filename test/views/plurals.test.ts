import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/messages.js';

const en = messages('en');
const es = messages('es');

describe('every count agrees with its number, in English and Spanish', () => {
  it('one is singular, other numbers plural', () => {
    expect(en.activitiesCount(1)).toBe('1 activity');
    expect(en.activitiesCount(3)).toBe('3 activities');
    expect(es.activitiesCount(1)).toBe('1 actividad');
    expect(en.progressLine(0, 1)).toBe('0 of 1 activity done');
    expect(en.progressLine(2, 6)).toBe('2 of 6 activities done');
    expect(es.progressLine(1, 1)).toBe('1 de 1 actividad hecha');
    expect(en.occurrencesLine(0, 1)).toBe('0 of 1 occurrence');
    expect(es.occurrencesLine(3, 7)).toBe('3 de 7 ocurrencias');
    expect(en.report.priorityLine(1, 1, 1, 1)).toBe('1 of 1 activity done · 1 of 1 occurrence');
    expect(es.report.priorityLine(0, 2, 0, 1)).toBe('0 de 2 actividades hechas · 0 de 1 ocurrencia');
    expect(en.searchResults('x', 1)).toBe('1 result for "x"');
    expect(en.reminder.digestTitle(1)).toBe('Due in the next day');
    expect(en.reminder.digestTitle(7)).toBe('Due in the next 7 days');
    expect(es.reminder.digestEmpty(1)).toBe('No vence nada con fecha en el próximo día.');
    expect(en.reminder.when([1], '09:00', 'UTC')).toMatch(/^1 day before/);
    expect(en.reminder.attempts(1, null)).toBe('1 attempt');
  });

  it('the Network line is a full sentence, singular or plural', () => {
    expect(en.networkSupported(3)).toBe('It also takes part in 3 activities supported by the whole Network.');
    expect(en.networkSupported(1)).toBe('It also takes part in 1 activity supported by the whole Network.');
    expect(es.networkSupported(1)).toBe('También participa en 1 actividad apoyada por toda la Red.');
  });

  it('a list of one known priority or activity says so', () => {
    expect(en.error({ code: 'priority_missing', given: 'B9', known: ['B1'] })).toBe('The plan has no priority "B9". Its only priority is B1.');
    expect(en.error({ code: 'priority_missing', given: 'B9', known: ['B1', 'B2'] })).toBe('The plan has no priority "B9". Its priorities are B1, B2.');
    expect(es.error({ code: 'activity_missing', given: 'B1.9', known: ['B1.1'] })).toBe('El plan no tiene la actividad B1.9. Su única actividad es B1.1.');
  });
});
