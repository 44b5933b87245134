import type { Pool, PoolClient } from 'pg';
import { changedFields, eventHash, GENESIS_HASH, type ChainedEventContent } from '../../src/audit/audit-chain';
import { decisionInputProblems } from '../../src/decisions/decision-input';
import { isApproval, needsCosign, type DecisionOutcome } from '../../src/decisions/separation-of-duties';
import { lifecycleEventData, lifecycleEventType, type ProjectRef } from '../../src/notifications/domain-events';
import { audienceOf } from '../../src/notifications/notification-audience';
import { notificationMessage, renderNotificationMessage } from '../../src/notifications/notification-message';
import { decisionAction, transition, type ProjectState } from '../../src/projects/project-lifecycle';
import type { RiskLevel } from '../../src/risk/risk-scoring';
import type { Principal } from './auth';
import { badRequest, HttpProblem } from './http-kit';
import type { ProjectChildren, ProjectRow } from './project-json';
import { detail, loadVisible, relationsOf } from './projects';

/** The write paths with the same rows as the app: project + children + audit, and the decision transaction. */
const CHAIN_LOCK_KEY = 7_204_918_331;
const NO_USER = '00000000-0000-0000-0000-000000000000';

type Audit = Omit<ChainedEventContent, 'occurredAt' | 'actorType' | 'actorId' | 'actorName' | 'requestId'>;

export async function inTransaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const result = await fn(c);
    await c.query('COMMIT');
    return result;
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    c.release();
  }
}

