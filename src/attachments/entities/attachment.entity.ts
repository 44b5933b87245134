import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type AttachmentStorageKind = 'database' | 'disk';
export type UploaderType = 'user' | 'api_key';

/**
 * A file attached to a project, optionally to one of its assessments or conditions. The bytes live
 * in the storage named by `storage`; deleting only sets `deletedAt` (soft delete: the audit trail
 * keeps what was there, and who removed it).
 */
@Entity('attachment')
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid') projectId!: string;
  @Column('uuid', { nullable: true }) assessmentId!: string | null;
  @Column('uuid', { nullable: true }) conditionId!: string | null;
  @Column('text') fileName!: string;
  /** Detected from the bytes at upload, never taken from the client. */
  @Column('text') contentType!: string;
  @Column('int') sizeBytes!: number;
  /** Hex SHA-256 of the content. */
  @Column('text') sha256!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text') storage!: AttachmentStorageKind;
  /** A user or an API key (a service principal); the name as it was at upload. */
  @Column('text') uploadedByType!: UploaderType;
  @Column('uuid') uploadedById!: string;
  @Column('text') uploadedByName!: string;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) createdAt!: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) deletedAt!: Date | null;
  @Column('text', { nullable: true }) deletedByType!: UploaderType | null;
  @Column('uuid', { nullable: true }) deletedById!: string | null;
  @Column('text', { nullable: true }) deletedByName!: string | null;
}

/** The bytes of attachments kept in PostgreSQL (ATTACHMENT_STORAGE=database), apart from the metadata lists read. */
@Entity('attachment_content')
export class AttachmentContent {
  @PrimaryColumn('uuid') attachmentId!: string;
  @Column('bytea') content!: Buffer;
}
