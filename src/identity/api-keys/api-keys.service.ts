import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Page, pageByTime, PageQueryDto } from '../../common/pagination/pagination';
import { NotFoundProblem, ValidationProblem } from '../../common/problem/problem';
import { AuditService } from '../../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { apiKeyPrincipal } from '../auth/principal.factory';
import { newSecret, sameHash, sha256 } from '../auth/secret-tokens';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from '../dto/identity.dto';
import { ApiKey } from '../entities/api-key.entity';
import { OrgUnit } from '../entities/org-unit.entity';
import { User } from '../entities/user.entity';
import { toApiKeyDto } from '../identity.mappers';

const KEY_FORMAT = /^(hck_[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const DAY_MS = 86_400_000;
const DEFAULT_TTL_DAYS = 90;
const MAX_TTL_DAYS = 366;
/** last_used_at is written at most this often per key, so busy integrations don't write on every call. */
const LAST_USED_RESOLUTION_SECONDS = 60;

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    const now = Date.now();
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : new Date(now + DEFAULT_TTL_DAYS * DAY_MS);
    if (expiresAt.getTime() <= now || expiresAt.getTime() > now + MAX_TTL_DAYS * DAY_MS) {
      throw new ValidationProblem([{ field: 'expiresAt', message: 'expiresAt must be in the future and at most one year away' }]);
    }
    if (dto.scopes.length === 0) throw new ValidationProblem([{ field: 'scopes', message: 'scopes must name at least one scope' }]);
    return this.dataSource.transaction(async (em) => {
      if (dto.orgUnitId && !(await em.getRepository(OrgUnit).existsBy({ id: dto.orgUnitId }))) {
        throw new ValidationProblem([{ field: 'orgUnitId', message: 'orgUnitId is not an existing org unit' }]);
      }
      const prefix = `hck_${randomBytes(6).toString('hex')}`;
      const key = `${prefix}_${newSecret(32)}`;
      const repo = em.getRepository(ApiKey);
      const saved = await repo.save(
        repo.create({
          name: dto.name,
          prefix,
          secretHash: sha256(key),
          scopes: dto.scopes,
          ownerId: principal.id,
          orgUnitId: dto.orgUnitId ?? null,
          expiresAt,
        }),
      );
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'api_key.create',
        entityType: 'api_key',
        entityId: saved.id,
        after: toApiKeyDto(saved),
      });
      return { ...toApiKeyDto(saved), key };
    });
  }

  async list(query: PageQueryDto): Promise<Page<ApiKeyDto>> {
    return pageByTime(this.dataSource.getRepository(ApiKey).createQueryBuilder('k'), query, toApiKeyDto, { alias: 'k' });
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(ApiKey);
      const key = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!key) throw new NotFoundProblem('API key');
      if (key.revokedAt) return;
      const before = toApiKeyDto(key);
      key.revokedAt = new Date();
      await repo.save(key);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'api_key.revoke',
        entityType: 'api_key',
        entityId: id,
        before,
        after: toApiKeyDto(key),
      });
    });
  }

  /** Resolves an X-API-Key header to a principal, or undefined (unknown, wrong, expired, revoked, owner disabled). */
  async authenticate(raw: string): Promise<Principal | undefined> {
    const match = KEY_FORMAT.exec(raw);
    if (!match) return undefined;
    const key = await this.dataSource
      .getRepository(ApiKey)
      .createQueryBuilder('k')
      .innerJoin(User, 'o', 'o.id = k.ownerId')
      .where('k.prefix = :prefix', { prefix: match[1] })
      .andWhere('k.revokedAt IS NULL')
      .andWhere('k.expiresAt > now()')
      .andWhere("o.status = 'active'")
      .getOne();
    if (!key || !sameHash(key.secretHash, sha256(raw))) return undefined;
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
      [key.id, LAST_USED_RESOLUTION_SECONDS],
    );
    return apiKeyPrincipal(key);
  }
}
