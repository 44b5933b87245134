import { Actors, seedActors } from './support/actors';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(30_000);

/** PATCH /me: people choose their own language (and display name); nothing else (docs/i18n.md). */
describe('PATCH /me', () => {
  let t: TestApp;
  let actors: Actors;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
  }, 30_000);
  afterAll(() => t.close(), 30_000);

  const current = async (auth: { Authorization: string }) => t.http.get('/api/v1/me').set(auth).expect(200);

  it('sets my language and display name with If-Match, returns the new ETag, and audits the change', async () => {
    const auth = await actors.auth('hero');
    const before = await current(auth);
    expect(before.headers.etag).toBe(`"${before.body.version}"`);
    expect(before.body.locale).toBeNull();

    const res = await t.http
      .patch('/api/v1/me')
      .set(auth)
      .set('If-Match', before.headers.etag)
      .send({ locale: 'fr', displayName: 'Hana Héro' })
      .expect(200);
    expect(res.body).toMatchObject({ locale: 'fr', displayName: 'Hana Héro', version: before.body.version + 1 });
    expect(res.body.permissions).toContain('me.update');
    expect(res.headers.etag).toBe(`"${before.body.version + 1}"`);
    expect((await current(auth)).body).toMatchObject({ locale: 'fr', displayName: 'Hana Héro' });

    const userId = await actors.userId('hero');
    const audit = await t.http
      .get(`/api/v1/audit-events?entityId=${userId}`)
      .set(await actors.auth('admin'))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'user.update_self', before: { locale: null }, after: { locale: 'fr' } });

    const cleared = await t.http.patch('/api/v1/me').set(auth).set('If-Match', res.headers.etag).send({ locale: null }).expect(200);
    expect(cleared.body).toMatchObject({ locale: null, displayName: 'Hana Héro' });
  });

  it('needs If-Match (428) with the current version (412)', async () => {
    const auth = await actors.auth('salesHero');
    const missing = await t.http.patch('/api/v1/me').set(auth).send({ locale: 'fr' }).expect(428);
    expect(missing.body.type).toMatch(/precondition-required$/);
    const stale = await t.http.patch('/api/v1/me').set(auth).set('If-Match', '"999"').send({ locale: 'fr' }).expect(412);
    expect(stale.body.currentVersion).toBe((await current(auth)).body.version);
  });

  it.each([
    ['an unsupported language', { locale: 'de' }, 'locale'],
    ['a blank name', { displayName: '   ' }, 'displayName'],
    ['a null name', { displayName: null }, 'displayName'],
    ['my roles', { roles: ['admin'] }, 'roles'],
    ['my status', { status: 'disabled' }, 'status'],
    ['my approval limit', { approvalLimit: { amount: 1, currency: 'EUR' } }, 'approvalLimit'],
  ])('refuses %s (400 naming the field)', async (_what, body, field) => {
    const auth = await actors.auth('manager');
    const me = await current(auth);
    const res = await t.http.patch('/api/v1/me').set(auth).set('If-Match', me.headers.etag).send(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await current(auth)).body.version).toBe(me.body.version);
  });

  it('answers in the language just chosen', async () => {
    const auth = await actors.auth('advisor');
    const me = await current(auth);
    await t.http.patch('/api/v1/me').set(auth).set('If-Match', me.headers.etag).send({ locale: 'fr' }).expect(200);
    const res = await t.http.patch('/api/v1/me').set(auth).set('If-Match', me.headers.etag).send({ locale: 'en' }).expect(412);
    expect(res.body.title).toBe('Précondition non remplie');
    expect(res.headers['content-language']).toBe('fr');
  });

  it('is for people: an API key is refused', async () => {
    const { key } = await actors.apiKey(['users:read']);
    await t.http.patch('/api/v1/me').set('X-API-Key', key).set('If-Match', '"1"').send({ locale: 'fr' }).expect(403);
  });

  it('an admin may still set someone’s language, and a new user has no preference', async () => {
    const admin = await actors.auth('admin');
    const id = await actors.userId('cio');
    const user = await t.http.get(`/api/v1/users/${id}`).set(admin).expect(200);
    expect(user.body.locale).toBeNull();
    const res = await t.http.patch(`/api/v1/users/${id}`).set(admin).set('If-Match', user.headers.etag).send({ locale: 'fr' }).expect(200);
    expect(res.body.locale).toBe('fr');
  });
});
