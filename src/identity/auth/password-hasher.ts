import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { availableParallelism } from 'node:os';

/** At most `limit` tasks run at once; the others wait their turn, in arrival order (never refused). */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  /** Tasks waiting for a slot (for tests and metrics). */
  get queued(): number {
    return this.waiting.length;
  }
}

/** libuv reads UV_THREADPOOL_SIZE from the environment itself, at its first use; this mirrors it (not app configuration). */
function libuvThreadPoolSize(): number {
  // eslint-disable-next-line no-restricted-syntax -- libuv's own setting, not the app's: see above
  return Number(process.env.UV_THREADPOOL_SIZE) || 4;
}

/**
 * How many hashes may run at once: one per two cores, and one libuv thread always stays free.
 * argon2 runs on libuv's thread pool (UV_THREADPOOL_SIZE, 4 by default), like the PBKDF2/HMAC
 * steps of pg's SCRAM authentication and fs and DNS calls. Unbounded, a burst of logins queued
 * every thread-pool job behind seconds of hashing, and a new database connection's SCRAM
 * handshake (several jobs in a row) exceeded the pool's 5 s connection timeout: the login
 * answered 503 (docs/performance.md, "Login 503s under load"). One hash already runs its p=4
 * lanes on threads of its own and keeps about 1.5 cores busy (measured on 2 cores: 11.0
 * verifies/s one at a time, 13.8 two at a time), while each hash in flight holds its m=64 MiB:
 * a second hash per two cores buys little throughput for that memory (docs/performance.md,
 * "Login RSS").
 */
export function hashConcurrency(threadPoolSize = libuvThreadPoolSize(), cores = availableParallelism()): number {
  return Math.max(1, Math.min(Math.floor(cores / 2), threadPoolSize - 1));
}

/**
 * argon2id with the library's defaults (argon2 0.45: m=65536 KiB, t=3, p=4 — RFC 9106's second
 * recommended option, above the OWASP/ASVS floor of m=19456 KiB, t=2, p=1); verify reads the cost
 * from the stored hash. At most hashConcurrency() hashes run at a time.
 */
@Injectable()
export class PasswordHasher {
  private readonly limit = new ConcurrencyLimit(hashConcurrency());

  hash(password: string): Promise<string> {
    return this.limit.run(() => argon2.hash(password, { type: argon2.argon2id }));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.limit.run(() => argon2.verify(hash, password).catch(() => false));
  }
}
