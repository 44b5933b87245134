import fc from 'fast-check';
import { nextAttemptAt, retryDelayMs, type RetryPolicy } from './webhook-retry';
import { generateSecret, secretProblem } from './webhook-secret';

const POLICY: RetryPolicy = { baseMs: 30_000, maxDelayMs: 6 * 3_600_000, windowMs: 24 * 3_600_000 };

describe('webhook retries', () => {
  it('doubles from the base, with jitter in the upper half, capped at the maximum', () => {
    expect(retryDelayMs(1, POLICY, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, POLICY, () => 0.999999)).toBe(30_000);
    expect(retryDelayMs(3, POLICY, () => 0)).toBe(60_000);
    expect(retryDelayMs(40, POLICY, () => 1)).toBe(POLICY.maxDelayMs);
  });

  it('keeps every delay within [ceiling/2, ceiling] and never above the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (attempt, r) => {
        const d = retryDelayMs(attempt, POLICY, () => r);
        const ceiling = Math.min(POLICY.maxDelayMs, POLICY.baseMs * 2 ** Math.min(attempt - 1, 30));
        expect(d).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(d).toBeLessThanOrEqual(ceiling);
      }),
    );
  });

  it('stops retrying once the next attempt would fall outside the 24 h window', () => {
    const first = new Date('2026-03-02T10:00:00Z');
    let now = first;
    let attempts = 0;
    for (let attempt = 1; attempt < 100; attempt++) {
      const next = nextAttemptAt(first, now, attempt, POLICY, () => 1);
      if (!next) break;
      expect(next.at.getTime()).toBeLessThanOrEqual(first.getTime() + POLICY.windowMs);
      now = next.at;
      attempts = attempt;
    }
    // 30 s, 1, 2, 4, 8, 16, 32, 64, 128, 256 min, then 6 h steps: a dozen tries over the day.
    expect(attempts).toBeGreaterThanOrEqual(10);
    expect(attempts).toBeLessThan(20);
  });
});

describe('webhook secrets', () => {
  it('generates whsec_ secrets of 32 bytes that pass validation', () => {
    const s = generateSecret();
    expect(s).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(s.slice(6), 'base64')).toHaveLength(32);
    expect(secretProblem(s)).toBeNull();
    expect(generateSecret()).not.toBe(s);
  });

  it.each([
    ['no prefix', 'c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0'],
    ['too short', `whsec_${Buffer.alloc(8).toString('base64')}`],
    ['too long', `whsec_${Buffer.alloc(80).toString('base64')}`],
    ['not base64', 'whsec_not base64 at all!!'],
  ])('refuses a supplied secret with %s', (_why, secret) => expect(secretProblem(secret)).not.toBeNull());
});
