import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RISK_LEVELS } from '../risk-scoring';
import { RECOMMENDATIONS, type Recommendation } from '../assessment-summary';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One dimension's rating as the advisor gives it. Scores and levels are computed by the server:
 * sending `score`, `level` or any other field is a 400.
 */
export class RatingInputDto {
  @ApiProperty({ example: 'privacy', description: 'A dimension key of the assessment’s framework version' })
  @IsString()
  @Length(1, 40)
  dimension!: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) likelihood!: number;
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) impact!: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'After mitigations; defaults to likelihood' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  residualLikelihood?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 5, description: 'After mitigations; defaults to impact' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  residualImpact?: number;
  @ApiPropertyOptional({ description: 'Required to submit when the rating is medium or above' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  rationale?: string;
}

export class MitigationInputDto {
  @ApiProperty({ description: 'The concrete step that lowers the risk' }) @IsString() @Length(3, 2000) text!: string;
  @ApiProperty({ description: 'Who does it (a person, team or vendor)' }) @IsString() @Length(1, 200) owner!: string;
  @ApiPropertyOptional({ example: '2027-01-31' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dueDate?: string;
  @ApiPropertyOptional({ enum: ['open', 'done'], default: 'open' }) @IsOptional() @IsIn(['open', 'done']) status?: 'open' | 'done';
  @ApiPropertyOptional({ description: 'The dimension this mitigation addresses' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  dimension?: string;
}

export class ProposedConditionInputDto {
  @ApiProperty({ description: 'A condition the advisor proposes for approval' }) @IsString() @Length(3, 2000) text!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The person who will meet it' }) @IsOptional() @IsUUID() ownerId?: string;
  @ApiPropertyOptional({ example: '2027-01-31' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'dueDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  dueDate?: string;
}

/** The editable parts of a draft. Lists given replace the stored ones (send the whole list). */
export class UpdateAssessmentDto {
  @ApiPropertyOptional({ type: [RatingInputDto], description: 'Replaces all ratings' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RatingInputDto)
  ratings?: RatingInputDto[];
  @ApiPropertyOptional({ type: [MitigationInputDto], description: 'Replaces all mitigations' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MitigationInputDto)
  mitigations?: MitigationInputDto[];
  @ApiPropertyOptional({ type: [ProposedConditionInputDto], description: 'Replaces all proposed conditions' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ProposedConditionInputDto)
  proposedConditions?: ProposedConditionInputDto[];
  @ApiPropertyOptional({ enum: RECOMMENDATIONS }) @IsOptional() @IsIn(RECOMMENDATIONS) recommendation?: Recommendation;
  @ApiPropertyOptional({ description: 'The advice in a few sentences, for the manager' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;
}

export class CreateAssessmentDto {
  @ApiPropertyOptional({
    enum: ['self_screening', 'previous'],
    default: 'self_screening',
    description:
      'self_screening: start empty, with the dimensions the HERO’s answers touch flagged for attention. previous: copy the ratings, mitigations and proposed conditions of the last submitted revision.',
  })
  @IsOptional()
  @IsIn(['self_screening', 'previous'])
  copyFrom?: 'self_screening' | 'previous';
}

export class RatingProblemDto {
  @ApiProperty({ enum: ['rationale', 'residualLikelihood', 'residualImpact'] }) field!: string;
  @ApiProperty({ enum: ['rationale_required', 'residual_exceeds_inherent'] }) code!: string;
}

export class RatingDto {
  @ApiProperty() dimension!: string;
  @ApiProperty() attention!: boolean;
  @ApiProperty() likelihood!: number;
  @ApiProperty() impact!: number;
  @ApiProperty() residualLikelihood!: number;
  @ApiProperty() residualImpact!: number;
  @ApiProperty() rationale!: string;
  @ApiProperty({ minimum: 1, maximum: 25, description: 'likelihood × impact (server-computed)' }) inherentScore!: number;
  @ApiProperty({ enum: RISK_LEVELS }) inherentLevel!: string;
  @ApiProperty({ minimum: 1, maximum: 25, description: 'residual likelihood × residual impact (server-computed)' }) residualScore!: number;
  @ApiProperty({ enum: RISK_LEVELS }) residualLevel!: string;
  @ApiProperty({ type: [RatingProblemDto], description: 'What stops this rating from being submitted (empty when fine)' })
  problems!: RatingProblemDto[];
}

export class ScopeEntryDto {
  @ApiProperty() dimension!: string;
  @ApiProperty({ description: 'The HERO’s self-screening points at this dimension' }) attention!: boolean;
  @ApiProperty() rated!: boolean;
}

export class MitigationDto {
  @ApiProperty() text!: string;
  @ApiProperty() owner!: string;
  @ApiProperty({ type: String, nullable: true }) dueDate!: string | null;
  @ApiProperty({ enum: ['open', 'done'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) dimension!: string | null;
}

export class ProposedConditionDto {
  @ApiProperty() text!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) dueDate!: string | null;
}

export class FrameworkRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
}

export class AssessmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status!: string;
  @ApiProperty({ type: FrameworkRefDto, description: 'The framework version this revision is rated against, for good' })
  framework!: FrameworkRefDto;
  @ApiProperty({ description: 'Light (fast-track) assessment: only the dimensions the self-screening touches' }) light!: boolean;
  @ApiProperty({ type: [ScopeEntryDto] }) scope!: ScopeEntryDto[];
  @ApiProperty({ type: [RatingDto], description: 'In framework order' }) ratings!: RatingDto[];
  @ApiProperty({
    enum: RISK_LEVELS,
    nullable: true,
    type: String,
    description: 'Highest residual level (server-computed); for a draft, of what is rated so far',
  })
  overallLevel!: string | null;
  @ApiProperty({ type: [MitigationDto] }) mitigations!: MitigationDto[];
  @ApiProperty({ type: [ProposedConditionDto] }) proposedConditions!: ProposedConditionDto[];
  @ApiProperty({ enum: RECOMMENDATIONS, nullable: true, type: String }) recommendation!: string | null;
  @ApiProperty() summary!: string;
  @ApiProperty({ format: 'uuid' }) assessorId!: string;
  @ApiProperty({ format: 'uuid' }) createdById!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) copiedFromId!: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}
