import { ApiProperty } from '@nestjs/swagger';

/*
 * Shown inside ProjectDto (`decision`). Kept free of imports from src/projects so the project DTO can
 * import it without an import cycle.
 */

export class RiskAcceptanceSummaryDto {
  @ApiProperty() statement!: string;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'] }) acceptedLevel!: string;
  @ApiProperty({ example: '2027-12-31' }) expiresOn!: string;
  @ApiProperty() expired!: boolean;
}

export class ConditionCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Still blocking launch' }) open!: number;
  @ApiProperty() met!: number;
  @ApiProperty() waived!: number;
}

export class ProjectDecisionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['approve', 'approve_with_conditions', 'reject', 'request_changes'] }) outcome!: string;
  @ApiProperty({ enum: ['pending_cosign', 'effective', 'cosign_declined'] }) status!: string;
  @ApiProperty({ description: 'An approval that currently authorises the project' }) inForce!: boolean;
  @ApiProperty({ format: 'uuid' }) decidedById!: string;
  @ApiProperty() decidedByName!: string;
  @ApiProperty() decidedAt!: string;
  @ApiProperty() assessmentRevision!: number;
  @ApiProperty({ enum: ['not_required', 'pending', 'cosigned', 'declined'] }) cosign!: string;
  @ApiProperty({ type: RiskAcceptanceSummaryDto, nullable: true }) riskAcceptance!: RiskAcceptanceSummaryDto | null;
  @ApiProperty({ type: ConditionCountsDto }) conditions!: ConditionCountsDto;
}
