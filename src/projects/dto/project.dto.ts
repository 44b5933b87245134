import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { MoneyDto } from '../../common/money/money.dto';
import { ProjectDecisionSummaryDto } from '../../decisions/dto/decision-summary.dto';
import { PageQueryDto } from '../../common/pagination/pagination';
import { DATA_CATEGORIES, KPI_DIRECTIONS, RISK_LEVEL_VALUES, TECHNOLOGIES } from '../project-fields';

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class VendorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() service!: string;
  @ApiProperty() dataShared!: string;
}

export class KpiDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty() target!: number;
  @ApiProperty({ enum: KPI_DIRECTIONS }) direction!: string;
}

export class SelfScreeningResultDto {
  @ApiProperty({ description: 'The answers, by question key' }) answers!: Record<string, boolean>;
  @ApiProperty({ enum: ['low', 'medium', 'high'] }) indicativeTier!: string;
  @ApiProperty({ description: 'No "yes" answer: light assessment, shorter time limits, no CIO co-sign' }) fastTrack!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why the advisor took it off the fast track' }) fastTrackRemovedReason!:
    string | null;
}

export class EffortValueResultDto {
  @ApiProperty({ description: 'The questionnaire answers' }) answers!: Record<string, number>;
  @ApiProperty({ minimum: 0, maximum: 100 }) valueScore!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) effortScore!: number;
  @ApiProperty({ enum: ['no_brainer', 'effort_exceeds_value', 'balanced'] }) verdict!: string;
}

export class ProjectSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'HC-2026-0042' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty() customerTask!: string;
  @ApiProperty() state!: string;
  @ApiProperty({ enum: RISK_LEVEL_VALUES, nullable: true, type: String }) riskLevel!: string | null;
  @ApiProperty() fastTrack!: boolean;
  @ApiProperty({ enum: TECHNOLOGIES, isArray: true }) technologies!: string[];
  @ApiProperty({ type: MoneyDto, nullable: true }) budget!: MoneyDto | null;
  @ApiProperty({ type: String, nullable: true }) targetLaunchDate!: string | null;
  @ApiProperty({ format: 'uuid' }) proposerId!: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assignedAdvisorId!: string | null;
  @ApiProperty({ type: Number, nullable: true }) valueScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) effortScore!: number | null;
  @ApiProperty({ type: String, nullable: true }) valueVerdict!: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'How many colleagues support the project (GET /projects/{id}/supports)' }) supportCount!: number;
}

export class ProjectDto extends ProjectSummaryDto {
  @ApiProperty() summary!: string;
  @ApiProperty() customerProblem!: string;
  @ApiProperty() targetCustomers!: string;
  @ApiProperty() solution!: string;
  @ApiProperty({ enum: DATA_CATEGORIES, isArray: true }) dataCategories!: string[];
  @ApiProperty({ type: [VendorDto] }) vendors!: VendorDto[];
  @ApiProperty({ type: [KpiDto] }) kpis!: KpiDto[];
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: PersonRefDto }) proposer!: PersonRefDto;
  @ApiProperty({ type: UnitRefDto }) orgUnit!: UnitRefDto;
  @ApiProperty({ type: PersonRefDto, nullable: true }) assignedAdvisor!: PersonRefDto | null;
  @ApiProperty({ type: [PersonRefDto] }) team!: PersonRefDto[];
  @ApiProperty({ type: SelfScreeningResultDto, nullable: true }) selfScreening!: SelfScreeningResultDto | null;
  @ApiProperty({ type: EffortValueResultDto, nullable: true }) effortValue!: EffortValueResultDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'When the project launched' }) launchedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) retiredAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the project was retired' }) retirementReason!: string | null;
  @ApiProperty({
    type: ProjectDecisionSummaryDto,
    nullable: true,
    description: 'The current decision in brief (full record: GET /projects/{id}/decisions)',
  })
  decision!: ProjectDecisionSummaryDto | null;
  @ApiProperty({ type: [String], description: 'Lifecycle actions the caller may take now' }) allowedActions!: string[];
}

const PROJECT_SORT_VALUES = [
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'targetLaunchDate',
  '-targetLaunchDate',
  'submittedAt',
  '-submittedAt',
];

const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class ProjectListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated states' }) @IsOptional() @IsString() @MaxLength(300) state?: string;
  @ApiPropertyOptional({ enum: RISK_LEVEL_VALUES }) @IsOptional() @IsIn(RISK_LEVEL_VALUES) riskLevel?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'This unit and everything below it' }) @IsOptional() @IsUUID() orgUnitId?: string;
  @ApiPropertyOptional({ enum: TECHNOLOGIES }) @IsOptional() @IsIn(TECHNOLOGIES) technology?: string;
  @ApiPropertyOptional({ description: 'Full text over title, summary and customer task' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ description: 'Projects I propose or work on' }) @IsOptional() @Transform(toBool) @IsBoolean() mine?: boolean;
  @ApiPropertyOptional({ description: 'Projects assigned to me as advisor' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  assignedToMe?: boolean;
  @ApiPropertyOptional({ description: 'Submitted projects without an advisor (the assignment queue), oldest first' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unassigned?: boolean;
  @ApiPropertyOptional({ description: 'Projects awaiting my decision' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  awaitingMyDecision?: boolean;
  @ApiPropertyOptional({ description: 'Created at or after (ISO 8601)' }) @IsOptional() @IsISO8601() createdFrom?: string;
  @ApiPropertyOptional({ description: 'Created before (ISO 8601)' }) @IsOptional() @IsISO8601() createdTo?: string;
  @ApiPropertyOptional({
    enum: PROJECT_SORT_VALUES,
    default: '-createdAt',
    description: 'Default -createdAt; with unassigned=true, submittedAt (the longest-waiting first)',
  })
  @IsOptional()
  @IsIn(PROJECT_SORT_VALUES)
  sort?: string;
}

export const PROJECT_SORTS = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  targetLaunchDate: 'targetLaunchDate',
  submittedAt: 'submittedAt',
} as const;

export class CommentInputDto {
  @ApiProperty() @IsString() @MaxLength(5000) body!: string;
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Users mentioned' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @Type(() => String)
  mentions?: string[];
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['comment', 'question', 'answer'] }) kind!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: PersonRefDto, nullable: true }) author!: PersonRefDto | null;
  @ApiProperty() authorName!: string;
  @ApiProperty({ type: [String] }) mentions!: string[];
  @ApiProperty() createdAt!: string;
}
