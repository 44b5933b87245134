import { Actors, seedActors } from './support/actors';
import { completeProject, ProjectDriver } from './support/projects';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Reports on a small hand-made data set: projects are created through the API, then their state,
 * risk level and transition history are set in SQL so every expected figure can be worked out here.
 */
describe('reports', () => {
  let t: TestApp;
  let actors: Actors;
  const ids: Record<string, string> = {};
  const HOUR = 3_600_000;

  async function place(name: string, who: 'hero' | 'salesHero', state: string, risk: string | null, extra: Record<string, unknown> = {}) {
    const { id } = await new ProjectDriver(t, actors).create(who, completeProject({ title: `Report ${name}`, ...extra }));
    await t.dataSource.query('UPDATE project SET state = $2, risk_level = $3 WHERE id = $1', [id, state, risk]);
    ids[name] = id;
  }

  /** A transition out of `from` after `hours` in it, at a fixed date. */
  async function transition(name: string, action: string, from: string, to: string, hours: number, at = '2026-06-10T12:00:00Z') {
    const end = new Date(at);
    await t.dataSource.query(
      `INSERT INTO project_transition (project_id, action, from_state, to_state, from_entered_at, at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [ids[name], action, from, to, new Date(end.getTime() - hours * HOUR), end],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    actors = await seedActors(t);
    // Marketing (hero): A approved/high, B rejected/medium, C draft. Digital Marketing: D launched/low (video). Sales: E approved/critical.
    await place('A', 'hero', 'approved', 'high', { technologies: ['web', 'ai'] });
    await place('B', 'hero', 'rejected', 'medium', { technologies: ['web'] });
    await place('C', 'hero', 'draft', null, { technologies: ['social'] });
    await place('D', 'hero', 'launched', 'low', { technologies: ['video'], orgUnitId: await actors.unitId('Digital Marketing') });
    await place('E', 'salesHero', 'approved', 'critical', { technologies: ['mobile'] });
    // Waiting times: submitted 2h/4h/6h/8h (A,B,D,E), in_review 10h (A) and 30h (B).
    await transition('A', 'assign', 'submitted', 'in_review', 2);
    await transition('B', 'assign', 'submitted', 'in_review', 4);
    await transition('D', 'assign', 'submitted', 'in_review', 6);
    await transition('E', 'assign', 'submitted', 'in_review', 8);
    await transition('A', 'complete_assessment', 'in_review', 'awaiting_decision', 10);
    await transition('B', 'complete_assessment', 'in_review', 'awaiting_decision', 30);
    await transition('A', 'decide_approve', 'awaiting_decision', 'awaiting_cosign', 1);
    await transition('B', 'decide_request_changes', 'awaiting_decision', 'changes_requested', 1);
    await transition('B', 'decide_reject', 'awaiting_decision', 'rejected', 1, '2026-06-20T12:00:00Z');
    await transition('E', 'decide_approve', 'awaiting_decision', 'approved', 3);
    await transition('D', 'decide_approve', 'awaiting_decision', 'approved', 2, '2025-01-10T12:00:00Z');
  });
  afterAll(() => t.close());

  const count = (list: { key: string; count: number }[], key: string) => list.find((c) => c.key === key)?.count ?? 0;

  describe('portfolio', () => {
    it('counts what the CIO sees by state, risk level, unit, technology and fast track', async () => {
      const { body } = await t.http
        .get('/api/v1/reports/portfolio')
        .set(await actors.auth('cio'))
        .expect(200);
      expect(body.total).toBe(5);
      expect(count(body.byState, 'approved')).toBe(2);
      expect(count(body.byState, 'draft')).toBe(1);
      expect(count(body.byRiskLevel, 'unassessed')).toBe(1);
      expect(count(body.byRiskLevel, 'critical')).toBe(1);
      expect(count(body.byTechnology, 'web')).toBe(2);
      expect(count(body.byTechnology, 'video')).toBe(1);
      const units = Object.fromEntries(body.byOrgUnit.map((u: { name: string; count: number }) => [u.name, u.count]));
      expect(units).toEqual({ Marketing: 4, Sales: 1 }); // Digital Marketing rolls up into Marketing
    });

    it('counts colleagues’ supports and lists the most supported projects', async () => {
      for (const [name, who] of [
        ['A', 'salesHero'],
        ['A', 'cio'],
        ['E', 'hero'],
      ] as const) {
        await t.dataSource.query('INSERT INTO project_support (project_id, user_id) VALUES ($1, $2)', [
          ids[name],
          await actors.userId(who),
        ]);
      }
      const { body } = await t.http
        .get('/api/v1/reports/portfolio')
        .set(await actors.auth('cio'))
        .expect(200);
      expect(body.supports).toBe(3);
      expect(body.mostSupported.map((p: { projectId: string; supportCount: number }) => [p.projectId, p.supportCount])).toEqual([
        [ids.A, 2],
        [ids.E, 1],
      ]);
    });

    it('rolls up one level below the filter unit, and filters by technology', async () => {
      const auth = await actors.auth('cio');
      const marketing = await t.http
        .get('/api/v1/reports/portfolio')
        .query({ orgUnitId: await actors.unitId('Marketing') })
        .set(auth)
        .expect(200);
      expect(marketing.body.total).toBe(4);
      const units = Object.fromEntries(marketing.body.byOrgUnit.map((u: { name: string; count: number }) => [u.name, u.count]));
      expect(units).toEqual({ Marketing: 3, 'Digital Marketing': 1 });
      const web = await t.http.get('/api/v1/reports/portfolio').query({ technology: 'web' }).set(auth).expect(200);
      expect(web.body.total).toBe(2);
    });

    it('honours visibility: a manager their subtree, a hero their own projects', async () => {
      const manager = await t.http
        .get('/api/v1/reports/portfolio')
        .set(await actors.auth('marketingManager'))
        .expect(200);
      expect(manager.body.total).toBe(4);
      const sales = await t.http
        .get('/api/v1/reports/portfolio')
        .set(await actors.auth('salesHero'))
        .expect(200);
      expect(sales.body.total).toBe(1);
      expect(sales.body.byState).toEqual([{ key: 'approved', count: 1 }]);
      const admin = await t.http
        .get('/api/v1/reports/portfolio')
        .set(await actors.auth('admin'))
        .expect(200);
      expect(admin.body.total).toBe(5);
    });
  });

  describe('cycle times', () => {
    it('gives the median and p90 hours per stage, worked out by hand', async () => {
      const { body } = await t.http
        .get('/api/v1/reports/cycle-times')
        .set(await actors.auth('cio'))
        .expect(200);
      const stage = (s: string): unknown => body.stages.find((x: { stage: string }) => x.stage === s);
      // submitted: 2,4,6,8 → median 5, p90 = 6 + 0.7 × 2 = 7.4 (linear interpolation)
      expect(stage('submitted')).toMatchObject({ count: 4, medianHours: 5, p90Hours: 7.4 });
      // in_review: 10, 30 → median 20, p90 = 10 + 0.9 × 20 = 28
      expect(stage('in_review')).toMatchObject({ count: 2, medianHours: 20, p90Hours: 28 });
      const sales = body.byOrgUnit.find(
        (x: { stage: string; orgUnitName: string }) => x.stage === 'submitted' && x.orgUnitName === 'Sales',
      );
      expect(sales).toMatchObject({ count: 1, medianHours: 8 });
    });

    it('restricts to the date range', async () => {
      const { body } = await t.http
        .get('/api/v1/reports/cycle-times')
        .query({ from: '2026-06-15', to: '2026-07-01' })
        .set(await actors.auth('cio'))
        .expect(200);
      expect(body.stages).toEqual([expect.objectContaining({ stage: 'awaiting_decision', count: 1, medianHours: 1 })]);
    });
  });

  describe('decisions', () => {
    it('gives approval, rejection and change rates per unit', async () => {
      const { body } = await t.http
        .get('/api/v1/reports/decisions')
        .query({ from: '2026-01-01' })
        .set(await actors.auth('cio'))
        .expect(200);
      const overall = body.rows.find((r: { orgUnitId: string | null }) => r.orgUnitId === null);
      expect(overall).toMatchObject({
        decisions: 4,
        approved: 2,
        rejected: 1,
        changesRequested: 1,
        approvalRate: 0.5,
        rejectionRate: 0.25,
      });
      const marketing = body.rows.find((r: { orgUnitName: string }) => r.orgUnitName === 'Marketing');
      expect(marketing).toMatchObject({ decisions: 3, approved: 1, approvalRate: 0.333 });
    });
  });

  describe('risk heat map', () => {
    const LEVEL = (score: number) => (score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 16 ? 'high' : 'critical');
    /** An assessment revision with [dimension, likelihood, impact, residual likelihood, residual impact] ratings. */
    async function assess(name: string, revision: number, ratings: [string, number, number, number, number][], submitted = true) {
      const advisor = await actors.userId('advisor');
      const [{ id }] = await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO risk_assessment (project_id, revision, framework_version_id, created_by_id, assessor_id)
         VALUES ($1, $2, (SELECT id FROM risk_framework_version WHERE number = 1), $3, $3) RETURNING id`,
        [ids[name], revision, advisor],
      );
      for (const [dimension, l, i, rl, ri] of ratings) {
        await t.dataSource.query(
          `INSERT INTO risk_assessment_rating (assessment_id, dimension, likelihood, impact, residual_likelihood, residual_impact, rationale,
             inherent_score, inherent_level, residual_score, residual_level) VALUES ($1, $2, $3, $4, $5, $6, 'why', $7, $8, $9, $10)`,
          [id, dimension, l, i, rl, ri, l * i, LEVEL(l * i), rl * ri, LEVEL(rl * ri)],
        );
      }
      if (submitted) {
        await t.dataSource.query(
          `UPDATE risk_assessment SET status = 'submitted', submitted_at = '2026-06-05T00:00:00Z', recommendation = 'proceed', overall_level = 'medium' WHERE id = $1`,
          [id],
        );
      }
    }

    it('counts the latest submitted revision of each project, per dimension and overall, inherent and residual', async () => {
      await assess('A', 1, [
        ['privacy', 2, 3, 1, 3],
        ['security', 4, 4, 2, 4],
      ]);
      await assess('A', 2, [['privacy', 3, 3, 2, 2]]);
      await assess('B', 1, [['privacy', 3, 3, 1, 1]]);
      await assess('E', 1, [['vendor', 5, 5, 5, 5]], false); // a draft: not counted
      const { body } = await t.http
        .get('/api/v1/reports/risk-heatmap')
        .set(await actors.auth('cio'))
        .expect(200);
      expect(body.assessedProjects).toBe(2);
      type Cell = { dimension: string | null; kind: string; likelihood: number; impact: number; count: number };
      const cells = body.cells as Cell[];
      const cell = (dimension: string | null, kind: string, likelihood: number, impact: number): number =>
        cells.find((c) => c.dimension === dimension && c.kind === kind && c.likelihood === likelihood && c.impact === impact)?.count ?? 0;
      expect(cell('privacy', 'inherent', 3, 3)).toBe(2);
      expect(cell(null, 'inherent', 3, 3)).toBe(2);
      expect(cell('privacy', 'residual', 2, 2)).toBe(1);
      expect(cell('privacy', 'residual', 1, 1)).toBe(1);
      expect(body.cells.some((c: { dimension: string }) => c.dimension === 'security' || c.dimension === 'vendor')).toBe(false);
      const sales = await t.http
        .get('/api/v1/reports/risk-heatmap')
        .set(await actors.auth('salesHero'))
        .expect(200);
      expect(sales.body).toMatchObject({ assessedProjects: 0, cells: [] });
    });
  });

  describe('HERO index', () => {
    it('per unit: share who proposed, share who acknowledged the compact, approval rate, median time to decision', async () => {
      await new ProjectDriver(t, actors).acknowledge('hero');
      await transition('A', 'submit', 'draft', 'submitted', 1, '2026-06-10T00:00:00Z');
      await transition('B', 'submit', 'draft', 'submitted', 1, '2026-06-09T12:00:00Z');
      const { body } = await t.http
        .get('/api/v1/reports/hero-index')
        .query({ from: '2026-01-01' })
        .set(await actors.auth('cio'))
        .expect(200);
      const row = (name: string | null): unknown => body.rows.find((r: { orgUnitName: string | null }) => r.orgUnitName === name);
      // Marketing: Hana Hero (proposed, acknowledged) and the Marketing manager (neither).
      // Decisions on A (approve 12 h after submit), B (changes after 24 h, reject after 264 h) → median 24 h.
      expect(row('Marketing')).toMatchObject({
        employees: 2,
        proposedShare: 0.5,
        acknowledgedShare: 0.5,
        decisions: 3,
        approvalRate: 0.333,
        medianHoursToDecision: 24,
      });
      expect(row('Sales')).toMatchObject({ employees: 1, proposedShare: 1, acknowledgedShare: 0, decisions: 1, approvalRate: 1 });
      expect(row('IT')).toMatchObject({ employees: 3, proposedShare: 0, decisions: 0, medianHoursToDecision: null });
      expect(row(null)).toMatchObject({ employees: 7, proposedShare: 0.286, decisions: 4, approvalRate: 0.5 });
    });

    it('shows a hero only their own unit, a manager their subtree', async () => {
      const hero = await t.http
        .get('/api/v1/reports/hero-index')
        .set(await actors.auth('salesHero'))
        .expect(200);
      expect(hero.body.rows.map((r: { orgUnitName: string | null }) => r.orgUnitName)).toEqual([null, 'Sales']);
      const manager = await t.http
        .get('/api/v1/reports/hero-index')
        .set(await actors.auth('marketingManager'))
        .expect(200);
      expect(manager.body.rows.find((r: { orgUnitId: string | null }) => r.orgUnitId === null).employees).toBe(2);
    });
  });

  describe('follow-through: SLA, KPI outcomes, risk acceptances', () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

    it('SLA: breaches per stage and unit, and which are still waiting', async () => {
      await t.dataSource.query(`UPDATE project SET state = 'submitted', state_changed_at = '2026-06-01T00:00:00Z' WHERE id = $1`, [ids.C]);
      const breach = (name: string, stage: string, entered: string) =>
        t.dataSource.query(
          `INSERT INTO sla_breach (project_id, stage, state_entered_at, due_at, target_business_days, detected_at) VALUES ($1, $2, $3, $3, 2, '2026-06-10T00:00:00Z')`,
          [ids[name], stage, entered],
        );
      await breach('C', 'assignment', '2026-06-01T00:00:00Z'); // C still waits for an advisor
      await breach('B', 'assessment', '2026-05-01T00:00:00Z');
      await breach('E', 'decision', '2026-05-01T00:00:00Z');
      const { body } = await t.http
        .get('/api/v1/reports/sla')
        .set(await actors.auth('cio'))
        .expect(200);
      expect(body.total).toBe(3);
      expect(body.stages).toEqual([
        expect.objectContaining({ stage: 'assessment', breaches: 1, stillOpen: 0 }),
        expect.objectContaining({ stage: 'assignment', breaches: 1, stillOpen: 1 }),
        expect.objectContaining({ stage: 'decision', breaches: 1, stillOpen: 0 }),
      ]);
      expect(body.byOrgUnit.find((r: { orgUnitName: string }) => r.orgUnitName === 'Sales')).toMatchObject({
        stage: 'decision',
        breaches: 1,
      });
      const hero = await t.http
        .get('/api/v1/reports/sla')
        .set(await actors.auth('salesHero'))
        .expect(200);
      expect(hero.body.total).toBe(1);
    });

    it('KPI outcomes of launched projects: on track per technology, by the same rule as the project page', async () => {
      await t.dataSource.query(`UPDATE project SET state = 'launched', launched_at = '2026-05-01T00:00:00Z' WHERE id = ANY($1)`, [
        [ids.D, ids.E],
      ]);
      const measure = async (name: string, values: number[]) => {
        const [{ id: kpiId }] = await t.dataSource.query<{ id: string }[]>('SELECT id FROM project_kpi WHERE project_id = $1', [ids[name]]);
        for (const [i, value] of values.entries()) {
          await t.dataSource.query(
            `INSERT INTO kpi_measurement (project_id, kpi_id, measured_on, value, recorded_by_type, recorded_by_id, recorded_by_name) VALUES ($1, $2, $3, $4, 'user', $5, 'test')`,
            [ids[name], kpiId, `2026-06-0${i + 1}`, value, await actors.userId('hero')],
          );
        }
        return (
          await t.http
            .get(`/api/v1/projects/${ids[name]}/kpis`)
            .set(await actors.auth('cio'))
            .expect(200)
        ).body as unknown;
      };
      // Calls about delivery: baseline 1200, target 800, decrease. D improves (1000 → 900), E got worse (1300).
      const d = await measure('D', [1000, 900]);
      const e = await measure('E', [1300]);
      expect(JSON.stringify(d)).toContain('on_track');
      expect(JSON.stringify(e)).toContain('off_track');
      const { body } = await t.http
        .get('/api/v1/reports/kpis')
        .set(await actors.auth('cio'))
        .expect(200);
      const row = (tech: string | null): unknown => body.rows.find((r: { technology: string | null }) => r.technology === tech);
      expect(row(null)).toMatchObject({
        projects: 2,
        projectsOnTrack: 1,
        kpis: 2,
        kpisOnTrack: 1,
        kpisOffTrack: 1,
        kpisNoData: 0,
        onTrackShare: 0.5,
      });
      expect(row('video')).toMatchObject({ projects: 1, projectsOnTrack: 1, onTrackShare: 1 });
      expect(row('mobile')).toMatchObject({ projects: 1, projectsOnTrack: 0, onTrackShare: 0 });
    });

    it('risk acceptances: in force by level, expired, and the ones expiring soon', async () => {
      const accept = async (name: string, level: string, expiresOn: string) => {
        const [{ id }] = await t.dataSource.query<{ id: string }[]>(
          `INSERT INTO decision (project_id, assessment_id, assessment_revision, assessor_id, recommendation, risk_level, decider_id, outcome, rationale, status, snapshot, cosign_required)
           VALUES ($1, gen_random_uuid(), 1, $2, 'do_not_proceed', $3, $4, 'approve', 'We accept it', 'effective', '{}', false) RETURNING id`,
          [ids[name], await actors.userId('advisor'), level, await actors.userId('manager')],
        );
        await t.dataSource.query(
          `INSERT INTO risk_acceptance (project_id, decision_id, accepted_by_id, statement, accepted_level, expires_on) VALUES ($1, $2, $3, $4, $5, $6)`,
          [ids[name], id, await actors.userId('manager'), `Accepting ${name}`, level, expiresOn],
        );
      };
      await accept('A', 'high', day(10));
      await accept('B', 'medium', day(-1));
      await accept('E', 'critical', day(200));
      const { body } = await t.http
        .get('/api/v1/reports/risk-acceptances')
        .set(await actors.auth('cio'))
        .expect(200);
      expect(body).toMatchObject({ inForce: 2, expired: 1, expiringSoon: 1, expiringWithinDays: 30 });
      expect(body.inForceByLevel).toEqual(
        expect.arrayContaining([
          { key: 'high', count: 1 },
          { key: 'critical', count: 1 },
        ]),
      );
      expect(body.expiring).toEqual([
        expect.objectContaining({ projectId: ids.A, acceptedLevel: 'high', expiresOn: day(10), statement: 'Accepting A' }),
      ]);
      const wide = await t.http
        .get('/api/v1/reports/risk-acceptances')
        .query({ expiringWithinDays: 365 })
        .set(await actors.auth('cio'))
        .expect(200);
      expect(wide.body.expiring.map((a: { projectId: string }) => a.projectId)).toEqual([ids.A, ids.E]);
      const sales = await t.http
        .get('/api/v1/reports/risk-acceptances')
        .set(await actors.auth('salesHero'))
        .expect(200);
      expect(sales.body).toMatchObject({ inForce: 1, expired: 0, expiringSoon: 0 });
      await t.http
        .get('/api/v1/reports/risk-acceptances')
        .query({ expiringWithinDays: 0 })
        .set(await actors.auth('cio'))
        .expect(400);
    });
  });

  describe('CSV export', () => {
    it('exports a report as CSV with a header row', async () => {
      const res = await t.http
        .get('/api/v1/reports/portfolio')
        .set(await actors.auth('cio'))
        .set('Accept', 'text/csv')
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="portfolio.csv"/);
      const lines = res.text.trim().split('\r\n');
      expect(lines[0]).toBe('dimension,key,label,count');
      expect(lines).toContain('total,,,5');
    });

    it('exports the whole filtered project list (every page), formula-injection safe', async () => {
      await new ProjectDriver(t, actors).create('hero', completeProject({ title: '=HYPERLINK("http://evil.example","click")' }));
      const res = await t.http
        .get('/api/v1/projects')
        .query({ limit: 1, mine: 'true' })
        .set(await actors.auth('hero'))
        .set('Accept', 'text/csv')
        .expect(200);
      const lines = res.text.trim().split('\r\n');
      expect(lines[0].split(',')[0]).toBe('reference');
      expect(lines).toHaveLength(1 + 5); // header + A, B, C, D and the new one, despite limit=1
      expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(res.text).not.toMatch(/(^|,)=HYPERLINK/m);
    });
  });

  describe('access and input', () => {
    it('needs authentication, and API keys need reports:read', async () => {
      await t.http.get('/api/v1/reports/portfolio').expect(401);
      const reader = await actors.apiKey(['reports:read']);
      const other = await actors.apiKey(['projects:read']);
      const res = await t.http.get('/api/v1/reports/portfolio').set('X-API-Key', reader.key).expect(200);
      expect(res.body.total).toBe(6);
      await t.http.get('/api/v1/reports/portfolio').set('X-API-Key', other.key).expect(403);
    });

    it.each([
      ['from', 'last week'],
      ['orgUnitId', 'nope'],
      ['technology', 'blockchain'],
      ['orgUnitId', '00000000-0000-4000-8000-000000000000'],
    ])('rejects %s=%s with problem+json naming the field', async (field, value) => {
      const res = await t.http
        .get('/api/v1/reports/cycle-times')
        .query({ [field]: value })
        .set(await actors.auth('cio'))
        .expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });
});
