import fc from 'fast-check';
import { ProblemError } from '../problem/problem';
import { canonicalJson, keyDigest, openResponse, parseIdempotencyKey, requestFingerprint, sealResponse } from './idempotency-key';

const S = 'server-secret-for-tests';

describe('Idempotency-Key', () => {
  it('accepts visible ASCII keys up to 255 characters, quoted or not', () => {
    expect(parseIdempotencyKey('7d3c9e2a-1111-4222-8333-944455556666')).toBe('7d3c9e2a-1111-4222-8333-944455556666');
    expect(parseIdempotencyKey('"abc"')).toBe('abc');
    expect(parseIdempotencyKey('x'.repeat(255))).toHaveLength(255);
  });

  it.each(['', ' ', 'x'.repeat(256), 'with space', 'tab\there', 'é'])('refuses %j with a 400 naming the header', (key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(ProblemError);
    try {
      parseIdempotencyKey(key);
    } catch (e) {
      expect((e as ProblemError).errors?.[0].field).toBe('Idempotency-Key');
    }
  });

  it('fingerprints the same JSON in any key order alike, and different bodies differently', () => {
    expect(requestFingerprint(S, 'POST', '/a', { a: 1, b: { c: [1, 2], d: null } })).toBe(
      requestFingerprint(S, 'post', '/a', { b: { d: null, c: [1, 2] }, a: 1 }),
    );
    expect(requestFingerprint(S, 'POST', '/a', { a: 1 })).not.toBe(requestFingerprint(S, 'POST', '/a', { a: 2 }));
    expect(requestFingerprint(S, 'POST', '/a', { a: 1 })).not.toBe(requestFingerprint(S, 'POST', '/b', { a: 1 }));
    expect(requestFingerprint(S, 'POST', '/a', [1, 2])).not.toBe(requestFingerprint(S, 'POST', '/a', [2, 1]));
  });

  it('canonical JSON is valid JSON of the same value, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const reordered = JSON.parse(
          JSON.stringify(value, (_k, v: unknown) =>
            v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
          ),
        );
        expect(canonicalJson(reordered)).toBe(text);
      }),
    );
  });

  it('seals stored responses so that only the same principal and key open them', () => {
    const body = { id: 'k1', key: 'hck_secret_value' };
    const sealed = sealResponse(S, 'user:1', 'K', body);
    expect(JSON.stringify(sealed)).not.toContain('hck_secret_value');
    expect(openResponse(S, 'user:1', 'K', sealed)).toEqual({ body });
    expect(openResponse(S, 'user:2', 'K', sealed)).toBeNull();
    expect(openResponse(S, 'user:1', 'K2', sealed)).toBeNull();
    expect(openResponse('another-secret', 'user:1', 'K', sealed)).toBeNull();
    expect(openResponse(S, 'user:1', 'K', { ...sealed, data: Buffer.from('tampered').toString('base64') })).toBeNull();
    expect(keyDigest('user:1', 'K')).toMatch(/^[0-9a-f]{64}$/);
    expect(keyDigest('user:1', 'K')).not.toBe(keyDigest('user:2', 'K'));
  });

  it('fingerprints with the server secret (no offline guessing of bodies)', () => {
    expect(requestFingerprint(S, 'POST', '/a', { password: 'x' })).not.toBe(requestFingerprint('other', 'POST', '/a', { password: 'x' }));
  });

  it('refuses a body nested deeper than any request of this API (no stack exhaustion)', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 5_000; i++) deep = { a: deep };
    expect(() => requestFingerprint(S, 'POST', '/a', deep)).toThrow(ProblemError);
    let ok: unknown = 'x';
    for (let i = 0; i < 60; i++) ok = [ok];
    expect(() => requestFingerprint(S, 'POST', '/a', ok)).not.toThrow();
  });
});
