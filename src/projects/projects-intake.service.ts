import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { assertVersion } from '../common/http/if-match';
import { FieldError, NotFoundProblem, ProblemError, ValidationProblem } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { OrgUnitsService } from '../identity/org-units/org-units.service';
import { User } from '../identity/entities/user.entity';
import { AMENDMENT_FIELDS, amendedFields, isAmendmentField, type ApprovedScope } from '../decisions/decision-evidence';
import { CreateProjectDto, SelfScreeningDto, UpdateProjectDto } from './dto/project-input.dto';
import { ProjectDto } from './dto/project.dto';
import { ProjectKpi, ProjectTeamMember, ProjectVendor } from './entities/project-children.entity';
import { Project } from './entities/project.entity';
import { scoreEffortValue } from './effort-value';
import { ProjectAccess } from './project-access';
import { EDITABLE_STATES } from './project-lifecycle';
import { ProjectLifecycleService } from './project-lifecycle.service';
import { projectAuditView } from './project.mapper';
import { ProjectViews } from './project-views.service';
import { nextReference } from './project-reference';
import { evaluateSelfScreening } from './self-screening';

/** States in which PATCH is an amendment of the approved scope (DOMAIN.md §4 `amend`, §6). */
const AMENDABLE_STATES = ['approved', 'in_delivery'];

function approvedScopeOf(p: Project): ApprovedScope {
  return {
    budget: p.budgetAmount === null || p.budgetCurrency === null ? null : { amount: Number(p.budgetAmount), currency: p.budgetCurrency },
    dataCategories: p.dataCategories,
    technologies: p.technologies,
    vendors: (p.vendors ?? []).map((v) => ({ name: v.name, service: v.service, dataShared: v.dataShared })),
  };
}

/** The scope the project would have after applying `dto`. */
function proposedScope(p: Project, dto: UpdateProjectDto): ApprovedScope {
  const now = approvedScopeOf(p);
  return {
    budget: dto.budget ?? now.budget,
    dataCategories: dto.dataCategories ?? now.dataCategories,
    technologies: dto.technologies ?? now.technologies,
    vendors: dto.vendors?.map((v) => ({ name: v.name, service: v.service, dataShared: v.dataShared ?? '' })) ?? now.vendors,
  };
}

