import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQueryDto, toPage } from '../common/pagination/pagination';
import type { Principal } from '../identity/auth/principal';
import { User } from '../identity/entities/user.entity';
import type { Project } from '../projects/entities/project.entity';
import { ProjectAccess } from '../projects/project-access';
import type { ProjectDetailPart } from '../projects/project-views.service';
import { isoDay } from './calendar';
import { acceptanceExpired, approvalInForce, cosignStatus } from './decision-standing';
import { ConditionDto, DecisionDto, PersonDto, RiskAcceptanceDto } from './dto/decision.dto';
import { ProjectDecisionSummaryDto } from './dto/decision-summary.dto';
import { ApprovalCondition } from './entities/approval-condition.entity';
import { Decision } from './entities/decision.entity';
import { RiskAcceptance } from './entities/risk-acceptance.entity';

export type People = Map<string, PersonDto>;

/** Display names for user ids, in one query. */
export async function loadPeople(em: EntityManager, ids: Iterable<string | null>): Promise<People> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  const users = wanted.length ? await em.getRepository(User).findBy({ id: In(wanted) }) : [];
  return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
}

const personOf = (people: People, id: string): PersonDto => people.get(id) ?? { id, displayName: 'Unknown' };

export function toConditionDto(c: ApprovalCondition, people: People, today = isoDay()): ConditionDto {
  return {
    id: c.id,
    decisionId: c.decisionId,
    text: c.text,
    owner: personOf(people, c.ownerId),
    dueDate: c.dueDate,
    status: c.status,
    overdue: c.status === 'open' && c.dueDate < today,
    evidenceNote: c.evidenceNote,
    waiverReason: c.waiverReason,
    closedBy: c.closedById ? personOf(people, c.closedById) : null,
    closedAt: c.closedAt?.toISOString() ?? null,
    version: c.version,
  };
}

export function toRiskAcceptanceDto(
  a: RiskAcceptance,
  project: { reference: string; title: string },
  decisionInForce: boolean,
  people: People,
  today = isoDay(),
): RiskAcceptanceDto {
  const expired = acceptanceExpired(a.expiresOn, today);
  return {
    id: a.id,
    projectId: a.projectId,
    projectReference: project.reference,
    projectTitle: project.title,
    decisionId: a.decisionId,
    statement: a.statement,
    acceptedLevel: a.acceptedLevel,
    expiresOn: a.expiresOn,
    expired,
    inForce: decisionInForce && !expired,
    acceptedBy: personOf(people, a.acceptedById),
    acceptedAt: a.createdAt.toISOString(),
  };
}

/** Reading decisions: a project's decision history, and the summary shown on the project. */
@Injectable()
export class DecisionViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
  ) {}

  /** GET /projects/{id}/decisions: newest first, each with its evidence, co-sign, acceptance and conditions. */
  async list(principal: Principal, projectId: string, query: PageQueryDto): Promise<Page<DecisionDto>> {
    const em = this.dataSource.manager;
    const project = await this.access.findVisible(principal, projectId, em);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor<{ at: string; id: string }>(query.cursor, ['at', 'id']);
    const qb = em
      .getRepository(Decision)
      .createQueryBuilder('d')
      .where('d.projectId = :projectId', { projectId })
      .orderBy('d.decidedAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(limit + 1);
    if (after) qb.andWhere('(d.decidedAt, d.id) < (:at::timestamptz, :id::uuid)', after);
    const rows = await qb.getMany();
    const dtos = await this.toDtos(em, rows, project);
    const byId = new Map(dtos.map((d) => [d.id, d]));
    return toPage(
      rows,
      limit,
      (d) => byId.get(d.id)!,
      (d) => ({ at: d.decidedAt.toISOString(), id: d.id }),
    );
  }

  async toDtos(em: EntityManager, decisions: Decision[], project: Project): Promise<DecisionDto[]> {
    if (!decisions.length) return [];
    const ids = decisions.map((d) => d.id);
    const conditions = await em.getRepository(ApprovalCondition).find({ where: { decisionId: In(ids) }, order: { position: 'ASC' } });
    const acceptances = await em.getRepository(RiskAcceptance).findBy({ decisionId: In(ids) });
    const people = await loadPeople(em, [
      ...decisions.flatMap((d) => [d.deciderId, d.assessorId, d.cosignerId]),
      ...conditions.flatMap((c) => [c.ownerId, c.closedById]),
      ...acceptances.map((a) => a.acceptedById),
    ]);
    return decisions.map((d) => {
      const inForce = approvalInForce(d, project.state);
      const acceptance = acceptances.find((a) => a.decisionId === d.id);
      return {
        id: d.id,
        projectId: d.projectId,
        outcome: d.outcome,
        rationale: d.rationale,
        status: d.status,
        inForce,
        decidedBy: personOf(people, d.deciderId),
        decidedAt: d.decidedAt.toISOString(),
        assessor: personOf(people, d.assessorId),
        snapshot: d.snapshot as DecisionDto['snapshot'],
        cosign: {
          status: cosignStatus(d),
          by: d.cosignerId ? personOf(people, d.cosignerId) : null,
          at: d.cosignedAt?.toISOString() ?? null,
          rationale: d.cosignRationale,
        },
        riskAcceptance: acceptance ? toRiskAcceptanceDto(acceptance, project, inForce, people) : null,
        conditions: conditions.filter((c) => c.decisionId === d.id).map((c) => toConditionDto(c, people)),
        supersededAt: d.supersededAt?.toISOString() ?? null,
      };
    });
  }

  /** The project's current decision (not superseded), or null. */
  current(em: EntityManager, projectId: string): Promise<Decision | null> {
    return em.getRepository(Decision).findOneBy({ projectId, supersededAt: IsNull() });
  }

  /** `decision` on ProjectDto: the current decision in brief, as a part of the detail's statement (ProjectViews). */
  readonly summaryPart: ProjectDetailPart = {
    sql: `SELECT to_jsonb(cd) FROM (${CURRENT_DECISION_SQL}) cd`,
    read: (json, project) => ({ decision: json ? toDecisionSummary(json as CurrentDecisionRow, project.state) : null }),
  };
}

