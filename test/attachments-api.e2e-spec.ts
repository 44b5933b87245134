import { createHash } from 'node:crypto';
import { Actors, seedActors } from './support/actors';
import { binaryParser, SAMPLES, upload } from './support/attachments';
import { DecisionDriver } from './support/decisions';
import { completeProject, expectStatus, ProjectDriver } from './support/projects';
import { AssessmentDriver } from './support/risk';
import { startTestApp, TestApp } from './support/test-app';

const PROBLEM_JSON = /^application\/problem\+json/;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachments (database storage)', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  let hero: Record<string, string>;
  /** A draft of the demo hero (Marketing): participants are hero and, as sponsor, the managers above. */
  let projectId: string;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    hero = await actors.auth('hero');
    projectId = (await drive.create('hero')).id;
  }, 30_000);
  afterAll(() => t.close());

  const list = (id: string, who: Record<string, string>, query = '') => t.http.get(`/api/v1/projects/${id}/attachments${query}`).set(who);
  const download = (id: string, who: Record<string, string>) =>
    t.http.get(`/api/v1/attachments/${id}/content`).set(who).buffer(true).parse(binaryParser);

  describe('round trip', () => {
    it('uploads, lists, describes and downloads the same bytes, with a safe Content-Disposition', async () => {
      const res = await upload(t, projectId, hero, SAMPLES.pdf, {
        fileName: 'Notice de confidentialité "v2".pdf',
        contentType: 'application/pdf',
        fields: { description: 'Privacy notice, as published' },
      });
      expectStatus(res, 201);
      expect(res.body).toMatchObject({
        projectId,
        assessmentId: null,
        conditionId: null,
        fileName: 'Notice de confidentialité "v2".pdf',
        contentType: 'application/pdf',
        sizeBytes: SAMPLES.pdf.length,
        sha256: sha256(SAMPLES.pdf),
        description: 'Privacy notice, as published',
        uploadedBy: { type: 'user', id: await actors.userId('hero') },
      });
      expect(res.headers.location).toBe(`/api/v1/attachments/${res.body.id}`);

      const listed = await list(projectId, hero).expect(200);
      expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(res.body.id);
      const meta = await t.http.get(`/api/v1/attachments/${res.body.id}`).set(hero).expect(200);
      expect(meta.body).toEqual(res.body);

      const file = await download(res.body.id, hero).expect(200);
      expect(Buffer.compare(file.body as Buffer, SAMPLES.pdf)).toBe(0);
      expect(sha256(file.body as Buffer)).toBe(res.body.sha256);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename="Notice de confidentialit_ _v2_.pdf"; filename*=UTF-8''Notice%20de%20confidentialit%C3%A9%20%22v2%22.pdf`,
      );
      expect(file.headers['content-length']).toBe(String(SAMPLES.pdf.length));
    });

    it.each([
      ['gif', 'image/gif'],
      ['jpeg', 'image/jpeg'],
      ['webp', 'image/webp'],
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ] as const)('accepts %s as %s', async (sample, type) => {
      const res = await upload(t, projectId, hero, SAMPLES[sample], { fileName: `file.${sample}` });
      expectStatus(res, 201);
      expect(res.body.contentType).toBe(type);
    });

    it('stores the type found in the bytes: a PNG named .pdf and sent as application/pdf is image/png', async () => {
      const res = await upload(t, projectId, hero, SAMPLES.png, { fileName: 'mock-up.pdf', contentType: 'application/pdf' });
      expectStatus(res, 201);
      expect(res.body.contentType).toBe('image/png');
      const file = await download(res.body.id, hero).expect(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(file.body as Buffer, SAMPLES.png)).toBe(0);
    });

    it('keeps UTF-8 text as text/plain or text/csv, served with its charset', async () => {
      const csv = await upload(t, projectId, hero, SAMPLES.csv, { fileName: 'calls.csv', contentType: 'text/csv' });
      expectStatus(csv, 201);
      expect(csv.body.contentType).toBe('text/csv');
      const text = await upload(t, projectId, hero, SAMPLES.text, { fileName: 'interviews.txt', contentType: 'text/plain' });
      expectStatus(text, 201);
      expect(text.body.contentType).toBe('text/plain');
      const file = await download(text.body.id, hero).expect(200);
      expect(file.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect((file.body as Buffer).toString('utf8')).toBe(SAMPLES.text.toString('utf8'));
    });

    it('pages the list with a cursor, newest first', async () => {
      const first = await list(projectId, hero, '?limit=2').expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await list(projectId, hero, `?limit=2&cursor=${first.body.nextCursor}`).expect(200);
      const ids = [...first.body.items, ...second.body.items].map((a: { id: string }) => a.id);
      expect(new Set(ids).size).toBe(4);
      const times = [...first.body.items, ...second.body.items].map((a: { createdAt: string }) => a.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const forged = await list(projectId, hero, `?cursor=${Buffer.from('{"at":"x","id":"y"}').toString('base64url')}`).expect(400);
      expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    });
  });

  describe('refused content', () => {
    it.each([
      ['a Windows executable', SAMPLES.exe],
      ['a Linux executable', SAMPLES.elf],
      ['an HTML page', SAMPLES.html],
      ['an SVG image', SAMPLES.svg],
      ['an SVG with an XML prolog', SAMPLES.svgXml],
      ['a plain zip', SAMPLES.zip],
      ['a shell script', SAMPLES.shellScript],
      ['non-UTF-8 text', SAMPLES.latin1],
    ])('refuses %s disguised as a PNG with 415 unsupported-attachment-type, storing nothing', async (_what, content) => {
      const before = (await t.dataSource.query('SELECT count(*)::int AS n FROM attachment'))[0].n;
      const res = await upload(t, projectId, hero, content, { fileName: 'photo.png', contentType: 'image/png' });
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.type).toMatch(/\/problems\/unsupported-attachment-type$/);
      expect(res.body.acceptedTypes).toContain('application/pdf');
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM attachment'))[0].n).toBe(before);
    });

    it('asks for the file, and for multipart', async () => {
      const noFile = await t.http.post(`/api/v1/projects/${projectId}/attachments`).set(hero).field('description', 'x').expect(400);
      expect(noFile.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      const json = await t.http.post(`/api/v1/projects/${projectId}/attachments`).set(hero).send({ description: 'x' }).expect(415);
      expect(json.body.type).toMatch(/\/problems\/unsupported-media-type$/);
      const empty = await upload(t, projectId, hero, Buffer.alloc(0), { fileName: 'empty.txt' });
      expect(empty.status).toBe(415);
    });

    it('rejects unknown and malformed fields, naming them', async () => {
      const unknown = await upload(t, projectId, hero, SAMPLES.pdf, { fields: { state: 'approved' } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'state' })]);
      const badId = await upload(t, projectId, hero, SAMPLES.pdf, { fields: { assessmentId: 'not-a-uuid' } });
      expect(badId.status).toBe(400);
      expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'assessmentId' })]);
      const twoFiles = await t.http
        .post(`/api/v1/projects/${projectId}/attachments`)
        .set(hero)
        .attach('file', SAMPLES.pdf, 'a.pdf')
        .attach('file', SAMPLES.pdf, 'b.pdf');
      expect(twoFiles.status).toBe(400);
      const otherPart = await t.http.post(`/api/v1/projects/${projectId}/attachments`).set(hero).attach('document', SAMPLES.pdf, 'a.pdf');
      expect(otherPart.status).toBe(400);
      expect(otherPart.body.errors).toEqual([expect.objectContaining({ field: 'document' })]);
    });

    it('takes multipart only on the upload route: everywhere else it is still 415', async () => {
      const res = await t.http.post(`/api/v1/projects/${projectId}/comments`).set(hero).field('body', 'hello').expect(415);
      expect(res.body.type).toMatch(/\/problems\/unsupported-media-type$/);
      await t.http.post('/api/v1/projects').set(hero).attach('file', SAMPLES.pdf, 'a.pdf').expect(415);
    });
  });

  describe('who sees and who writes', () => {
    let attachmentId: string;
    beforeAll(async () => {
      attachmentId = (await upload(t, projectId, hero, SAMPLES.pdf, { fileName: 'contract.pdf' })).body.id;
    });

    it('a project the caller cannot see is a 404, for the upload, the list, the metadata and the download', async () => {
      const other = await actors.auth('salesHero');
      const up = await upload(t, projectId, other, SAMPLES.pdf);
      expect(up.status).toBe(404);
      await list(projectId, other).expect(404);
      await t.http.get(`/api/v1/attachments/${attachmentId}`).set(other).expect(404);
      const dl = await download(attachmentId, other).expect(404);
      expect(dl.headers['content-type']).toMatch(PROBLEM_JSON);
      await t.http.delete(`/api/v1/attachments/${attachmentId}`).set(other).expect(404);
      await list('00000000-0000-4000-8000-000000000000', hero).expect(404);
    });

    it('anyone who can see the project reads its files; only participants add them (403)', async () => {
      const submitted = await drive.submitted('hero');
      const up = await upload(t, submitted, hero, SAMPLES.png);
      expectStatus(up, 201);
      // The advisor sees submitted projects in the queue, but is not (yet) a participant.
      const advisor = await actors.auth('advisor');
      await list(submitted, advisor).expect(200);
      await download(up.body.id, advisor).expect(200);
      const refused = await upload(t, submitted, advisor, SAMPLES.png);
      expect(refused.status).toBe(403);
      expectStatus(await drive.action(submitted, 'assign', 'advisor'), 200);
      expectStatus(await upload(t, submitted, advisor, SAMPLES.png), 201);
      // The manager over the unit and the CIO are participants too.
      expectStatus(await upload(t, submitted, await actors.auth('marketingManager'), SAMPLES.png), 201);
      expectStatus(await upload(t, submitted, await actors.auth('cio'), SAMPLES.png), 201);
    });

    it('API keys: projects:write uploads, projects:read lists and downloads but does not upload', async () => {
      const writer = { 'X-API-Key': (await actors.apiKey(['projects:read', 'projects:write'])).key };
      const reader = { 'X-API-Key': (await actors.apiKey(['projects:read'])).key };
      const res = await upload(t, projectId, writer, SAMPLES.csv, { fileName: 'export.csv' });
      expectStatus(res, 201);
      expect(res.body.uploadedBy).toMatchObject({ type: 'api_key' });
      await list(projectId, reader).expect(200);
      const file = await download(res.body.id, reader).expect(200);
      expect(Buffer.compare(file.body as Buffer, SAMPLES.csv)).toBe(0);
      const refused = await upload(t, projectId, reader, SAMPLES.csv);
      expect(refused.status).toBe(403);
      // The key that uploaded removes its own file; another key does not.
      await t.http.delete(`/api/v1/attachments/${res.body.id}`).set(reader).expect(403);
      await t.http.delete(`/api/v1/attachments/${res.body.id}`).set(writer).expect(204);
    });

    it('refuses anonymous calls', async () => {
      expect((await upload(t, projectId, {}, SAMPLES.pdf)).status).toBe(401);
      await t.http.get(`/api/v1/attachments/${attachmentId}/content`).expect(401);
    });

    it('a closed (withdrawn) project takes no new files: 409 project-closed', async () => {
      const { id } = await drive.create('hero');
      expectStatus(await drive.action(id, 'withdraw', 'hero'), 200);
      const res = await upload(t, id, hero, SAMPLES.pdf);
      expect(res.status).toBe(409);
      expect(res.body.type).toMatch(/\/problems\/project-closed$/);
    });
  });

  describe('soft delete', () => {
    it('the uploader deletes: gone from the list, metadata and download (404), kept in the project history', async () => {
      const up = await upload(t, projectId, hero, SAMPLES.docx, { fileName: 'vendor-contract.docx' });
      expectStatus(up, 201);
      await t.http.delete(`/api/v1/attachments/${up.body.id}`).set(hero).expect(204);
      const listed = await list(projectId, hero, '?limit=100').expect(200);
      expect(listed.body.items.map((a: { id: string }) => a.id)).not.toContain(up.body.id);
      await t.http.get(`/api/v1/attachments/${up.body.id}`).set(hero).expect(404);
      await download(up.body.id, hero).expect(404);
      await t.http.delete(`/api/v1/attachments/${up.body.id}`).set(hero).expect(404);

      const history = await t.http.get(`/api/v1/projects/${projectId}/history?limit=100`).set(hero).expect(200);
      const events = history.body.items.filter((e: { entityId: string }) => e.entityId === up.body.id);
      expect(events.map((e: { action: string }) => e.action)).toEqual(['attachment.uploaded', 'attachment.deleted']);
      expect(events[1].before).toMatchObject({ fileName: 'vendor-contract.docx', sha256: up.body.sha256 });
      expect(events[1].actor).toMatchObject({ type: 'user', id: await actors.userId('hero') });
    });

    it('another participant may not delete someone else’s file (403); the CIO may', async () => {
      const id = await drive.inReview('hero');
      const up = await upload(t, id, hero, SAMPLES.pdf);
      expectStatus(up, 201);
      await t.http
        .delete(`/api/v1/attachments/${up.body.id}`)
        .set(await actors.auth('advisor'))
        .expect(403);
      await t.http
        .delete(`/api/v1/attachments/${up.body.id}`)
        .set(await actors.auth('cio'))
        .expect(204);
    });
  });

  describe('attached to an assessment or a condition of the same project', () => {
    it('attaches to an assessment of this project, filters by it, and refuses another project’s (400)', async () => {
      const assess = new AssessmentDriver(t, actors);
      await drive.acknowledge('advisor');
      const mine = await drive.inReview('hero');
      const other = await drive.inReview('hero');
      const assessmentId = (await assess.start(mine)).body.id as string;
      const otherAssessmentId = (await assess.start(other)).body.id as string;
      expect(assessmentId).toEqual(expect.any(String));

      const advisor = await actors.auth('advisor');
      const res = await upload(t, mine, advisor, SAMPLES.pdf, { fields: { assessmentId } });
      expectStatus(res, 201);
      expect(res.body.assessmentId).toBe(assessmentId);
      await upload(t, mine, advisor, SAMPLES.png);
      const filtered = await list(mine, advisor, `?assessmentId=${assessmentId}`).expect(200);
      expect(filtered.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.id]);

      const wrong = await upload(t, mine, advisor, SAMPLES.pdf, { fields: { assessmentId: otherAssessmentId } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([{ field: 'assessmentId', message: 'must be an assessment of this project' }]);
      const unknown = await upload(t, mine, advisor, SAMPLES.pdf, { fields: { assessmentId: '00000000-0000-4000-8000-000000000000' } });
      expect(unknown.status).toBe(400);
      const both = await upload(t, mine, advisor, SAMPLES.pdf, { fields: { assessmentId, conditionId: assessmentId } });
      expect(both.status).toBe(400);
      expect(both.body.errors).toEqual([expect.objectContaining({ field: 'conditionId' })]);
    });

    it('attaches evidence to a condition of approval of this project, and refuses another project’s (400)', async () => {
      const decisions = new DecisionDriver(t, actors);
      await drive.acknowledge('marketingManager');
      const heroId = await actors.userId('hero');
      const withConditions = {
        outcome: 'approve_with_conditions',
        rationale: 'Go, once the privacy notice is out.',
        conditions: [{ text: 'Publish the privacy notice', ownerId: heroId, dueDate: '2030-01-15' }],
      };
      const approved = await decisions.approved({ body: completeProject() }, withConditions);
      const other = await decisions.approved({ body: completeProject() }, withConditions);
      const conditionOf = async (id: string) =>
        ((await t.http.get(`/api/v1/projects/${id}/conditions`).set(hero).expect(200)).body.items[0] as { id: string }).id;
      const conditionId = await conditionOf(approved);

      const res = await upload(t, approved, hero, SAMPLES.pdf, { fileName: 'privacy-notice.pdf', fields: { conditionId } });
      expectStatus(res, 201);
      expect(res.body.conditionId).toBe(conditionId);
      const filtered = await list(approved, hero, `?conditionId=${conditionId}`).expect(200);
      expect(filtered.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.id]);

      const wrong = await upload(t, approved, hero, SAMPLES.pdf, { fields: { conditionId: await conditionOf(other) } });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([{ field: 'conditionId', message: 'must be a condition of this project' }]);
    });
  });
});
