import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../identity/auth/principal';
import type { ReportQueryDto } from './dto/report-query.dto';
import {
  CountDto,
  CycleTimesReportDto,
  DecisionsReportDto,
  PortfolioReportDto,
  RiskHeatmapReportDto,
  StageTimeDto,
  SupportedProjectDto,
  UnitCountDto,
} from './dto/report.dto';
import { OrgRollup } from './org-rollup';
import { dateRange, scopePredicate, SqlParams } from './report-scope';

const HOURS = (seconds: number | string | null): number => Math.round((Number(seconds ?? 0) / 3600) * 100) / 100;
const RATE = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/**
 * DOMAIN.md §11 portfolio figures, each one SQL statement of aggregates over the caller's scope
 * (report-scope.ts); nothing is loaded row by row into Node.
 */
@Injectable()
export class PortfolioReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly org: OrgRollup,
  ) {}

  async portfolio(principal: Principal, q: ReportQueryDto): Promise<PortfolioReportDto> {
    const params = new SqlParams();
    const depth = params.add(await this.org.depth(q.orgUnitId));
    const where = [scopePredicate(principal, q, params), ...dateRange('p.created_at', q, params)].join(' AND ');
    const rows = await this.dataSource.query<{ dimension: string; key: string; count: number }[]>(
      `WITH scope AS (SELECT p.state, p.risk_level, p.org_unit_id, p.technologies, p.fast_track FROM project p WHERE ${where})
       SELECT 'state' AS dimension, state AS key, count(*)::int AS count FROM scope GROUP BY state
       UNION ALL SELECT 'riskLevel', coalesce(risk_level, 'unassessed'), count(*)::int FROM scope GROUP BY 2
       UNION ALL SELECT 'technology', tech, count(*)::int FROM scope, unnest(technologies) tech GROUP BY tech
       UNION ALL SELECT 'fastTrack', fast_track::text, count(*)::int FROM scope GROUP BY fast_track
       UNION ALL SELECT 'orgUnit', ${this.org.expression('ou', depth)}, count(*)::int FROM scope s JOIN org_unit ou ON ou.id = s.org_unit_id GROUP BY 2
       ORDER BY 1, 3 DESC, 2`,
      params.values,
    );
    const supported = await this.mostSupported(principal, q);
    const of = (dimension: string): CountDto[] => rows.filter((r) => r.dimension === dimension).map(({ key, count }) => ({ key, count }));
    const byState = of('state');
    return {
      generatedAt: new Date().toISOString(),
      total: byState.reduce((sum, r) => sum + r.count, 0),
      byState,
      byRiskLevel: of('riskLevel'),
      byOrgUnit: await this.named(of('orgUnit')),
      byTechnology: of('technology'),
      byFastTrack: of('fastTrack'),
      supports: supported[0]?.total ?? 0,
      mostSupported: supported.filter((p) => p.supportCount > 0).map(({ total: _total, ...p }) => p),
    };
  }

  /** Colleagues' supports on the counted projects, and the ten most supported. */
  private async mostSupported(principal: Principal, q: ReportQueryDto): Promise<(SupportedProjectDto & { total: number })[]> {
    const params = new SqlParams();
    const where = [scopePredicate(principal, q, params), ...dateRange('p.created_at', q, params)].join(' AND ');
    return this.dataSource.query<(SupportedProjectDto & { total: number })[]>(
      // From the supports side: only supported projects are read, not every project in scope.
      `SELECT p.id AS "projectId", p.reference, p.title, p.state, s.n AS "supportCount", sum(s.n) OVER ()::int AS total
       FROM (SELECT project_id, count(*)::int AS n FROM project_support GROUP BY project_id) s
       JOIN project p ON p.id = s.project_id
       WHERE ${where}
       ORDER BY s.n DESC, p.reference LIMIT 10`,
      params.values,
    );
  }

  /** Latest submitted assessment per project: counts per (likelihood, impact), per dimension and all together. */
  async riskHeatmap(principal: Principal, q: ReportQueryDto): Promise<RiskHeatmapReportDto> {
    const params = new SqlParams();
    const where = [scopePredicate(principal, q, params), `a.status = 'submitted'`, ...dateRange('a.submitted_at', q, params)].join(' AND ');
    const rows = await this.dataSource.query<
      { dimension: string | null; kind: 'inherent' | 'residual'; likelihood: number; impact: number; count: number; projects: number }[]
    >(
      // The latest submitted revision per project is the one with no newer submitted revision (an
      // anti-join on the (project_id, revision) index); ratings are unpivoted in one pass.
      `WITH latest AS (
         SELECT a.id FROM risk_assessment a JOIN project p ON p.id = a.project_id
         WHERE ${where}
           AND NOT EXISTS (SELECT 1 FROM risk_assessment b WHERE b.project_id = a.project_id AND b.status = 'submitted' AND b.revision > a.revision)
       )
       SELECT r.dimension, v.kind, v.likelihood, v.impact, count(*)::int AS count,
              (SELECT count(*)::int FROM latest) AS projects
       FROM risk_assessment_rating r JOIN latest l ON l.id = r.assessment_id,
            LATERAL (VALUES ('inherent', r.likelihood, r.impact), ('residual', r.residual_likelihood, r.residual_impact)) v(kind, likelihood, impact)
       GROUP BY GROUPING SETS ((v.kind, r.dimension, v.likelihood, v.impact), (v.kind, v.likelihood, v.impact))
       ORDER BY v.kind, r.dimension NULLS FIRST, v.likelihood, v.impact`,
      params.values,
    );
    const n = rows[0]?.projects ?? (await this.assessedProjects(where, params.values));
    const cells = rows.map(({ projects: _projects, ...cell }) => cell);
    return { generatedAt: new Date().toISOString(), assessedProjects: n, cells };
  }

  /** Assessed projects when none has ratings (fast-track assessments rate nothing). */
  private async assessedProjects(where: string, values: unknown[]): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(DISTINCT a.project_id)::int AS n FROM risk_assessment a JOIN project p ON p.id = a.project_id WHERE ${where}`,
      values,
    );
    return n;
  }

  /** Time spent in each stage, from the transitions out of it in the date range (median and p90). */
  async cycleTimes(principal: Principal, q: ReportQueryDto): Promise<CycleTimesReportDto> {
    const params = new SqlParams();
    const depth = params.add(await this.org.depth(q.orgUnitId));
    const where = [scopePredicate(principal, q, params), ...dateRange('t.at', q, params)].join(' AND ');
    const rows = await this.dataSource.query<{ stage: string; unit: string | null; count: number; median: number; p90: number }[]>(
      `SELECT t.from_state AS stage, ${this.org.expression('ou', depth)} AS unit, count(*)::int AS count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.at - t.from_entered_at)) AS median,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.at - t.from_entered_at)) AS p90
       FROM project_transition t JOIN project p ON p.id = t.project_id JOIN org_unit ou ON ou.id = p.org_unit_id
       WHERE ${where} AND t.from_state <> 'draft'
       GROUP BY GROUPING SETS ((t.from_state), (t.from_state, ${this.org.expression('ou', depth)}))
       ORDER BY 1, 2 NULLS FIRST`,
      params.values,
    );
    const names = await this.org.names(rows.flatMap((r) => (r.unit ? [r.unit] : [])));
    const toDto = (r: (typeof rows)[number]): StageTimeDto => ({
      stage: r.stage,
      orgUnitId: r.unit,
      orgUnitName: r.unit ? (names.get(r.unit) ?? null) : null,
      count: r.count,
      medianHours: HOURS(r.median),
      p90Hours: HOURS(r.p90),
    });
    return {
      generatedAt: new Date().toISOString(),
      stages: rows.filter((r) => r.unit === null).map(toDto),
      byOrgUnit: rows.filter((r) => r.unit !== null).map(toDto),
    };
  }

  /** Approval, rejection and change-request rates per unit, from the decisions taken in the date range. */
  async decisions(principal: Principal, q: ReportQueryDto): Promise<DecisionsReportDto> {
    const params = new SqlParams();
    const depth = params.add(await this.org.depth(q.orgUnitId));
    const where = [scopePredicate(principal, q, params), ...dateRange('t.at', q, params)].join(' AND ');
    const rows = await this.dataSource.query<{ unit: string | null; approved: number; rejected: number; changes: number }[]>(
      `SELECT ${this.org.expression('ou', depth)} AS unit,
              count(*) FILTER (WHERE t.to_state IN ('approved', 'awaiting_cosign') AND t.action = 'decide_approve')::int AS approved,
              count(*) FILTER (WHERE t.action IN ('decide_reject', 'decline_cosign'))::int AS rejected,
              count(*) FILTER (WHERE t.action = 'decide_request_changes')::int AS changes
       FROM project_transition t JOIN project p ON p.id = t.project_id JOIN org_unit ou ON ou.id = p.org_unit_id
       WHERE ${where} AND t.action IN ('decide_approve', 'decide_reject', 'decide_request_changes', 'decline_cosign')
       GROUP BY GROUPING SETS ((), (${this.org.expression('ou', depth)}))
       ORDER BY 1 NULLS FIRST`,
      params.values,
    );
    const names = await this.org.names(rows.flatMap((r) => (r.unit ? [r.unit] : [])));
    return {
      generatedAt: new Date().toISOString(),
      rows: rows.map((r) => {
        // A declined co-sign follows an approval: count the decision once, as a rejection.
        const decisions = r.approved + r.changes + r.rejected;
        return {
          orgUnitId: r.unit,
          orgUnitName: r.unit ? (names.get(r.unit) ?? null) : null,
          decisions,
          approved: r.approved,
          rejected: r.rejected,
          changesRequested: r.changes,
          approvalRate: RATE(r.approved, decisions),
          rejectionRate: RATE(r.rejected, decisions),
          changesRate: RATE(r.changes, decisions),
        };
      }),
    };
  }

  private async named(counts: CountDto[]): Promise<UnitCountDto[]> {
    const names = await this.org.names(counts.map((c) => c.key));
    return counts.map((c) => ({ orgUnitId: c.key, name: names.get(c.key) ?? c.key, count: c.count }));
  }
}
