import fc from 'fast-check';
import { findUnsafeInput, MAX_INPUT_DEPTH } from './safe-input';

const nestedObject = (levels: number): unknown => JSON.parse('{"a":'.repeat(levels) + '1' + '}'.repeat(levels));

describe('findUnsafeInput', () => {
  it('accepts ordinary bodies, unicode included', () => {
    expect(findUnsafeInput({ title: 'Ünïcødé 😀 \u202e', tags: ['a', 'b'], budget: { amount: 1, currency: 'EUR' } })).toBeUndefined();
    expect(findUnsafeInput(nestedObject(MAX_INPUT_DEPTH - 1))).toBeUndefined();
  });

  it('refuses nesting past the limit without recursing (100,000 levels)', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(findUnsafeInput({ tags: deep })).toMatchObject({
      field: expect.stringMatching(/^tags\[0\]/),
      message: expect.stringMatching(/nested more than 64/),
    });
    expect(findUnsafeInput(nestedObject(MAX_INPUT_DEPTH + 1))?.message).toMatch(/nested more than/);
  });

  it.each([
    ['NUL in a value', { title: 'a\u0000b' }, 'title', /NUL/],
    ['NUL in an array item', { tags: ['ok', '\u0000'] }, 'tags[1]', /NUL/],
    ['a lone high surrogate', { email: '\ud800@x.y' }, 'email', /lone surrogates/],
    ['a lone low surrogate, nested', { budget: { currency: 'E\udfffR' } }, 'budget.currency', /lone surrogates/],
    ['NUL in a key', { 'a\u0000': 1 }, 'a\u0000', /field names/],
    ['a NUL query value', { q: 'x\u0000' }, 'q', /NUL/],
    ['a NUL path parameter', 'x\u0000', 'id', /NUL/],
  ])('refuses %s, naming the field', (_name, input, field, message) => {
    expect(findUnsafeInput(input, 'id')).toEqual({ field, message: expect.stringMatching(message) });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the prototype key %s at any depth', (key) => {
    const body = JSON.parse(`{"title":"x","budget":{"${key}":{"polluted":true}}}`) as unknown;
    expect(findUnsafeInput(body)).toEqual({ field: `budget.${key}`, message: `budget.${key} is not an allowed field` });
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, s) => {
        findUnsafeInput(value);
        findUnsafeInput({ [s]: s });
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
