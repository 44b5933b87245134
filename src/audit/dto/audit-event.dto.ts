import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { pageDtoOf, PageQueryDto } from '../../common/pagination/pagination';

export class AuditActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) type!: 'user' | 'api_key' | 'system';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty() name!: string;
}

export class AuditEventDto {
  @ApiProperty({ description: 'Position in the hash chain (a decimal string: it is a bigint)', example: '42' }) seq!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: AuditActorDto }) actor!: AuditActorDto;
  @ApiProperty({ example: 'project.submit' }) action!: string;
  @ApiProperty({ example: 'project' }) entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId!: string | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'Changed fields before the change' })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'Changed fields after the change' })
  after!: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ description: 'sha256 of the previous event (64 zeros for the first)' }) prevHash!: string;
  @ApiProperty({ description: 'sha256(prevHash + canonical event)' }) hash!: string;
}

export class AuditEventPageDto extends pageDtoOf(AuditEventDto) {}

export class AuditEventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() projectId?: string;
  @ApiPropertyOptional({ example: 'project' }) @IsOptional() @IsString() @MaxLength(64) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(128) entityId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'User or API key id' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ enum: ['user', 'api_key', 'system'] }) @IsOptional() @IsIn(['user', 'api_key', 'system']) actorType?: string;
  @ApiPropertyOptional({ example: 'project.submit' }) @IsOptional() @IsString() @MaxLength(64) action?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this instant' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this instant' }) @IsOptional() @IsDateString() to?: string;
}

export class BrokenLinkDto {
  @ApiProperty({ description: 'seq of the first event whose link does not hold' }) seq!: string;
  @ApiProperty({ enum: ['hash-mismatch', 'prev-hash-mismatch'] }) reason!: string;
  @ApiProperty() expected!: string;
  @ApiProperty() found!: string;
}

export class AuditVerificationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'Events checked' }) checked!: number;
  @ApiProperty({ type: BrokenLinkDto, nullable: true }) firstBrokenLink!: BrokenLinkDto | null;
  @ApiProperty({ format: 'date-time' }) verifiedAt!: string;
}
