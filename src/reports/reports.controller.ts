import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiCsv, streamCsv, wantsCsv } from '../common/csv/csv-response';
import { ApiProblems } from '../common/openapi/api-problems.decorator';
import { CurrentPrincipal, RequirePermissions } from '../identity/auth/auth.decorators';
import type { Principal } from '../identity/auth/principal';
import { ReportQueryDto, RiskAcceptanceReportQueryDto } from './dto/report-query.dto';
import {
  CycleTimesReportDto,
  DecisionsReportDto,
  HeroIndexReportDto,
  KpiOutcomesReportDto,
  RiskAcceptancesReportDto,
  SlaReportDto,
  PortfolioReportDto,
  RiskHeatmapReportDto,
} from './dto/report.dto';
import { HeroIndexService } from './hero-index.service';
import { OutcomeReportsService } from './outcome-reports.service';
import { PortfolioReportsService } from './portfolio-reports.service';
import {
  type ReportTable,
  cycleTimesTable,
  decisionsTable,
  heatmapTable,
  heroIndexTable,
  kpiOutcomesTable,
  riskAcceptancesTable,
  slaTable,
  portfolioTable,
} from './report-tables';

const VISIBILITY =
  'Counts only what the caller may see: the CIO and admins everything, a manager their unit subtree, anyone else their own projects. `Accept: text/csv` returns the same figures as CSV.';

@ApiTags('reports')
@Controller('reports')
@RequirePermissions('report.read')
export class ReportsController {
  constructor(
    private readonly reports: PortfolioReportsService,
    private readonly heroIndexService: HeroIndexService,
    private readonly outcomes: OutcomeReportsService,
  ) {}

  @Get('portfolio')
  @ApiOperation({ summary: 'Project counts by state, risk level, org unit, technology and fast track', description: VISIBILITY })
  @ApiOkResponse({ type: PortfolioReportDto })
  @ApiCsv()
  @ApiProblems(400)
  async portfolio(
    @CurrentPrincipal() p: Principal,
    @Query() q: ReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.answer(req, res, 'portfolio', await this.reports.portfolio(p, q), portfolioTable);
  }

  @Get('risk-heatmap')
  @ApiOperation({ summary: 'Likelihood × impact counts per risk dimension and overall, inherent and residual', description: VISIBILITY })
  @ApiOkResponse({ type: RiskHeatmapReportDto })
  @ApiCsv()
  @ApiProblems(400)
  async riskHeatmap(
    @CurrentPrincipal() p: Principal,
    @Query() q: ReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.answer(req, res, 'risk-heatmap', await this.reports.riskHeatmap(p, q), heatmapTable);
  }

  @Get('cycle-times')
  @ApiOperation({ summary: 'Median and p90 time spent in each lifecycle stage, overall and per unit', description: VISIBILITY })
  @ApiOkResponse({ type: CycleTimesReportDto })
  @ApiCsv()
  @ApiProblems(400)
  async cycleTimes(
    @CurrentPrincipal() p: Principal,
    @Query() q: ReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.answer(req, res, 'cycle-times', await this.reports.cycleTimes(p, q), cycleTimesTable);
  }

  @Get('decisions')
  @ApiOperation({ summary: 'Approval, rejection and change-request rates per unit', description: VISIBILITY })
  @ApiOkResponse({ type: DecisionsReportDto })
  @ApiCsv()
  @ApiProblems(400)
  async decisions(
    @CurrentPrincipal() p: Principal,
    @Query() q: ReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.answer(req, res, 'decisions', await this.reports.decisions(p, q), decisionsTable);
  }

  @Get('hero-index')
  @ApiOperation({
    summary: 'HERO index per unit: who proposes, who acknowledged the compact, approval rate, time to decision',
    description:
      'People-based: a manager sees their subtree, the CIO and admins everything, anyone else their own unit. `Accept: text/csv` for CSV.',
  })
  @ApiOkResponse({ type: HeroIndexReportDto })
  @ApiCsv()
  @ApiProblems(400)
  async heroIndex(
    @CurrentPrincipal() p: Principal,
    @Query() q: ReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.answer(req, res, 'hero-index', await this.heroIndexService.heroIndex(p, q), heroIndexTable);
  }

  @Get('sla')
  @ApiOperation({ summary: 'SLA breaches per stage and unit, and how many are still waiting', description: VISIBILITY })
  @ApiOkResponse({ type: SlaReportDto })
  @ApiCsv()
  @ApiProblems(400)
  async sla(@CurrentPrincipal() p: Principal, @Query() q: ReportQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.answer(req, res, 'sla', await this.outcomes.sla(p, q), slaTable);
  }

  @Get('kpis')
  @ApiOperation({ summary: 'KPI outcomes of launched projects: share on track, overall and per technology', description: VISIBILITY })
  @ApiOkResponse({ type: KpiOutcomesReportDto })
  @ApiCsv()
  @ApiProblems(400)
  async kpis(@CurrentPrincipal() p: Principal, @Query() q: ReportQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    return this.answer(req, res, 'kpis', await this.outcomes.kpis(p, q), kpiOutcomesTable);
  }

  @Get('risk-acceptances')
  @ApiOperation({ summary: 'Risk acceptances in force, expired and expiring within N days', description: VISIBILITY })
  @ApiOkResponse({ type: RiskAcceptancesReportDto })
  @ApiCsv()
  @ApiProblems(400)
  async riskAcceptances(
    @CurrentPrincipal() p: Principal,
    @Query() q: RiskAcceptanceReportQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.answer(req, res, 'risk-acceptances', await this.outcomes.riskAcceptances(p, q), riskAcceptancesTable);
  }

  /** JSON by default; the report's table as a CSV download when the client asks for text/csv. */
  private async answer<T>(req: Request, res: Response, name: string, report: T, table: (r: T) => ReportTable): Promise<T | void> {
    if (!wantsCsv(req)) return report;
    const { header, rows } = table(report);
    await streamCsv(res, `${name}.csv`, header, [rows]);
  }
}