/** AuditService.record: serialized by the advisory lock, hashed onto the last event. */
async function record(c: PoolClient, principal: Principal, events: Audit[]): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
  const last = await c.query<{ hash: string }>('SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  let prev = last.rows[0]?.hash ?? GENESIS_HASH;
  const values: unknown[] = [];
  const tuples = events.map((e) => {
    const content: ChainedEventContent = {
      ...{ occurredAt: new Date().toISOString(), actorType: principal.type, actorId: principal.id, actorName: principal.displayName },
      ...e,
      requestId: null,
    };
    const hash = eventHash(prev, content);
    const row = [
      content.occurredAt,
      content.actorType,
      content.actorId,
      content.actorName,
      e.action,
      e.entityType,
      e.entityId,
      e.projectId,
    ];
    values.push(
      ...row,
      e.before === null ? null : JSON.stringify(e.before),
      e.after === null ? null : JSON.stringify(e.after),
      null,
      prev,
      hash,
    );
    prev = hash;
    const base = values.length - 13;
    return `(${Array.from({ length: 13 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  await c.query(
    `INSERT INTO audit_event (occurred_at, actor_type, actor_id, actor_name, action, entity_type, entity_id, project_id, before, after, request_id, prev_hash, hash)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}

function auditView(p: ProjectRow, c: ProjectChildren): Record<string, unknown> {
  return {
    ...{ title: p.title, summary: p.summary, customerProblem: p.customer_problem, customerTask: p.customer_task },
    ...{ targetCustomers: p.target_customers, solution: p.solution, technologies: p.technologies, dataCategories: p.data_categories },
    budget:
      p.budget_amount === null || p.budget_currency === null
        ? null
        : { amount: Number(p.budget_amount), currency: p.budget_currency.trim() },
    ...{ targetLaunchDate: p.target_launch_date, tags: p.tags, orgUnitId: p.org_unit_id, state: p.state, riskLevel: p.risk_level },
    ...{ fastTrack: p.fast_track, assignedAdvisorId: p.assigned_advisor_id, selfScreening: p.self_screening, effortValue: p.effort_value },
    ...{
      launchedAt: p.launched_at?.toISOString() ?? null,
      retiredAt: p.retired_at?.toISOString() ?? null,
      retirementReason: p.retirement_reason,
    },
    vendors: c.vendors.map((v) => ({ name: v.name, service: v.service, dataShared: v.data_shared })),
    kpis: c.kpis.map((k) => ({
      name: k.name,
      unit: k.unit,
      baseline: Number(k.baseline),
      target: Number(k.target),
      direction: k.direction,
    })),
    team: [...c.team].sort(),
  };
}

interface CreateBody {
  title: string;
  summary?: string;
  customerTask?: string;
  technologies?: string[];
  budget?: { amount: number; currency: string };
  vendors?: { name: string; service: string; dataShared?: string }[];
  kpis?: { name: string; unit: string; baseline: number; target: number; direction: string }[];
}

function validateCreate(b: Record<string, unknown>): CreateBody {
  if (typeof b.title !== 'string' || b.title.length < 1 || b.title.length > 200)
    throw badRequest('title', 'title must be 1–200 characters');
  for (const key of Object.keys(b)) {
    if (!['title', 'summary', 'customerTask', 'technologies', 'budget', 'vendors', 'kpis'].includes(key))
      throw badRequest(key, `property ${key} should not exist`);
  }
  return b as unknown as CreateBody;
}

/** POST /projects: reference, project, children and audit event in one transaction, then the detail. */
export async function createProject(pool: Pool, principal: Principal, raw: Record<string, unknown>) {
  const b = validateCreate(raw);
  return inTransaction(pool, async (c) => {
    const year = new Date().getUTCFullYear();
    const ref = await c.query<{ last_number: number }>(
      `INSERT INTO project_reference_counter (year, last_number) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = project_reference_counter.last_number + 1 RETURNING last_number`,
      [year],
    );
    const reference = `HC-${year}-${String(ref.rows[0].last_number).padStart(4, '0')}`;
    const { rows } = await c.query<ProjectRow>(
      `INSERT INTO project (reference, title, summary, customer_task, technologies, budget_amount, budget_currency, proposer_id, org_unit_id, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft') RETURNING *`,
      [
        reference,
        b.title,
        b.summary ?? '',
        b.customerTask ?? '',
        b.technologies ?? [],
        b.budget?.amount ?? null,
        b.budget?.currency ?? null,
        principal.userId,
        principal.orgUnitId,
      ],
    );
    const p = rows[0];
    const vendors = b.vendors?.length
      ? (
          await c.query<ProjectChildren['vendors'][number]>(
            `INSERT INTO project_vendor (project_id, position, name, service, data_shared)
             SELECT $1, ord - 1, v->>'name', v->>'service', coalesce(v->>'dataShared', '') FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(v, ord)
             RETURNING id, name, service, data_shared`,
            [p.id, JSON.stringify(b.vendors)],
          )
        ).rows
      : [];
    const kpis = b.kpis?.length
      ? (
          await c.query<ProjectChildren['kpis'][number]>(
            `INSERT INTO project_kpi (project_id, position, name, unit, baseline, target, direction)
             SELECT $1, ord - 1, k->>'name', k->>'unit', (k->>'baseline')::numeric, (k->>'target')::numeric, k->>'direction'
             FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(k, ord) RETURNING id, name, unit, baseline, target, direction`,
            [p.id, JSON.stringify(b.kpis)],
          )
        ).rows
      : [];
    const full = { ...p, vendors, kpis, team: [] };
    const after = changedFields(undefined, auditView(p, full)).after;
    await record(c, principal, [{ action: 'project.create', entityType: 'project', entityId: p.id, projectId: p.id, before: null, after }]);
    return detail(c, principal, full);
  });
}

interface AssessmentRow {
  id: string;
  revision: number;
  assessor_id: string;
  recommendation: 'proceed' | 'proceed_with_conditions' | 'do_not_proceed';
  overall_level: RiskLevel;
  framework_version_id: string;
  decided: boolean;
  acknowledged: boolean;
}

const OUTCOMES: DecisionOutcome[] = ['approve', 'approve_with_conditions', 'reject', 'request_changes'];

/** POST /projects/{id}/decision (no conditions, no risk acceptance): the lifecycle transaction of the app. */
export async function decide(pool: Pool, principal: Principal, id: string, body: Record<string, unknown>) {
  const outcome = body.outcome as DecisionOutcome;
  if (!OUTCOMES.includes(outcome))
    throw badRequest('outcome', 'outcome must be one of approve, approve_with_conditions, reject, request_changes');
  if (typeof body.rationale !== 'string' || !body.rationale.trim()) throw badRequest('rationale', 'rationale should not be empty');
  if (body.conditions !== undefined || body.riskAcceptance !== undefined) throw badRequest('conditions', 'not supported by the baseline');
  const rationale = body.rationale.trim();
  return inTransaction(pool, async (c) => {
    const p = await loadVisible(c, principal, id, true);
    const relations = await relationsOf(c, principal, p);
    const action = decisionAction(outcome);
    const a = await latestAssessment(c, principal, p.id);
    const from = p.state as ProjectState;
    const to = transition(from, action, relations, { overallRiskLevel: a.overall_level });
    const problems = decisionInputProblems({
      ...{
        outcome,
        requestedConditions: undefined,
        conditions: [],
        allowedOwnerIds: [p.proposer_id, ...p.team],
        riskAcceptance: undefined,
      },
      ...{ recommendation: a.recommendation, overallLevel: a.overall_level, today: new Date().toISOString().slice(0, 10) },
    });
    if (problems.length)
      throw new HttpProblem(
        400,
        'validation-failed',
        'Invalid request',
        'The decision is missing something its outcome requires.',
        problems,
      );
    const cosign = isApproval(outcome) && needsCosign(a.overall_level);
    await c.query('UPDATE decision SET superseded_at = now() WHERE project_id = $1 AND superseded_at IS NULL', [p.id]);
    const snapshot = {
      budget:
        p.budget_amount === null || p.budget_currency === null
          ? null
          : { amount: Number(p.budget_amount), currency: p.budget_currency.trim() },
      ...{ dataCategories: p.data_categories, technologies: p.technologies, riskLevel: a.overall_level, recommendation: a.recommendation },
      vendors: p.vendors.map((v) => ({ name: v.name, service: v.service, dataShared: v.data_shared })),
      ...{ assessmentId: a.id, assessmentRevision: a.revision, frameworkVersionId: a.framework_version_id },
    };
    const d = await c.query<{ id: string; status: string }>(
      `INSERT INTO decision (project_id, assessment_id, assessment_revision, assessor_id, recommendation, risk_level, decider_id, outcome, rationale, status, snapshot, cosign_required)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id, status`,
      [
        p.id,
        a.id,
        a.revision,
        a.assessor_id,
        a.recommendation,
        a.overall_level,
        principal.userId,
        outcome,
        rationale,
        cosign ? 'pending_cosign' : 'effective',
        snapshot,
        cosign,
      ],
    );
    const saved = (
      await c.query<ProjectRow>(
        `UPDATE project SET state = $2, state_changed_at = now(), updated_at = now(), version = version + 1 WHERE id = $1 RETURNING *`,
        [p.id, to],
      )
    ).rows[0];
    await c.query(
      `INSERT INTO project_transition (project_id, action, from_state, to_state, from_entered_at, at, actor_id) VALUES ($1, $2, $3, $4, $5, now(), $6)`,
      [p.id, action, from, to, p.state_changed_at ?? p.created_at, principal.userId],
    );
    const full = { ...saved, support_count: p.support_count, vendors: p.vendors, kpis: p.kpis, team: p.team };
    const diff = changedFields(auditView(p, p), auditView(saved, full));
    await record(c, principal, [
      {
        action: 'decision.record',
        entityType: 'decision',
        entityId: d.rows[0].id,
        projectId: p.id,
        before: null,
        after: { outcome, rationale, status: d.rows[0].status, snapshot, conditions: [], riskAcceptance: null },
      },
      { action: `project.${action}`, entityType: 'project', entityId: p.id, projectId: p.id, before: diff.before, after: diff.after },
    ]);
    await publish(c, principal, action, from, saved);
    return detail(c, principal, full);
  });
}

async function latestAssessment(c: PoolClient, principal: Principal, projectId: string): Promise<AssessmentRow> {
  const { rows } = await c.query<AssessmentRow>(
    `SELECT a.id, a.revision, a.assessor_id, a.recommendation, a.overall_level, a.framework_version_id,
       EXISTS (SELECT 1 FROM decision d WHERE d.assessment_id = a.id) AS decided,
       EXISTS (SELECT 1 FROM compact_acknowledgement k WHERE k.user_id = $2 AND k.compact_group = 'manager'
         AND k.compact_version_id = (SELECT v.id FROM compact_version v WHERE v.status = 'published' ORDER BY v.number DESC LIMIT 1)) AS acknowledged
     FROM risk_assessment a WHERE a.project_id = $1 AND a.status = 'submitted' ORDER BY a.revision DESC LIMIT 1`,
    [projectId, principal.userId],
  );
  const a = rows[0];
  if (!a)
    throw new HttpProblem(409, 'assessment-missing', 'No submitted assessment', 'The project has no submitted assessment to decide on.');
  if (!a.acknowledged)
    throw new HttpProblem(403, 'compact-not-acknowledged', 'Compact not acknowledged', 'Acknowledge the HERO Compact first.');
  if (a.decided)
    throw new HttpProblem(
      409,
      'assessment-already-decided',
      'Assessment already decided',
      'A new decision needs a new assessment revision.',
    );
  return a;
}

/** DomainEvents.publish: the outbox row, its notifications (one INSERT … SELECT) and the pg-boss job. */
async function publish(c: PoolClient, principal: Principal, action: string, from: string, p: ProjectRow): Promise<void> {
  const type = lifecycleEventType(action, from);
  if (!type) return;
  const ref: ProjectRef = {
    id: p.id,
    reference: p.reference,
    title: p.title,
    state: p.state,
    orgUnitId: p.org_unit_id,
    proposerId: p.proposer_id,
    assignedAdvisorId: p.assigned_advisor_id,
    riskLevel: p.risk_level,
    fastTrack: p.fast_track,
  };
  const data = lifecycleEventData(action, from, ref);
  const ev = await c.query<{ id: string }>(
    `INSERT INTO domain_event (type, schema_version, actor_type, actor_id, actor_name, project_id, org_unit_id, data, request_id)
     VALUES ($1, 1, $2, $3, $4, $5, $6, $7, NULL) RETURNING id`,
    [type, principal.type, principal.id, principal.displayName, p.id, p.org_unit_id, JSON.stringify(data)],
  );
  const audience = audienceOf(type, p.state);
  const message = notificationMessage(type, principal.displayName, data, {
    budgetAmount: p.budget_amount,
    budgetCurrency: p.budget_currency,
  });
  const text = renderNotificationMessage(message.id, message.params, 'en')!;
  const explicit = [
    ...(audience.includes('project_team') ? [p.proposer_id] : []),
    ...(p.assigned_advisor_id && audience.includes('assigned_advisor') ? [p.assigned_advisor_id] : []),
  ];
  await c.query(
    `INSERT INTO notification (user_id, event_id, type, title, body, project_id, message_key, message_params)
     SELECT u.id, $1, $2, $3, $4, $5, $14, $15 FROM app_user u
     WHERE u.status = 'active' AND u.id <> $6::uuid AND (
       u.id = ANY($7::uuid[])
       OR ($8 AND u.id IN (SELECT tm.user_id FROM project_team_member tm WHERE tm.project_id = $5))
       OR ($9 AND 'cio' = ANY(u.roles))
       OR ($10 AND 'admin' = ANY(u.roles))
       OR $11
       OR ($12 AND 'manager' = ANY(u.roles) AND EXISTS (
         SELECT 1 FROM org_unit mu JOIN org_unit pu ON pu.id = $13 WHERE mu.id = u.org_unit_id AND pu.path LIKE mu.path || '%')))
     ON CONFLICT (user_id, event_id) DO NOTHING`,
    [
      ...[ev.rows[0].id, type, text.title, text.body, p.id, principal.userId ?? NO_USER, explicit, audience.includes('project_team')],
      ...[
        audience.includes('cio'),
        audience.includes('admins'),
        audience.includes('everyone'),
        audience.includes('deciding_managers'),
        p.org_unit_id,
      ],
      message.id,
      JSON.stringify(message.params),
    ],
  );
  await c.query(
    `INSERT INTO pgboss.job (name, data, retry_limit, retry_delay, expire_in, keep_until)
     VALUES ('outbox-dispatch', $1, 20, 5, interval '120 seconds', now() + interval '14 days')`,
    [JSON.stringify({ eventId: ev.rows[0].id })],
  );
}
