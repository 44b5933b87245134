import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HS256 JWTs with node:crypto only: what the baseline verifies and what the runner signs. Same
 * claims as the app's access tokens (src/identity/auth/auth.service.ts): typ, sub, iss, aud, iat, exp.
 */
export const JWT_ISSUER = 'hero-compact';
export const JWT_AUDIENCE = 'hero-compact-api';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export interface AccessClaims {
  typ: string;
  sub: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}

export function signAccessToken(secret: string, userId: string, ttlSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  const claims: AccessClaims = { typ: 'access', sub: userId, iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: now, exp: now + ttlSeconds };
  const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The claims of a valid, unexpired HS256 access token for this issuer and audience, else null. */
export function verifyAccessToken(secret: string, token: string): AccessClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  let header: { alg?: unknown };
  let claims: Partial<AccessClaims>;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as { alg?: unknown };
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Partial<AccessClaims>;
  } catch {
    return null;
  }
  if (header.alg !== 'HS256') return null;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const now = Math.floor(Date.now() / 1000);
  if (claims.iss !== JWT_ISSUER || claims.aud !== JWT_AUDIENCE || typeof claims.exp !== 'number' || claims.exp <= now) return null;
  if (claims.typ !== 'access' || typeof claims.sub !== 'string') return null;
  return claims as AccessClaims;
}
