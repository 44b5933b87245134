import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { MoneyDto } from '../../common/money/money.dto';
import { RISK_LEVELS } from '../../risk/risk-scoring';
import { COSIGN_OUTCOMES, DECISION_OUTCOMES, RECOMMENDATIONS } from '../separation-of-duties';
import { ValidateNestedObject } from '../../common/validation/validate-nested-object';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = (field: string) => `${field} must be a date (YYYY-MM-DD)`;

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class ConditionInputDto {
  @ApiProperty({ description: 'What must be done before launch' }) @IsString() @Length(3, 2000) text!: string;
  @ApiProperty({ format: 'uuid', description: 'Who meets it: the proposer, a team member or the assigned advisor' })
  @IsUUID()
  ownerId!: string;
  @ApiProperty({ example: '2027-03-01', description: 'Due date (today or later)' })
  @Matches(ISO_DATE, { message: DATE_MESSAGE('dueDate') })
  dueDate!: string;
}

export class RiskAcceptanceInputDto {
  @ApiProperty({ description: 'The manager’s written acceptance of the residual risk' }) @IsString() @Length(10, 5000) statement!: string;
  @ApiProperty({ enum: RISK_LEVELS, description: 'The level accepted: at least the assessment’s overall level' })
  @IsIn(RISK_LEVELS)
  acceptedLevel!: string;
  @ApiProperty({ example: '2027-12-31', description: 'When the acceptance must be reviewed (after today)' })
  @Matches(ISO_DATE, { message: DATE_MESSAGE('expiresOn') })
  expiresOn!: string;
}

export class DecideDto {
  @ApiProperty({ enum: DECISION_OUTCOMES }) @IsIn(DECISION_OUTCOMES) outcome!: (typeof DECISION_OUTCOMES)[number];
  @ApiProperty({ description: 'Why: written for the proposer and the record' }) @IsString() @Length(3, 5000) rationale!: string;
  @ApiPropertyOptional({
    type: [ConditionInputDto],
    description:
      'Only with approve_with_conditions. When omitted or empty, the assessment’s proposed conditions are used (owner defaults to the proposer, due date to the target launch date).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConditionInputDto)
  conditions?: ConditionInputDto[];
  @ApiPropertyOptional({
    type: RiskAcceptanceInputDto,
    description: 'Required when approving against a do_not_proceed recommendation; allowed with any approval',
  })
  @IsOptional()
  @ValidateNestedObject()
  @Type(() => RiskAcceptanceInputDto)
  riskAcceptance?: RiskAcceptanceInputDto;
}

export class CosignDto {
  @ApiProperty({ enum: COSIGN_OUTCOMES }) @IsIn(COSIGN_OUTCOMES) outcome!: (typeof COSIGN_OUTCOMES)[number];
  @ApiProperty({ description: 'Why the CIO co-signs or declines' }) @IsString() @Length(3, 5000) rationale!: string;
}

export class VendorScopeDto {
  @ApiProperty() name!: string;
  @ApiProperty() service!: string;
  @ApiProperty() dataShared!: string;
}

export class DecisionSnapshotDto {
  @ApiProperty({ type: MoneyDto, nullable: true }) budget!: MoneyDto | null;
  @ApiProperty({ type: [String] }) dataCategories!: string[];
  @ApiProperty({ type: [String] }) technologies!: string[];
  @ApiProperty({ type: [VendorScopeDto] }) vendors!: VendorScopeDto[];
  @ApiProperty({ enum: RISK_LEVELS }) riskLevel!: string;
  @ApiProperty({ enum: RECOMMENDATIONS }) recommendation!: string;
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() assessmentRevision!: number;
  @ApiProperty({ format: 'uuid' }) frameworkVersionId!: string;
}

export class CosignStatusDto {
  @ApiProperty({ enum: ['not_required', 'pending', 'cosigned', 'declined'] }) status!: string;
  @ApiProperty({ type: PersonDto, nullable: true }) by!: PersonDto | null;
  @ApiProperty({ type: String, nullable: true }) at!: string | null;
  @ApiProperty({ type: String, nullable: true }) rationale!: string | null;
}

export class ConditionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: PersonDto }) owner!: PersonDto;
  @ApiProperty({ example: '2027-03-01' }) dueDate!: string;
  @ApiProperty({ enum: ['open', 'met', 'waived'] }) status!: string;
  @ApiProperty({ description: 'Open and past its due date' }) overdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) evidenceNote!: string | null;
  @ApiProperty({ type: String, nullable: true }) waiverReason!: string | null;
  @ApiProperty({ type: PersonDto, nullable: true }) closedBy!: PersonDto | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ description: 'For If-Match on PATCH' }) version!: number;
}

export class RiskAcceptanceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ example: 'HC-2026-0042' }) projectReference!: string;
  @ApiProperty() projectTitle!: string;
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty() statement!: string;
  @ApiProperty({ enum: RISK_LEVELS }) acceptedLevel!: string;
  @ApiProperty({ example: '2027-12-31' }) expiresOn!: string;
  @ApiProperty({ description: 'The expiry date has passed: the acceptance must be renewed by a new decision' }) expired!: boolean;
  @ApiProperty({ description: 'Part of the approval in force and not expired' }) inForce!: boolean;
  @ApiProperty({ type: PersonDto }) acceptedBy!: PersonDto;
  @ApiProperty() acceptedAt!: string;
}

export class DecisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome!: string;
  @ApiProperty() rationale!: string;
  @ApiProperty({ enum: ['pending_cosign', 'effective', 'cosign_declined'] }) status!: string;
  @ApiProperty({ description: 'An approval that currently authorises the project (not superseded, not declined)' }) inForce!: boolean;
  @ApiProperty({ type: PersonDto }) decidedBy!: PersonDto;
  @ApiProperty() decidedAt!: string;
  @ApiProperty({ type: PersonDto }) assessor!: PersonDto;
  @ApiProperty({ type: DecisionSnapshotDto, description: 'What was decided on: the evidence' }) snapshot!: DecisionSnapshotDto;
  @ApiProperty({ type: CosignStatusDto }) cosign!: CosignStatusDto;
  @ApiProperty({ type: RiskAcceptanceDto, nullable: true }) riskAcceptance!: RiskAcceptanceDto | null;
  @ApiProperty({ type: [ConditionDto] }) conditions!: ConditionDto[];
  @ApiProperty({ type: String, nullable: true, description: 'When a later decision replaced this one' }) supersededAt!: string | null;
}
