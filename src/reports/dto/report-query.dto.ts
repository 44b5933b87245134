import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { TECHNOLOGIES } from '../../projects/project-fields';

/** Filters shared by every report (issue "Portfolio insight" §1). */
export class ReportQueryDto {
  @ApiPropertyOptional({ description: 'Start of the date range (inclusive), ISO 8601 date or date-time', example: '2026-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'End of the date range (exclusive), ISO 8601 date or date-time', example: '2027-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only this org unit and the units below it' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ enum: TECHNOLOGIES })
  @IsOptional()
  @IsIn(TECHNOLOGIES)
  technology?: string;
}

export class RiskAcceptanceReportQueryDto extends ReportQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 30, description: 'Flag acceptances expiring within this many days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  expiringWithinDays?: number;
}
