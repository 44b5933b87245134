import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import * as argon2 from 'argon2';
import type { Pool } from 'pg';
import { permissionsForRoles, permissionsForScopes, type Permission } from '../../src/identity/auth/permissions';
import type { ApiScope, Role } from '../../src/identity/auth/roles';
import { signAccessToken, verifyAccessToken } from '../lib/jwt';
import { HttpProblem } from './http-kit';

/**
 * The same auth check as the app: a Bearer HS256 access token whose user is loaded (and must be
 * active) on every request, or an X-API-Key looked up by prefix and compared by SHA-256.
 */
export interface Principal {
  type: 'user' | 'api_key';
  id: string;
  userId: string | null;
  displayName: string;
  roles: Role[];
  orgUnitId: string | null;
  permissions: ReadonlySet<Permission>;
}

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  org_unit_id: string;
  roles: Role[];
  approval_limit_amount: string | null;
  approval_limit_currency: string | null;
  status: string;
  password_hash: string | null;
  locale: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const KEY_FORMAT = /^(hck_[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const unauthenticated = (): HttpProblem =>
  new HttpProblem(401, 'unauthenticated', 'Not authenticated', 'Send a valid Bearer access token or X-API-Key.');
const sha256 = (v: string): string => createHash('sha256').update(v).digest('hex');

export function userPrincipal(u: UserRow): Principal {
  const roles = Array.from(new Set<Role>(['hero', ...u.roles]));
  return {
    type: 'user',
    id: u.id,
    userId: u.id,
    displayName: u.display_name,
    roles,
    orgUnitId: u.org_unit_id,
    permissions: permissionsForRoles(roles),
  };
}

async function apiKeyPrincipal(pool: Pool, raw: string): Promise<Principal> {
  const match = KEY_FORMAT.exec(raw);
  if (!match) throw unauthenticated();
  const { rows } = await pool.query<{
    id: string;
    name: string;
    prefix: string;
    secret_hash: string;
    scopes: ApiScope[];
    org_unit_id: string | null;
  }>(
    `SELECT k.* FROM api_key k JOIN app_user o ON o.id = k.owner_id
     WHERE k.prefix = $1 AND k.revoked_at IS NULL AND k.expires_at > now() AND o.status = 'active'`,
    [match[1]],
  );
  const key = rows[0];
  const given = Buffer.from(sha256(raw), 'hex');
  const stored = Buffer.from(key?.secret_hash ?? '', 'hex');
  if (!key || given.length !== stored.length || !timingSafeEqual(given, stored)) throw unauthenticated();
  await pool.query(
    `UPDATE api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => 60))`,
    [key.id],
  );
  const scopes = key.scopes;
  return {
    type: 'api_key',
    id: key.id,
    userId: null,
    displayName: `API key ${key.name} (${key.prefix})`,
    roles: [],
    orgUnitId: key.org_unit_id,
    permissions: permissionsForScopes(scopes),
  };
}

export async function authenticate(pool: Pool, secret: string, req: IncomingMessage, needs: Permission): Promise<Principal> {
  const header = req.headers.authorization;
  let principal: Principal;
  if (header?.startsWith('Bearer ')) {
    const claims = verifyAccessToken(secret, header.slice(7));
    if (!claims) throw unauthenticated();
    const { rows } = await pool.query<UserRow>('SELECT * FROM app_user WHERE id = $1', [claims.sub]);
    if (!rows[0] || rows[0].status !== 'active') throw unauthenticated();
    principal = userPrincipal(rows[0]);
  } else if (typeof req.headers['x-api-key'] === 'string') {
    principal = await apiKeyPrincipal(pool, req.headers['x-api-key']);
  } else {
    throw unauthenticated();
  }
  if (!principal.permissions.has(needs)) throw new HttpProblem(403, 'forbidden', 'Not allowed', 'You may not do this.');
  return principal;
}

function userDto(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    orgUnitId: u.org_unit_id,
    roles: Array.from(new Set<Role>(['hero', ...u.roles])),
    approvalLimit:
      u.approval_limit_amount === null || u.approval_limit_currency === null
        ? null
        : { amount: Number(u.approval_limit_amount), currency: u.approval_limit_currency.trim() },
    status: u.status,
    locale: u.locale,
    createdAt: u.created_at.toISOString(),
    updatedAt: u.updated_at.toISOString(),
    version: u.version,
  };
}

/** POST /auth/login: argon2id verify (the stored hash's own cost), a refresh token row, an access token, the user. */
export async function login(pool: Pool, secret: string, ttlSeconds: number, body: Record<string, unknown>) {
  const { email, password } = body;
  if (typeof email !== 'string' || typeof password !== 'string')
    throw new HttpProblem(400, 'validation-failed', 'Invalid request', 'email and password are required.');
  const { rows } = await pool.query<UserRow>('SELECT * FROM app_user WHERE lower(email) = lower($1)', [email]);
  const user = rows[0];
  const ok = user?.password_hash ? await argon2.verify(user.password_hash, password).catch(() => false) : false;
  if (!user || !ok || user.status !== 'active')
    throw new HttpProblem(401, 'invalid-credentials', 'Invalid credentials', 'The email or password is incorrect.');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const refreshToken = randomBytes(32).toString('base64url');
    await client.query(
      `INSERT INTO refresh_token (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '30 days')`,
      [user.id, randomUUID(), sha256(refreshToken)],
    );
    const unit = await client.query<{ id: string; name: string }>('SELECT id, name FROM org_unit WHERE id = $1', [user.org_unit_id]);
    await client.query('COMMIT');
    const dto = userDto(user);
    return {
      accessToken: signAccessToken(secret, user.id, ttlSeconds),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: ttlSeconds,
      user: { ...dto, orgUnit: { id: unit.rows[0].id, name: unit.rows[0].name }, permissions: [...permissionsForRoles(dto.roles)].sort() },
    };
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
