import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import { ConcurrencyLimit, hashConcurrency, PasswordHasher } from './password-hasher';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('ConcurrencyLimit', () => {
  it('runs at most `limit` tasks at once, queues the rest in arrival order and refuses none', async () => {
    const limit = new ConcurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const results = Array.from({ length: 6 }, (_, i) =>
      limit.run(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
        return i;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(limit.queued).toBe(4);
    while (gates.length) {
      gates.shift()!();
      await tick();
    }
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(limit.queued).toBe(0);
  });

  it('frees the slot of a task that fails', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(
      limit.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(limit.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow(RangeError);
    expect(() => new ConcurrencyLimit(1.5)).toThrow(RangeError);
  });
});

describe('hashConcurrency', () => {
  it('runs one hash per two cores and keeps one libuv thread free', () => {
    expect(hashConcurrency(4, 1)).toBe(1);
    expect(hashConcurrency(4, 2)).toBe(1);
    expect(hashConcurrency(4, 3)).toBe(1);
    expect(hashConcurrency(4, 4)).toBe(2);
    expect(hashConcurrency(4, 8)).toBe(3);
    expect(hashConcurrency(16, 8)).toBe(4);
    expect(hashConcurrency(1, 8)).toBe(1);
  });
});

describe('PasswordHasher', () => {
  it('hashes with argon2id and verifies', async () => {
    const hasher = new PasswordHasher();
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    await expect(hasher.verify(hash, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'wrong')).resolves.toBe(false);
    await expect(hasher.verify('not a hash', 'x')).resolves.toBe(false);
  });

  it('leaves the thread pool free during a burst: a PBKDF2 job (pg SCRAM) does not wait behind the hashes', async () => {
    const hasher = new PasswordHasher();
    let t = performance.now();
    const hash = await hasher.hash('pw');
    const oneHashMs = performance.now() - t;
    const burst = Array.from({ length: 16 }, () => hasher.verify(hash, 'pw'));
    await tick();
    t = performance.now();
    await promisify(pbkdf2)('password', 'salt', 4096, 32, 'sha256');
    const pbkdf2Ms = performance.now() - t;
    expect(await Promise.all(burst)).toEqual(Array(16).fill(true));
    // Unbounded, 16 hashes on 4 threads put the job behind ~4 hashes' time.
    expect(pbkdf2Ms).toBeLessThan(oneHashMs);
  }, 30_000);
});
