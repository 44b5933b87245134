import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class AssignDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The advisor to assign (CIO). Omit to assign yourself (advisor).' })
  @IsOptional()
  @IsUUID()
  advisorId?: string;
}

export class RequestInfoDto {
  @ApiProperty({ description: 'The question for the proposer' }) @IsString() @Length(3, 5000) question!: string;
}

export class RespondDto {
  @ApiProperty({ description: 'The answer to the advisor’s question' }) @IsString() @Length(1, 5000) answer!: string;
}

export class ReasonDto {
  @ApiPropertyOptional({ description: 'Why' }) @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

export class RequiredReasonDto {
  @ApiProperty({ description: 'Why' }) @IsString() @Length(3, 2000) reason!: string;
}
