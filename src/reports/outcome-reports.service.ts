import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../identity/auth/principal';
import type { ReportQueryDto, RiskAcceptanceReportQueryDto } from './dto/report-query.dto';
import { ExpiringAcceptanceDto, KpiOutcomesReportDto, RiskAcceptancesReportDto, SlaReportDto, SlaStageDto } from './dto/report.dto';
import { OrgRollup } from './org-rollup';
import { dateRange, scopePredicate, SqlParams } from './report-scope';

const SHARE = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);
const EXPIRING_LIST_LIMIT = 100;
const PROJECT_TOTALS = `count(*)::int AS projects, count(*) FILTER (WHERE on_track > 0 AND off_track = 0)::int AS projects_on_track,
  sum(kpis)::int AS kpis, sum(on_track)::int AS on_track, sum(off_track)::int AS off_track, sum(no_data)::int AS no_data`;

/** The state a project waits in for each SLA stage (DOMAIN.md §8). */
const STAGE_STATE_SQL = `CASE b.stage WHEN 'assignment' THEN 'submitted' WHEN 'assessment' THEN 'in_review' WHEN 'decision' THEN 'awaiting_decision' ELSE 'awaiting_cosign' END`;

/**
 * Follow-through figures (DOMAIN.md §11): SLA breaches, KPI outcomes of launched projects, risk
 * acceptances in force and expiring. Same scope and filters as the portfolio reports.
 */
