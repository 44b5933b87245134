import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumber, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { REVIEW_MILESTONES, REVIEW_OUTCOMES } from '../post-launch-reviews';
import { ISO_DATE, PersonDto } from './decision.dto';

export class MeasurementInputDto {
  @ApiProperty({ example: '2027-04-01', description: 'The day the value was measured (not in the future)' })
  @Matches(ISO_DATE, { message: 'measuredOn must be a date (YYYY-MM-DD)' })
  measuredOn!: string;
  @ApiProperty({ example: 950 }) @IsNumber({ allowNaN: false, allowInfinity: false }) value!: number;
  @ApiPropertyOptional({ description: 'Context for the value' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class MeasurementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) kpiId!: string;
  @ApiProperty({ example: '2027-04-01' }) measuredOn!: string;
  @ApiProperty() value!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: ['user', 'api_key'] }) recordedByType!: string;
  @ApiProperty() recordedByName!: string;
  @ApiProperty() recordedAt!: string;
}

export class KpiReportItemDto {
  @ApiProperty({ format: 'uuid' }) kpiId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty() baseline!: number;
  @ApiProperty() target!: number;
  @ApiProperty({ enum: ['increase', 'decrease'] }) direction!: string;
  @ApiProperty({ type: MeasurementDto, nullable: true }) latest!: MeasurementDto | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The measurement before the latest' }) previousValue!: number | null;
  @ApiProperty({
    enum: ['improving', 'worsening', 'flat'],
    nullable: true,
    type: String,
    description: 'Latest vs previous, in the KPI’s direction',
  })
  trend!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of the way from baseline to target (1 = target reached)' })
  progress!: number | null;
  @ApiProperty() targetMet!: boolean;
  @ApiProperty({ enum: ['no_data', 'on_track', 'off_track'] }) status!: string;
  @ApiProperty() measurementCount!: number;
  @ApiProperty({ type: [MeasurementDto], description: 'The 10 most recent measurements, newest first' }) recent!: MeasurementDto[];
}

export class KpiReportDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: [KpiReportItemDto] }) items!: KpiReportItemDto[];
}

export class RetireDto {
  @ApiProperty({ description: 'Why the project is retired' }) @IsString() @Length(3, 2000) reason!: string;
}

export class ReviewInputDto {
  @ApiProperty({ enum: REVIEW_MILESTONES, description: 'Which review: 30 or 90 days after launch' })
  @IsIn(REVIEW_MILESTONES)
  milestone!: (typeof REVIEW_MILESTONES)[number];
  @ApiProperty({ enum: REVIEW_OUTCOMES, description: 'scale, iterate, or stop (stop retires the project)' })
  @IsIn(REVIEW_OUTCOMES)
  outcome!: (typeof REVIEW_OUTCOMES)[number];
  @ApiProperty({ description: 'Why, looking at the KPIs' }) @IsString() @Length(3, 5000) rationale!: string;
}

export class ReviewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REVIEW_MILESTONES }) milestone!: number;
  @ApiProperty({ example: '2027-04-30' }) dueOn!: string;
  @ApiProperty({ enum: REVIEW_OUTCOMES }) outcome!: string;
  @ApiProperty() rationale!: string;
  @ApiProperty({ type: PersonDto }) reviewer!: PersonDto;
  @ApiProperty({ type: [KpiReportItemDto], description: 'The KPIs as the reviewer saw them' }) kpis!: KpiReportItemDto[];
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ description: 'The project’s state after the review (retired after stop)' }) projectState!: string;
}

export class ScheduledReviewDto {
  @ApiProperty({ enum: REVIEW_MILESTONES }) milestone!: number;
  @ApiProperty({ example: '2027-04-30' }) dueOn!: string;
  @ApiProperty({ enum: ['upcoming', 'due', 'done', 'skipped'], description: 'skipped: retired before this review' }) status!: string;
  @ApiProperty({ type: ReviewDto, nullable: true }) review!: ReviewDto | null;
}

export class ReviewScheduleDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Launch day (UTC); null before launch' }) launchedOn!: string | null;
  @ApiProperty({ type: [ScheduledReviewDto] }) items!: ScheduledReviewDto[];
}
