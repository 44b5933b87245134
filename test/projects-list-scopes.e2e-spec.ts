import type { Response } from 'supertest';
import { Actors, AccountName, seedActors } from './support/actors';
import { DecisionDriver } from './support/decisions';
import { completeProject, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';
import { AppConfig } from '../src/config/app-config';
import type { Principal } from '../src/identity/auth/principal';
import type { Role } from '../src/identity/auth/roles';
import { OrgUnitsService } from '../src/identity/org-units/org-units.service';
import type { ProjectListQueryDto } from '../src/projects/dto/project.dto';
import { ProjectAccess } from '../src/projects/project-access';
import { ProjectViews } from '../src/projects/project-views.service';
import { SearchStatistics } from '../src/projects/search-statistics';

type Headers = Record<string, string>;
interface Item {
  id: string;
  state: string;
  proposerId: string;
  orgUnitId: string;
  title: string;
}

/**
 * The list's faster predicates (docs/performance.md §5 "List and search at 100k"): the subtree read
 * first, `mine` and the visibility as id sets, branches a state filter excludes left out, search on
 * the stored vector. Each must select exactly the rows the plain predicate did — the oracle here
 * is GET /projects/{id} (ProjectAccess.findVisible, the plain predicate) and the unfiltered list.
 */
describe('projects: list filters and visibility scopes', () => {
  let t: TestApp;
  let actors: Actors;
  let drive: ProjectDriver;
  let decisions: DecisionDriver;
  const p: Record<string, string> = {};
  let marketing: string;
  let digital: string;
  let scopedKey: Headers;
  let wideKey: Headers;

  /** Every page of a list, two rows a page (keyset paging across many pages); each row exactly once. */
  async function listAll(headers: Headers, query: Record<string, string> = {}): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: Response = await t.http
        .get('/api/v1/projects')
        .query({ ...query, limit: 2, ...(cursor ? { cursor } : {}) })
        .set(headers)
        .expect(200);
      items.push(...(page.body.items as Item[]));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    return items;
  }
  const ids = (items: Item[]) => items.map((i) => i.id);
  const headersOf = async (who: AccountName | 'scopedKey' | 'wideKey'): Promise<Headers> =>
    who === 'scopedKey' ? scopedKey : who === 'wideKey' ? wideKey : actors.auth(who);

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    drive = new ProjectDriver(t, actors);
    decisions = new DecisionDriver(t, actors);
    marketing = await actors.unitId('Marketing');
    digital = await actors.unitId('Digital Marketing');
    for (const who of ['cio', 'advisor', 'manager', 'marketingManager', 'hero', 'salesHero'] as const) await drive.acknowledge(who);
    const hero = await actors.userId('hero');
    p.heroDraft = (await drive.create('hero', completeProject({ title: 'Marketing wombat', orgUnitId: marketing }))).id;
    p.heroNested = (await drive.create('hero', completeProject({ title: 'Nested wombat', orgUnitId: digital }))).id;
    p.salesDraft = (await drive.create('salesHero', completeProject({ title: 'Sales wombat' }))).id;
    p.teamDraft = (await drive.create('salesHero', completeProject({ title: 'Shared wombat', teamMemberIds: [hero] }))).id;
    p.heroSubmitted = await drive.submitted('hero');
    p.salesSubmitted = await drive.submitted('salesHero');
    p.salesInReview = await drive.inReview('salesHero');
    p.salesAwaiting = await decisions.awaitingDecision({ proposer: 'salesHero' });
    p.salesApproved = await decisions.awaitingDecision({ proposer: 'salesHero' });
    const approved = await decisions.decide(p.salesApproved, 'manager', { outcome: 'approve', rationale: 'Worth it.' });
    expect(approved.status).toBe(200);
    scopedKey = { 'X-API-Key': (await actors.apiKey(['projects:read'], { orgUnitId: marketing })).key };
    wideKey = { 'X-API-Key': (await actors.apiKey(['projects:read'])).key };
  }, 120_000);
  afterAll(() => t.close());

  /** A ProjectViews with its own walk length and word counts (the app's own has the configured ones). */
  const views = (searchWalkRows: number, statistics: SearchStatistics) =>
    new ProjectViews(
      t.dataSource,
      t.app.get(ProjectAccess),
      t.app.get(OrgUnitsService),
      { ...t.app.get(AppConfig), searchWalkRows } as AppConfig,
      statistics,
    );
  const principalOf = async (who: AccountName): Promise<Principal> => {
    const [u] = await t.dataSource.query<{ id: string; roles: Role[]; org_unit_id: string }[]>(
      'SELECT id, roles, org_unit_id FROM app_user WHERE id = $1',
      [await actors.userId(who)],
    );
    return {
      type: 'user',
      id: u.id,
      userId: u.id,
      displayName: who,
      roles: u.roles,
      scopes: [],
      orgUnitId: u.org_unit_id,
      permissions: new Set(),
    };
  };
  /** Every id of a list, page after page. */
  const pages = async (views: ProjectViews, principal: Principal, query: Partial<ProjectListQueryDto>, limit: number) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await views.list(principal, { ...query, limit, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  };

  const CALLERS = ['hero', 'salesHero', 'advisor', 'manager', 'marketingManager', 'cio', 'scopedKey', 'wideKey'] as const;
  const STATE_FILTERS = [
    'draft',
    'submitted',
    'in_review',
    'awaiting_decision',
    'approved',
    'draft,approved',
    'submitted,in_review',
    'nope',
  ];

  it('every caller: the unfiltered list is what GET by id allows, and each filter is that list restricted', async () => {
    const all: { id: string }[] = await t.dataSource.query('SELECT id FROM project');
    const teams: { project_id: string; user_id: string }[] = await t.dataSource.query(
      'SELECT project_id, user_id FROM project_team_member',
    );
    const subtree = new Set([marketing, digital]);
    for (const who of CALLERS) {
      const headers = await headersOf(who);
      const unfiltered = await listAll(headers);
      const allowed: string[] = [];
      for (const { id } of all) {
        const res = await t.http.get(`/api/v1/projects/${id}`).set(headers);
        expect([200, 404]).toContain(res.status);
        if (res.status === 200) allowed.push(id);
      }
      expect([...ids(unfiltered)].sort()).toEqual(allowed.sort());
      for (const state of STATE_FILTERS) {
        const wanted = state.split(',');
        const expected = ids(unfiltered.filter((i) => wanted.includes(i.state)));
        expect({ who, state, ids: ids(await listAll(headers, { state })) }).toEqual({ who, state, ids: expected });
      }
      const inMarketing = unfiltered.filter((i) => subtree.has(i.orgUnitId));
      expect(ids(await listAll(headers, { orgUnitId: marketing }))).toEqual(ids(inMarketing));
      expect(ids(await listAll(headers, { orgUnitId: marketing, state: 'draft' }))).toEqual(
        ids(inMarketing.filter((i) => i.state === 'draft')),
      );
      if (!who.endsWith('Key')) {
        const me = await actors.userId(who as AccountName);
        const mine = unfiltered.filter((i) => i.proposerId === me || teams.some((m) => m.project_id === i.id && m.user_id === me));
        expect({ who, mine: ids(await listAll(headers, { mine: 'true' })) }).toEqual({ who, mine: ids(mine) });
      }
    }
  }, 120_000);

  it('state=draft as a HERO: own and team drafts, never another HERO’s', async () => {
    for (const sort of ['-createdAt', 'createdAt', '-updatedAt', 'targetLaunchDate', '-submittedAt']) {
      const drafts = ids(await listAll(await actors.auth('hero'), { state: 'draft', sort }));
      expect(drafts).toEqual(expect.arrayContaining([p.heroDraft, p.heroNested, p.teamDraft]));
      expect(drafts).not.toContain(p.salesDraft);
      expect(drafts).toHaveLength(3);
    }
    const sales = ids(await listAll(await actors.auth('salesHero'), { state: 'draft' }));
    expect(sales.sort()).toEqual([p.salesDraft, p.teamDraft].sort());
    // The advisor's queue is submitted-only: with state=draft the advisor sees no draft at all.
    expect(await listAll(await actors.auth('advisor'), { state: 'draft' })).toEqual([]);
  });

  it('orgUnitId: the unit and every unit below it; an unknown unit is an empty page', async () => {
    const cio = await actors.auth('cio');
    const inMarketing = ids(await listAll(cio, { orgUnitId: marketing }));
    expect(inMarketing).toEqual(expect.arrayContaining([p.heroDraft, p.heroNested]));
    expect(inMarketing).not.toContain(p.salesDraft);
    expect(ids(await listAll(cio, { orgUnitId: digital }))).toEqual([p.heroNested]);
    const unknown = await t.http.get('/api/v1/projects').query({ orgUnitId: '00000000-0000-4000-8000-000000000000' }).set(cio).expect(200);
    expect(unknown.body).toEqual({ items: [], nextCursor: null });
    // A Sales hero filtering on Marketing sees Marketing's public projects only — here none.
    expect(await listAll(await actors.auth('salesHero'), { orgUnitId: marketing })).toEqual([]);
  });

  it('mine=true: own and team projects, not public ones', async () => {
    const mine = ids(await listAll(await actors.auth('hero'), { mine: 'true' }));
    expect(mine.sort()).toEqual([p.heroDraft, p.heroNested, p.teamDraft, p.heroSubmitted].sort());
    const all = ids(await listAll(await actors.auth('hero')));
    expect(all).toContain(p.salesApproved);
    expect(ids(await listAll(await actors.auth('hero'), { mine: 'true', state: 'approved' }))).toEqual([]);
  });

  it('search reads the stored vector: a PATCHed title is found by its new word, never by another HERO', async () => {
    const hero = await actors.auth('hero');
    const current = await t.http.get(`/api/v1/projects/${p.heroDraft}`).set(hero).expect(200);
    await t.http
      .patch(`/api/v1/projects/${p.heroDraft}`)
      .set(hero)
      .set('If-Match', current.headers.etag)
      .send({ title: 'Marketing quokka' })
      .expect(200);
    expect(ids(await listAll(hero, { q: 'quokka' }))).toEqual([p.heroDraft]);
    expect(ids(await listAll(hero, { q: 'wombat' })).sort()).toEqual([p.heroNested, p.teamDraft].sort());
    expect(ids(await listAll(hero, { q: 'wombat', state: 'draft', orgUnitId: marketing }))).toEqual([p.heroNested]);
    expect(await listAll(await actors.auth('salesHero'), { q: 'quokka' })).toEqual([]);
    // The vector is PostgreSQL's: current after the update, and never part of an answer.
    const [row] = await t.dataSource.query(`SELECT search_tsv::text AS v FROM project WHERE id = $1`, [p.heroDraft]);
    expect(row.v).toContain("'quokka'");
    expect(current.body).not.toHaveProperty('searchTsv');
    const listed = await t.http.get('/api/v1/projects').query({ q: 'quokka' }).set(hero).expect(200);
    expect(listed.body.items[0]).not.toHaveProperty('searchTsv');
  });

  it('search: the bounded walk of the newest rows gives the pages the full-text index gives, whatever its length', async () => {
    // Statistics that never skip the walk: every walk length is exercised, whatever PostgreSQL counted.
    const alwaysWalk = { walkMayFill: () => Promise.resolve(true) } as unknown as SearchStatistics;
    const viewsWith = (searchWalkRows: number) => views(searchWalkRows, alwaysWalk);
    const indexOnly = viewsWith(0);
    const walks = [1, 2, 3, 5, 5000].map(viewsWith);
    const searches: Partial<ProjectListQueryDto>[] = [
      { q: 'chatbot' },
      { q: 'wombat' },
      { q: 'delivery status' },
      { q: 'chatbot', state: 'submitted' },
      { q: 'chatbot', state: 'draft,submitted' },
      { q: 'chatbot', sort: 'createdAt' },
      { q: 'chatbot', sort: '-updatedAt' },
      { q: 'chatbot', sort: 'targetLaunchDate' },
      { q: 'nothing-matches-this' },
    ];
    let compared = 0;
    for (const who of ['hero', 'salesHero', 'advisor', 'manager', 'cio'] as const) {
      const principal = await principalOf(who);
      for (const query of searches) {
        for (const limit of [1, 2, 20]) {
          const expected = await pages(indexOnly, principal, query, limit);
          for (const views of walks) {
            expect({ who, query, limit, ids: await pages(views, principal, query, limit) }).toEqual({ who, query, limit, ids: expected });
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(5 * searches.length * 3 * walks.length);
    // A common word fills its page from the walk: one statement, not two.
    const cio = await principalOf('cio');
    const statements = jest.spyOn(t.dataSource, 'query');
    const page = await viewsWith(5000).list(cio, { q: 'chatbot', limit: 2 });
    expect(page.items).toHaveLength(2);
    // The next page walks on from the cursor, likewise one statement.
    await viewsWith(5000).list(cio, { q: 'chatbot', limit: 2, cursor: page.nextCursor! });
    expect(statements).toHaveBeenCalledTimes(2);
    expect(statements.mock.calls.map(([sql]) => sql)).toEqual([
      expect.stringContaining('LIMIT 5000'),
      expect.stringContaining('LIMIT 5000'),
    ]);
    statements.mockRestore();
  }, 120_000);

  it("search: with PostgreSQL's word counts, a word too rare to fill a page within the walk reads the index at once", async () => {
    await t.dataSource.query('ANALYZE project');
    const statistics = new SearchStatistics(t.dataSource);
    const counts = (await statistics.frequencies())!;
    const chatbot = counts.byLexeme.get('chatbot')!;
    expect(chatbot).toBeGreaterThan(2 * counts.floor);
    // A walk long enough to expect more than one 'chatbot' but at most one match of an unlisted word.
    const walkRows = Math.floor(1 / counts.floor);
    expect(walkRows * chatbot).toBeGreaterThan(1);
    const cio = await principalOf('cio');
    const statements = jest.spyOn(t.dataSource, 'query');
    try {
      for (const [q, walked] of [
        ['chatbot', true],
        ['nothing-matches-this', false],
        ['chatbot or nothing', true],
      ] as const) {
        statements.mockClear();
        const page = await views(walkRows, statistics).list(cio, { q, limit: 1 });
        expect({ q, walked: String(statements.mock.calls[0][0]).includes(`LIMIT ${walkRows})`) }).toEqual({ q, walked });
        expect(page).toEqual(await views(0, statistics).list(cio, { q, limit: 1 }));
      }
    } finally {
      statements.mockRestore();
    }
  });
});
