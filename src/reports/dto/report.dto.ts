import { ApiProperty } from '@nestjs/swagger';

export class CountDto {
  @ApiProperty() key!: string;
  @ApiProperty() count!: number;
}

export class UnitCountDto {
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Projects in this unit and every unit below it' }) count!: number;
}

export class SupportedProjectDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ description: 'Colleagues who support it ("my customers need this")' }) supportCount!: number;
}

export class PortfolioReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'Projects counted (created in the date range, visible to the caller, matching the filters)' }) total!: number;
  @ApiProperty({ type: [CountDto] }) byState!: CountDto[];
  @ApiProperty({ type: [CountDto], description: '`unassessed` for projects without an overall level yet' }) byRiskLevel!: CountDto[];
  @ApiProperty({ type: [UnitCountDto], description: 'Rolled up to the units one level below the filter unit (or the company)' })
  byOrgUnit!: UnitCountDto[];
  @ApiProperty({ type: [CountDto] }) byTechnology!: CountDto[];
  @ApiProperty({ type: [CountDto], description: '`true` / `false`' }) byFastTrack!: CountDto[];
  @ApiProperty({ description: 'Colleagues’ supports on the counted projects' }) supports!: number;
  @ApiProperty({ type: [SupportedProjectDto], description: 'The ten most supported of the counted projects' })
  mostSupported!: SupportedProjectDto[];
}

export class HeatmapCellDto {
  @ApiProperty({ type: String, nullable: true, description: 'Risk dimension; null for all dimensions together' }) dimension!: string | null;
  @ApiProperty({ enum: ['inherent', 'residual'] }) kind!: 'inherent' | 'residual';
  @ApiProperty({ minimum: 1, maximum: 5 }) likelihood!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) impact!: number;
  @ApiProperty() count!: number;
}

export class RiskHeatmapReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'Projects whose latest submitted assessment is counted' }) assessedProjects!: number;
  @ApiProperty({ type: [HeatmapCellDto], description: 'Non-empty cells only' }) cells!: HeatmapCellDto[];
}

export class StageTimeDto {
  @ApiProperty({ description: 'Lifecycle state the project waited in' }) stage!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null in the overall rows' }) orgUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) orgUnitName!: string | null;
  @ApiProperty({ description: 'Transitions out of the stage in the date range' }) count!: number;
  @ApiProperty() medianHours!: number;
  @ApiProperty() p90Hours!: number;
}

export class CycleTimesReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [StageTimeDto] }) stages!: StageTimeDto[];
  @ApiProperty({ type: [StageTimeDto], description: 'The same per unit (rolled up like the portfolio report)' }) byOrgUnit!: StageTimeDto[];
}

export class DecisionRateDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the overall row' }) orgUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) orgUnitName!: string | null;
  @ApiProperty() decisions!: number;
  @ApiProperty() approved!: number;
  @ApiProperty({ description: 'Rejected by the manager or declined at co-sign' }) rejected!: number;
  @ApiProperty() changesRequested!: number;
  @ApiProperty({ description: 'approved / decisions, 0–1' }) approvalRate!: number;
  @ApiProperty() rejectionRate!: number;
  @ApiProperty() changesRate!: number;
}

export class DecisionsReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [DecisionRateDto] }) rows!: DecisionRateDto[];
}

export class HeroIndexRowDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the overall row' }) orgUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) orgUnitName!: string | null;
  @ApiProperty({ description: 'Active employees in the unit subtree' }) employees!: number;
  @ApiProperty({ description: 'Share of employees who proposed a project (in the date range), 0–1' }) proposedShare!: number;
  @ApiProperty({ description: 'Share of employees who acknowledged the current compact, 0–1' }) acknowledgedShare!: number;
  @ApiProperty({ description: 'Decisions taken on the unit’s projects in the date range' }) decisions!: number;
  @ApiProperty({ description: 'approved / decisions, 0–1' }) approvalRate!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Median hours from (re)submission to decision' }) medianHoursToDecision!:
    number | null;
}

export class HeroIndexReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [HeroIndexRowDto] }) rows!: HeroIndexRowDto[];
}

export class SlaStageDto {
  @ApiProperty({ enum: ['assignment', 'assessment', 'decision', 'cosign'] }) stage!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null in the overall rows' }) orgUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) orgUnitName!: string | null;
  @ApiProperty({ description: 'Breaches detected in the date range' }) breaches!: number;
  @ApiProperty({ description: 'Of those, projects still waiting in that stage now' }) stillOpen!: number;
}

export class SlaReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [SlaStageDto] }) stages!: SlaStageDto[];
  @ApiProperty({ type: [SlaStageDto] }) byOrgUnit!: SlaStageDto[];
}

export class KpiOutcomeDto {
  @ApiProperty({ type: String, nullable: true, description: 'null for all launched projects together' }) technology!: string | null;
  @ApiProperty({ description: 'Launched projects' }) projects!: number;
  @ApiProperty({ description: 'Projects with at least one KPI on track and none off track' }) projectsOnTrack!: number;
  @ApiProperty() kpis!: number;
  @ApiProperty() kpisOnTrack!: number;
  @ApiProperty() kpisOffTrack!: number;
  @ApiProperty() kpisNoData!: number;
  @ApiProperty({ description: 'kpisOnTrack / measured KPIs, 0–1' }) onTrackShare!: number;
}

export class KpiOutcomesReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: [KpiOutcomeDto] }) rows!: KpiOutcomeDto[];
}

export class ExpiringAcceptanceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() projectReference!: string;
  @ApiProperty() projectTitle!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) acceptedLevel!: string;
  @ApiProperty({ example: '2027-01-31' }) expiresOn!: string;
  @ApiProperty() statement!: string;
}

export class RiskAcceptancesReportDto {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ description: 'Not expired today' }) inForce!: number;
  @ApiProperty() expired!: number;
  @ApiProperty({ description: 'In force and expiring within expiringWithinDays' }) expiringSoon!: number;
  @ApiProperty() expiringWithinDays!: number;
  @ApiProperty({ type: [CountDto], description: 'In force, by accepted level' }) inForceByLevel!: CountDto[];
  @ApiProperty({
    type: [ExpiringAcceptanceDto],
    description: 'The expiring ones, soonest first (at most 100; GET /risk-acceptances pages through all)',
  })
  expiring!: ExpiringAcceptanceDto[];
}
