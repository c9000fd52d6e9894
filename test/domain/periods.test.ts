import { describe, expect, it } from 'vitest';
import { periodOf } from '../../src/domain/periods.js';
import { fold } from '../../src/domain/normalize.js';
import { at } from '../helpers/stores.js';

/** Periods beyond a named month, read on 24 April 2024 (explicit clock, no wall time). */
const now = at('2024-04-24T10:00:00');
const p = (q: string) => {
  const r = periodOf(fold(q), now);
  return r ? [r.from, r.to] : null;
};

describe('periods in plain words, English and Spanish (pure)', () => {
  it('quarters: Q1 2024, the third quarter of 2023, el cuarto trimestre, T4 de 2024, the last quarter', () => {
    expect(p('what is due in Q1 2024?')).toEqual(['2024-01-01', '2024-03-31']);
    expect(p('q3 2023')).toEqual(['2023-07-01', '2023-09-30']);
    expect(p('the third quarter of 2023')).toEqual(['2023-07-01', '2023-09-30']);
    expect(p('el 3er trimestre de 2024')).toEqual(['2024-07-01', '2024-09-30']);
    expect(p('¿qué vence en el cuarto trimestre de 2023?')).toEqual(['2023-10-01', '2023-12-31']);
    expect(p('¿qué vence en el T4 de 2024?')).toEqual(['2024-10-01', '2024-12-31']);
    expect(p('the last quarter of 2024')).toEqual(['2024-10-01', '2024-12-31']);
  });

  it('halves and semesters: the second half of 2023, el primer semestre de 2024, H2 2023, la segunda mitad', () => {
    expect(p('the second half of 2023')).toEqual(['2023-07-01', '2023-12-31']);
    expect(p('first semester of 2024')).toEqual(['2024-01-01', '2024-06-30']);
    expect(p('el primer semestre de 2024')).toEqual(['2024-01-01', '2024-06-30']);
    expect(p('h2 2023')).toEqual(['2023-07-01', '2023-12-31']);
    expect(p('la segunda mitad de 2024')).toEqual(['2024-07-01', '2024-12-31']);
  });

  it('this and next quarter, next month, el mes que viene, el próximo trimestre', () => {
    expect(p('what is due this quarter')).toEqual(['2024-04-01', '2024-06-30']);
    expect(p('next quarter')).toEqual(['2024-07-01', '2024-09-30']);
    expect(p('el próximo trimestre')).toEqual(['2024-07-01', '2024-09-30']);
    expect(p('next month')).toEqual(['2024-05-01', '2024-05-31']);
    expect(p('el mes que viene')).toEqual(['2024-05-01', '2024-05-31']);
  });

  it('abbreviated months with a year or after in/en; a bare abbreviation that is a word is no month', () => {
    expect(p('oct 2023')).toEqual(['2023-10-01', '2023-10-31']);
    expect(p('sept 2023')).toEqual(['2023-09-01', '2023-09-30']);
    expect(p('¿qué hay en abr?')).toEqual(['2024-04-01', '2024-04-30']);
    expect(p('dic 2024')).toEqual(['2024-12-01', '2024-12-31']);
    expect(p('two weeks ago')).toBeNull();
    expect(p('el mar y la red')).toBeNull();
  });

  it('a whole year after in/en; a priority id alone is no quarter; no period at all', () => {
    expect(p('what does UNICEF have in 2023')).toEqual(['2023-01-01', '2023-12-31']);
    expect(p('tell me about T1')).toBeNull();
    expect(p('who leads the workshop')).toBeNull();
  });
});
