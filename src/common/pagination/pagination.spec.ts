import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './pagination';

const ID = '5f0c1a52-8a7e-4c1e-9d3b-0b7a2f4c9e11';

describe('decodeCursor', () => {
  it('round-trips every cursor shape the lists write', () => {
    const shapes: Record<string, string | number>[] = [
      { v: '2026-03-01T10:00:00.123Z', id: ID },
      { v: '2027-03-01', id: ID },
      { v: '', id: ID },
      { createdAt: '2026-03-01T10:00:00.000Z', id: ID },
      { at: '2026-03-01T10:00:00.000+02:00', id: ID },
      { e: '2026-12-31', id: ID },
      { seq: '12345' },
      { revision: 3 },
      { email: "o'brien@demo.local", id: ID },
      { path: '/a1b2/c3d4/' },
    ];
    for (const key of shapes) expect(decodeCursor(encodeCursor(key), Object.keys(key))).toEqual(key);
  });

  it.each([
    ['an id that is not a uuid', { v: '2026-03-01T10:00:00.000Z', id: "x' OR '1'='1" }, ['v', 'id']],
    ['an instant that is not one', { createdAt: '2026-13-45T99:99:99Z', id: ID }, ['createdAt', 'id']],
    ['SQL in a sort value', { v: "' OR 1=1--", id: ID }, ['v', 'id']],
    ['a five-digit year', { at: '99999-01-01T00:00:00Z', id: ID }, ['at', 'id']],
    ['a day the calendar does not have', { v: '2026-02-30', id: ID }, ['v', 'id']],
    ['year zero', { v: '0000-01-01T00:00:00Z', id: ID }, ['v', 'id']],
    ['hour 24', { createdAt: '2026-01-01T24:00:00Z', id: ID }, ['createdAt', 'id']],
    ['an offset out of range', { at: '2026-01-01T10:00:00+99:00', id: ID }, ['at', 'id']],
    ['a counter that is not one', { seq: '1 OR 1=1' }, ['seq']],
    ['a counter past bigint', { seq: '9999999999999999999999' }, ['seq']],
    ['a negative counter', { revision: -1 }, ['revision']],
    ['a revision past integer', { revision: 2 ** 40 }, ['revision']],
    ['a missing member', { id: ID }, ['v', 'id']],
    ['NUL in a free-text member', { email: 'a\u0000', id: ID }, ['email', 'id']],
  ])('refuses %s as a 400 naming cursor', (_name, key, fields) => {
    expect(() => decodeCursor(encodeCursor(key as Record<string, string | number>), fields)).toThrow(
      expect.objectContaining({ status: 400, errors: [{ field: 'cursor', message: 'cursor is not a cursor returned by this list' }] }),
    );
  });

  it('never throws anything but the validation problem on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
        ),
        (cursor) => {
          try {
            decodeCursor(cursor, ['v', 'id']);
          } catch (err) {
            expect(err).toMatchObject({ status: 400 });
          }
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
