import type { Actors, AccountName } from './actors';
import type { TestApp } from './test-app';

/** A complete project body: everything submit requires. */
export function completeProject(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Delivery-status chatbot',
    summary: 'A chatbot on the website that tells customers where their parcel is.',
    customerProblem: 'Customers call us to ask where their delivery is.',
    customerTask: 'Know when my parcel arrives',
    targetCustomers: 'Online shoppers',
    solution: 'A hosted chatbot reading the carrier tracking feed.',
    technologies: ['web', 'ai'],
    dataCategories: ['personal'],
    vendors: [{ name: 'Acme Chat', service: 'Hosted chatbot', dataShared: 'Order number' }],
    budget: { amount: 1_200_000, currency: 'EUR' },
    targetLaunchDate: '2027-03-01',
    kpis: [{ name: 'Calls about delivery', unit: 'calls/week', baseline: 1200, target: 800, direction: 'decrease' }],
    effortValue: { customersReached: 4, taskImprovement: 3, strategicFit: 3, people: 1, weeks: 1, money: 1, integrationWork: 1 },
    ...overrides,
  };
}

export const NO_RISK_SCREENING = {
  personalOrSensitiveData: false,
  payments: false,
  speaksPublicly: false,
  connectedDevices: false,
  integratesCoreSystems: false,
  newExternalVendor: false,
  budgetAboveFastTrack: false,
};

export const RISKY_SCREENING = { ...NO_RISK_SCREENING, personalOrSensitiveData: true, newExternalVendor: true, budgetAboveFastTrack: true };

/** Drives projects through the real API. */
export class ProjectDriver {
  constructor(
    private readonly t: TestApp,
    private readonly actors: Actors,
  ) {}

  async acknowledge(who: AccountName): Promise<void> {
    const auth = await this.actors.auth(who);
    const current = await this.t.http.get('/api/v1/compact/current').set(auth).expect(200);
    await this.t.http.post('/api/v1/compact/acknowledgements').set(auth).send({ versionId: current.body.version.id });
  }

  async create(
    who: AccountName = 'hero',
    body: Record<string, unknown> = completeProject(),
  ): Promise<{ id: string; reference: string; version: number }> {
    const res = await this.t.http
      .post('/api/v1/projects')
      .set(await this.actors.auth(who))
      .send(body)
      .expect(201);
    return res.body as { id: string; reference: string; version: number };
  }

  async screen(id: string, who: AccountName = 'hero', answers: Record<string, boolean> = RISKY_SCREENING): Promise<void> {
    await this.t.http
      .put(`/api/v1/projects/${id}/self-screening`)
      .set(await this.actors.auth(who))
      .send(answers)
      .expect(200);
  }

  action(id: string, action: string, who: AccountName, body: Record<string, unknown> = {}) {
    return this.actors.auth(who).then((auth) => this.t.http.post(`/api/v1/projects/${id}/${action}`).set(auth).send(body));
  }

  /** A project in `submitted` (proposer acknowledged the compact). */
  async submitted(who: AccountName = 'hero'): Promise<string> {
    await this.acknowledge(who);
    const { id } = await this.create(who);
    await this.screen(id, who);
    await this.action(id, 'submit', who).then((r) => expectStatus(r, 200));
    return id;
  }

  /** A project in `in_review`, assigned to the demo advisor. */
  async inReview(who: AccountName = 'hero'): Promise<string> {
    const id = await this.submitted(who);
    await this.action(id, 'assign', 'advisor').then((r) => expectStatus(r, 200));
    return id;
  }
}

export function expectStatus(res: { status: number; body: unknown }, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
}
