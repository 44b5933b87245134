import type { CsvCell } from '../common/csv/csv';
import type {
  CycleTimesReportDto,
  DecisionsReportDto,
  HeroIndexReportDto,
  KpiOutcomesReportDto,
  RiskAcceptancesReportDto,
  SlaReportDto,
  PortfolioReportDto,
  RiskHeatmapReportDto,
} from './dto/report.dto';

/** Each report flattened to one table for its CSV export. */
export interface ReportTable {
  header: string[];
  rows: CsvCell[][];
}

export function portfolioTable(r: PortfolioReportDto): ReportTable {
  const counts = (dimension: string, list: { key: string; count: number }[]): CsvCell[][] =>
    list.map((c) => [dimension, c.key, '', c.count]);
  return {
    header: ['dimension', 'key', 'label', 'count'],
    rows: [
      ['total', '', '', r.total],
      ...counts('state', r.byState),
      ...counts('riskLevel', r.byRiskLevel),
      ...r.byOrgUnit.map((u) => ['orgUnit', u.orgUnitId, u.name, u.count]),
      ...counts('technology', r.byTechnology),
      ...counts('fastTrack', r.byFastTrack),
      ['supports', '', '', r.supports],
      ...r.mostSupported.map((p) => ['supportedProject', p.reference, p.title, p.supportCount]),
    ],
  };
}

export function heatmapTable(r: RiskHeatmapReportDto): ReportTable {
  return {
    header: ['dimension', 'kind', 'likelihood', 'impact', 'count'],
    rows: r.cells.map((c) => [c.dimension ?? 'overall', c.kind, c.likelihood, c.impact, c.count]),
  };
}

export function cycleTimesTable(r: CycleTimesReportDto): ReportTable {
  return {
    header: ['stage', 'orgUnitId', 'orgUnitName', 'count', 'medianHours', 'p90Hours'],
    rows: [...r.stages, ...r.byOrgUnit].map((s) => [s.stage, s.orgUnitId, s.orgUnitName, s.count, s.medianHours, s.p90Hours]),
  };
}

export function decisionsTable(r: DecisionsReportDto): ReportTable {
  return {
    header: [
      'orgUnitId',
      'orgUnitName',
      'decisions',
      'approved',
      'rejected',
      'changesRequested',
      'approvalRate',
      'rejectionRate',
      'changesRate',
    ],
    rows: r.rows.map((d) => [
      d.orgUnitId,
      d.orgUnitName,
      d.decisions,
      d.approved,
      d.rejected,
      d.changesRequested,
      d.approvalRate,
      d.rejectionRate,
      d.changesRate,
    ]),
  };
}

export function heroIndexTable(r: HeroIndexReportDto): ReportTable {
  return {
    header: [
      'orgUnitId',
      'orgUnitName',
      'employees',
      'proposedShare',
      'acknowledgedShare',
      'decisions',
      'approvalRate',
      'medianHoursToDecision',
    ],
    rows: r.rows.map((x) => [
      x.orgUnitId,
      x.orgUnitName,
      x.employees,
      x.proposedShare,
      x.acknowledgedShare,
      x.decisions,
      x.approvalRate,
      x.medianHoursToDecision,
    ]),
  };
}

export function slaTable(r: SlaReportDto): ReportTable {
  return {
    header: ['stage', 'orgUnitId', 'orgUnitName', 'breaches', 'stillOpen'],
    rows: [...r.stages, ...r.byOrgUnit].map((x) => [x.stage, x.orgUnitId, x.orgUnitName, x.breaches, x.stillOpen]),
  };
}

export function kpiOutcomesTable(r: KpiOutcomesReportDto): ReportTable {
  return {
    header: ['technology', 'projects', 'projectsOnTrack', 'kpis', 'kpisOnTrack', 'kpisOffTrack', 'kpisNoData', 'onTrackShare'],
    rows: r.rows.map((x) => [
      x.technology ?? 'all',
      x.projects,
      x.projectsOnTrack,
      x.kpis,
      x.kpisOnTrack,
      x.kpisOffTrack,
      x.kpisNoData,
      x.onTrackShare,
    ]),
  };
}

/** The expiring acceptances, one per line (the counts are in the JSON form). */
export function riskAcceptancesTable(r: RiskAcceptancesReportDto): ReportTable {
  return {
    header: ['id', 'projectReference', 'projectTitle', 'acceptedLevel', 'expiresOn', 'statement'],
    rows: r.expiring.map((x) => [x.id, x.projectReference, x.projectTitle, x.acceptedLevel, x.expiresOn, x.statement]),
  };
}
