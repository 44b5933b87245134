import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { assertVersion } from '../common/http/if-match';
import { Page, pageByTime, PageQueryDto } from '../common/pagination/pagination';
import { NotFoundProblem, ValidationProblem } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { CreateWebhookDto, UpdateWebhookDto, WebhookDto } from './dto/webhook.dto';
import { WebhookSubscription } from './entities/webhook-subscription.entity';
import { generateSecret, secretProblem } from './webhook-secret';
import { checkTarget, systemResolver } from './webhook-target';

export const toWebhookDto = (s: WebhookSubscription): WebhookDto => ({
  id: s.id,
  url: s.url,
  description: s.description,
  eventTypes: s.eventTypes,
  enabled: s.enabled,
  disabledReason: s.disabledReason,
  disabledAt: s.disabledAt?.toISOString() ?? null,
  consecutiveFailures: s.consecutiveFailures,
  orgUnitScope: s.orgUnitScope,
  owner: { type: s.ownerType, id: s.ownerId },
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  version: s.version,
});

/**
 * Webhook subscriptions (DOMAIN.md §10). Admins manage all of them; an API key with
 * `webhooks:manage` manages the ones it created (anyone else's is a 404), and a key bound to an
 * org unit only ever receives events of that unit's subtree. Secrets never reach the audit trail.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, query: PageQueryDto): Promise<Page<WebhookDto>> {
    return pageByTime(this.visible(this.dataSource.manager, principal), query, toWebhookDto, { alias: 's' });
  }

  async get(principal: Principal, id: string): Promise<WebhookDto> {
    return toWebhookDto(await this.find(this.dataSource.manager, principal, id));
  }

  /** The subscription if the caller may manage it, else 404 (optionally locked for update). */
  async find(em: EntityManager, principal: Principal, id: string, lock = false): Promise<WebhookSubscription> {
    const qb = this.visible(em, principal).andWhere('s.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const s = await qb.getOne();
    if (!s) throw new NotFoundProblem('Webhook subscription');
    return s;
  }

  async create(principal: Principal, dto: CreateWebhookDto): Promise<WebhookDto> {
    await this.assertTarget(dto.url);
    const secret = dto.secret ?? generateSecret();
    this.assertSecret(secret);
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(WebhookSubscription);
      const saved = await repo.save(
        repo.create({
          url: dto.url,
          description: dto.description ?? '',
          eventTypes: dto.eventTypes,
          secret,
          ownerType: principal.type,
          ownerId: principal.id,
          orgUnitScope: principal.type === 'api_key' ? principal.orgUnitId : null,
        }),
      );
      await this.record(em, principal, 'webhook.create', saved.id, undefined, toWebhookDto(saved));
      return { ...toWebhookDto(saved), secret };
    });
  }

  async update(principal: Principal, id: string, expectedVersion: number, dto: UpdateWebhookDto): Promise<WebhookDto> {
    if (dto.url !== undefined) await this.assertTarget(dto.url);
    if (dto.secret !== undefined && dto.rotateSecret) {
      throw new ValidationProblem([{ field: 'rotateSecret', message: 'send either secret or rotateSecret, not both' }]);
    }
    const secret = dto.rotateSecret ? generateSecret() : dto.secret;
    if (secret !== undefined) this.assertSecret(secret);
    return this.dataSource.transaction(async (em) => {
      const s = await this.find(em, principal, id, true);
      assertVersion(expectedVersion, s.version);
      const before = toWebhookDto(s);
      Object.assign(s, {
        url: dto.url ?? s.url,
        description: dto.description ?? s.description,
        eventTypes: dto.eventTypes ?? s.eventTypes,
        secret: secret ?? s.secret,
      });
      if (dto.enabled === true && !s.enabled)
        Object.assign(s, { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0 });
      if (dto.enabled === false && s.enabled)
        Object.assign(s, { enabled: false, disabledReason: `disabled by ${principal.displayName}`, disabledAt: new Date() });
      const saved = await em.getRepository(WebhookSubscription).save(s);
      const after = toWebhookDto(saved);
      await this.record(em, principal, secret ? 'webhook.update_secret' : 'webhook.update', id, before, after);
      return secret && dto.rotateSecret ? { ...after, secret } : after;
    });
  }

  async remove(principal: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const s = await this.find(em, principal, id, true);
      await em.getRepository(WebhookSubscription).delete({ id: s.id });
      await this.record(em, principal, 'webhook.delete', id, toWebhookDto(s), undefined);
    });
  }

  private visible(em: EntityManager, principal: Principal): SelectQueryBuilder<WebhookSubscription> {
    const qb = em.getRepository(WebhookSubscription).createQueryBuilder('s');
    // Users reach this only with webhook.manage (admins): they see every subscription.
    if (principal.type === 'api_key') qb.where("s.ownerType = 'api_key' AND s.ownerId = :owner", { owner: principal.id });
    return qb;
  }

  private async assertTarget(url: string): Promise<void> {
    const check = await checkTarget(url, this.config.webhook.allowPrivateTargets, systemResolver);
    if (!check.ok) throw new ValidationProblem([{ field: 'url', message: check.reason }]);
  }

  private assertSecret(secret: string): void {
    const problem = secretProblem(secret);
    if (problem) throw new ValidationProblem([{ field: 'secret', message: problem }]);
  }

  private async record(
    em: EntityManager,
    principal: Principal,
    action: string,
    id: string,
    before?: WebhookDto,
    after?: WebhookDto,
  ): Promise<void> {
    await this.audit.record(em, { actor: actorOf(principal), action, entityType: 'webhook_subscription', entityId: id, before, after });
  }
}