function toDecisionSummary(d: CurrentDecisionRow, projectState: string): ProjectDecisionSummaryDto {
  return {
    id: d.id,
    outcome: d.outcome,
    status: d.status,
    inForce: approvalInForce({ ...d, supersededAt: d.supersededAt === null ? null : new Date(d.supersededAt) }, projectState),
    decidedById: d.deciderId,
    decidedByName: d.deciderName ?? 'Unknown',
    // From JSON: PostgreSQL's timestamp text, normalised to the API's ISO form.
    decidedAt: new Date(d.decidedAt).toISOString(),
    assessmentRevision: d.assessmentRevision,
    cosign: cosignStatus(d),
    riskAcceptance:
      d.acceptanceStatement !== null
        ? {
            statement: d.acceptanceStatement,
            acceptedLevel: d.acceptedLevel!,
            expiresOn: d.expiresOn!,
            expired: acceptanceExpired(d.expiresOn!, isoDay()),
          }
        : null,
    conditions: { total: d.open + d.met + d.waived, open: d.open, met: d.met, waived: d.waived },
  };
}

/** One row as JSON (to_jsonb): timestamps are strings. */
interface CurrentDecisionRow extends Pick<
  Decision,
  'id' | 'outcome' | 'status' | 'deciderId' | 'assessmentRevision' | 'cosignRequired' | 'cosignOutcome'
> {
  decidedAt: string;
  supersededAt: string | null;
  deciderName: string | null;
  acceptanceStatement: string | null;
  acceptedLevel: RiskAcceptance['acceptedLevel'] | null;
  expiresOn: string | null;
  open: number;
  met: number;
  waived: number;
}

/** The current (not superseded) decision of project $1 with its decider's name, risk acceptance and condition counts. */
const CURRENT_DECISION_SQL = `SELECT d.id, d.outcome, d.status, d.decider_id AS "deciderId", d.decided_at AS "decidedAt",
    d.assessment_revision AS "assessmentRevision", d.superseded_at AS "supersededAt",
    d.cosign_required AS "cosignRequired", d.cosign_outcome AS "cosignOutcome",
    (SELECT u.display_name FROM app_user u WHERE u.id = d.decider_id) AS "deciderName",
    ra.statement AS "acceptanceStatement", ra.accepted_level AS "acceptedLevel", ra.expires_on::text AS "expiresOn",
    c.open, c.met, c.waived
  FROM decision d
  LEFT JOIN risk_acceptance ra ON ra.decision_id = d.id
  CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE ac.status = 'open')::int AS open,
      count(*) FILTER (WHERE ac.status = 'met')::int AS met,
      count(*) FILTER (WHERE ac.status = 'waived')::int AS waived
    FROM approval_condition ac WHERE ac.decision_id = d.id) c
  WHERE d.project_id = $1 AND d.superseded_at IS NULL
  ORDER BY d.decided_at DESC LIMIT 1`;
