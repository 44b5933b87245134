import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CompactService } from '../compact/compact.service';
import { NotFoundProblem, ProblemError, ValidationProblem } from '../common/problem/problem';
import { assertCanAssess } from '../decisions/separation-of-duties';
import { actorOf, type Principal } from '../identity/auth/principal';
import { User } from '../identity/entities/user.entity';
import { DomainEvents } from '../notifications/domain-events.service';
import { AssignDto, ReasonDto, RequestInfoDto, RespondDto } from './dto/project-action.dto';
import { ProjectDto } from './dto/project.dto';
import { Project } from './entities/project.entity';
import { ProjectTransition } from './entities/project-transition.entity';
import { ProjectAccess } from './project-access';
import { invalidTransition, missingForSubmission } from './project-actions';
import { allowedActions, isProjectState, transition, type Actor, type LifecycleAction, type TransitionContext } from './project-lifecycle';
import { ProjectCommentsService } from './project-comments.service';
import { projectAuditView } from './project.mapper';
import { ProjectViews } from './project-views.service';

type Guard = (em: EntityManager, project: Project, relations: ReadonlySet<Actor>) => Promise<void>;
/** Runs under the row lock before the lifecycle table is consulted. */
type Precheck = (em: EntityManager, project: Project) => Promise<void>;

/** Runs lifecycle actions (DOMAIN.md §4): one transaction each, serialized per project by a row lock. */
@Injectable()
export class ProjectLifecycleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly views: ProjectViews,
    private readonly compact: CompactService,
    private readonly comments: ProjectCommentsService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  submit(principal: Principal, id: string): Promise<ProjectDto> {
    return this.run(principal, id, 'submit', async (em, project) => {
      await this.compact.assertAcknowledged(em, principal, 'hero');
      const missing = missingForSubmission(project);
      if (missing.length)
        throw new ProblemError(400, 'project-incomplete', 'Project incomplete', 'Complete these fields before submitting.', {}, missing);
      project.submittedAt = new Date();
    });
  }

  assign(principal: Principal, id: string, dto: AssignDto): Promise<ProjectDto> {
    return this.run(principal, id, 'assign', async (em, project, relations) => {
      const advisorId = dto.advisorId ?? principal.userId!;
      if (advisorId !== principal.userId && !relations.has('cio')) {
        throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only the CIO assigns another advisor; an advisor may assign themself.');
      }
      const advisor = await em.getRepository(User).findOneBy({ id: advisorId, status: 'active' });
      if (!advisor || !(advisor.roles.includes('it_advisor') || advisor.roles.includes('cio'))) {
        throw new ValidationProblem([{ field: 'advisorId', message: 'advisorId must be an active IT advisor or the CIO' }]);
      }
      const check = assertCanAssess({
        advisor: { userId: advisor.id, roles: advisor.roles },
        project: { proposerId: project.proposerId, teamMemberIds: (project.team ?? []).map((m) => m.userId) },
      });
      if (!check.ok) {
        throw new ProblemError(
          409,
          'advisor-conflict',
          'Advisor has a conflict of interest',
          'The advisor proposed or works on this project and cannot assess it.',
          {
            reason: check.reason,
          },
        );
      }
      project.assignedAdvisorId = advisor.id;
    });
  }

  requestInfo(principal: Principal, id: string, dto: RequestInfoDto): Promise<ProjectDto> {
    return this.run(principal, id, 'request_info', async (em, project) => {
      await this.comments.write(em, principal, project.id, 'question', dto.question);
    });
  }

  respond(principal: Principal, id: string, dto: RespondDto): Promise<ProjectDto> {
    return this.run(principal, id, 'respond', async (em, project) => {
      await this.comments.write(em, principal, project.id, 'answer', dto.answer);
    });
  }

  withdraw(principal: Principal, id: string, dto: ReasonDto): Promise<ProjectDto> {
    return this.run(principal, id, 'withdraw', async (em, project) => {
      if (dto.reason) await this.comments.write(em, principal, project.id, 'comment', `Withdrawn: ${dto.reason}`);
    });
  }

  /**
   * 404 for a project the caller cannot see; then the row lock, then the project as it is now. A
   * caller who could see it before a concurrent action took it out of their sight (an advisor's
   * queue item assigned to someone else) lost a race: that is a 409 like any other concurrent
   * transition, not a 404.
   */
  private async lockVisible(em: EntityManager, principal: Principal, id: string, action: LifecycleAction): Promise<Project> {
    if (!(await this.access.isVisible(principal, id, em))) throw new NotFoundProblem('Project');
    const [row] = await em.query<{ state: string }[]>('SELECT state FROM project WHERE id = $1 FOR UPDATE', [id]);
    try {
      return await this.access.findVisible(principal, id, em);
    } catch (err) {
      if (!(err instanceof NotFoundProblem) || !row) throw err;
      throw invalidTransition(row, action, []);
    }
  }

  /**
   * The one path every action takes: lock the row, run the action's precheck (a refusal that must
   * win over the lifecycle's, e.g. 403 insufficient-authority), check the caller's relations
   * against the lifecycle table (409 invalid-transition listing what is allowed now), run the
   * action's guard, move the state, and append the audit event — all in one transaction. The
   * answer is read after the commit, so the row lock and the audit chain's lock are not held
   * while it is built.
   */
  async run(
    principal: Principal,
    id: string,
    action: LifecycleAction,
    guard: Guard,
    ctx: TransitionContext = {},
    precheck?: Precheck,
  ): Promise<ProjectDto> {
    const saved = await this.dataSource.transaction(async (em) => {
      const project = await this.lockVisible(em, principal, id, action);
      if (precheck) await precheck(em, project);
      const relations = await this.access.relationsOf(principal, project, em);
      const allowed = isProjectState(project.state) ? allowedActions(project.state, relations) : [];
      if (!isProjectState(project.state) || !allowed.includes(action)) throw invalidTransition(project, action, allowed);
      const before = projectAuditView(project);
      const from = project.state;
      await guard(em, project, relations);
      const enteredAt = project.stateChangedAt ?? project.createdAt;
      project.state = transition(from, action, relations, ctx);
      project.stateChangedAt = new Date();
      const saved = await em.getRepository(Project).save(project);
      await em.getRepository(ProjectTransition).insert({
        projectId: id,
        action,
        fromState: from,
        toState: saved.state,
        fromEnteredAt: enteredAt,
        at: saved.stateChangedAt!,
        actorId: principal.userId,
      });
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: `project.${action}`,
        entityType: 'project',
        entityId: id,
        projectId: id,
        before,
        after: projectAuditView(saved),
      });
      // Outbox: the event, its notifications and its webhook job commit with the transition.
      await this.events.publishTransition(em, { action, from, project: saved, actor: actorOf(principal) });
      return saved;
    });
    return this.views.render(this.dataSource.manager, principal, saved);
  }
}
