import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Opaque high-entropy secrets (refresh tokens, API keys): SHA-256 is the right hash for them. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
