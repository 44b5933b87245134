import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination';
import { ATTACHMENT_TYPES } from '../attachment-types';

/** The text fields of the multipart upload (the file itself is the `file` part). */
export class UploadAttachmentDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Attach to this assessment of the project' })
  @IsOptional()
  @IsUUID()
  assessmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Attach to this condition of approval of the project' })
  @IsOptional()
  @IsUUID()
  conditionId?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'What the file shows, e.g. "Vendor DPA, signed"' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

/** OpenAPI schema of the multipart body (the DTO above plus the binary part). */
export const UPLOAD_ATTACHMENT_SCHEMA = {
  type: 'object' as const,
  required: ['file'],
  properties: {
    file: {
      type: 'string' as const,
      format: 'binary',
      description: `The file. Accepted, as detected from its bytes: ${Object.values(ATTACHMENT_TYPES).join(', ')}.`,
    },
    assessmentId: { type: 'string' as const, format: 'uuid', description: 'Attach to this assessment of the project' },
    conditionId: { type: 'string' as const, format: 'uuid', description: 'Attach to this condition of approval of the project' },
    description: { type: 'string' as const, maxLength: 1000 },
  },
};

export class AttachmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the files attached to this assessment' })
  @IsOptional()
  @IsUUID()
  assessmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the files attached to this condition' })
  @IsOptional()
  @IsUUID()
  conditionId?: string;
}

export class UploaderDto {
  @ApiProperty({ enum: ['user', 'api_key'] }) type!: string;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assessmentId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) conditionId!: string | null;
  @ApiProperty({ example: 'privacy-notice.pdf' }) fileName!: string;
  @ApiProperty({ enum: Object.keys(ATTACHMENT_TYPES), description: 'Detected from the content at upload' }) contentType!: string;
  @ApiProperty({ description: 'Size in bytes' }) sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  sha256!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: UploaderDto }) uploadedBy!: UploaderDto;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ description: 'Where to download the content', example: '/api/v1/attachments/…/content' }) contentUrl!: string;
}
