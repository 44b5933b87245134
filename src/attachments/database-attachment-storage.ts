import { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import type { AttachmentStorage } from './attachment-storage';
import { AttachmentContent } from './entities/attachment.entity';

/** Bytes in PostgreSQL (bytea), written in the same transaction as the metadata: nothing to clean up. */
export class DatabaseAttachmentStorage implements AttachmentStorage {
  readonly kind = 'database' as const;

  async put(em: EntityManager, attachmentId: string, content: Buffer): Promise<void> {
    await em.getRepository(AttachmentContent).insert({ attachmentId, content });
  }

  async discard(): Promise<void> {
    // The rolled-back transaction took the row with it.
  }

  async open(em: EntityManager, attachmentId: string): Promise<Readable> {
    const row = await em.getRepository(AttachmentContent).findOneByOrFail({ attachmentId });
    return Readable.from([row.content]);
  }
}
