import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundProblem, ProblemError } from '../common/problem/problem';
import type { Principal } from '../identity/auth/principal';
import { Project } from '../projects/entities/project.entity';
import { ProjectAccess } from '../projects/project-access';
import type { Actor } from '../projects/project-lifecycle';
import { assessmentScope, inFrameworkOrder, type AssessmentScope } from './assessment-rules';
import { RiskAssessment, RiskAssessmentRating } from './entities/risk-assessment.entity';
import { RiskFrameworkVersion } from './entities/risk-framework-version.entity';
import { dimensionKeys } from './risk-frameworks.service';

/** Project states in which the advisor works on a draft (asking the HERO questions included). */
export const ASSESSABLE_STATES = ['in_review', 'info_requested'];

/** DOMAIN.md §5: only the assigned advisor or the CIO writes an assessment; never the proposer or a team member. */
export function isAssessmentWriter(relations: ReadonlySet<Actor>): boolean {
  if (relations.has('proposer') || relations.has('team_member')) return false;
  return relations.has('assigned_advisor') || relations.has('cio');
}

export interface LoadedAssessment {
  assessment: RiskAssessment;
  project: Project;
  relations: Set<Actor>;
  framework: RiskFrameworkVersion;
  /** In framework order. */
  ratings: RiskAssessmentRating[];
  /** Frozen at submission; for a draft, derived from the project now (fast track, self-screening). */
  scope: AssessmentScope;
}

/**
 * Loads assessments with the object-level checks: the project must be visible (else 404), drafts
 * are only visible to those who may write them (else 404), and writers are checked (else 403).
 */
@Injectable()
export class AssessmentAccess {
  constructor(private readonly projects: ProjectAccess) {}

  async project(em: EntityManager, principal: Principal, projectId: string): Promise<{ project: Project; relations: Set<Actor> }> {
    const project = await this.projects.findVisible(principal, projectId, em);
    return { project, relations: await this.projects.relationsOf(principal, project, em) };
  }

  assertWriter(relations: ReadonlySet<Actor>): void {
    if (isAssessmentWriter(relations)) return;
    const conflicted = relations.has('proposer') || relations.has('team_member');
    throw new ProblemError(
      403,
      'forbidden',
      'Not allowed',
      conflicted
        ? 'The proposer and the project team never write the assessment of their own project.'
        : 'Only the assigned advisor or the CIO writes this assessment.',
    );
  }

  assertAssessable(project: Project): void {
    if (ASSESSABLE_STATES.includes(project.state)) return;
    throw new ProblemError(
      409,
      'assessment-not-open',
      'Project not under review',
      `Assessments are written while the project is in review; it is ${project.state}.`,
      { currentState: project.state, assessableStates: ASSESSABLE_STATES },
    );
  }

  /** Loads an assessment for reading (lock: for a write), applying the visibility rules. */
  async load(em: EntityManager, principal: Principal, id: string, lock = false): Promise<LoadedAssessment> {
    const found = await em.getRepository(RiskAssessment).findOneBy({ id });
    if (!found) throw new NotFoundProblem('Assessment');
    const { project, relations } = await this.project(em, principal, found.projectId);
    if (found.status === 'draft' && !isAssessmentWriter(relations)) throw new NotFoundProblem('Assessment');
    const assessment = lock
      ? await em.getRepository(RiskAssessment).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : found;
    return { ...(await this.details(em, assessment, project)), project, relations };
  }

  async details(em: EntityManager, assessment: RiskAssessment, project: Project): Promise<Omit<LoadedAssessment, 'project' | 'relations'>> {
    const framework = await em.getRepository(RiskFrameworkVersion).findOneByOrFail({ id: assessment.frameworkVersionId });
    const keys = dimensionKeys(framework);
    const ratings = inFrameworkOrder(await em.getRepository(RiskAssessmentRating).findBy({ assessmentId: assessment.id }), keys);
    const scope =
      assessment.status === 'submitted'
        ? { light: assessment.light, scope: assessment.scope }
        : assessmentScope(keys, project.fastTrack, project.selfScreening);
    return { assessment, framework, ratings, scope };
  }
}
