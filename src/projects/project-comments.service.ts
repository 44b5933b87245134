import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Page, pageByTime, PageQueryDto } from '../common/pagination/pagination';
import { ProblemError, ValidationProblem } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { User } from '../identity/entities/user.entity';
import { CommentDto, CommentInputDto } from './dto/project.dto';
import { ProjectComment } from './entities/project-children.entity';
import { Project } from './entities/project.entity';
import { ProjectAccess } from './project-access';
import type { Actor } from './project-lifecycle';

/** Who takes part in a project's conversation (issue: "Comments on a project (participants only)"). */
const PARTICIPANTS: Actor[] = ['proposer', 'team_member', 'assigned_advisor', 'cio', 'sponsor_manager'];

const toCommentDto = (c: ProjectComment): CommentDto => ({
  id: c.id,
  kind: c.kind,
  body: c.body,
  author: c.authorId ? { id: c.authorId, displayName: c.authorName } : null,
  authorName: c.authorName,
  mentions: c.mentions,
  createdAt: c.createdAt.toISOString(),
});

@Injectable()
export class ProjectCommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly audit: AuditService,
  ) {}

  async list(principal: Principal, projectId: string, query: PageQueryDto): Promise<Page<CommentDto>> {
    await this.assertParticipant(principal, projectId);
    const qb = this.dataSource.getRepository(ProjectComment).createQueryBuilder('c').where('c.projectId = :projectId', { projectId });
    return pageByTime(qb, query, toCommentDto, { alias: 'c', order: 'ASC' });
  }

  async add(principal: Principal, projectId: string, dto: CommentInputDto): Promise<CommentDto> {
    if (dto.body.trim().length === 0) throw new ValidationProblem([{ field: 'body', message: 'body must not be empty' }]);
    return this.dataSource.transaction(async (em) => {
      await this.assertParticipant(principal, projectId, em);
      const mentions = [...new Set(dto.mentions ?? [])];
      if (mentions.length && (await em.getRepository(User).countBy({ id: In(mentions) })) !== mentions.length) {
        throw new ValidationProblem([{ field: 'mentions', message: 'every mention must be an existing user' }]);
      }
      return toCommentDto(await this.write(em, principal, projectId, 'comment', dto.body, mentions));
    });
  }

  /** Appends a comment, question or answer inside the caller's transaction (used by request-info / respond too). */
  async write(
    em: EntityManager,
    principal: Principal,
    projectId: string,
    kind: ProjectComment['kind'],
    body: string,
    mentions: string[] = [],
  ): Promise<ProjectComment> {
    const repo = em.getRepository(ProjectComment);
    const saved = await repo.save(
      repo.create({ projectId, authorId: principal.userId, authorName: principal.displayName, kind, body, mentions }),
    );
    await this.audit.record(em, {
      actor: actorOf(principal),
      action: `project.${kind}`,
      entityType: 'project_comment',
      entityId: saved.id,
      projectId,
      after: { kind, body, mentions },
    });
    return saved;
  }

  /** Participants follow the conversation and the history. */
  async assertCanFollow(principal: Principal, projectId: string): Promise<void> {
    await this.assertParticipant(principal, projectId);
  }

  /** Participants read and write; others who can see the project (public portfolio) get 403, the rest 404. */
  private async assertParticipant(principal: Principal, projectId: string, em: EntityManager = this.dataSource.manager): Promise<Project> {
    const project = await this.access.findVisible(principal, projectId, em);
    if (principal.type === 'api_key') return project;
    const relations = await this.access.relationsOf(principal, project, em);
    if (!PARTICIPANTS.some((r) => relations.has(r))) {
      throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only the project’s participants take part in its conversation.');
    }
    return project;
  }
}