/** Proposing and editing projects, and the HERO's self-screening (DOMAIN.md §3). */
@Injectable()
export class ProjectsIntakeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly views: ProjectViews,
    private readonly units: OrgUnitsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly lifecycle: ProjectLifecycleService,
  ) {}

  async create(principal: Principal, dto: CreateProjectDto): Promise<ProjectDto> {
    const proposerId = principal.userId!;
    const orgUnitId = dto.orgUnitId ?? principal.orgUnitId!;
    if (dto.orgUnitId && !(await this.units.isWithin(dto.orgUnitId, principal.orgUnitId!))) {
      throw new ValidationProblem([{ field: 'orgUnitId', message: 'orgUnitId must be your own unit or a unit below it' }]);
    }
    return this.answer(principal, async (em) => {
      await this.assertTeam(em, dto.teamMemberIds ?? [], proposerId);
      const repo = em.getRepository(Project);
      const project = repo.create({ reference: await nextReference(em), proposerId, orgUnitId, state: 'draft', title: dto.title });
      this.applyFields(project, dto);
      return this.saveAudited(em, principal, project, 'project.create');
    });
  }

  async update(principal: Principal, id: string, expectedVersion: number, dto: UpdateProjectDto): Promise<ProjectDto> {
    const current = await this.access.findVisible(principal, id);
    if (AMENDABLE_STATES.includes(current.state)) return this.amend(principal, current, expectedVersion, dto);
    return this.answer(principal, async (em) => {
      const project = await this.loadForEdit(em, principal, id);
      assertVersion(expectedVersion, project.version);
      if (dto.orgUnitId && dto.orgUnitId !== project.orgUnitId && !(await this.units.isWithin(dto.orgUnitId, principal.orgUnitId!))) {
        throw new ValidationProblem([{ field: 'orgUnitId', message: 'orgUnitId must be your own unit or a unit below it' }]);
      }
      if (dto.teamMemberIds) await this.assertTeam(em, dto.teamMemberIds, project.proposerId);
      const before = projectAuditView(project);
      this.applyFields(project, dto);
      if (dto.orgUnitId) project.orgUnitId = dto.orgUnitId;
      return this.saveAudited(em, principal, project, 'project.edit', before);
    });
  }

  /**
   * DOMAIN.md §6 amendment: after approval only what the decision snapshotted (budget, data
   * categories, technologies, vendors) may change, and changing it is the lifecycle action `amend`:
   * the project goes back to in_review for a new assessment revision and a new decision. A PATCH
   * that changes nothing is answered with the project as it is.
   */
  private async amend(principal: Principal, current: Project, expectedVersion: number, dto: UpdateProjectDto): Promise<ProjectDto> {
    const relations = await this.access.relationsOf(principal, current);
    if (!relations.has('proposer') && !relations.has('team_member')) {
      throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only the proposer and the team amend a project.');
    }
    const fixed = Object.keys(dto).filter((k) => dto[k as keyof UpdateProjectDto] !== undefined && !isAmendmentField(k));
    if (fixed.length) {
      throw new ValidationProblem(
        fixed.map((field) => ({
          field,
          message: `${field} cannot change after approval; only ${AMENDMENT_FIELDS.join(', ')} can be amended (the project then goes back to review)`,
        })),
      );
    }
    assertVersion(expectedVersion, current.version);
    if (amendedFields(approvedScopeOf(current), proposedScope(current, dto)).length === 0) return this.views.get(principal, current.id);
    return this.lifecycle.run(principal, current.id, 'amend', (_em, project) => {
      assertVersion(expectedVersion, project.version);
      if (amendedFields(approvedScopeOf(project), proposedScope(project, dto)).length === 0) {
        throw new ProblemError(409, 'conflict', 'Conflict', 'The project changed meanwhile; GET it again and retry.');
      }
      this.applyFields(project, dto);
      return Promise.resolve();
    });
  }

  async setSelfScreening(principal: Principal, id: string, dto: SelfScreeningDto): Promise<ProjectDto> {
    return this.answer(principal, async (em) => {
      const project = await this.loadForEdit(em, principal, id);
      const threshold = this.config.fastTrackBudgetLimit;
      if (
        !dto.budgetAboveFastTrack &&
        project.budgetAmount !== null &&
        project.budgetCurrency === threshold.currency &&
        Number(project.budgetAmount) > threshold.amount
      ) {
        throw new ValidationProblem([
          {
            field: 'budgetAboveFastTrack',
            message: `the budget is above the fast-track threshold of ${(threshold.amount / 100).toFixed(2)} ${threshold.currency}: answer yes`,
          },
        ]);
      }
      const before = projectAuditView(project);
      const answers = { ...dto };
      const result = evaluateSelfScreening(answers);
      project.selfScreening = answers;
      project.indicativeTier = result.indicativeTier;
      // Once an advisor has taken a project off the fast track, re-screening does not put it back.
      project.fastTrack = result.fastTrack && project.fastTrackRemovedReason === null;
      return this.saveAudited(em, principal, project, 'project.self_screen', before);
    });
  }

  /**
   * Runs an edit in one transaction and answers the caller's view of the project, read after the
   * commit so the row lock (and the reference counter's, for a creation) is not held meanwhile.
   */
  private async answer(principal: Principal, edit: (em: EntityManager) => Promise<Project>): Promise<ProjectDto> {
    const saved = await this.dataSource.transaction(edit);
    return this.views.detail(this.dataSource.manager, principal, saved);
  }

  /** Saves the project and audits what changed, in the caller's transaction. */
  private async saveAudited(em: EntityManager, principal: Principal, project: Project, action: string, before?: object): Promise<Project> {
    const saved = await em.getRepository(Project).save(project);
    await this.audit.record(em, {
      actor: actorOf(principal),
      action,
      entityType: 'project',
      entityId: saved.id,
      projectId: saved.id,
      before,
      after: projectAuditView(saved),
    });
    return saved;
  }

  /** Locks a project the caller may see, and checks they may edit it now. */
  private async loadForEdit(em: EntityManager, principal: Principal, id: string): Promise<Project> {
    // Lock first, then load: the version and the fields checked below are the row as it is now
    // (loaded before the lock, a concurrent edit's changes would be overwritten unseen).
    if (!(await this.access.isVisible(principal, id, em))) throw new NotFoundProblem('Project');
    await em.query('SELECT 1 FROM project WHERE id = $1 FOR UPDATE', [id]);
    const project = await this.access.findVisible(principal, id, em);
    const relations = await this.access.relationsOf(principal, project, em);
    if (!relations.has('proposer') && !relations.has('team_member')) {
      throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only the proposer and the team edit a project.');
    }
    if (!EDITABLE_STATES.includes(project.state as (typeof EDITABLE_STATES)[number])) {
      throw new ProblemError(409, 'project-not-editable', 'Project not editable', `A project in state ${project.state} cannot be edited.`, {
        editableStates: EDITABLE_STATES,
      });
    }
    return project;
  }

  private applyFields(project: Project, dto: UpdateProjectDto): void {
    const scalar = [
      'title',
      'summary',
      'customerProblem',
      'customerTask',
      'targetCustomers',
      'solution',
      'technologies',
      'dataCategories',
      'tags',
      'targetLaunchDate',
    ] as const;
    for (const key of scalar) if (dto[key] !== undefined) Object.assign(project, { [key]: dto[key] });
    if (dto.budget !== undefined) {
      project.budgetAmount = String(dto.budget.amount);
      project.budgetCurrency = dto.budget.currency;
    }
    if (dto.vendors)
      project.vendors = dto.vendors.map((v, position) =>
        Object.assign(new ProjectVendor(), { ...v, dataShared: v.dataShared ?? '', position }),
      );
    if (dto.kpis) {
      project.kpis = dto.kpis.map((k, position) =>
        Object.assign(new ProjectKpi(), { ...k, baseline: String(k.baseline), target: String(k.target), position }),
      );
    }
    if (dto.teamMemberIds) project.team = dto.teamMemberIds.map((userId) => Object.assign(new ProjectTeamMember(), { userId }));
    if (dto.effortValue) {
      const score = scoreEffortValue(dto.effortValue);
      project.effortValue = { ...dto.effortValue };
      project.valueScore = score.valueScore;
      project.effortScore = score.effortScore;
      project.valueVerdict = score.verdict;
    }
  }

  private async assertTeam(em: EntityManager, ids: string[], proposerId: string): Promise<void> {
    const errors: FieldError[] = [];
    if (ids.includes(proposerId)) errors.push({ field: 'teamMemberIds', message: 'the proposer is not listed as a team member' });
    const found = ids.length ? await em.getRepository(User).findBy({ id: In(ids), status: 'active' }) : [];
    if (found.length !== ids.filter((i) => i !== proposerId).length)
      errors.push({ field: 'teamMemberIds', message: 'every team member must be an active user' });
    if (errors.length) throw new ValidationProblem(errors);
  }
}
