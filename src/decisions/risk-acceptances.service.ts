import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, toPage } from '../common/pagination/pagination';
import type { Principal } from '../identity/auth/principal';
import { Project } from '../projects/entities/project.entity';
import { ProjectAccess } from '../projects/project-access';
import { isoDay } from './calendar';
import { AUTHORISED_STATES } from './decision-standing';
import { loadPeople, toRiskAcceptanceDto } from './decision-views.service';
import { RiskAcceptanceQueryDto } from './dto/condition.dto';
import { RiskAcceptanceDto } from './dto/decision.dto';
import { Decision } from './entities/decision.entity';
import { RiskAcceptance } from './entities/risk-acceptance.entity';

interface Row {
  ra_id: string;
  p_reference: string;
  p_title: string;
  in_force: boolean;
}

/** Same meaning as approvalInForce (decision-standing.ts), as SQL over the joined decision `d` and project `p`. */
const IN_FORCE_SQL = `(d.outcome IN ('approve', 'approve_with_conditions') AND d.status = 'effective' AND d.superseded_at IS NULL AND p.state IN (:...authorised))`;

/**
 * Risk acceptances (DOMAIN.md §6 "shown on the project and in reports"): the ones on projects the
 * caller may see, soonest expiry first, flagged expired and in force.
 */
@Injectable()
export class RiskAcceptancesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
  ) {}

  async list(principal: Principal, query: RiskAcceptanceQueryDto): Promise<Page<RiskAcceptanceDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const today = isoDay();
    const qb = this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .innerJoin(RiskAcceptance, 'ra', 'ra.projectId = p.id')
      .innerJoin(Decision, 'd', 'd.id = ra.decisionId')
      .select(['ra.id', 'p.reference', 'p.title'])
      .addSelect(IN_FORCE_SQL, 'in_force')
      .setParameter('authorised', AUTHORISED_STATES)
      .orderBy('ra.expiresOn', 'ASC')
      .addOrderBy('ra.id', 'ASC')
      .limit(limit + 1);
    this.access.applyVisibility(qb, principal);
    if (query.expired !== undefined) qb.andWhere(query.expired ? 'ra.expiresOn < :today' : 'ra.expiresOn >= :today', { today });
    if (query.inForce !== undefined)
      qb.andWhere(query.inForce ? `${IN_FORCE_SQL} AND ra.expiresOn >= :today` : `NOT (${IN_FORCE_SQL} AND ra.expiresOn >= :today)`, {
        today,
      });
    const after = decodeCursor<{ e: string; id: string }>(query.cursor, ['e', 'id']);
    if (after) qb.andWhere('(ra.expiresOn, ra.id) > (:e::date, :id)', after);
    const rows = await qb.getRawMany<Row>();
    const acceptances = rows.length ? await this.dataSource.getRepository(RiskAcceptance).findBy(rows.map((r) => ({ id: r.ra_id }))) : [];
    const byId = new Map(acceptances.map((a) => [a.id, a]));
    const people = await loadPeople(
      this.dataSource.manager,
      acceptances.map((a) => a.acceptedById),
    );
    return toPage(
      rows,
      limit,
      (r) => toRiskAcceptanceDto(byId.get(r.ra_id)!, { reference: r.p_reference, title: r.p_title }, r.in_force, people, today),
      (r) => ({ e: byId.get(r.ra_id)!.expiresOn, id: r.ra_id }),
    );
  }
}
