import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertVersion } from '../common/http/if-match';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQueryDto, toPage } from '../common/pagination/pagination';
import { FieldError, ProblemError, ValidationProblem } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { User } from '../identity/entities/user.entity';
import { AssessmentAccess, isAssessmentWriter, type LoadedAssessment } from './assessment-access';
import { assessmentScope, inFrameworkOrder, ratingInputProblems, type AssessmentScope, type RatingInput } from './assessment-rules';
import type { SubmittedAssessmentSummary } from './assessment-summary';
import { assessmentAuditView, toAssessmentDto, toSubmittedSummary } from './assessment.mapper';
import {
  AssessmentDto,
  CreateAssessmentDto,
  MitigationInputDto,
  ProposedConditionInputDto,
  UpdateAssessmentDto,
} from './dto/assessment.dto';
import { RiskAssessment, RiskAssessmentRating, type Mitigation, type ProposedCondition } from './entities/risk-assessment.entity';
import { RiskFrameworkVersion } from './entities/risk-framework-version.entity';
import { dimensionKeys, RiskFrameworksService } from './risk-frameworks.service';
import { rateDimension } from './risk-scoring';

const dtoOf = (l: Omit<LoadedAssessment, 'project' | 'relations'>): AssessmentDto =>
  toAssessmentDto(l.assessment, l.ratings, l.framework, l.scope);

