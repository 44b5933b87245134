import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MoneyDto } from '../../common/money/money.dto';
import { DATA_CATEGORIES, type DataCategory, KPI_DIRECTIONS, type KpiDirection, TECHNOLOGIES, type Technology } from '../project-fields';
import { ValidateNestedObject } from '../../common/validation/validate-nested-object';

export class VendorInputDto {
  @ApiProperty({ example: 'Acme Chat' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'Hosted chatbot' }) @IsString() @Length(1, 500) service!: string;
  @ApiPropertyOptional({ example: 'Customer first name and order number' }) @IsOptional() @IsString() @MaxLength(1000) dataShared?: string;
}

export class KpiInputDto {
  @ApiProperty({ example: 'Calls about delivery status' }) @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ example: 'calls/week' }) @IsString() @Length(1, 50) unit!: string;
  @ApiProperty({ example: 1200 }) @IsNumber({ allowNaN: false, allowInfinity: false }) baseline!: number;
  @ApiProperty({ example: 800 }) @IsNumber({ allowNaN: false, allowInfinity: false }) target!: number;
  @ApiProperty({ enum: KPI_DIRECTIONS }) @IsIn(KPI_DIRECTIONS) direction!: KpiDirection;
}

/** The HERO's effort & value questionnaire (DOMAIN.md §3); each answer on a 0–4 scale. */
export class EffortValueInputDto {
  @ApiProperty({ minimum: 0, maximum: 4, description: 'How many customers it reaches' }) @IsInt() @Min(0) @Max(4) customersReached!: number;
  @ApiProperty({ minimum: 0, maximum: 4, description: 'How much the customer task improves' })
  @IsInt()
  @Min(0)
  @Max(4)
  taskImprovement!: number;
  @ApiProperty({ minimum: 0, maximum: 4, description: 'Fit with strategy' }) @IsInt() @Min(0) @Max(4) strategicFit!: number;
  @ApiProperty({ minimum: 0, maximum: 4, description: 'People needed' }) @IsInt() @Min(0) @Max(4) people!: number;
  @ApiProperty({ minimum: 0, maximum: 4, description: 'Weeks of work' }) @IsInt() @Min(0) @Max(4) weeks!: number;
  @ApiProperty({ minimum: 0, maximum: 4, description: 'Money needed' }) @IsInt() @Min(0) @Max(4) money!: number;
  @ApiProperty({ minimum: 0, maximum: 4, description: 'Integration work with existing systems' })
  @IsInt()
  @Min(0)
  @Max(4)
  integrationWork!: number;
}

/** Fields a HERO writes. State, risk level, proposer, reference and version are server-owned and rejected. */
export class CreateProjectDto {
  @ApiProperty({ example: 'Delivery-status chatbot' }) @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) summary?: string;
  @ApiPropertyOptional({ description: 'The customer problem, in the customer’s words' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  customerProblem?: string;
  @ApiPropertyOptional({ description: 'The top task customers are trying to do that this improves' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  customerTask?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) targetCustomers?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) solution?: string;
  @ApiPropertyOptional({ enum: TECHNOLOGIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(TECHNOLOGIES, { each: true })
  technologies?: Technology[];
  @ApiPropertyOptional({ enum: DATA_CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(DATA_CATEGORIES, { each: true })
  dataCategories?: DataCategory[];
  @ApiPropertyOptional({ type: [VendorInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => VendorInputDto)
  vendors?: VendorInputDto[];
  @ApiPropertyOptional({ type: MoneyDto }) @IsOptional() @ValidateNestedObject() @Type(() => MoneyDto) budget?: MoneyDto;
  @ApiPropertyOptional({ example: '2027-03-01', description: 'ISO date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  targetLaunchDate?: string;
  @ApiPropertyOptional({ type: [KpiInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => KpiInputDto)
  kpis?: KpiInputDto[];
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Colleagues working on it' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  teamMemberIds?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  tags?: string[];
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: the proposer’s unit; must be within it' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;
  @ApiPropertyOptional({ type: EffortValueInputDto })
  @IsOptional()
  @ValidateNestedObject()
  @Type(() => EffortValueInputDto)
  effortValue?: EffortValueInputDto;
}

export class UpdateProjectDto extends PartialType(CreateProjectDto) {}

/** DOMAIN.md §3 self-screening: every question answered yes or no. */
export class SelfScreeningDto {
  @ApiProperty({ description: 'Does it use personal or sensitive data of customers?' }) @IsBoolean() personalOrSensitiveData!: boolean;
  @ApiProperty({ description: 'Does it take or handle payments?' }) @IsBoolean() payments!: boolean;
  @ApiProperty({ description: 'Does it speak publicly in the company’s name?' }) @IsBoolean() speaksPublicly!: boolean;
  @ApiProperty({ description: 'Does it use connected devices?' }) @IsBoolean() connectedDevices!: boolean;
  @ApiProperty({ description: 'Does it integrate with core systems?' }) @IsBoolean() integratesCoreSystems!: boolean;
  @ApiProperty({ description: 'Does it bring in a new external vendor?' }) @IsBoolean() newExternalVendor!: boolean;
  @ApiProperty({ description: 'Is the budget above the fast-track threshold?' }) @IsBoolean() budgetAboveFastTrack!: boolean;
}
