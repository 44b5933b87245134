import type { Fixtures } from './fixtures';
import { rotate } from './fixtures';

/** The hot paths of issue 11, each run against the app and the baseline with the same requests. */
export interface Scenario {
  name: string;
  kind: 'read' | 'write';
  /** Shown in the table: method and path template. */
  route: string;
  method: 'GET' | 'POST';
  /** Compare responses value by value (reads) or only by shape (writes create new ids). */
  exact: boolean;
  /** Not compared at all (the framework floor: the two health answers differ by design). */
  skipJsonCheck?: boolean;
  headers: Record<string, string>;
  /** A request generator per server (0 = app, 1 = baseline): writes that consume rows get disjoint pools. */
  requests: (server: 0 | 1) => () => { path: string; body?: string };
  /** Requests available per server (bounded paths), or undefined. */
  budget?: (server: 0 | 1) => number;
}

const json = { 'content-type': 'application/json' };

export function scenarios(f: Fixtures): Scenario[] {
  const hero = { authorization: `Bearer ${f.heroToken}` };
  const decisionCursor = [0, 0];
  const createBody = JSON.stringify({
    title: 'Bench: delivery-status chatbot on the mobile app',
    summary: 'Customers ask where their parcel is; a chatbot answers from the tracking data.',
    customerTask: 'Track an order',
    technologies: ['mobile', 'ai'],
    budget: { amount: 2_500_000, currency: 'EUR' },
    vendors: [{ name: 'Acme Chat', service: 'Hosted chatbot', dataShared: 'Order number' }],
    kpis: [{ name: 'Calls about delivery status', unit: 'calls/week', baseline: 1200, target: 800, direction: 'decrease' }],
  });
  return [
    {
      // What a route costs before any work: the app's liveness probe (no auth, no database, not logged).
      name: 'floor',
      kind: 'read',
      route: 'GET /health/live (framework floor)',
      method: 'GET',
      exact: false,
      skipJsonCheck: true,
      headers: {},
      requests: () => () => ({ path: '/health/live' }),
    },
    {
      name: 'get',
      kind: 'read',
      route: 'GET /projects/{id}',
      method: 'GET',
      exact: true,
      headers: hero,
      requests: () => {
        const next = rotate(f.visibleIds);
        return () => ({ path: `/api/v1/projects/${next()}` });
      },
    },
    {
      name: 'list',
      kind: 'read',
      route: 'GET /projects?filters&cursor',
      method: 'GET',
      exact: true,
      headers: hero,
      requests: () => {
        const next = rotate(f.listQueries);
        return () => ({ path: `/api/v1/projects?${next()}` });
      },
    },
    {
      name: 'search',
      kind: 'read',
      route: 'GET /projects?q=',
      method: 'GET',
      exact: true,
      headers: hero,
      requests: () => {
        const next = rotate(f.searchQueries);
        return () => ({ path: `/api/v1/projects?${next()}` });
      },
    },
    {
      name: 'create',
      kind: 'write',
      route: 'POST /projects',
      method: 'POST',
      exact: false,
      headers: { authorization: `Bearer ${f.writerToken}`, ...json },
      requests: () => () => ({ path: '/api/v1/projects', body: createBody }),
    },
    {
      name: 'decide',
      kind: 'write',
      route: 'POST /projects/{id}/decision',
      method: 'POST',
      exact: false,
      headers: { authorization: `Bearer ${f.managerToken}`, ...json },
      requests: (server) => () => {
        const pool = f.decisionPools[server];
        const id = pool[decisionCursor[server]++ % pool.length];
        return {
          path: `/api/v1/projects/${id}/decision`,
          body: JSON.stringify({ outcome: 'approve', rationale: 'Low risk, clear customer value.' }),
        };
      },
      budget: (server) => f.decisionPools[server].length - decisionCursor[server],
    },
    {
      name: 'login',
      kind: 'write',
      route: 'POST /auth/login',
      method: 'POST',
      exact: false,
      headers: json,
      requests: () => {
        const next = rotate(f.loginEmails);
        return () => ({ path: '/api/v1/auth/login', body: JSON.stringify({ email: next(), password: f.password }) });
      },
    },
  ];
}