@Injectable()
export class OutcomeReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly org: OrgRollup,
  ) {}

  async sla(principal: Principal, q: ReportQueryDto): Promise<SlaReportDto> {
    const params = new SqlParams();
    const depth = params.add(await this.org.depth(q.orgUnitId));
    const where = [scopePredicate(principal, q, params), ...dateRange('b.detected_at', q, params)].join(' AND ');
    const unit = this.org.expression('ou', depth);
    const rows = await this.dataSource.query<{ stage: string; unit: string | null; breaches: number; open: number }[]>(
      `SELECT b.stage, ${unit} AS unit, count(*)::int AS breaches,
              count(*) FILTER (WHERE p.state = ${STAGE_STATE_SQL} AND p.state_changed_at = b.state_entered_at)::int AS open
       FROM sla_breach b JOIN project p ON p.id = b.project_id JOIN org_unit ou ON ou.id = p.org_unit_id
       WHERE ${where}
       GROUP BY GROUPING SETS ((b.stage), (b.stage, ${unit}))
       ORDER BY 1, 2 NULLS FIRST`,
      params.values,
    );
    const names = await this.org.names(rows.flatMap((r) => (r.unit ? [r.unit] : [])));
    const toDto = (r: (typeof rows)[number]): SlaStageDto => ({
      stage: r.stage,
      orgUnitId: r.unit,
      orgUnitName: r.unit ? (names.get(r.unit) ?? null) : null,
      breaches: r.breaches,
      stillOpen: r.open,
    });
    const stages = rows.filter((r) => r.unit === null).map(toDto);
    return {
      generatedAt: new Date().toISOString(),
      total: stages.reduce((sum, s) => sum + s.breaches, 0),
      stages,
      byOrgUnit: rows.filter((r) => r.unit !== null).map(toDto),
    };
  }

  /**
   * KPI status in SQL, the same rule as kpi-tracking.ts `kpiProgress`: on track when the target is
   * met, or the latest value is better than the baseline and not worse than the previous one.
   */
  async kpis(principal: Principal, q: ReportQueryDto): Promise<KpiOutcomesReportDto> {
    const params = new SqlParams();
    const where = [scopePredicate(principal, q, params), 'p.launched_at IS NOT NULL', ...dateRange('p.launched_at', q, params)].join(
      ' AND ',
    );
    const better = (a: string, b: string) => `((k.direction = 'increase' AND ${a} > ${b}) OR (k.direction = 'decrease' AND ${a} < ${b}))`;
    const rows = await this.dataSource.query<
      {
        technology: string | null;
        projects: number;
        projects_on_track: number;
        kpis: number;
        on_track: number;
        off_track: number;
        no_data: number;
      }[]
    >(
      `WITH launched AS (SELECT p.id, p.technologies FROM project p WHERE ${where}),
       ranked AS (
         SELECT m.kpi_id, m.value, row_number() OVER (PARTITION BY m.kpi_id ORDER BY m.measured_on DESC, m.recorded_at DESC) AS rn
         FROM kpi_measurement m JOIN launched l ON l.id = m.project_id
       ), latest AS (
         SELECT kpi_id, max(value) FILTER (WHERE rn = 1) AS latest, max(value) FILTER (WHERE rn = 2) AS previous
         FROM ranked WHERE rn <= 2 GROUP BY kpi_id
       ), kpi_status AS (
         SELECT k.project_id,
                CASE WHEN lt.latest IS NULL THEN 'no_data'
                     WHEN lt.latest = k.target OR ${better('lt.latest', 'k.target')} THEN 'on_track'
                     WHEN ${better('lt.latest', 'k.baseline')} AND NOT (lt.previous IS NOT NULL AND ${better('lt.previous', 'lt.latest')}) THEN 'on_track'
                     ELSE 'off_track' END AS status
         FROM project_kpi k JOIN launched l ON l.id = k.project_id LEFT JOIN latest lt ON lt.kpi_id = k.id
       ), project_status AS (
         SELECT l.id, l.technologies,
                count(ks.*)::int AS kpis,
                count(*) FILTER (WHERE ks.status = 'on_track')::int AS on_track,
                count(*) FILTER (WHERE ks.status = 'off_track')::int AS off_track,
                count(*) FILTER (WHERE ks.status = 'no_data')::int AS no_data
         FROM launched l LEFT JOIN kpi_status ks ON ks.project_id = l.id GROUP BY l.id, l.technologies
       )
       SELECT NULL AS technology, ${PROJECT_TOTALS} FROM project_status
       UNION ALL
       SELECT tech, ${PROJECT_TOTALS} FROM project_status, unnest(technologies) tech GROUP BY tech
       ORDER BY 1 NULLS FIRST`,
      params.values,
    );
    return {
      generatedAt: new Date().toISOString(),
      rows: rows.map((r) => ({
        technology: r.technology,
        projects: r.projects,
        projectsOnTrack: r.projects_on_track,
        kpis: r.kpis ?? 0,
        kpisOnTrack: r.on_track ?? 0,
        kpisOffTrack: r.off_track ?? 0,
        kpisNoData: r.no_data ?? 0,
        onTrackShare: SHARE(r.on_track ?? 0, (r.on_track ?? 0) + (r.off_track ?? 0)),
      })),
    };
  }

  async riskAcceptances(principal: Principal, q: RiskAcceptanceReportQueryDto): Promise<RiskAcceptancesReportDto> {
    const days = q.expiringWithinDays ?? 30;
    const params = new SqlParams();
    const where = [scopePredicate(principal, q, params), ...dateRange('ra.created_at', q, params)].join(' AND ');
    const today = params.add(new Date().toISOString().slice(0, 10));
    const soon = `ra.expires_on >= ${today}::date AND ra.expires_on < ${today}::date + ${params.add(days)}::int`;
    const [counts] = await this.dataSource.query<
      { in_force: number; expired: number; soon: number; levels: { key: string; count: number }[] | null }[]
    >(
      `WITH scope AS (SELECT ra.* FROM risk_acceptance ra JOIN project p ON p.id = ra.project_id WHERE ${where})
       SELECT count(*) FILTER (WHERE ra.expires_on >= ${today}::date)::int AS in_force,
              count(*) FILTER (WHERE ra.expires_on < ${today}::date)::int AS expired,
              count(*) FILTER (WHERE ${soon})::int AS soon,
              (SELECT json_agg(json_build_object('key', accepted_level, 'count', n) ORDER BY n DESC, accepted_level)
                 FROM (SELECT accepted_level, count(*)::int AS n FROM scope WHERE expires_on >= ${today}::date GROUP BY accepted_level) l) AS levels
       FROM scope ra`,
      params.values,
    );
    const expiring = await this.dataSource.query<ExpiringAcceptanceDto[]>(
      `SELECT ra.id, ra.project_id AS "projectId", p.reference AS "projectReference", p.title AS "projectTitle",
              ra.accepted_level AS "acceptedLevel", to_char(ra.expires_on, 'YYYY-MM-DD') AS "expiresOn", ra.statement
       FROM risk_acceptance ra JOIN project p ON p.id = ra.project_id
       WHERE ${where} AND ${soon} ORDER BY ra.expires_on, ra.id LIMIT ${EXPIRING_LIST_LIMIT}`,
      params.values,
    );
    return {
      generatedAt: new Date().toISOString(),
      inForce: counts.in_force,
      expired: counts.expired,
      expiringSoon: counts.soon,
      expiringWithinDays: days,
      inForceByLevel: counts.levels ?? [],
      expiring,
    };
  }
}
