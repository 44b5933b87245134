import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_TYPES } from '../../notifications/domain-events';

/**
 * The JSON bodies webhooks POST (docs/webhooks.md), as OpenAPI schemas. OpenAPI 3.0 has no
 * `webhooks` section, so they are published as components (WebhookEvent and its data shapes).
 */
export class WebhookActorDto {
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) type!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) id!: string | null;
  @ApiProperty() name!: string;
}

export class WebhookProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'HC-2026-0042' }) reference!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'State after the event', example: 'submitted' }) state!: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId!: string;
  @ApiProperty({ format: 'uuid' }) proposerId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assignedAdvisorId!: string | null;
  @ApiProperty({ enum: ['low', 'medium', 'high', 'critical'], nullable: true, type: String }) riskLevel!: string | null;
  @ApiProperty() fastTrack!: boolean;
}

/** `data` of project.*, assessment.submitted: the transition and the project after it. */
export class ProjectEventDataDto {
  @ApiProperty({ example: 'submit', description: 'The lifecycle action' }) action!: string;
  @ApiProperty({ example: 'draft' }) previousState!: string;
  @ApiProperty({ type: WebhookProjectDto }) project!: WebhookProjectDto;
  @ApiPropertyOptional({
    enum: ['approve', 'reject', 'request_changes', 'cosign', 'decline'],
    description: 'project.decided and project.cosigned only',
  })
  outcome?: string;
}

/** `data` of sla.breached. */
export class SlaBreachedDataDto {
  @ApiProperty({ enum: ['assignment', 'assessment', 'decision', 'cosign'] }) stage!: string;
  @ApiProperty({ example: 2 }) targetBusinessDays!: number;
  @ApiProperty() stateEnteredAt!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ type: [String], description: 'User ids notified (the CIO, or the next manager up for a decision)' })
  escalatedTo!: string[];
  @ApiProperty({ type: WebhookProjectDto }) project!: WebhookProjectDto;
}

export class CompactVersionRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty() publishedAt!: string;
}

/** `data` of compact.published. */
export class CompactPublishedDataDto {
  @ApiProperty({ type: CompactVersionRefDto }) compactVersion!: CompactVersionRefDto;
}

/** The envelope of every webhook body; `id` is also the `webhook-id` header. */
export class WebhookEventDto {
  @ApiProperty({ format: 'uuid', description: 'Event id, identical for every attempt: de-duplicate on it' }) id!: string;
  @ApiProperty({ enum: EVENT_TYPES }) type!: string;
  @ApiProperty({ example: 1, description: 'Version of the data shape for this type' }) version!: number;
  @ApiProperty({ description: 'When the event happened (ISO 8601)' }) timestamp!: string;
  @ApiProperty({ type: WebhookActorDto }) actor!: WebhookActorDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'ProjectEventData, SlaBreachedData or CompactPublishedData, by type (docs/webhooks.md)',
  })
  data!: Record<string, unknown>;
}
