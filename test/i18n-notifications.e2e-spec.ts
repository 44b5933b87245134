import { formatDateTime, formatMoney } from '../src/i18n/format';
import { Actors, AccountName, seedActors } from './support/actors';
import { completeProject, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(30_000);

interface Item {
  id: string;
  type: string;
  title: string;
  body: string;
  projectId: string | null;
}

/**
 * Notifications are stored as a message key and its parameters and rendered when read, in the
 * reader's language, with money and dates formatted for it by Intl (docs/i18n.md).
 */
describe('notifications in French and English', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  let projectId: string;
  let reference: string;

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    // Sam (sales hero) prefers French; nobody else has chosen a language.
    const sam = await actors.auth('salesHero');
    const me = await t.http.get('/api/v1/me').set(sam).expect(200);
    await t.http.patch('/api/v1/me').set(sam).set('If-Match', me.headers.etag).send({ locale: 'fr' }).expect(200);
    await drive.acknowledge('hero');
    const created = await drive.create('hero', completeProject({ teamMemberIds: [await actors.userId('salesHero')] }));
    projectId = created.id;
    reference = created.reference;
    await drive.screen(projectId, 'hero');
    await drive.action(projectId, 'submit', 'hero').then((r) => expect(r.status).toBe(200));
  }, 30_000);
  afterAll(() => t.close(), 30_000);

  const inbox = async (who: AccountName, headers: Record<string, string> = {}) => {
    const res = await t.http
      .get('/api/v1/notifications?limit=100')
      .set(await actors.auth(who))
      .set(headers)
      .expect(200);
    return { items: res.body.items as Item[], language: res.headers['content-language'], vary: res.headers.vary };
  };
  const submitted = (items: Item[]) => items.find((n) => n.type === 'project.submitted' && n.projectId === projectId)!;
  const budget = { amount: 1_200_000, currency: 'EUR' };

  it('lists a French user’s notifications in French, whatever the browser says', async () => {
    const { items, language, vary } = await inbox('salesHero', { 'Accept-Language': 'en' });
    expect(language).toBe('fr');
    expect(vary).toMatch(/Accept-Language/);
    expect(submitted(items)).toMatchObject({
      title: `${reference} : soumis pour évaluation`,
      body: `Delivery-status chatbot (${formatMoney(budget, 'fr')}) — soumis pour évaluation par Hana Hero.`,
    });
    // The amount as Intl writes it in French: a narrow no-break space between thousands, € last.
    expect(formatMoney(budget, 'fr')).toBe(new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR' }).format(12000));
  });

  it('renders the same stored notification in each reader’s language', async () => {
    const english = await inbox('cio');
    expect(english.language).toBe('en');
    expect(submitted(english.items)).toMatchObject({
      title: `${reference}: submitted for assessment`,
      body: 'Delivery-status chatbot (€12,000.00) — submitted for assessment by Hana Hero.',
    });
    const french = await inbox('cio', { 'Accept-Language': 'fr-CH, en;q=0.5' });
    expect(french.language).toBe('fr');
    expect(submitted(french.items).id).toBe(submitted(english.items).id);
    expect(submitted(french.items).body).toBe(
      `Delivery-status chatbot (${formatMoney(budget, 'fr')}) — soumis pour évaluation par Hana Hero.`,
    );
  });

  it('formats dates for the reader (a new compact version says when it was published)', async () => {
    const cio = await actors.auth('cio');
    const draft = await t.http
      .post('/api/v1/compact/versions')
      .set(cio)
      .send({
        title: 'HERO Compact 2027',
        intro: 'What we promise each other.',
        commitments: { hero: ['Describe the customer problem.'], manager: ['Decide within a week.'], it: ['Advise, do not block.'] },
      })
      .expect(201);
    const published = await t.http.post(`/api/v1/compact/versions/${draft.body.id}/publish`).set(cio).expect(200);
    const at = published.body.publishedAt as string;
    const fr = (await inbox('salesHero')).items.find((n) => n.type === 'compact.published')!;
    expect(fr.title).toBe('Version 2 du HERO Compact publiée');
    expect(fr.body).toContain(`Publiée le ${formatDateTime(at, 'fr')}.`);
    const en = (await inbox('hero')).items.find((n) => n.type === 'compact.published')!;
    expect(en.title).toBe('HERO Compact version 2 published');
    expect(en.body).toContain(`Published on ${formatDateTime(at, 'en')}.`);
    expect(formatDateTime(at, 'fr')).not.toBe(formatDateTime(at, 'en'));
  });

  it('marks read in the reader’s language too, and keeps the English text stored as the fallback', async () => {
    const { items } = await inbox('salesHero');
    const one = submitted(items);
    const res = await t.http
      .post(`/api/v1/notifications/${one.id}/read`)
      .set(await actors.auth('salesHero'))
      .expect(200);
    expect(res.headers['content-language']).toBe('fr');
    expect(res.body).toMatchObject({ id: one.id, title: one.title, body: one.body });
    const [row] = await t.dataSource.query<{ title: string; message_key: string; message_params: Record<string, unknown> }[]>(
      'SELECT title, message_key, message_params FROM notification WHERE id = $1',
      [one.id],
    );
    expect(row).toMatchObject({
      title: `${reference}: submitted for assessment`,
      message_key: 'notification.projectBudget',
      message_params: { reference, budget: { t: 'money', ...budget } },
    });
  });

  it('shows a row without a message (written before this version) as it was stored', async () => {
    const userId = await actors.userId('salesHero');
    await t.dataSource.query(
      `INSERT INTO notification (user_id, type, title, body) VALUES ($1, 'legacy.notice', 'Old title', 'Old body')`,
      [userId],
    );
    const legacy = (await inbox('salesHero')).items.find((n) => n.type === 'legacy.notice');
    expect(legacy).toMatchObject({ title: 'Old title', body: 'Old body' });
  });
});
