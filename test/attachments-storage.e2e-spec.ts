import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actors, seedActors } from './support/actors';
import { binaryParser, SAMPLES, upload } from './support/attachments';
import { expectStatus, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

const MAX_BYTES = 4096;

/** Every file under `dir`, recursively (partial files included). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('attachments: disk storage and the size limit', () => {
  let t: TestApp;
  let actors: Actors;
  let hero: Record<string, string>;
  let projectId: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hc-attachments-'));
    t = await startTestApp({ attachments: { maxBytes: MAX_BYTES, storage: 'disk', dir } });
    actors = await seedActors(t);
    hero = await actors.auth('hero');
    projectId = (await new ProjectDriver(t, actors).create('hero')).id;
  }, 30_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const download = (id: string) => t.http.get(`/api/v1/attachments/${id}/content`).set(hero).buffer(true).parse(binaryParser);

  it('writes the bytes to a file named by the attachment id (not the client’s name), and serves them back', async () => {
    const res = await upload(t, projectId, hero, SAMPLES.png, { fileName: '../../etc/passwd.png' });
    expectStatus(res, 201);
    expect(res.body.fileName).toBe('passwd.png');
    const path = join(dir, res.body.id.slice(0, 2), res.body.id);
    expect(Buffer.compare(readFileSync(path), SAMPLES.png)).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(res.body.sha256);
    const rows = await t.dataSource.query('SELECT storage FROM attachment WHERE id = $1', [res.body.id]);
    expect(rows).toEqual([{ storage: 'disk' }]);
    expect(await t.dataSource.query('SELECT 1 FROM attachment_content WHERE attachment_id = $1', [res.body.id])).toEqual([]);

    const file = await download(res.body.id).expect(200);
    expect(Buffer.compare(file.body as Buffer, SAMPLES.png)).toBe(0);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="passwd.png"; filename*=UTF-8''passwd.png`);
  });

  it('leaves no file behind when an upload is refused', async () => {
    const before = filesUnder(dir).length;
    expect((await upload(t, projectId, hero, SAMPLES.html, { fileName: 'a.png' })).status).toBe(415);
    expect((await upload(t, projectId, hero, SAMPLES.pdf, { fields: { assessmentId: randomUUID() } })).status).toBe(400);
    expect(filesUnder(dir)).toHaveLength(before);
  });

  it('takes a file of exactly the limit, and answers 413 attachment-too-large above it', async () => {
    const atLimit = Buffer.alloc(MAX_BYTES, 'a');
    expectStatus(await upload(t, projectId, hero, atLimit, { fileName: 'limit.txt' }), 201);
    const count = (await t.dataSource.query('SELECT count(*)::int AS n FROM attachment'))[0].n;
    const files = filesUnder(dir).length;

    const res = await upload(t, projectId, hero, Buffer.alloc(MAX_BYTES + 1, 'a'), { fileName: 'big.txt' });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, maxBytes: MAX_BYTES });
    expect(res.body.type).toMatch(/\/problems\/attachment-too-large$/);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM attachment'))[0].n).toBe(count);
    expect(filesUnder(dir)).toHaveLength(files);
  });

  it('still serves files stored in the database before the switch to disk (each attachment remembers its backend)', async () => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO attachment (id, project_id, file_name, content_type, size_bytes, sha256, storage, uploaded_by_type, uploaded_by_id, uploaded_by_name)
       VALUES ($1, $2, 'old.pdf', 'application/pdf', $3, $4, 'database', 'user', $5, 'Hero')`,
      [id, projectId, SAMPLES.pdf.length, createHash('sha256').update(SAMPLES.pdf).digest('hex'), await actors.userId('hero')],
    );
    await t.dataSource.query('INSERT INTO attachment_content (attachment_id, content) VALUES ($1, $2)', [id, SAMPLES.pdf]);
    const file = await download(id).expect(200);
    expect(Buffer.compare(file.body as Buffer, SAMPLES.pdf)).toBe(0);
  });

  it('keeps the file of a soft-deleted attachment but no longer serves it', async () => {
    const res = await upload(t, projectId, hero, SAMPLES.pdf);
    expectStatus(res, 201);
    await t.http.delete(`/api/v1/attachments/${res.body.id}`).set(hero).expect(204);
    await download(res.body.id).expect(404);
    expect(readFileSync(join(dir, res.body.id.slice(0, 2), res.body.id)).length).toBe(SAMPLES.pdf.length);
  });
});
