import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ValidateNestedObject } from '../../common/validation/validate-nested-object';

export class FrameworkDimensionDto {
  @ApiProperty({ example: 'privacy', description: 'Stable key ratings refer to (lower case, digits, underscore)' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'key must be 2–40 lower-case letters, digits or underscores, starting with a letter' })
  key!: string;
  @ApiProperty({ example: 'Privacy & data protection' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ description: 'What the dimension is about, for a reader outside IT' }) @IsString() @Length(10, 2000) guidance!: string;
  @ApiProperty({ type: [String], description: 'Examples of what raises this risk' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(3, 300, { each: true })
  raisedBy!: string[];
}

export class ScaleStepDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) value!: number;
  @ApiProperty({ example: 'Likely' }) @IsString() @Length(1, 60) label!: string;
  @ApiProperty() @IsString() @Length(1, 500) description!: string;
}

export class FrameworkScaleDto {
  @ApiProperty({ type: [ScaleStepDto], description: 'Exactly five steps, values 1 to 5' })
  @IsArray()
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ScaleStepDto)
  likelihood!: ScaleStepDto[];
  @ApiProperty({ type: [ScaleStepDto], description: 'Exactly five steps, values 1 to 5' })
  @IsArray()
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => ScaleStepDto)
  impact!: ScaleStepDto[];
}

export class ScoreRangeDto {
  @ApiProperty({ minimum: 1, maximum: 25 }) @IsInt() @Min(1) @Max(25) min!: number;
  @ApiProperty({ minimum: 1, maximum: 25 }) @IsInt() @Min(1) @Max(25) max!: number;
}

export class ThresholdsDto {
  @ApiProperty({ type: ScoreRangeDto }) @ValidateNestedObject() @Type(() => ScoreRangeDto) low!: ScoreRangeDto;
  @ApiProperty({ type: ScoreRangeDto }) @ValidateNestedObject() @Type(() => ScoreRangeDto) medium!: ScoreRangeDto;
  @ApiProperty({ type: ScoreRangeDto }) @ValidateNestedObject() @Type(() => ScoreRangeDto) high!: ScoreRangeDto;
  @ApiProperty({ type: ScoreRangeDto }) @ValidateNestedObject() @Type(() => ScoreRangeDto) critical!: ScoreRangeDto;
}

/** A new draft. Anything omitted is copied from the current published version. */
export class CreateRiskFrameworkDto {
  @ApiProperty() @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 5000) description?: string;
  @ApiPropertyOptional({ type: [FrameworkDimensionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FrameworkDimensionDto)
  dimensions?: FrameworkDimensionDto[];
  @ApiPropertyOptional({ type: FrameworkScaleDto })
  @IsOptional()
  @ValidateNestedObject()
  @Type(() => FrameworkScaleDto)
  scale?: FrameworkScaleDto;
  @ApiPropertyOptional({ type: ThresholdsDto, description: 'Must cover 1–25 in level order with no gap or overlap' })
  @IsOptional()
  @ValidateNestedObject()
  @Type(() => ThresholdsDto)
  thresholds?: ThresholdsDto;
}

export class RiskFrameworkDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Assigned at publication' }) number!: number | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [FrameworkDimensionDto] }) dimensions!: FrameworkDimensionDto[];
  @ApiProperty({ type: FrameworkScaleDto }) scale!: FrameworkScaleDto;
  @ApiProperty({ type: ThresholdsDto }) thresholds!: ThresholdsDto;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: 'draft' | 'published';
  @ApiProperty({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}
