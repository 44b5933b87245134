import { AttachmentDto } from './dto/attachment.dto';
import type { Attachment } from './entities/attachment.entity';

export function toAttachmentDto(a: Attachment): AttachmentDto {
  return {
    id: a.id,
    projectId: a.projectId,
    assessmentId: a.assessmentId,
    conditionId: a.conditionId,
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    description: a.description,
    uploadedBy: { type: a.uploadedByType, id: a.uploadedById, name: a.uploadedByName },
    createdAt: a.createdAt.toISOString(),
    contentUrl: `/api/v1/attachments/${a.id}/content`,
  };
}

/** What the audit trail keeps of an attachment (never the bytes). */
export function attachmentAuditView(a: Attachment): Record<string, unknown> {
  return {
    fileName: a.fileName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    description: a.description,
    assessmentId: a.assessmentId,
    conditionId: a.conditionId,
  };
}
