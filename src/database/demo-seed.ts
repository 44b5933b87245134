import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../identity/auth/roles';
import { PasswordHasher } from '../identity/auth/password-hasher';
import { OrgUnit, OrgUnitKind } from '../identity/entities/org-unit.entity';
import { User } from '../identity/entities/user.entity';

/** API.md "Demo data": published password for every demo account (refused in production by config). */
export const DEMO_PASSWORD = 'hero-compact-demo';

export const DEMO_ACCOUNTS: { email: string; displayName: string; unit: string; roles: Role[]; limitEur?: number }[] = [
  { email: 'admin@demo.local', displayName: 'Alex Admin', unit: 'IT', roles: ['admin'] },
  { email: 'cio@demo.local', displayName: 'Camille CIO', unit: 'IT', roles: ['cio'] },
  { email: 'advisor@demo.local', displayName: 'Ari Advisor', unit: 'IT', roles: ['it_advisor'] },
  { email: 'manager@demo.local', displayName: 'Morgan Manager', unit: 'Demo Corp', roles: ['manager'], limitEur: 500_000 },
  {
    email: 'marketing.manager@demo.local',
    displayName: 'Maxime Marketing-Manager',
    unit: 'Marketing',
    roles: ['manager'],
    limitEur: 50_000,
  },
  { email: 'hero@demo.local', displayName: 'Hana Hero', unit: 'Marketing', roles: ['hero'] },
  { email: 'sales.hero@demo.local', displayName: 'Sam Sales-Hero', unit: 'Sales', roles: ['hero'] },
];

const DEMO_TREE: { name: string; kind: OrgUnitKind; parent?: string }[] = [
  { name: 'Demo Corp', kind: 'company' },
  { name: 'Marketing', kind: 'division', parent: 'Demo Corp' },
  { name: 'Digital Marketing', kind: 'department', parent: 'Marketing' },
  { name: 'Sales', kind: 'division', parent: 'Demo Corp' },
  { name: 'Customer Service', kind: 'division', parent: 'Demo Corp' },
  { name: 'IT', kind: 'division', parent: 'Demo Corp' },
];

/**
 * Seeds the demo organisation once: each section checks whether its data is already there, so a
 * restart keeps (and never duplicates) what users changed.
 */
export async function seedDemoData(dataSource: DataSource, hasher: PasswordHasher): Promise<boolean> {
  const logger = new Logger('DemoSeed');
  const exists = await dataSource.getRepository(User).createQueryBuilder('u').where("lower(u.email) = 'admin@demo.local'").getExists();
  if (exists) return false;
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hasher.hash(DEMO_PASSWORD)));
  await dataSource.transaction(async (em) => {
    const units = await seedOrgTree(em);
    const repo = em.getRepository(User);
    await repo.save(
      DEMO_ACCOUNTS.map((a, i) =>
        repo.create({
          email: a.email,
          displayName: a.displayName,
          orgUnitId: units.get(a.unit)!.id,
          roles: a.roles.filter((r) => r !== 'hero'),
          approvalLimitAmount: a.limitEur !== undefined ? String(a.limitEur * 100) : null,
          approvalLimitCurrency: a.limitEur !== undefined ? 'EUR' : null,
          passwordHash: hashes[i] ?? null,
        }),
      ),
    );
  });
  logger.log(`Seeded the demo organisation and ${DEMO_ACCOUNTS.length} accounts`);
  return true;
}

async function seedOrgTree(em: EntityManager): Promise<Map<string, OrgUnit>> {
  const units = new Map<string, OrgUnit>();
  const repo = em.getRepository(OrgUnit);
  for (const node of DEMO_TREE) {
    const parent = node.parent ? units.get(node.parent) : undefined;
    const id = randomUUID();
    units.set(
      node.name,
      await repo.save(
        repo.create({
          id,
          name: node.name,
          kind: node.kind,
          parentId: parent?.id ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
          depth: parent ? parent.depth + 1 : 0,
        }),
      ),
    );
  }
  return units;
}
