import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';

export class UpdateConditionDto {
  @ApiProperty({ enum: ['met', 'waived'], description: 'met: by the owner, with evidence; waived: by the deciding manager, with a reason' })
  @IsIn(['met', 'waived'])
  status!: 'met' | 'waived';
  @ApiPropertyOptional({ description: 'Required with status met: how it was met (link, ticket, document)' })
  @ValidateIf((o: UpdateConditionDto) => o.status === 'met' || o.evidenceNote !== undefined)
  @IsString()
  @Length(3, 5000)
  evidenceNote?: string;
  @ApiPropertyOptional({ description: 'Required with status waived: why the condition no longer applies' })
  @ValidateIf((o: UpdateConditionDto) => o.status === 'waived' || o.reason !== undefined)
  @IsString()
  @Length(3, 5000)
  reason?: string;
}

const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class RiskAcceptanceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only expired (true) or only unexpired (false) acceptances' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  expired?: boolean;
  @ApiPropertyOptional({ description: 'Only acceptances of approvals in force (true) or only void ones (false)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  inForce?: boolean;
}
