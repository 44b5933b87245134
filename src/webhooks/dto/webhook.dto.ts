import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { EVENT_TYPES } from '../../notifications/domain-events';

/** An event filter lists event types, or is ["*"] for every type. */
export const EVENT_FILTER_VALUES = ['*', ...EVENT_TYPES] as const;
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://crm.example.com/hooks/hero-compact',
    description: 'http or https; loopback, private and link-local targets are refused (SSRF) unless the server allows them',
  })
  @IsString()
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({ example: 'CRM sync' }) @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiProperty({
    enum: EVENT_FILTER_VALUES,
    isArray: true,
    example: ['project.submitted', 'project.decided'],
    description: '["*"] = every type',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(EVENT_FILTER_VALUES.length)
  @ArrayUnique()
  @IsIn(EVENT_FILTER_VALUES, { each: true })
  eventTypes!: string[];

  @ApiPropertyOptional({ description: 'whsec_ + base64 of 24–64 random bytes. Omit to have one generated (returned once).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2048) url?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiPropertyOptional({ enum: EVENT_FILTER_VALUES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(EVENT_FILTER_VALUES.length)
  @ArrayUnique()
  @IsIn(EVENT_FILTER_VALUES, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ description: 'true re-enables a disabled subscription and resets its failure count' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ description: 'Replace the secret with this whsec_ value' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional({ description: 'Generate a new secret (returned once in this response)' })
  @IsOptional()
  @IsBoolean()
  rotateSecret?: boolean;
}

export class WebhookOwnerDto {
  @ApiProperty({ enum: ['user', 'api_key'] }) type!: 'user' | 'api_key';
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: EVENT_FILTER_VALUES, isArray: true }) eventTypes!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was disabled (e.g. "50 consecutive failed deliveries")' })
  disabledReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledAt!: string | null;
  @ApiProperty({ description: 'Failed attempts in a row; at WEBHOOK_MAX_CONSECUTIVE_FAILURES the subscription is disabled' })
  consecutiveFailures!: number;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Only events of projects in this org unit subtree (unit-bound API keys)',
  })
  orgUnitScope!: string | null;
  @ApiProperty({ type: WebhookOwnerDto }) owner!: WebhookOwnerDto;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiPropertyOptional({ description: 'The signing secret: only in the response that created or rotated it' })
  secret?: string;
}

export class DeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: (typeof DELIVERY_STATUSES)[number];
}

export class DeliveryAttemptDto {
  @ApiProperty({ example: 1 }) attempt!: number;
  @ApiProperty({ description: 'A manual redelivery' }) manual!: boolean;
  @ApiProperty() startedAt!: string;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'HTTP status; null when no response came (network error, timeout)' })
  responseStatus!: number | null;
  @ApiProperty() succeeded!: boolean;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The event id, sent as webhook-id' }) eventId!: string;
  @ApiProperty({ example: 'project.submitted' }) eventType!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastResponseStatus!: number | null;
  @ApiProperty({ nullable: true, type: Number }) lastDurationMs!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: [DeliveryAttemptDto], description: 'The latest attempts, newest first (at most 20)' })
  attemptLog!: DeliveryAttemptDto[];
}
