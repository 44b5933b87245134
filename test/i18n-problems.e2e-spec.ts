import { randomUUID } from 'node:crypto';
import { Actors, seedActors } from './support/actors';
import { completeProject, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(30_000);

const PROBLEM_BASE = 'https://hero-compact.dev/problems/';

/**
 * Issue 12 item 5: problem+json in French or English, from the user's preference or else
 * Accept-Language (docs/i18n.md). What clients branch on — type, status, errors[].field, extension
 * members — never changes with the language.
 */
describe('problems in French and English', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
  }, 30_000);
  afterAll(() => t.close(), 30_000);

  const fr = { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' };
  const en = { 'Accept-Language': 'en-GB' };

  it('401: French for Accept-Language fr, English otherwise', async () => {
    const res = await t.http.get('/api/v1/me').set(fr).expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['content-language']).toBe('fr');
    expect(res.headers.vary).toMatch(/Accept-Language/);
    expect(res.body).toMatchObject({
      type: `${PROBLEM_BASE}unauthenticated`,
      status: 401,
      title: 'Authentification requise',
      detail: 'Envoyez un jeton d’accès porteur valide ou une X-API-Key.',
    });
    const english = await t.http.get('/api/v1/me').expect(401);
    expect(english.headers['content-language']).toBe('en');
    expect(english.body).toMatchObject({ type: `${PROBLEM_BASE}unauthenticated`, title: 'Authentication required' });
    const german = await t.http.get('/api/v1/me').set('Accept-Language', 'de-DE').expect(401);
    expect(german.body.title).toBe('Authentication required');
  });

  it('404: a record that does not exist, and a route that does not exist', async () => {
    const res = await t.http
      .get(`/api/v1/projects/${randomUUID()}`)
      .set(await actors.auth('hero'))
      .set(fr)
      .expect(404);
    expect(res.body).toMatchObject({ type: `${PROBLEM_BASE}not-found`, status: 404, title: 'Introuvable', detail: 'Projet introuvable.' });
    const route = await t.http.get('/api/v1/no-such-thing').set(fr).expect(404);
    expect(route.body).toMatchObject({ title: 'Introuvable', detail: 'Impossible de traiter GET /api/v1/no-such-thing' });
  });

  it('400: French field messages naming the same fields as in English', async () => {
    const bad = { ...completeProject(), title: 42, budget: { amount: -5, currency: 'EUR' }, state: 'approved' };
    const auth = await actors.auth('hero');
    const english = await t.http.post('/api/v1/projects').set(auth).set(en).send(bad).expect(400);
    const french = await t.http.post('/api/v1/projects').set(auth).set(fr).send(bad).expect(400);
    expect(french.headers['content-language']).toBe('fr');
    expect(french.body).toMatchObject({
      type: `${PROBLEM_BASE}validation-error`,
      status: 400,
      title: 'Validation échouée',
      detail: 'La requête comporte des champs invalides.',
    });
    const fields = (b: { errors: { field: string }[] }) => b.errors.map((e) => e.field);
    expect(fields(french.body)).toEqual(fields(english.body));
    expect(fields(french.body)).toEqual(expect.arrayContaining(['title', 'budget.amount', 'state']));
    expect(french.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'title', message: 'le champ title doit être une chaîne de caractères' },
        { field: 'title', message: 'le champ title doit compter entre 1 et 200 caractères' },
        { field: 'budget.amount', message: 'le champ budget.amount ne doit pas être inférieur à 0' },
        { field: 'state', message: 'le champ state n’est pas un champ autorisé' },
      ]),
    );
    expect(english.body.errors).toEqual(expect.arrayContaining([{ field: 'title', message: 'title must be a string' }]));
  });

  it('400 on a malformed query or path parameter, before any service runs', async () => {
    const auth = await actors.auth('hero');
    const limit = await t.http.get('/api/v1/projects?limit=500').set(auth).set(fr).expect(400);
    expect(limit.body.errors).toEqual([{ field: 'limit', message: 'le champ limit ne doit pas être supérieur à 100' }]);
    const uuid = await t.http.post('/api/v1/notifications/not-a-uuid/read').set(auth).set(fr).expect(400);
    expect(uuid.body).toMatchObject({ title: 'Requête incorrecte', detail: 'Validation échouée (un UUID est attendu)' });
  });

  it('403 compact-not-acknowledged and 409 invalid-transition in French, extensions unchanged', async () => {
    const { id } = await drive.create('salesHero');
    await drive.screen(id, 'salesHero');
    const auth = await actors.auth('salesHero');
    const refused = await t.http.post(`/api/v1/projects/${id}/submit`).set(auth).set(fr).send({}).expect(403);
    expect(refused.body).toMatchObject({
      type: `${PROBLEM_BASE}compact-not-acknowledged`,
      title: 'Compact non reconnu',
      detail: 'Prenez connaissance de la version 1 du HERO Compact (POST /api/v1/compact/acknowledgements) avant de continuer.',
      group: 'hero',
    });

    await drive.acknowledge('salesHero');
    await t.http.post(`/api/v1/projects/${id}/submit`).set(auth).send({}).expect(200);
    const again = await t.http.post(`/api/v1/projects/${id}/submit`).set(auth).set(fr).send({}).expect(409);
    expect(again.body).toMatchObject({
      type: `${PROBLEM_BASE}invalid-transition`,
      status: 409,
      title: 'Transition impossible',
      detail: 'Impossible de soumettre un projet à l’état « soumis ».',
      currentState: 'submitted',
      action: 'submit',
    });
    const english = await t.http.post(`/api/v1/projects/${id}/submit`).set(auth).set(en).send({}).expect(409);
    expect(english.body).toMatchObject({ title: 'Invalid transition', detail: 'You cannot submit a project in state submitted.' });
    const { title: _t, detail: _d, requestId: _r, ...frRest } = again.body;
    const { title: _t2, detail: _d2, requestId: _r2, ...enRest } = english.body;
    expect(frRest).toEqual(enRest);
  });

  it('a chosen language wins over Accept-Language; null goes back to following the browser', async () => {
    const auth = await actors.auth('marketingManager');
    const me = await t.http.get('/api/v1/me').set(auth).expect(200);
    expect(me.body.locale).toBeNull();
    const set = await t.http.patch('/api/v1/me').set(auth).set('If-Match', me.headers.etag).send({ locale: 'fr' }).expect(200);
    expect(set.body.locale).toBe('fr');

    const missing = `/api/v1/projects/${randomUUID()}`;
    const preferred = await t.http.get(missing).set(auth).set(en).expect(404);
    expect(preferred.headers['content-language']).toBe('fr');
    expect(preferred.body).toMatchObject({ title: 'Introuvable', detail: 'Projet introuvable.' });
    expect((await t.http.get(missing).set(auth).expect(404)).body.title).toBe('Introuvable');

    await t.http.patch('/api/v1/me').set(auth).set('If-Match', set.headers.etag).send({ locale: null }).expect(200);
    expect((await t.http.get(missing).set(auth).set(en).expect(404)).body.title).toBe('Not found');
    expect((await t.http.get(missing).set(auth).set(fr).expect(404)).body.title).toBe('Introuvable');
  });

  it('API keys have no preference: Accept-Language decides', async () => {
    const { key } = await actors.apiKey(['projects:read']);
    const res = await t.http.get(`/api/v1/projects/${randomUUID()}`).set('X-API-Key', key).set(fr).expect(404);
    expect(res.body.title).toBe('Introuvable');
    const forbidden = await t.http.get('/api/v1/notifications').set('X-API-Key', key).set(fr).expect(403);
    expect(forbidden.body).toMatchObject({ type: `${PROBLEM_BASE}forbidden`, title: 'Action non autorisée' });
  });
});
