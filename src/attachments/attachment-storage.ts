import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { AttachmentStorageKind } from './entities/attachment.entity';

/**
 * Where attachment bytes live. The metadata (with the content's SHA-256) is always a database row;
 * the bytes go to the backend chosen by ATTACHMENT_STORAGE at upload time, and each row records
 * which one, so changing the setting later never strands older files.
 */
export interface AttachmentStorage {
  readonly kind: AttachmentStorageKind;
  /** Stores the bytes as part of the upload's transaction `em`. */
  put(em: EntityManager, attachmentId: string, content: Buffer): Promise<void>;
  /** Undoes `put` when the upload's transaction did not commit (best effort). */
  discard(attachmentId: string): Promise<void>;
  /** The bytes, as a stream. */
  open(em: EntityManager, attachmentId: string): Promise<Readable>;
}

export const ATTACHMENT_STORAGES = Symbol('ATTACHMENT_STORAGES');
export type AttachmentStorages = Record<AttachmentStorageKind, AttachmentStorage>;
