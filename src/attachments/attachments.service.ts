import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { Page, pageByTime } from '../common/pagination/pagination';
import { NotFoundProblem, ProblemError, ValidationProblem } from '../common/problem/problem';
import { actorOf, hasRole, type Principal } from '../identity/auth/principal';
import type { Project } from '../projects/entities/project.entity';
import { ProjectAccess } from '../projects/project-access';
import { isFinal, type ProjectState } from '../projects/project-lifecycle';
import { cleanFileName } from './attachment-file-name';
import { attachmentAuditView, toAttachmentDto } from './attachment.mapper';
import { mayDelete, mayUpload } from './attachment-rules';
import { ATTACHMENT_STORAGES, type AttachmentStorages } from './attachment-storage';
import { ATTACHMENT_TYPES, detectAttachmentType } from './attachment-types';
import { AttachmentDto, AttachmentListQueryDto, UploadAttachmentDto } from './dto/attachment.dto';
import { Attachment } from './entities/attachment.entity';

/** The part of a multer file the service needs (memory storage: the bytes are in `buffer`). */
export interface UploadedFilePart {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/** Evidence files on projects, assessments and conditions (issue 12 item 2). */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProjectAccess,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    @Inject(ATTACHMENT_STORAGES) private readonly storages: AttachmentStorages,
  ) {}

  async upload(
    principal: Principal,
    projectId: string,
    file: UploadedFilePart | undefined,
    dto: UploadAttachmentDto,
  ): Promise<AttachmentDto> {
    if (!file) throw new ValidationProblem([{ field: 'file', message: 'file is required: send it as the multipart part "file"' }]);
    if (dto.assessmentId && dto.conditionId) {
      throw new ValidationProblem([{ field: 'conditionId', message: 'attach to an assessment or to a condition, not both' }]);
    }
    const storage = this.storages[this.config.attachments.storage];
    const id = randomUUID();
    let stored = false;
    try {
      return await this.dataSource.transaction(async (em) => {
        const project = await this.access.findVisible(principal, projectId, em);
        await this.assertMayUpload(em, principal, project);
        await this.assertTarget(em, projectId, dto);
        const fileName = cleanFileName(file.originalname);
        const detection = await detectAttachmentType(file.buffer, { fileName, declaredType: file.mimetype });
        if (!detection.ok) {
          throw new ProblemError(415, 'unsupported-attachment-type', 'Unsupported attachment type', detection.reason, {
            detectedType: detection.detected,
            acceptedTypes: Object.keys(ATTACHMENT_TYPES),
          });
        }
        const repo = em.getRepository(Attachment);
        const attachment = repo.create({
          id,
          projectId,
          assessmentId: dto.assessmentId ?? null,
          conditionId: dto.conditionId ?? null,
          fileName,
          contentType: detection.contentType,
          sizeBytes: file.buffer.length,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          description: dto.description?.trim() || null,
          storage: storage.kind,
          uploadedByType: principal.type,
          uploadedById: principal.id,
          uploadedByName: principal.displayName,
        });
        await repo.insert(attachment);
        await storage.put(em, id, file.buffer);
        stored = true;
        const saved = await repo.findOneByOrFail({ id });
        await this.audit.record(em, {
          actor: actorOf(principal),
          action: 'attachment.uploaded',
          entityType: 'attachment',
          entityId: id,
          projectId,
          after: attachmentAuditView(saved),
        });
        return toAttachmentDto(saved);
      });
    } catch (err) {
      // The row rolled back: take the bytes back out too (a no-op for the database backend).
      if (stored) await storage.discard(id).catch(() => undefined);
      throw err;
    }
  }

  async list(principal: Principal, projectId: string, query: AttachmentListQueryDto): Promise<Page<AttachmentDto>> {
    await this.access.findVisible(principal, projectId);
    const qb = this.dataSource
      .getRepository(Attachment)
      .createQueryBuilder('a')
      .where('a.projectId = :projectId AND a.deletedAt IS NULL', { projectId });
    if (query.assessmentId) qb.andWhere('a.assessmentId = :assessmentId', { assessmentId: query.assessmentId });
    if (query.conditionId) qb.andWhere('a.conditionId = :conditionId', { conditionId: query.conditionId });
    return pageByTime(qb, query, toAttachmentDto, { alias: 'a' });
  }

  async get(principal: Principal, id: string): Promise<AttachmentDto> {
    return toAttachmentDto(await this.findVisible(principal, id));
  }

  /** The metadata and a stream of the bytes, from the backend the attachment was stored in. */
  async content(principal: Principal, id: string): Promise<{ attachment: Attachment; stream: Readable }> {
    const attachment = await this.findVisible(principal, id);
    const stream = await this.storages[attachment.storage].open(this.dataSource.manager, attachment.id);
    return { attachment, stream };
  }

  /** Soft delete: hidden from lists and downloads; the audit trail (project history) keeps it. */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const attachment = await em
        .getRepository(Attachment)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        .then((a) => (a && a.deletedAt === null ? a : null));
      if (!attachment) throw new NotFoundProblem('Attachment');
      await this.access.findVisible(principal, attachment.projectId, em);
      const caller = { type: principal.type, id: principal.id, isCio: hasRole(principal, 'cio') };
      if (!mayDelete(caller, { type: attachment.uploadedByType, id: attachment.uploadedById })) {
        throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only the uploader or the CIO deletes an attachment.');
      }
      const before = attachmentAuditView(attachment);
      attachment.deletedAt = new Date();
      attachment.deletedByType = principal.type;
      attachment.deletedById = principal.id;
      attachment.deletedByName = principal.displayName;
      await em.getRepository(Attachment).save(attachment);
      await this.audit.record(em, {
        actor: actorOf(principal),
        action: 'attachment.deleted',
        entityType: 'attachment',
        entityId: attachment.id,
        projectId: attachment.projectId,
        // The whole record as it was, so the history names the file that was removed.
        before,
      });
    });
  }

  /** A live attachment whose project the caller may see; anything else is the same 404. */
  private async findVisible(principal: Principal, id: string): Promise<Attachment> {
    const attachment = await this.dataSource.getRepository(Attachment).findOneBy({ id });
    if (!attachment || attachment.deletedAt !== null) throw new NotFoundProblem('Attachment');
    await this.access.findVisible(principal, attachment.projectId).catch(() => {
      throw new NotFoundProblem('Attachment');
    });
    return attachment;
  }

  /** Participants upload (API keys with projects:write act for an integration); a closed project takes no new files. */
  private async assertMayUpload(em: EntityManager, principal: Principal, project: Project): Promise<void> {
    if (principal.type === 'user' && !mayUpload(await this.access.relationsOf(principal, project, em))) {
      throw new ProblemError(403, 'forbidden', 'Not allowed', 'Only the project’s participants attach files to it.');
    }
    if (isFinal(project.state as ProjectState)) {
      throw new ProblemError(409, 'project-closed', 'Project closed', `The project is ${project.state}: it takes no new attachments.`, {
        currentState: project.state,
      });
    }
  }

  /** An assessment or condition must belong to this project (else 400, whatever the other project is). */
  private async assertTarget(em: EntityManager, projectId: string, dto: UploadAttachmentDto): Promise<void> {
    // Read by id and project only: the risk and decisions modules own these tables; the foreign keys
    // of the attachment table keep the reference sound.
    if (dto.assessmentId) {
      const rows: unknown[] = await em.query('SELECT 1 FROM risk_assessment WHERE id = $1 AND project_id = $2', [
        dto.assessmentId,
        projectId,
      ]);
      if (rows.length === 0) throw new ValidationProblem([{ field: 'assessmentId', message: 'must be an assessment of this project' }]);
    }
    if (dto.conditionId) {
      const rows: unknown[] = await em.query('SELECT 1 FROM approval_condition WHERE id = $1 AND project_id = $2', [
        dto.conditionId,
        projectId,
      ]);
      if (rows.length === 0) throw new ValidationProblem([{ field: 'conditionId', message: 'must be a condition of this project' }]);
    }
  }
}
