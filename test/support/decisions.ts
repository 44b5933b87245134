import type { Actors, AccountName } from './actors';
import { completeProject, expectStatus, ProjectDriver, RISKY_SCREENING } from './projects';
import { AssessmentDriver, DIMENSIONS } from './risk';
import type { TestApp } from './test-app';

export type Level = 'low' | 'medium' | 'high' | 'critical';

/** Every dimension low (1×2), with one dimension raised to `level` (residual = inherent). */
export function ratingsAt(level: Level): Record<string, unknown>[] {
  const raised: Record<Level, [number, number]> = { low: [1, 2], medium: [2, 3], high: [3, 4], critical: [5, 4] };
  return DIMENSIONS.map((dimension, i) => {
    const [likelihood, impact] = i === 0 ? raised[level] : [1, 2];
    return { dimension, likelihood, impact, ...(i === 0 && level !== 'low' ? { rationale: 'Customer data leaves the company.' } : {}) };
  });
}

export interface ProjectSetup {
  proposer?: AccountName;
  body?: Record<string, unknown>;
  level?: Level;
  recommendation?: 'proceed' | 'proceed_with_conditions' | 'do_not_proceed';
  proposedConditions?: Record<string, unknown>[];
  /** Who is assigned (default the demo advisor, who assigns themself; anyone else is assigned by the CIO). */
  assignee?: Person;
  /** Who writes and submits the assessment (default: the assignee; the CIO may stand in). */
  assessor?: Person;
}

/** A demo account name (AccountName), or an extra person registered with `DecisionDriver.register`. */
export type Person = string;

/** Drives projects up to and through the decision step, through the real API. */
export class DecisionDriver {
  readonly projects: ProjectDriver;
  readonly assessments: AssessmentDriver;
  private readonly extra = new Map<string, { headers: { Authorization: string }; id: string }>();

  constructor(
    private readonly t: TestApp,
    private readonly actors: Actors,
  ) {
    this.projects = new ProjectDriver(t, actors);
    this.assessments = new AssessmentDriver(t, actors);
  }

  /** Makes an extra (non-demo) person usable wherever the driver takes a name. */
  register(name: string, headers: { Authorization: string }, id: string): void {
    this.extra.set(name, { headers, id });
  }

  async headers(who: Person | Record<string, string>): Promise<Record<string, string>> {
    if (typeof who !== 'string') return who;
    return this.extra.get(who)?.headers ?? this.actors.auth(who as AccountName);
  }

  async userId(who: Person): Promise<string> {
    return this.extra.get(who)?.id ?? this.actors.userId(who as AccountName);
  }

  /** create → self-screening → submit → assign → assessment → submit: a project awaiting a decision. */
  async awaitingDecision(setup: ProjectSetup = {}): Promise<string> {
    const proposer = setup.proposer ?? 'hero';
    await this.projects.acknowledge(proposer);
    const { id } = await this.projects.create(proposer, completeProject(setup.body ?? {}));
    await this.projects.screen(id, proposer, RISKY_SCREENING);
    expectStatus(await this.projects.action(id, 'submit', proposer), 200);
    const assignee = setup.assignee ?? setup.assessor ?? 'advisor';
    const assign =
      assignee === 'advisor'
        ? this.projects.action(id, 'assign', 'advisor')
        : this.post(id, 'assign', 'cio', { advisorId: await this.userId(assignee) });
    expectStatus(await assign, 200);
    await this.assess(id, setup);
    return id;
  }

  /** A new assessment revision, submitted (the project moves to awaiting_decision). */
  async assess(id: string, setup: ProjectSetup = {}): Promise<void> {
    const assessor = (await this.headers(setup.assessor ?? setup.assignee ?? 'advisor')) as { Authorization: string };
    const started = await this.assessments.start(id, assessor);
    expectStatus(started, 201);
    const patch = {
      ratings: ratingsAt(setup.level ?? 'low'),
      recommendation: setup.recommendation ?? 'proceed',
      ...(setup.proposedConditions ? { proposedConditions: setup.proposedConditions } : {}),
    };
    // Read the ETag as the assessor: the CIO cannot see drafts of a project they propose or work on.
    const current = await this.assessments.get(started.body.id, assessor);
    const patched = await this.t.http
      .patch(`/api/v1/assessments/${started.body.id}`)
      .set(assessor)
      .set('If-Match', current.headers.etag ?? '"0"')
      .send(patch);
    expectStatus(patched, 200);
    expectStatus(await this.assessments.submit(started.body.id, assessor), 200);
  }

  decide(id: string, who: Person | Record<string, string>, body: Record<string, unknown>) {
    return this.post(id, 'decision', who, body);
  }

  cosign(
    id: string,
    who: AccountName | Record<string, string>,
    body: Record<string, unknown> = { outcome: 'cosign', rationale: 'Mitigations are credible.' },
  ) {
    return this.post(id, 'cosign', who, body);
  }

  async post(id: string, action: string, who: Person | Record<string, string>, body: Record<string, unknown> = {}) {
    const headers = await this.headers(who);
    return this.t.http.post(`/api/v1/projects/${id}/${action}`).set(headers).send(body);
  }

  // The project body is asserted field by field with toMatchObject; a full type would add nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async get(id: string, who: AccountName = 'cio'): Promise<Record<string, any>> {
    const res = await this.t.http.get(`/api/v1/projects/${id}`).set(await this.actors.auth(who));
    expectStatus(res, 200);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return res.body as Record<string, any>;
  }

  /** An approved project (low risk, approved by the marketing manager). */
  async approved(
    setup: ProjectSetup = {},
    decision: Record<string, unknown> = { outcome: 'approve', rationale: 'Worth it.' },
  ): Promise<string> {
    const id = await this.awaitingDecision(setup);
    expectStatus(await this.decide(id, 'marketingManager', decision), 200);
    return id;
  }
}
