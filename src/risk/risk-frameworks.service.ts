import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Page, pageByTime, PageQueryDto } from '../common/pagination/pagination';
import { FieldError, NotFoundProblem, ProblemError, ValidationProblem } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { CreateRiskFrameworkDto, RiskFrameworkDto } from './dto/risk-framework.dto';
import { RiskFrameworkVersion } from './entities/risk-framework-version.entity';
import type { FrameworkScale } from './risk-framework-v1';
import { RISK_LEVELS, thresholdProblems, type RiskThresholds } from './risk-scoring';

export const toRiskFrameworkDto = (v: RiskFrameworkVersion): RiskFrameworkDto => ({
  id: v.id,
  number: v.number,
  title: v.title,
  description: v.description,
  dimensions: v.dimensions,
  scale: v.scale,
  thresholds: v.thresholds,
  status: v.status,
  publishedAt: v.publishedAt?.toISOString() ?? null,
  createdAt: v.createdAt.toISOString(),
  version: v.version,
});

const publishedImmutable = (): ProblemError =>
  new ProblemError(
    409,
    'risk-framework-immutable',
    'Published version is immutable',
    'A published risk framework version cannot change; draft a new version.',
  );

/** The dimension keys of a version, in its order: the order ratings are shown and checked in. */
export const dimensionKeys = (v: RiskFrameworkVersion): string[] => v.dimensions.map((d) => d.key);

/** Risk framework versions: the current one, CIO drafts and publication (DOMAIN.md §5). */
@Injectable()
export class RiskFrameworksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The highest published version: what a new assessment is rated against. */
  async current(em: EntityManager = this.dataSource.manager): Promise<RiskFrameworkVersion> {
    const v = await em.getRepository(RiskFrameworkVersion).findOne({ where: { status: 'published' }, order: { number: 'DESC' } });
    if (!v) throw new NotFoundProblem('Published risk framework version');
    return v;
  }

  async byId(em: EntityManager, id: string): Promise<RiskFrameworkVersion> {
    const v = await em.getRepository(RiskFrameworkVersion).findOneBy({ id });
    if (!v) throw new NotFoundProblem('Risk framework version');
    return v;
  }

  /** One version; drafts are the CIO's work in progress and invisible to others (404). */
  async get(principal: Principal, id: string): Promise<RiskFrameworkDto> {
    const v = await this.byId(this.dataSource.manager, id);
    if (v.status === 'draft' && !principal.permissions.has('risk_framework.publish')) throw new NotFoundProblem('Risk framework version');
    return toRiskFrameworkDto(v);
  }

  async list(principal: Principal, query: PageQueryDto): Promise<Page<RiskFrameworkDto>> {
    const qb = this.dataSource.getRepository(RiskFrameworkVersion).createQueryBuilder('v');
    if (!principal.permissions.has('risk_framework.publish')) qb.andWhere("v.status = 'published'");
    return pageByTime(qb, query, toRiskFrameworkDto, { alias: 'v' });
  }

  /** A new draft (CIO); whatever the body leaves out is copied from the current version. */
  async createDraft(principal: Principal, dto: CreateRiskFrameworkDto): Promise<RiskFrameworkDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.current(em);
      const content = {
        title: dto.title,
        description: dto.description ?? current.description,
        dimensions:
          dto.dimensions?.map((d) => ({ key: d.key, name: d.name, guidance: d.guidance, raisedBy: [...d.raisedBy] })) ?? current.dimensions,
        scale: dto.scale ? sortedScale(dto.scale) : current.scale,
        thresholds: dto.thresholds ? thresholdsOf(dto.thresholds) : current.thresholds,
      };
      const problems = frameworkProblems(content);
      if (problems.length) throw new ValidationProblem(problems);
      const repo = em.getRepository(RiskFrameworkVersion);
      const draft = await repo.save(repo.create({ ...content, status: 'draft', number: null, createdById: principal.userId }));
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'risk_framework.draft',
        entityType: 'risk_framework_version',
        entityId: draft.id,
        after: toRiskFrameworkDto(draft),
      });
      return toRiskFrameworkDto(draft);
    });
  }

  /** Publishes a draft (CIO): it becomes current for new assessments; running ones keep theirs. */
  async publish(principal: Principal, id: string): Promise<RiskFrameworkDto> {
    return this.dataSource.transaction(async (em) => {
      const draft = await em.getRepository(RiskFrameworkVersion).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!draft) throw new NotFoundProblem('Risk framework version');
      if (draft.status === 'published') throw publishedImmutable();
      // Numbering is serialized by the unique index on number plus this table lock.
      await em.query('LOCK TABLE risk_framework_version IN SHARE ROW EXCLUSIVE MODE');
      const [{ next }] = await em.query<[{ next: number }]>('SELECT COALESCE(MAX(number), 0) + 1 AS next FROM risk_framework_version');
      const before = toRiskFrameworkDto(draft);
      Object.assign(draft, { status: 'published', number: next, publishedAt: new Date(), publishedById: principal.userId });
      const saved = await em.getRepository(RiskFrameworkVersion).save(draft);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'risk_framework.publish',
        entityType: 'risk_framework_version',
        entityId: id,
        before,
        after: toRiskFrameworkDto(saved),
      });
      return toRiskFrameworkDto(saved);
    });
  }
}

function sortedScale(scale: FrameworkScale): FrameworkScale {
  const steps = (s: FrameworkScale['likelihood']) => [...s].sort((a, b) => a.value - b.value).map((x) => ({ ...x }));
  return { likelihood: steps(scale.likelihood), impact: steps(scale.impact) };
}

function thresholdsOf(t: RiskThresholds): RiskThresholds {
  return Object.fromEntries(RISK_LEVELS.map((l) => [l, { min: t[l].min, max: t[l].max }])) as unknown as RiskThresholds;
}

/** Unique dimension keys, each scale step 1–5 exactly once, thresholds covering 1–25 in level order. */
function frameworkProblems(content: { dimensions: { key: string }[]; scale: FrameworkScale; thresholds: RiskThresholds }): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  content.dimensions.forEach((d, i) => {
    if (seen.has(d.key)) problems.push({ field: `dimensions[${i}].key`, message: `key ${d.key} is used twice` });
    seen.add(d.key);
  });
  for (const axis of ['likelihood', 'impact'] as const) {
    const values = content.scale[axis].map((s) => s.value).join(',');
    if (values !== '1,2,3,4,5')
      problems.push({ field: `scale.${axis}`, message: `scale.${axis} must have one step for each value 1 to 5` });
  }
  for (const message of thresholdProblems(content.thresholds)) problems.push({ field: 'thresholds', message });
  return problems;
}
