import { createHash, randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { groupsForRoles } from '../../src/compact/compact-groups';
import type { Role } from '../../src/identity/auth/roles';
import type { BulkInserter } from '../lib/bulk-insert';
import type { Random } from '../lib/random';

/** The organisation the projects live in: an org tree, people with roles, their compact acknowledgements, one API key. */
export interface Unit {
  id: string;
  name: string;
  kind: 'company' | 'division' | 'department' | 'team';
  parentId: string | null;
  path: string;
  depth: number;
  /** The division above (or the unit itself); decides which managers may decide. */
  divisionId: string | null;
  departmentId: string | null;
}

export interface SeedUser {
  id: string;
  email: string;
  displayName: string;
  unitId: string;
  roles: Role[];
  limitMinor: number | null;
}

export interface World {
  units: Unit[];
  unitById: Map<string, Unit>;
  users: SeedUser[];
  heroes: SeedUser[];
  advisors: SeedUser[];
  cio: SeedUser;
  admin: SeedUser;
  rootManager: SeedUser;
  /** Managers by the unit they manage (division and department managers). */
  managerOf: Map<string, SeedUser>;
  compactVersionId: string;
  frameworkVersionId: string;
  apiKey: string;
}

export const BENCH_PASSWORD = 'bench-password-correct-horse-1';

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dev', 'Emma', 'Farid', 'Gita', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lena', 'Mo', 'Nora', 'Omar', 'Pia'];
const LAST = ['Meyer', 'Okafor', 'Rossi', 'Nguyen', 'Schmidt', 'Silva', 'Kowalski', 'Haddad', 'Dubois', 'Tanaka', 'Larsen', 'Costa'];
const DIVISIONS = ['IT', 'Marketing', 'Sales', 'Customer Service', 'Operations', 'Finance', 'Logistics', 'Retail'];

function buildUnits(rnd: Random, total: number): Unit[] {
  const root: Unit = {
    id: rnd.uuid(),
    name: 'Bench Corp',
    kind: 'company',
    parentId: null,
    path: '',
    depth: 0,
    divisionId: null,
    departmentId: null,
  };
  root.path = `/${root.id}/`;
  const units: Unit[] = [root];
  const child = (parent: Unit, name: string, kind: Unit['kind']): Unit => {
    const id = rnd.uuid();
    const u: Unit = {
      id,
      name,
      kind,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      divisionId: kind === 'division' ? id : parent.divisionId,
      departmentId: kind === 'department' ? id : parent.departmentId,
    };
    units.push(u);
    return u;
  };
  const divisionCount = Math.min(DIVISIONS.length, Math.max(1, Math.round(total / 33)));
  const divisions = DIVISIONS.slice(0, divisionCount).map((n) => child(root, n, 'division'));
  const departments = divisions.flatMap((d) => [1, 2, 3, 4, 5].map((i) => child(d, `${d.name} department ${i}`, 'department')));
  for (let i = 0; units.length < total; i++) {
    const dep = departments[i % departments.length];
    child(dep, `${dep.name.replace(' department', '')} team ${Math.floor(i / departments.length) + 1}`, 'team');
  }
  return units.slice(0, total);
}

function person(rnd: Random, email: string, unitId: string, roles: Role[], limitMinor: number | null = null): SeedUser {
  return { id: rnd.uuid(), email, displayName: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`, unitId, roles, limitMinor };
}

function buildUsers(rnd: Random, units: Unit[], total: number) {
  const root = units[0];
  const it = units.find((u) => u.kind === 'division' && u.name === 'IT') ?? root;
  const admin = person(rnd, 'admin@bench.local', it.id, ['admin']);
  const cio = person(rnd, 'cio@bench.local', it.id, ['cio']);
  const rootManager = person(rnd, 'manager.root@bench.local', root.id, ['manager'], 1_000_000_000_00);
  const managerOf = new Map<string, SeedUser>();
  const users: SeedUser[] = [admin, cio, rootManager];
  for (const u of units.filter((x) => x.kind === 'division' || x.kind === 'department')) {
    const limit = u.kind === 'division' ? 5_000_000_00 : 500_000_00;
    const m = person(rnd, `manager.${users.length}@bench.local`, u.id, ['manager'], limit);
    managerOf.set(u.id, m);
    users.push(m);
  }
  const advisors = Array.from({ length: Math.max(5, Math.round(total / 60)) }, (_, i) =>
    person(rnd, `advisor.${i + 1}@bench.local`, it.id, ['it_advisor']),
  );
  users.push(...advisors);
  const teams = units.filter((u) => u.kind === 'team');
  const heroes: SeedUser[] = [];
  for (let i = 0; users.length < total; i++) {
    const h = person(rnd, `hero.${i + 1}@bench.local`, teams.length ? teams[i % teams.length].id : root.id, []);
    heroes.push(h);
    users.push(h);
  }
  return { users, heroes, advisors, admin, cio, rootManager, managerOf };
}

export async function seedWorld(
  client: Client,
  ins: BulkInserter,
  rnd: Random,
  sizes: { units: number; users: number },
  passwordHash: string,
): Promise<World> {
  const units = buildUnits(rnd, sizes.units);
  const people = buildUsers(rnd, units, sizes.users);
  const created = '2023-01-02T08:00:00.000Z';
  for (const u of units) {
    await ins.add('org_unit', {
      id: u.id,
      name: u.name,
      kind: u.kind,
      parent_id: u.parentId,
      path: u.path,
      depth: u.depth,
      created_at: created,
    });
  }
  for (const u of people.users) {
    await ins.add('app_user', {
      id: u.id,
      email: u.email,
      display_name: u.displayName,
      org_unit_id: u.unitId,
      roles: u.roles,
      approval_limit_amount: u.limitMinor,
      approval_limit_currency: u.limitMinor === null ? null : 'EUR',
      status: 'active',
      password_hash: passwordHash,
      created_at: created,
    });
  }
  const [{ id: compactVersionId }] = (
    await client.query<{ id: string }>(`SELECT id FROM compact_version WHERE status = 'published' ORDER BY number DESC LIMIT 1`)
  ).rows;
  const [{ id: frameworkVersionId }] = (
    await client.query<{ id: string }>(`SELECT id FROM risk_framework_version WHERE status = 'published' ORDER BY number DESC LIMIT 1`)
  ).rows;
  for (const u of people.users) {
    for (const group of groupsForRoles(['hero', ...u.roles])) {
      await ins.add('compact_acknowledgement', {
        user_id: u.id,
        compact_version_id: compactVersionId,
        compact_group: group,
        acknowledged_at: created,
      });
    }
  }
  // An integration key (X-API-Key) for the API-key auth path: stored as the app stores it (sha256 of the whole key).
  const prefix = `hck_${randomBytes(6).toString('hex')}`;
  const apiKey = `${prefix}_${randomBytes(32).toString('base64url')}`;
  await ins.add('api_key', {
    name: 'bench integration',
    prefix,
    secret_hash: createHash('sha256').update(apiKey).digest('hex'),
    scopes: ['projects:read', 'projects:write'],
    owner_id: people.admin.id,
    org_unit_id: null,
    expires_at: '2099-01-01T00:00:00Z',
  });
  await ins.finish();
  return { units, unitById: new Map(units.map((u) => [u.id, u])), ...people, compactVersionId, frameworkVersionId, apiKey };
}
