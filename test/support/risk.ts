import type { Actors, AccountName } from './actors';
import type { TestApp } from './test-app';

export const DIMENSIONS = ['security', 'privacy', 'compliance', 'brand', 'operations', 'vendor', 'financial', 'integration'];

/** Every v1 dimension rated low (1 × 2), so the assessment can be submitted with a recommendation. */
export function lowRatings(): Record<string, unknown>[] {
  return DIMENSIONS.map((dimension) => ({ dimension, likelihood: 1, impact: 2 }));
}

export type Who = AccountName | { Authorization: string } | { 'X-API-Key': string };

/** Drives assessments through the real API. */
export class AssessmentDriver {
  constructor(
    private readonly t: TestApp,
    private readonly actors: Actors,
  ) {}

  private headers(who: Who): Promise<Record<string, string>> {
    return typeof who === 'string' ? this.actors.auth(who) : Promise.resolve(who as Record<string, string>);
  }

  async start(projectId: string, who: Who = 'advisor', body: Record<string, unknown> = {}) {
    return this.t.http
      .post(`/api/v1/projects/${projectId}/assessments`)
      .set(await this.headers(who))
      .send(body);
  }

  async get(id: string, who: Who = 'advisor') {
    return this.t.http.get(`/api/v1/assessments/${id}`).set(await this.headers(who));
  }

  /** PATCH with the current ETag (read as the CIO, who sees every draft). */
  async patch(id: string, body: Record<string, unknown>, who: Who = 'advisor') {
    const current = await this.get(id, 'cio');
    return this.t.http
      .patch(`/api/v1/assessments/${id}`)
      .set(await this.headers(who))
      .set('If-Match', current.headers.etag ?? '"0"')
      .send(body);
  }

  async submit(id: string, who: Who = 'advisor') {
    return this.t.http
      .post(`/api/v1/assessments/${id}/submit`)
      .set(await this.headers(who))
      .send({});
  }

  /** A draft with every dimension rated low and a recommendation: ready to submit. */
  async ready(projectId: string, who: Who = 'advisor', extra: Record<string, unknown> = {}): Promise<string> {
    const started = await this.start(projectId, who);
    if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.body)}`);
    const id = started.body.id as string;
    const patched = await this.patch(id, { ratings: lowRatings(), recommendation: 'proceed', ...extra }, who);
    if (patched.status !== 200) throw new Error(`patch: ${patched.status} ${JSON.stringify(patched.body)}`);
    return id;
  }
}
