import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/http/if-match';
import { Page, pageByTime, PageQueryDto } from '../common/pagination/pagination';
import { NotFoundProblem, ProblemError } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { DomainEvents } from '../notifications/domain-events.service';
import { CompactGroup, groupsForRoles, missingGroups } from './compact-groups';
import { CompactAcknowledgement, CompactVersion } from './compact-version.entity';
import {
  AcknowledgementDto,
  AcknowledgementStatusDto,
  CompactVersionDto,
  CreateCompactVersionDto,
  CurrentCompactDto,
  UpdateCompactVersionDto,
} from './dto/compact.dto';

export const toCompactVersionDto = (v: CompactVersion): CompactVersionDto => ({
  id: v.id,
  number: v.number,
  title: v.title,
  intro: v.intro,
  commitments: v.commitments,
  status: v.status,
  publishedAt: v.publishedAt?.toISOString() ?? null,
  createdAt: v.createdAt.toISOString(),
  version: v.version,
});

const publishedImmutable = (): ProblemError =>
  new ProblemError(
    409,
    'compact-version-immutable',
    'Published version is immutable',
    'A published compact version cannot change; draft a new version.',
  );

/** Compact versions, publication and acknowledgements (DOMAIN.md §2). */
@Injectable()
export class CompactService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  async current(em: EntityManager = this.dataSource.manager): Promise<CompactVersion> {
    const v = await em.getRepository(CompactVersion).findOne({ where: { status: 'published' }, order: { number: 'DESC' } });
    if (!v) throw new NotFoundProblem('Published compact version');
    return v;
  }

  async currentFor(principal: Principal): Promise<CurrentCompactDto> {
    const version = await this.current();
    if (principal.type !== 'user') return { version: toCompactVersionDto(version) };
    return { version: toCompactVersionDto(version), acknowledgement: await this.status(this.dataSource.manager, principal, version) };
  }

  async list(principal: Principal, query: PageQueryDto): Promise<Page<CompactVersionDto>> {
    const qb = this.dataSource.getRepository(CompactVersion).createQueryBuilder('v');
    // Drafts are the CIO's work in progress.
    if (!principal.permissions.has('compact.publish')) qb.andWhere("v.status = 'published'");
    return pageByTime(qb, query, toCompactVersionDto, { alias: 'v' });
  }

  async createDraft(principal: Principal, dto: CreateCompactVersionDto): Promise<CompactVersionDto> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(CompactVersion);
      const draft = await repo.save(
        repo.create({ ...dto, commitments: { ...dto.commitments }, status: 'draft', number: null, createdById: principal.userId }),
      );
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'compact.draft',
        entityType: 'compact_version',
        entityId: draft.id,
        after: toCompactVersionDto(draft),
      });
      return toCompactVersionDto(draft);
    });
  }

  async updateDraft(principal: Principal, id: string, expectedVersion: number, dto: UpdateCompactVersionDto): Promise<CompactVersionDto> {
    return this.dataSource.transaction(async (em) => {
      const draft = await this.lock(em, id);
      if (draft.status === 'published') throw publishedImmutable();
      assertVersion(expectedVersion, draft.version);
      const before = toCompactVersionDto(draft);
      Object.assign(draft, {
        title: dto.title ?? draft.title,
        intro: dto.intro ?? draft.intro,
        commitments: dto.commitments ? { ...dto.commitments } : draft.commitments,
      });
      const saved = await em.getRepository(CompactVersion).save(draft);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'compact.edit',
        entityType: 'compact_version',
        entityId: id,
        before,
        after: toCompactVersionDto(saved),
      });
      return toCompactVersionDto(saved);
    });
  }

  async publish(principal: Principal, id: string): Promise<CompactVersionDto> {
    return this.dataSource.transaction(async (em) => {
      const draft = await this.lock(em, id);
      if (draft.status === 'published') throw publishedImmutable();
      // Numbering is serialized by the unique index on number plus this table lock.
      await em.query('LOCK TABLE compact_version IN SHARE ROW EXCLUSIVE MODE');
      const [{ next }] = await em.query<[{ next: number }]>('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM compact_version');
      const before = toCompactVersionDto(draft);
      Object.assign(draft, { status: 'published', number: next, publishedAt: new Date(), publishedById: principal.userId });
      const saved = await em.getRepository(CompactVersion).save(draft);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'compact.publish',
        entityType: 'compact_version',
        entityId: id,
        before,
        after: toCompactVersionDto(saved),
      });
      await this.events.publish(em, {
        type: 'compact.published',
        actor: actorOf(principal),
        data: { compactVersion: { id: saved.id, number: saved.number, title: saved.title, publishedAt: saved.publishedAt?.toISOString() } },
      });
      return toCompactVersionDto(saved);
    });
  }

  /** Records the caller's acknowledgement of the current version for every group their roles put them in. */
  async acknowledge(principal: Principal, versionId: string): Promise<{ created: boolean; items: AcknowledgementDto[] }> {
    const userId = this.userIdOf(principal);
    return this.dataSource.transaction(async (em) => {
      const current = await this.current(em);
      if (current.id !== versionId) {
        const exists = await em.getRepository(CompactVersion).existsBy({ id: versionId, status: 'published' });
        if (!exists) throw new NotFoundProblem('Compact version');
        throw new ProblemError(
          409,
          'compact-version-not-current',
          'Not the current version',
          `Acknowledge the current version (${current.number}).`,
          {
            currentVersionId: current.id,
          },
        );
      }
      const repo = em.getRepository(CompactAcknowledgement);
      const existing = await repo.findBy({ userId, compactVersionId: current.id });
      const missing = missingGroups(
        groupsForRoles(principal.roles),
        existing.map((a) => a.compactGroup),
      );
      const created = await repo.save(missing.map((g) => repo.create({ userId, compactVersionId: current.id, compactGroup: g })));
      for (const ack of created) {
        await this.audit.record(em, {
          actor: actorOf(principal),
          action: 'compact.acknowledge',
          entityType: 'compact_acknowledgement',
          entityId: ack.id,
          after: { versionId: current.id, versionNumber: current.number, group: ack.compactGroup },
        });
      }
      return { created: created.length > 0, items: [...existing, ...created].map((a) => this.toAckDto(a, current)) };
    });
  }

  async myAcknowledgements(principal: Principal): Promise<AcknowledgementDto[]> {
    const rows = await this.dataSource
      .getRepository(CompactAcknowledgement)
      .createQueryBuilder('a')
      .innerJoinAndMapOne('a.version', CompactVersion, 'v', 'v.id = a.compactVersionId')
      .where('a.userId = :userId', { userId: this.userIdOf(principal) })
      .orderBy('a.acknowledgedAt', 'DESC')
      .getMany();
    return rows.map((a) => this.toAckDto(a, (a as CompactAcknowledgement & { version: CompactVersion }).version));
  }

  /**
   * Guard for submit (hero), assess (it) and decide (manager): 403 compact-not-acknowledged unless
   * the caller acknowledged the current version for that group. Call inside the command's transaction.
   */
  async assertAcknowledged(em: EntityManager, principal: Principal, group: CompactGroup): Promise<void> {
    const current = await this.current(em);
    const acknowledged = await em.getRepository(CompactAcknowledgement).existsBy({
      userId: this.userIdOf(principal),
      compactVersionId: current.id,
      compactGroup: group,
    });
    if (!acknowledged) {
      throw new ProblemError(
        403,
        'compact-not-acknowledged',
        'Compact not acknowledged',
        `Acknowledge version ${current.number} of the HERO Compact (POST /api/v1/compact/acknowledgements) before you continue.`,
        { currentVersionId: current.id, group },
      );
    }
  }

  private async status(em: EntityManager, principal: Principal, version: CompactVersion): Promise<AcknowledgementStatusDto> {
    const acks = await em.getRepository(CompactAcknowledgement).findBy({ userId: this.userIdOf(principal), compactVersionId: version.id });
    const groups = groupsForRoles(principal.roles);
    const missing = missingGroups(
      groups,
      acks.map((a) => a.compactGroup),
    );
    const latest = acks.reduce<Date | null>((d, a) => (d && d > a.acknowledgedAt ? d : a.acknowledgedAt), null);
    return {
      required: missing.length > 0,
      groups,
      missingGroups: missing,
      acknowledgedAt: missing.length === 0 ? (latest?.toISOString() ?? null) : null,
    };
  }

  private async lock(em: EntityManager, id: string): Promise<CompactVersion> {
    const v = await em.getRepository(CompactVersion).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!v) throw new NotFoundProblem('Compact version');
    return v;
  }

  private userIdOf(principal: Principal): string {
    if (!principal.userId) throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only people acknowledge the compact.');
    return principal.userId;
  }

  private toAckDto(a: CompactAcknowledgement, v: CompactVersion): AcknowledgementDto {
    return {
      id: a.id,
      versionId: v.id,
      versionNumber: v.number ?? 0,
      group: a.compactGroup,
      acknowledgedAt: a.acknowledgedAt.toISOString(),
    };
  }
}
