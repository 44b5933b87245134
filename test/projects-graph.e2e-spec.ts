import { Project } from '../src/projects/entities/project.entity';
import { ProjectAccess } from '../src/projects/project-access';
import type { Principal } from '../src/identity/auth/principal';
import { Actors, seedActors } from './support/actors';
import { completeProject, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

/**
 * ProjectAccess.findVisible reads a project and its children with one hand-written statement
 * (src/projects/project-graph.ts) instead of TypeORM's joined entity query. Whatever TypeORM's own
 * load returns, it must return too — the same entity classes, values and value types — and a
 * project it loaded must save back unchanged (the lifecycle and the edits save what they load).
 */
describe('projects: the one-statement project load', () => {
  let t: TestApp;
  let actors: Actors;
  let access: ProjectAccess;
  let id: string;
  const cio = (userId: string): Principal => ({
    type: 'user',
    id: userId,
    userId,
    displayName: 'CIO',
    roles: ['cio'],
    scopes: [],
    orgUnitId: null,
    permissions: new Set(),
  });

  /** What TypeORM's entity query reads, children in the API's order. */
  function typeormLoad(projectId: string): Promise<Project | null> {
    return t.dataSource.getRepository(Project).findOne({
      where: { id: projectId },
      relations: { vendors: true, kpis: true, team: true },
      order: { vendors: { position: 'ASC' }, kpis: { position: 'ASC' } },
    });
  }

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    access = t.app.get(ProjectAccess);
    const body = completeProject({
      vendors: [
        { name: 'Acme Chat', service: 'Hosted chatbot', dataShared: 'Order number' },
        { name: 'Quote "Co"', service: 'SMS', dataShared: '' },
      ],
      kpis: [
        { name: 'Calls about delivery', unit: 'calls/week', baseline: 1200.5, target: 800.25, direction: 'decrease' },
        { name: 'CSAT', unit: '%', baseline: 71, target: 80, direction: 'increase' },
      ],
      tags: ['chat', 'delivery'],
      teamMemberIds: [await actors.userId('salesHero')],
    });
    ({ id } = await new ProjectDriver(t, actors).create('hero', body));
    await t.dataSource.query(`INSERT INTO project_support (project_id, user_id) VALUES ($1, $2)`, [id, await actors.userId('advisor')]);
  });

  afterAll(() => t.close());

  it('returns what TypeORM’s entity query returns, classes and types included', async () => {
    const principal = cio(await actors.userId('cio'));
    const mine = await access.findVisible(principal, id);
    const theirs = (await typeormLoad(id))!;
    // TypeORM reads the virtual support count only through a query builder; the rest must match exactly.
    expect(mine.supportCount).toBe(1);
    expect({ ...mine, supportCount: undefined }).toStrictEqual({ ...theirs, supportCount: undefined });
    expect(mine).toBeInstanceOf(Project);
    expect(mine.vendors.map((v) => v.constructor.name)).toEqual(['ProjectVendor', 'ProjectVendor']);
    expect(mine.kpis.map((k) => [k.baseline, k.target])).toEqual([
      ['1200.5', '800.25'],
      ['71', '80'],
    ]);
    expect(mine.targetLaunchDate).toBe('2027-03-01');
    expect(mine.createdAt).toBeInstanceOf(Date);
    expect(mine.team.map((m) => m.constructor.name)).toEqual(['ProjectTeamMember']);
  });

  it('a loaded project saves back unchanged', async () => {
    const principal = cio(await actors.userId('cio'));
    const before = (await typeormLoad(id))!;
    await t.dataSource.getRepository(Project).save(await access.findVisible(principal, id));
    const after = (await typeormLoad(id))!;
    expect({ ...after, updatedAt: undefined, version: undefined }).toStrictEqual({ ...before, updatedAt: undefined, version: undefined });
  });

  it('is a 404 for a caller who may not see the project, and for an unknown id', async () => {
    const other = { ...cio(await actors.userId('salesHero')), roles: ['hero' as const] };
    const outsider = { ...cio(await actors.userId('marketingManager')), roles: ['hero' as const] };
    await expect(access.findVisible(other, id)).resolves.toBeInstanceOf(Project); // a team member
    await expect(access.findVisible(outsider, id)).rejects.toMatchObject({ status: 404 });
    await expect(access.findVisible(cio(await actors.userId('cio')), '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      status: 404,
    });
  });
});
