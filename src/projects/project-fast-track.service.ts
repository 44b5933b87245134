import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ProblemError } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { RequiredReasonDto } from './dto/project-action.dto';
import { ProjectDto } from './dto/project.dto';
import { Project } from './entities/project.entity';
import { ProjectAccess } from './project-access';
import { ProjectCommentsService } from './project-comments.service';
import { projectAuditView } from './project.mapper';
import { ProjectViews } from './project-views.service';

/** Until the assessment is submitted the advisor may still widen it. */
const FAST_TRACK_REMOVABLE_STATES = ['submitted', 'in_review', 'info_requested'];

/**
 * DOMAIN.md §3: "The advisor can take a project off the fast track with a reason." Off the fast
 * track the project gets a full assessment (every dimension), the normal time limits and, when
 * rated high, the CIO co-sign. It does not come back on: re-screening keeps it off.
 */
@Injectable()
export class ProjectFastTrackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly views: ProjectViews,
    private readonly comments: ProjectCommentsService,
    private readonly audit: AuditService,
  ) {}

  async remove(principal: Principal, id: string, dto: RequiredReasonDto): Promise<ProjectDto> {
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT 1 FROM project WHERE id = $1 FOR UPDATE', [id]);
      const project = await this.access.findVisible(principal, id, em);
      const relations = await this.access.relationsOf(principal, project, em);
      const conflicted = relations.has('proposer') || relations.has('team_member');
      if (conflicted || !(relations.has('assigned_advisor') || relations.has('cio'))) {
        throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only the assigned advisor or the CIO takes a project off the fast track.');
      }
      if (!project.fastTrack) {
        throw new ProblemError(409, 'not-fast-track', 'Not on the fast track', 'This project is not on the fast track.');
      }
      if (!FAST_TRACK_REMOVABLE_STATES.includes(project.state)) {
        throw new ProblemError(409, 'fast-track-locked', 'Too late to change the track', `The project is ${project.state}.`, {
          currentState: project.state,
        });
      }
      const before = { ...projectAuditView(project), fastTrackRemovedReason: project.fastTrackRemovedReason };
      project.fastTrack = false;
      project.fastTrackRemovedReason = dto.reason.trim();
      const saved = await em.getRepository(Project).save(project);
      // The HERO sees why in the project's conversation, not only in the audit trail.
      await this.comments.write(em, principal, id, 'comment', `Taken off the fast track: ${project.fastTrackRemovedReason}`);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'project.fast_track_remove',
        entityType: 'project',
        entityId: id,
        projectId: id,
        before,
        after: { ...projectAuditView(saved), fastTrackRemovedReason: saved.fastTrackRemovedReason },
      });
      return this.views.detail(em, principal, saved);
    });
  }
}
