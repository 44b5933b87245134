import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hasRole, type Principal } from '../identity/auth/principal';
import type { ReportQueryDto } from './dto/report-query.dto';
import type { HeroIndexReportDto } from './dto/report.dto';
import { OrgRollup } from './org-rollup';
import { dateRange, SqlParams } from './report-scope';

const SHARE = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/**
 * The HERO index per org unit (issue "Enterprise fit" §4): where do employees propose, do they
 * know the compact, and how fast and how often are their projects approved — so managers see where
 * innovation is stuck. People-based figures: a manager sees their subtree, the CIO, admins and
 * unbound API keys everything, anyone else their own unit.
 */
@Injectable()
export class HeroIndexService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollup: OrgRollup,
  ) {}

  async heroIndex(principal: Principal, q: ReportQueryDto): Promise<HeroIndexReportDto> {
    const params = new SqlParams();
    const depth = params.add(await this.rollup.depth(q.orgUnitId));
    const units = this.unitScope(principal, q, params);
    const createdRange = dateRange('p.created_at', q, params)
      .map((c) => ` AND ${c}`)
      .join('');
    const decidedRange = dateRange('t.at', q, params)
      .map((c) => ` AND ${c}`)
      .join('');
    const tech = q.technology ? `AND ${params.add(q.technology)} = ANY (p.technologies)` : '';
    const rows = await this.dataSource.query<
      {
        unit: string | null;
        employees: number;
        proposed: number;
        acknowledged: number;
        decisions: number;
        approved: number;
        median: number | null;
      }[]
    >(
      `WITH units AS (
         SELECT ou.id, ${this.rollup.expression('ou', depth)} AS unit FROM org_unit ou WHERE ${units}
       ), people AS (
         SELECT u.id, un.unit FROM app_user u JOIN units un ON un.id = u.org_unit_id WHERE u.status = 'active'
       ), proposers AS (
         SELECT DISTINCT p.proposer_id AS id FROM project p WHERE TRUE ${createdRange} ${tech}
       ), acknowledged AS (
         SELECT DISTINCT a.user_id AS id FROM compact_acknowledgement a
         WHERE a.compact_version_id = (SELECT id FROM compact_version WHERE status = 'published' ORDER BY number DESC LIMIT 1)
       ), people_stats AS (
         SELECT unit, count(*)::int AS employees,
                count(*) FILTER (WHERE id IN (SELECT id FROM proposers))::int AS proposed,
                count(*) FILTER (WHERE id IN (SELECT id FROM acknowledged))::int AS acknowledged
         FROM people GROUP BY GROUPING SETS ((unit), ())
       ), decisions AS (
         SELECT un.unit, t.action,
                extract(epoch FROM t.at - (SELECT max(s.at) FROM project_transition s
                                           WHERE s.project_id = t.project_id AND s.action = 'submit' AND s.at <= t.at)) AS secs
         FROM project_transition t JOIN project p ON p.id = t.project_id JOIN units un ON un.id = p.org_unit_id
         WHERE t.action IN ('decide_approve', 'decide_reject', 'decide_request_changes') ${decidedRange} ${tech}
       ), decision_stats AS (
         SELECT unit, count(*)::int AS decisions, count(*) FILTER (WHERE action = 'decide_approve')::int AS approved,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY secs) AS median
         FROM decisions GROUP BY GROUPING SETS ((unit), ())
       )
       SELECT ps.unit, ps.employees, ps.proposed, ps.acknowledged,
              coalesce(ds.decisions, 0) AS decisions, coalesce(ds.approved, 0) AS approved, ds.median
       FROM people_stats ps LEFT JOIN decision_stats ds ON ds.unit IS NOT DISTINCT FROM ps.unit
       ORDER BY ps.unit NULLS FIRST`,
      params.values,
    );
    const names = await this.rollup.names(rows.flatMap((r) => (r.unit ? [r.unit] : [])));
    return {
      generatedAt: new Date().toISOString(),
      rows: rows.map((r) => ({
        orgUnitId: r.unit,
        orgUnitName: r.unit ? (names.get(r.unit) ?? null) : null,
        employees: r.employees,
        proposedShare: SHARE(r.proposed, r.employees),
        acknowledgedShare: SHARE(r.acknowledged, r.employees),
        decisions: r.decisions,
        approvalRate: SHARE(r.approved, r.decisions),
        medianHoursToDecision: r.median === null ? null : Math.round((Number(r.median) / 3600) * 100) / 100,
      })),
    };
  }

  /** Which units' people the caller may count, intersected with the orgUnitId filter. */
  private unitScope(principal: Principal, q: ReportQueryDto, params: SqlParams): string {
    const subtree = (unitParam: string) => `ou.path LIKE (SELECT path FROM org_unit WHERE id = ${unitParam}) || '%'`;
    const parts: string[] = [];
    if (principal.type === 'api_key') {
      if (principal.orgUnitId) parts.push(subtree(params.add(principal.orgUnitId)));
    } else if (!hasRole(principal, 'cio') && !hasRole(principal, 'admin')) {
      parts.push(hasRole(principal, 'manager') ? subtree(params.add(principal.orgUnitId)) : `ou.id = ${params.add(principal.orgUnitId)}`);
    }
    if (q.orgUnitId) parts.push(subtree(params.add(q.orgUnitId)));
    return parts.length ? parts.join(' AND ') : 'TRUE';
  }
}
