import { PasswordHasher } from '../../src/identity/auth/password-hasher';
import type { ApiScope } from '../../src/identity/auth/roles';
import { DEMO_PASSWORD, seedDemoData } from '../../src/database/demo-seed';
import type { TestApp } from './test-app';

/** The demo accounts of API.md, by short name. */
export const ACCOUNTS = {
  admin: 'admin@demo.local',
  cio: 'cio@demo.local',
  advisor: 'advisor@demo.local',
  manager: 'manager@demo.local',
  marketingManager: 'marketing.manager@demo.local',
  hero: 'hero@demo.local',
  salesHero: 'sales.hero@demo.local',
} as const;
export type AccountName = keyof typeof ACCOUNTS;

export interface Actors {
  /** Access token of a demo account (logged in once per test file). */
  token(name: AccountName): Promise<string>;
  /** Authorization header for a demo account. */
  auth(name: AccountName): Promise<{ Authorization: string }>;
  userId(name: AccountName): Promise<string>;
  unitId(name: string): Promise<string>;
  /** Creates an API key through the admin API and returns the secret. */
  apiKey(scopes: ApiScope[], extra?: Record<string, unknown>): Promise<{ key: string; id: string }>;
}

/** Seeds the demo org through the same code as `npm start`, and signs in through the real API. */
export async function seedActors(t: TestApp): Promise<Actors> {
  await seedDemoData(t.dataSource, t.app.get(PasswordHasher));
  const tokens = new Map<string, Promise<string>>();
  const token = (name: AccountName): Promise<string> => {
    let p = tokens.get(name);
    if (!p) {
      p = t.http
        .post('/api/v1/auth/login')
        .send({ email: ACCOUNTS[name], password: DEMO_PASSWORD })
        .expect(200)
        .then((r) => r.body.accessToken as string);
      tokens.set(name, p);
    }
    return p;
  };
  return {
    token,
    auth: async (name) => ({ Authorization: `Bearer ${await token(name)}` }),
    userId: async (name) => {
      const rows: { id: string }[] = await t.dataSource.query('SELECT id FROM app_user WHERE email = $1', [ACCOUNTS[name]]);
      return rows[0].id;
    },
    unitId: async (name) => {
      const rows: { id: string }[] = await t.dataSource.query('SELECT id FROM org_unit WHERE name = $1', [name]);
      return rows[0].id;
    },
    apiKey: async (scopes, extra = {}) => {
      const res = await t.http
        .post('/api/v1/api-keys')
        .set({ Authorization: `Bearer ${await token('admin')}` })
        .send({ name: `key ${scopes.join(' ')}`, scopes, ...extra })
        .expect(201);
      return { key: res.body.key as string, id: res.body.id as string };
    },
  };
}
