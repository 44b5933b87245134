import { createReadStream } from 'node:fs';
import { link, mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { AttachmentStorage } from './attachment-storage';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Bytes in files under ATTACHMENT_DIR, named only by the attachment's uuid (never by anything the
 * client sent), fanned out by its first two characters. A file is written to a temporary name,
 * flushed, then linked into place, so a crash never leaves a half-written file under a real name; if the
 * upload's transaction then fails, the service discards the file.
 */
export class DiskAttachmentStorage implements AttachmentStorage {
  readonly kind = 'disk' as const;

  constructor(private readonly dir: string) {}

  async put(_em: unknown, attachmentId: string, content: Buffer): Promise<void> {
    const final = this.pathOf(attachmentId);
    const folder = join(this.dir, attachmentId.slice(0, 2));
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temp = `${final}.partial`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      // link, not rename: an existing file is never replaced (EEXIST) — an id is written once.
      await link(temp, final);
    } finally {
      await rm(temp, { force: true });
    }
  }

  async discard(attachmentId: string): Promise<void> {
    const final = this.pathOf(attachmentId);
    await Promise.all([rm(final, { force: true }), rm(`${final}.partial`, { force: true })]);
  }

  async open(_em: unknown, attachmentId: string): Promise<Readable> {
    const path = this.pathOf(attachmentId);
    await stat(path); // fail here (500, logged) rather than mid-response when the file is gone
    return createReadStream(path);
  }

  private pathOf(attachmentId: string): string {
    if (!UUID.test(attachmentId)) throw new Error(`not an attachment id: ${attachmentId}`);
    return join(this.dir, attachmentId.slice(0, 2), attachmentId);
  }
}
