import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class SupportInputDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why, e.g. "My customers in Lyon ask for this every week"' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class SupporterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The supporter’s org unit' }) orgUnitName!: string | null;
}

export class SupportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: SupporterDto }) supporter!: SupporterDto;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}
