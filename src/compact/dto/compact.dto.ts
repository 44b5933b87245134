import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { COMPACT_GROUPS, type CompactGroup } from '../compact-groups';
import { ValidateNestedObject } from '../../common/validation/validate-nested-object';

export class CommitmentsDto {
  @ApiProperty({ type: [String], description: "HEROes' commitments" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(3, 500, { each: true })
  hero!: string[];

  @ApiProperty({ type: [String], description: "Managers' commitments" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(3, 500, { each: true })
  manager!: string[];

  @ApiProperty({ type: [String], description: "IT's commitments" })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(3, 500, { each: true })
  it!: string[];
}

export class CreateCompactVersionDto {
  @ApiProperty() @IsString() @Length(1, 200) title!: string;
  @ApiProperty() @IsString() @Length(1, 5000) intro!: string;
  @ApiProperty({ type: CommitmentsDto }) @ValidateNestedObject() @Type(() => CommitmentsDto) commitments!: CommitmentsDto;
}

export class UpdateCompactVersionDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) intro?: string;
  @ApiPropertyOptional({ type: CommitmentsDto })
  @IsOptional()
  @ValidateNestedObject()
  @Type(() => CommitmentsDto)
  commitments?: CommitmentsDto;
}

export class CompactVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Assigned at publication' }) number!: number | null;
  @ApiProperty() title!: string;
  @ApiProperty() intro!: string;
  @ApiProperty({ type: CommitmentsDto }) commitments!: CommitmentsDto;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: 'draft' | 'published';
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}

export class AcknowledgementStatusDto {
  @ApiProperty({ description: 'True when the caller must acknowledge this version before submitting, assessing or deciding' })
  required!: boolean;
  @ApiProperty({ enum: COMPACT_GROUPS, isArray: true, description: 'The groups the caller commits as (from their roles)' })
  groups!: CompactGroup[];
  @ApiProperty({ enum: COMPACT_GROUPS, isArray: true, description: 'Groups not yet acknowledged for this version' })
  missingGroups!: CompactGroup[];
  @ApiProperty({ type: String, nullable: true }) acknowledgedAt!: string | null;
}

export class CurrentCompactDto {
  @ApiProperty({ type: CompactVersionDto }) version!: CompactVersionDto;
  @ApiPropertyOptional({ type: AcknowledgementStatusDto, description: 'Absent for API keys' }) acknowledgement?: AcknowledgementStatusDto;
}

export class AcknowledgeDto {
  @ApiProperty({ format: 'uuid', description: 'Must be the current published version' }) @IsUUID() versionId!: string;
}

export class AcknowledgementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ enum: COMPACT_GROUPS }) group!: CompactGroup;
  @ApiProperty() acknowledgedAt!: string;
}
