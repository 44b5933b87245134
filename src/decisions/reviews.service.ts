import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CompactService } from '../compact/compact.service';
import { ProblemError } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import type { Project } from '../projects/entities/project.entity';
import { ProjectAccess } from '../projects/project-access';
import type { Actor } from '../projects/project-lifecycle';
import { ProjectLifecycleService } from '../projects/project-lifecycle.service';
import { addDays, isoDay } from './calendar';
import { loadPeople } from './decision-views.service';
import { markRetired } from './delivery.service';
import { ReviewDto, ReviewInputDto, ReviewScheduleDto } from './dto/kpi.dto';
import { PostLaunchReview } from './entities/post-launch-review.entity';
import { KpisService } from './kpis.service';
import { reviewRefusal, reviewSchedule } from './post-launch-reviews';

const toReviewDto = (r: PostLaunchReview, reviewerName: string, projectState: string): ReviewDto => ({
  id: r.id,
  milestone: r.milestone,
  dueOn: r.dueOn,
  outcome: r.outcome,
  rationale: r.rationale,
  reviewer: { id: r.reviewerId, displayName: reviewerName },
  kpis: r.kpis,
  recordedAt: r.recordedAt.toISOString(),
  projectState,
});

/**
 * Post-launch reviews (DOMAIN.md §7): due 30 and 90 days after launch, recorded by the sponsoring
 * manager from the KPIs. "stop" retires the project through the lifecycle, in the same transaction.
 */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly lifecycle: ProjectLifecycleService,
    private readonly kpis: KpisService,
    private readonly compact: CompactService,
    private readonly audit: AuditService,
  ) {}

  async schedule(principal: Principal, projectId: string): Promise<ReviewScheduleDto> {
    const em = this.dataSource.manager;
    const project = await this.access.findVisible(principal, projectId, em);
    if (!project.launchedAt) return { projectId, launchedOn: null, items: [] };
    const launchedOn = isoDay(project.launchedAt);
    const reviews = await em.getRepository(PostLaunchReview).find({ where: { projectId }, order: { milestone: 'ASC' } });
    const people = await loadPeople(
      em,
      reviews.map((r) => r.reviewerId),
    );
    const recorded = new Set(reviews.map((r) => r.milestone));
    const items = reviewSchedule(launchedOn, isoDay(), recorded, project.state === 'launched').map((s) => {
      const review = reviews.find((r) => r.milestone === s.milestone);
      return { ...s, review: review ? toReviewDto(review, people.get(review.reviewerId)?.displayName ?? 'Unknown', project.state) : null };
    });
    return { projectId, launchedOn, items };
  }

  async record(principal: Principal, projectId: string, dto: ReviewInputDto): Promise<ReviewDto> {
    let review: PostLaunchReview | undefined;
    if (dto.outcome === 'stop') {
      const project = await this.lifecycle.run(principal, projectId, 'retire', async (em, p, relations) => {
        review = await this.write(em, principal, p, relations, dto);
        markRetired(p, `Post-launch review (${dto.milestone} days) decided to stop: ${dto.rationale.trim()}`);
      });
      return toReviewDto(review!, principal.displayName, project.state);
    }
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT 1 FROM project WHERE id = $1 FOR UPDATE', [projectId]);
      const project = await this.access.findVisible(principal, projectId, em);
      if (project.state !== 'launched') {
        throw new ProblemError(
          409,
          'project-not-launched',
          'Project not launched',
          'Post-launch reviews are recorded for launched projects.',
          {
            currentState: project.state,
          },
        );
      }
      review = await this.write(em, principal, project, await this.access.relationsOf(principal, project, em), dto);
      return toReviewDto(review, principal.displayName, project.state);
    });
  }

  /** Checks who and when, snapshots the KPIs and records the review with its audit event. */
  private async write(
    em: EntityManager,
    principal: Principal,
    project: Project,
    relations: ReadonlySet<Actor>,
    dto: ReviewInputDto,
  ): Promise<PostLaunchReview> {
    if (!relations.has('sponsor_manager') || relations.has('proposer') || relations.has('team_member')) {
      throw new ProblemError(
        403,
        'forbidden',
        'Not allowed',
        'A post-launch review is recorded by a manager over the project’s unit who does not work on it.',
      );
    }
    await this.compact.assertAcknowledged(em, principal, 'manager');
    const launchedOn = isoDay(project.launchedAt!);
    const recorded = new Set((await em.getRepository(PostLaunchReview).findBy({ projectId: project.id })).map((r) => r.milestone));
    const refusal = reviewRefusal(dto.milestone, launchedOn, isoDay(), recorded);
    if (refusal === 'already_recorded') {
      throw new ProblemError(
        409,
        'review-already-recorded',
        'Review already recorded',
        `The ${dto.milestone}-day review is already recorded.`,
      );
    }
    if (refusal === 'not_due_yet') {
      const dueOn = addDays(launchedOn, dto.milestone);
      throw new ProblemError(409, 'review-not-due', 'Review not due yet', `The ${dto.milestone}-day review falls due on ${dueOn}.`, {
        dueOn,
      });
    }
    const repo = em.getRepository(PostLaunchReview);
    const saved = await repo.save(
      repo.create({
        projectId: project.id,
        milestone: dto.milestone,
        dueOn: addDays(launchedOn, dto.milestone),
        outcome: dto.outcome,
        rationale: dto.rationale.trim(),
        reviewerId: principal.userId!,
        kpis: await this.kpis.items(em, project),
      }),
    );
    await this.audit.record(em, {
      actor: actorOf(principal),
      action: 'project.review',
      entityType: 'post_launch_review',
      entityId: saved.id,
      projectId: project.id,
      after: { milestone: saved.milestone, outcome: saved.outcome, rationale: saved.rationale },
    });
    return saved;
  }
}
