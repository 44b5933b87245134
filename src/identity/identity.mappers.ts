import { moneyOrNull } from '../common/money/money.dto';
import type { ApiKeyDto, OrgUnitDto, UserDto } from './dto/identity.dto';
import type { ApiKey } from './entities/api-key.entity';
import type { OrgUnit } from './entities/org-unit.entity';
import type { User } from './entities/user.entity';

/** Entities never leave the service layer: these are the only shapes the API returns. */
export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    orgUnitId: u.orgUnitId,
    roles: Array.from(new Set(['hero' as const, ...u.roles])),
    approvalLimit: moneyOrNull(u.approvalLimitAmount, u.approvalLimitCurrency),
    status: u.status,
    locale: u.locale,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
    version: u.version,
  };
}

export function toOrgUnitDto(o: OrgUnit): OrgUnitDto {
  return { id: o.id, name: o.name, kind: o.kind, parentId: o.parentId, path: o.path, depth: o.depth, version: o.version };
}

export function toApiKeyDto(k: ApiKey): ApiKeyDto {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    ownerId: k.ownerId,
    orgUnitId: k.orgUnitId,
    expiresAt: k.expiresAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
  };
}

/** Audit snapshots: the fields worth recording, never secrets. */
export function userAuditView(u: User): Record<string, unknown> {
  const { passwordHash: _omit, createdAt: _c, updatedAt: _u, ...rest } = u;
  return rest;
}
