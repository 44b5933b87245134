import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskAttachmentStorage } from './disk-attachment-storage';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('DiskAttachmentStorage', () => {
  let dir: string;
  let storage: DiskAttachmentStorage;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hc-disk-'));
    storage = new DiskAttachmentStorage(dir);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores, reads back, and discards (the upload transaction failed) without leaving partial files', async () => {
    const id = randomUUID();
    await storage.put(undefined, id, Buffer.from('evidence'));
    expect((await readAll(await storage.open(undefined, id))).toString()).toBe('evidence');
    expect(readdirSync(join(dir, id.slice(0, 2)))).toEqual([id]);
    await storage.discard(id);
    expect(existsSync(join(dir, id.slice(0, 2), id))).toBe(false);
    await expect(storage.open(undefined, id)).rejects.toThrow(/ENOENT/);
  });

  it('never writes the same id twice and refuses anything but a uuid as a file name', async () => {
    const id = randomUUID();
    await storage.put(undefined, id, Buffer.from('one'));
    await expect(storage.put(undefined, id, Buffer.from('two'))).rejects.toThrow();
    await expect(storage.put(undefined, '../../etc/passwd', Buffer.from('x'))).rejects.toThrow(/not an attachment id/);
  });
});
