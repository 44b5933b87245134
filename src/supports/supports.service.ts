import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQueryDto, toPage } from '../common/pagination/pagination';
import { NotFoundProblem, ProblemError } from '../common/problem/problem';
import { actorOf, type Principal } from '../identity/auth/principal';
import { ProjectAccess } from '../projects/project-access';
import { isFinal, type ProjectState } from '../projects/project-lifecycle';
import { SupportDto } from './dto/support.dto';
import { ProjectSupport } from './entities/project-support.entity';
import { normalizeNote, supportRefusal } from './support-rules';

interface SupportRow {
  id: string;
  projectId: string;
  userId: string;
  displayName: string;
  orgUnitName: string | null;
  note: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const toDto = (r: SupportRow): SupportDto => ({
  id: r.id,
  projectId: r.projectId,
  supporter: { id: r.userId, displayName: r.displayName, orgUnitName: r.orgUnitName },
  note: r.note,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const SELECT_SUPPORT = `
  SELECT s.id, s.project_id AS "projectId", s.user_id AS "userId", u.display_name AS "displayName", ou.name AS "orgUnitName",
         s.note, s.created_at AS "createdAt", s.updated_at AS "updatedAt"
  FROM project_support s JOIN app_user u ON u.id = s.user_id LEFT JOIN org_unit ou ON ou.id = u.org_unit_id`;

/** Colleagues' support for projects (issue 12 item 3); the count is on the project (`supportCount`). */
@Injectable()
export class SupportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly audit: AuditService,
  ) {}

  /** One support per person: a second call replaces the note. `created` tells which happened. */
  async support(principal: Principal, projectId: string, rawNote: string | undefined): Promise<{ support: SupportDto; created: boolean }> {
    const note = normalizeNote(rawNote);
    return this.dataSource.transaction(async (em) => {
      const project = await this.access.findVisible(principal, projectId, em);
      const refusal = supportRefusal(await this.access.relationsOf(principal, project, em), isFinal(project.state as ProjectState));
      if (refusal === 'own_project') {
        throw new ProblemError(
          403,
          'forbidden',
          'Not allowed',
          'The proposer and the team do not support their own project: support comes from colleagues.',
        );
      }
      if (refusal === 'closed') {
        throw new ProblemError(409, 'project-closed', 'Project closed', `The project is ${project.state}: it takes no new support.`, {
          currentState: project.state,
        });
      }
      const previous: { note: string | null }[] = await em.query(
        'SELECT note FROM project_support WHERE project_id = $1 AND user_id = $2 FOR UPDATE',
        [projectId, principal.userId],
      );
      // The unique (project, user) constraint makes concurrent first supports of one person a single row.
      const [saved]: { id: string; inserted: boolean }[] = await em.query(
        `INSERT INTO project_support (project_id, user_id, note) VALUES ($1, $2, $3)
         ON CONFLICT (project_id, user_id) DO UPDATE SET note = EXCLUDED.note, updated_at = now()
         RETURNING id, (xmax = 0) AS inserted`,
        [projectId, principal.userId, note],
      );
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: saved.inserted ? 'project.supported' : 'project.support_updated',
        entityType: 'project_support',
        entityId: saved.id,
        projectId,
        before: saved.inserted ? undefined : { note: previous[0]?.note ?? null },
        after: { note },
      });
      const [row]: SupportRow[] = await em.query(`${SELECT_SUPPORT} WHERE s.id = $1`, [saved.id]);
      return { support: toDto(row), created: saved.inserted };
    });
  }

  async withdraw(principal: Principal, projectId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.access.findVisible(principal, projectId, em);
      const result = await em
        .createQueryBuilder()
        .delete()
        .from(ProjectSupport)
        .where('project_id = :projectId AND user_id = :userId', { projectId, userId: principal.userId })
        .returning(['id', 'note'])
        .execute();
      const [deleted] = result.raw as { id: string; note: string | null }[];
      if (!deleted) throw new NotFoundProblem('Your support for this project');
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'project.support_withdrawn',
        entityType: 'project_support',
        entityId: deleted.id,
        projectId,
        before: { note: deleted.note },
      });
    });
  }

  /** Supporters with their names and notes, oldest first (anyone who can see the project). */
  async list(principal: Principal, projectId: string, query: PageQueryDto): Promise<Page<SupportDto>> {
    await this.access.findVisible(principal, projectId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    const params: unknown[] = [projectId, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after.at, after.id);
      keyset = 'AND (s.created_at, s.id) > ($3::timestamptz, $4::uuid)';
    }
    const rows: SupportRow[] = await this.dataSource.query(
      `${SELECT_SUPPORT} WHERE s.project_id = $1 ${keyset} ORDER BY s.created_at, s.id LIMIT $2`,
      params,
    );
    return toPage(rows, limit, toDto, (r) => ({ at: r.createdAt.toISOString(), id: r.id }));
  }
}
