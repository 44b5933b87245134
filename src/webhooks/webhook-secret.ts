import { randomBytes } from 'node:crypto';

/**
 * Standard Webhooks secrets: `whsec_` + base64 of 24–64 random bytes. Generated secrets are 32
 * bytes; a supplied one must decode to 24–64 bytes (the spec's recommended range).
 */
export const SECRET_PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function generateSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

export function secretProblem(secret: string): string | null {
  if (!secret.startsWith(SECRET_PREFIX)) return `secret must start with ${SECRET_PREFIX}`;
  const body = secret.slice(SECRET_PREFIX.length);
  if (!BASE64.test(body) || body.length % 4 !== 0) return 'secret must be whsec_ followed by base64';
  const bytes = Buffer.from(body, 'base64').length;
  if (bytes < 24 || bytes > 64) return 'secret must encode 24 to 64 random bytes';
  return null;
}