/** Assessment revisions of a project (DOMAIN.md §5): start, edit a draft, read; submission is in AssessmentSubmissionService. */
@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AssessmentAccess,
    private readonly frameworks: RiskFrameworksService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The latest submitted revision of a project, or null: what a manager decides on. Read inside
   * the caller's transaction (`em`). Submitted revisions are immutable, so no lock is needed.
   */
  async latestSubmitted(em: EntityManager, projectId: string): Promise<SubmittedAssessmentSummary | null> {
    const a = await em.getRepository(RiskAssessment).findOne({ where: { projectId, status: 'submitted' }, order: { revision: 'DESC' } });
    return a ? toSubmittedSummary(a) : null;
  }

  async get(principal: Principal, id: string): Promise<AssessmentDto> {
    return dtoOf(await this.access.load(this.dataSource.manager, principal, id));
  }

  /** Revisions, newest first. Drafts only for the assigned advisor and the CIO. */
  async list(principal: Principal, projectId: string, query: PageQueryDto): Promise<Page<AssessmentDto>> {
    const em = this.dataSource.manager;
    const { project, relations } = await this.access.project(em, principal, projectId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ revision: number }>(query.cursor, ['revision']);
    const qb = em
      .getRepository(RiskAssessment)
      .createQueryBuilder('a')
      .where('a.projectId = :projectId', { projectId })
      .orderBy('a.revision', 'DESC')
      .limit(limit + 1);
    if (!isAssessmentWriter(relations)) qb.andWhere("a.status = 'submitted'");
    if (after) qb.andWhere('a.revision < :revision', { revision: Number(after.revision) });
    const rows = await qb.getMany();
    const details = await Promise.all(rows.map((a) => this.access.details(em, a, project)));
    return toPage(details, limit, dtoOf, (d) => ({ revision: d.assessment.revision }));
  }

  /**
   * Starts a new revision on the current framework version. It is pre-filled from the HERO's
   * self-screening (attention flags) or, with `copyFrom: previous`, from the last submitted revision.
   */
  async create(principal: Principal, projectId: string, dto: CreateAssessmentDto): Promise<AssessmentDto> {
    return this.dataSource.transaction(async (em) => {
      // Serializes revision numbering and the one-draft rule per project.
      await em.query('SELECT 1 FROM project WHERE id = $1 FOR UPDATE', [projectId]);
      const { project, relations } = await this.access.project(em, principal, projectId);
      this.access.assertWriter(relations);
      this.access.assertAssessable(project);
      const repo = em.getRepository(RiskAssessment);
      const draft = await repo.findOneBy({ projectId, status: 'draft' });
      if (draft) {
        throw new ProblemError(409, 'assessment-draft-exists', 'A draft exists', 'Continue the draft revision of this project.', {
          assessmentId: draft.id,
        });
      }
      const framework = await this.frameworks.current(em);
      const keys = dimensionKeys(framework);
      const scope = assessmentScope(keys, project.fastTrack, project.selfScreening);
      const previous = dto.copyFrom === 'previous' ? await this.previousOrFail(em, projectId) : null;
      const [{ next }] = await em.query<[{ next: number }]>(
        'SELECT COALESCE(MAX(revision), 0) + 1 AS next FROM risk_assessment WHERE project_id = $1',
        [projectId],
      );
      const assessment = await repo.save(
        repo.create({
          projectId,
          revision: next,
          frameworkVersionId: framework.id,
          status: 'draft',
          light: scope.light,
          scope: scope.scope,
          createdById: principal.userId!,
          assessorId: principal.userId!,
          summary: previous?.assessment.summary ?? '',
          mitigations: previous ? previous.assessment.mitigations.filter((m) => m.dimension === null || keys.includes(m.dimension)) : [],
          proposedConditions: previous?.assessment.proposedConditions ?? [],
          copiedFromId: previous?.assessment.id ?? null,
        }),
      );
      // Copied ratings are re-scored on this revision's framework; dimensions it no longer has are dropped.
      const inScope = new Set(scope.scope.map((s) => s.dimension));
      const copied = (previous?.ratings ?? []).filter((r) => inScope.has(r.dimension));
      const ratings = await this.saveRatings(em, assessment.id, copied, framework);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'assessment.create',
        entityType: 'risk_assessment',
        entityId: assessment.id,
        projectId,
        after: assessmentAuditView(assessment, ratings),
      });
      return toAssessmentDto(assessment, ratings, framework, scope);
    });
  }

  /** Edits a draft (assigned advisor or CIO) with If-Match; lists given replace the stored ones. */
  async update(principal: Principal, id: string, expectedVersion: number, dto: UpdateAssessmentDto): Promise<AssessmentDto> {
    return this.dataSource.transaction(async (em) => {
      const loaded = await this.access.load(em, principal, id, true);
      const { assessment, project, framework, scope } = loaded;
      this.access.assertWriter(loaded.relations);
      assertDraft(assessment);
      this.access.assertAssessable(project);
      assertVersion(expectedVersion, assessment.version);
      await this.assertInput(em, dto, dimensionKeys(framework), scope);
      const before = assessmentAuditView(assessment, loaded.ratings);
      let ratings = loaded.ratings;
      if (dto.ratings) {
        await em.getRepository(RiskAssessmentRating).delete({ assessmentId: id });
        ratings = await this.saveRatings(em, id, dto.ratings, framework);
      }
      if (dto.mitigations) assessment.mitigations = dto.mitigations.map(toMitigation);
      if (dto.proposedConditions) assessment.proposedConditions = dto.proposedConditions.map(toCondition);
      if (dto.recommendation !== undefined) assessment.recommendation = dto.recommendation;
      if (dto.summary !== undefined) assessment.summary = dto.summary;
      assessment.light = scope.light;
      assessment.scope = scope.scope;
      // Bumps the version even when only ratings changed, so If-Match protects them too.
      assessment.updatedAt = new Date();
      const saved = await em.getRepository(RiskAssessment).save(assessment);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'assessment.edit',
        entityType: 'risk_assessment',
        entityId: id,
        projectId: project.id,
        before,
        after: assessmentAuditView(saved, ratings),
      });
      return toAssessmentDto(saved, ratings, framework, scope);
    });
  }

  private async previousOrFail(
    em: EntityManager,
    projectId: string,
  ): Promise<{ assessment: RiskAssessment; ratings: RiskAssessmentRating[] }> {
    const assessment = await em
      .getRepository(RiskAssessment)
      .findOne({ where: { projectId, status: 'submitted' }, order: { revision: 'DESC' } });
    if (!assessment) {
      throw new ProblemError(
        409,
        'no-previous-assessment',
        'No previous assessment',
        'This project has no submitted revision to copy from.',
      );
    }
    return { assessment, ratings: await em.getRepository(RiskAssessmentRating).findBy({ assessmentId: assessment.id }) };
  }

  /** Scores each rating with the framework version's thresholds and stores it, in framework order. */
  private async saveRatings(
    em: EntityManager,
    assessmentId: string,
    inputs: readonly RatingInput[],
    framework: RiskFrameworkVersion,
  ): Promise<RiskAssessmentRating[]> {
    const repo = em.getRepository(RiskAssessmentRating);
    const rows = inputs.map((input) => {
      const rated = rateDimension(input, framework.thresholds);
      return repo.create({
        assessmentId,
        dimension: input.dimension,
        likelihood: input.likelihood,
        impact: input.impact,
        residualLikelihood: input.residualLikelihood ?? input.likelihood,
        residualImpact: input.residualImpact ?? input.impact,
        rationale: input.rationale?.trim() ?? '',
        inherentScore: rated.inherentScore,
        inherentLevel: rated.inherentLevel,
        residualScore: rated.residualScore,
        residualLevel: rated.residualLevel,
      });
    });
    return inFrameworkOrder(await repo.save(rows), dimensionKeys(framework));
  }

  private async assertInput(em: EntityManager, dto: UpdateAssessmentDto, keys: string[], scope: AssessmentScope): Promise<void> {
    const problems: FieldError[] = dto.ratings ? ratingInputProblems(dto.ratings, keys, scope) : [];
    dto.mitigations?.forEach((m, i) => {
      if (m.dimension !== undefined && !keys.includes(m.dimension)) {
        problems.push({ field: `mitigations[${i}].dimension`, message: `${m.dimension} is not a dimension of this framework version` });
      }
    });
    const ownerIds = [...new Set((dto.proposedConditions ?? []).flatMap((c) => (c.ownerId ? [c.ownerId] : [])))];
    const active = new Set(
      ownerIds.length ? (await em.getRepository(User).findBy({ id: In(ownerIds), status: 'active' })).map((u) => u.id) : [],
    );
    dto.proposedConditions?.forEach((c, i) => {
      if (c.ownerId && !active.has(c.ownerId))
        problems.push({ field: `proposedConditions[${i}].ownerId`, message: 'ownerId must be an active user' });
    });
    if (problems.length) throw new ValidationProblem(problems);
  }
}

export function assertDraft(a: RiskAssessment): void {
  if (a.status === 'draft') return;
  throw new ProblemError(
    409,
    'assessment-submitted',
    'Assessment already submitted',
    'A submitted revision is immutable; start a new revision when the project is back in review.',
  );
}

const toMitigation = (m: MitigationInputDto): Mitigation => ({
  text: m.text,
  owner: m.owner,
  dueDate: m.dueDate ?? null,
  status: m.status ?? 'open',
  dimension: m.dimension ?? null,
});

const toCondition = (c: ProposedConditionInputDto): ProposedCondition => ({
  text: c.text,
  ownerId: c.ownerId ?? null,
  dueDate: c.dueDate ?? null,
});
