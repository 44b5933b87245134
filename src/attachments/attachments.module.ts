import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AuditModule } from '../audit/audit.module';
import { AppConfig } from '../config/app-config';
import { ProjectsModule } from '../projects/projects.module';
import { ATTACHMENT_STORAGES, type AttachmentStorages } from './attachment-storage';
import { AttachmentUploadProblems } from './attachment-upload.interceptor';
import { AttachmentsController, ProjectAttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { DatabaseAttachmentStorage } from './database-attachment-storage';
import { DiskAttachmentStorage } from './disk-attachment-storage';

/** Evidence files on projects, assessments and conditions (issue 12 item 2). */
@Module({
  imports: [
    AuditModule,
    ProjectsModule,
    // Multer keeps the file in memory (no `dest`/`storage`): it is checked, hashed and stored by the service.
    MulterModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        defParamCharset: 'utf8',
        limits: { fileSize: config.attachments.maxBytes, files: 1, fields: 5, fieldSize: 4096, parts: 8, headerPairs: 50 },
      }),
    }),
  ],
  controllers: [ProjectAttachmentsController, AttachmentsController],
  providers: [
    AttachmentsService,
    AttachmentUploadProblems,
    {
      provide: ATTACHMENT_STORAGES,
      inject: [AppConfig],
      useFactory: (config: AppConfig): AttachmentStorages => ({
        database: new DatabaseAttachmentStorage(),
        disk: new DiskAttachmentStorage(config.attachments.dir),
      }),
    },
  ],
})
export class AttachmentsModule {}
