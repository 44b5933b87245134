import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { assertVersion } from '../../common/http/if-match';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQueryDto, toPage } from '../../common/pagination/pagination';
import { NotFoundProblem, ProblemError, ValidationProblem } from '../../common/problem/problem';
import { AuditService } from '../../audit/audit.service';
import { actorOf, type Principal } from '../auth/principal';
import { CreateOrgUnitDto, OrgUnitDto, UpdateOrgUnitDto } from '../dto/identity.dto';
import { OrgUnit } from '../entities/org-unit.entity';
import { toOrgUnitDto } from '../identity.mappers';

/**
 * Serializes tree moves. Each move checks for a cycle against the parent path it reads, so two
 * concurrent crossing moves (A under B's child, B under A's child) would both pass and leave a
 * cycle; taken before any row lock, so a move never waits on the lock while holding a row.
 */
const TREE_MOVE_LOCK_KEY = 7_204_918_332;

/** The org tree (DOMAIN.md §1). Subtree = materialized-path prefix match, one indexed query. */
@Injectable()
export class OrgUnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<OrgUnitDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ path: string }>(query.cursor, ['path']);
    const qb = this.dataSource
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .orderBy('u.path', 'ASC')
      .limit(limit + 1);
    if (after) qb.where('u.path > :path', { path: after.path });
    return toPage(await qb.getMany(), limit, toOrgUnitDto, (u) => ({ path: u.path }));
  }

  async get(id: string): Promise<OrgUnit> {
    const unit = await this.dataSource.getRepository(OrgUnit).findOneBy({ id });
    if (!unit) throw new NotFoundProblem('Org unit');
    return unit;
  }

  /** True when `unitId` is `ancestorId` or below it. */
  async isWithin(unitId: string, ancestorId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM org_unit u JOIN org_unit a ON a.id = $2 WHERE u.id = $1 AND u.path LIKE a.path || '%'`,
      [unitId, ancestorId],
    );
    return rows.length > 0;
  }

  /** The ids of a unit and every unit below it (none for an unknown unit): one read of the path index. */
  async subtreeIds(unitId: string): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT u.id FROM org_unit u JOIN org_unit a ON a.id = $1 WHERE u.path LIKE a.path || '%'`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }

  async create(principal: Principal, dto: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(OrgUnit);
      const id = randomUUID();
      let parent: OrgUnit | null = null;
      if (dto.parentId) {
        parent = await repo.findOneBy({ id: dto.parentId });
        if (!parent) throw new ValidationProblem([{ field: 'parentId', message: 'parentId is not an existing org unit' }]);
      } else if ((await repo.count()) > 0) {
        throw new ValidationProblem([{ field: 'parentId', message: 'parentId is required: the organisation already has a root unit' }]);
      }
      const unit = await repo.save(
        repo.create({
          id,
          name: dto.name,
          kind: dto.kind,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
          depth: parent ? parent.depth + 1 : 0,
        }),
      );
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'org_unit.create',
        entityType: 'org_unit',
        entityId: id,
        after: toOrgUnitDto(unit),
      });
      return toOrgUnitDto(unit);
    });
  }

  async update(principal: Principal, id: string, expectedVersion: number, dto: UpdateOrgUnitDto): Promise<OrgUnitDto> {
    return this.dataSource.transaction(async (em) => {
      if (dto.parentId !== undefined) await em.query('SELECT pg_advisory_xact_lock($1)', [TREE_MOVE_LOCK_KEY]);
      const repo = em.getRepository(OrgUnit);
      const unit = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw new NotFoundProblem('Org unit');
      assertVersion(expectedVersion, unit.version);
      const before = toOrgUnitDto(unit);
      if (dto.parentId !== undefined && dto.parentId !== unit.parentId) await this.move(em, unit, dto.parentId);
      if (dto.name !== undefined) unit.name = dto.name;
      if (dto.kind !== undefined) unit.kind = dto.kind;
      const saved = await repo.save(unit);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'org_unit.update',
        entityType: 'org_unit',
        entityId: id,
        before,
        after: toOrgUnitDto(saved),
      });
      return toOrgUnitDto(saved);
    });
  }

  /** Re-roots the whole subtree in one statement; moving under itself or a descendant is a cycle (409). */
  private async move(em: EntityManager, unit: OrgUnit, parentId: string): Promise<void> {
    const parent = await em.getRepository(OrgUnit).findOneBy({ id: parentId });
    if (!parent) throw new ValidationProblem([{ field: 'parentId', message: 'parentId is not an existing org unit' }]);
    if (parent.path.startsWith(unit.path)) {
      throw new ProblemError(
        409,
        'org-unit-cycle',
        'Move would create a cycle',
        'An org unit cannot be moved under itself or one of its descendants.',
      );
    }
    const oldPath = unit.path;
    const newPath = `${parent.path}${unit.id}/`;
    const depthDelta = parent.depth + 1 - unit.depth;
    await em.query(
      `UPDATE org_unit SET path = $2 || substr(path, length($1) + 1), depth = depth + $3, updated_at = now()
       WHERE path LIKE $1 || '%' AND id <> $4`,
      [oldPath, newPath, depthDelta, unit.id],
    );
    unit.parentId = parent.id;
    unit.path = newPath;
    unit.depth += depthDelta;
  }
}
