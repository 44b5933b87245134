import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';

const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class NotificationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only unread (true) or only read (false) notifications' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The domain event type (docs/webhooks.md), or webhook.disabled for operational notices' })
  type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) projectId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The domain event (the webhook-id of its deliveries)' })
  eventId!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ example: 3 }) count!: number;
}
