import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/slack/form.js';

/** What the door read a form with before (URLSearchParams over the body's UTF-8 text), for a form naming each field once. */
const asBefore = (raw: Buffer) => Object.fromEntries(new URLSearchParams(raw.toString('utf8')));

const fieldsOf = (raw: Buffer | string) => {
  const read = parseForm(Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'latin1'));
  if (!read.ok) throw new Error(read.reason);
  return read.fields;
};

describe('parseForm: a form body read in one pass', () => {
  it('reads every form that names each field once as URLSearchParams does (escapes valid or not, +, =, empty parts)', () => {
    const piece = fc.constantFrom(
      'a',
      'b',
      'é',
      '=',
      '&',
      '+',
      '%',
      '%2',
      '%25',
      '%2B',
      '%26',
      '%3D',
      '%C3%A9',
      '%E2%82%AC',
      '%E2%82',
      '%C0%80',
      '%ED%A0%80',
      '%FF',
      '%zz',
      '%4',
      'x y',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const raw = Buffer.from(pieces.join(''), 'utf8');
        const names = [...new URLSearchParams(raw.toString('utf8')).keys()];
        fc.pre(new Set(names).size === names.length);
        expect(fieldsOf(raw)).toEqual(asBefore(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads malformed and truncated escapes as written, and escaped bytes that are not UTF-8 as U+FFFD', () => {
    expect(fieldsOf('t=%zz%4&u=100%&v=%E2%82&w=%C0%80&x=%2')).toEqual({ t: '%zz%4', u: '100%', v: '\uFFFD', w: '\uFFFD\uFFFD', x: '%2' });
    expect(fieldsOf('text=caf%C3%A9+%E2%82%AC+a%2Bb%26c%3Dd')).toEqual({ text: 'café € a+b&c=d' });
  });

  it('reads raw bytes that are not UTF-8 as before: U+FFFD, never a throw', () => {
    const raw = Buffer.concat([Buffer.from('text=a'), Buffer.from([0xff, 0xc3]), Buffer.from('%A9&command=/gcm&n=%C3'), Buffer.from([0xa9])]);
    expect(fieldsOf(raw)).toEqual(asBefore(raw));
    expect(fieldsOf(raw).command).toBe('/gcm');
  });

  it('refuses a form that names a field twice, however the name is written', () => {
    for (const body of ['text=a&text=b', 'a&a', 'text=a&%74ext=b', 'a+b=1&a%20b=2', 'payload=%7B%7D&command=/gcm&payload=x', '=1&=2']) {
      expect(parseForm(Buffer.from(body))).toEqual({ ok: false, reason: 'a form that names a field twice' });
    }
  });

  it('keeps a field named __proto__ as a field, the object an ordinary one', () => {
    const fields = fieldsOf('__proto__=x&command=/gcm');
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
    expect(fields.command).toBe('/gcm');
    expect(Object.keys(fields)).toEqual(['__proto__', 'command']);
  });

  it('reads a field of nearly a megabyte whole, and a megabyte of fields without a value', () => {
    const big = 'é'.repeat(150_000);
    const raw = Buffer.from(new URLSearchParams({ command: '/gcm', text: big }).toString());
    expect(raw.length).toBeGreaterThan(900_000);
    expect(fieldsOf(raw).text).toBe(big);
    const names = Array.from({ length: 120_000 }, (_, i) => `f${i}`);
    const many = fieldsOf(`${names.join('&')}&last=1`);
    expect(Object.keys(many)).toHaveLength(120_001);
    expect(many.f119999).toBe('');
    expect(many.last).toBe('1');
  });
});
