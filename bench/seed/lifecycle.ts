import type { JsonValue } from '../../src/audit/audit-chain';
import { lifecycleEventData, lifecycleEventType } from '../../src/notifications/domain-events';
import { notificationMessage, renderNotificationMessage } from '../../src/notifications/notification-message';
import { LIFECYCLE, type LifecycleAction, type ProjectState } from '../../src/projects/project-lifecycle';
import type { Row } from '../lib/bulk-insert';
import type { SeedContext, SeededProject } from './projects';
import type { SeedUser } from './world';

/** An audit event before it is chained (bench/seed/audit.ts sorts them by time, then hashes). */
export interface AuditDraft {
  at: number;
  actor: SeedUser;
  action: string;
  entityType: string;
  entityId: string;
  projectId: string;
  before: JsonValue | null;
  after: JsonValue | null;
}

const DAY = 86_400_000;
const OUTBOX_DAYS = 180;
const iso = (ms: number): string => new Date(ms).toISOString();

interface Walk {
  state: ProjectState;
  enteredAt: number;
  assessmentId: string | null;
  recommendation: string | null;
  decision: Row | null;
  decider: SeedUser | null;
}

function nextState(action: string, from: ProjectState, p: SeededProject): ProjectState {
  const row = LIFECYCLE.find((r) => r.action === action && r.from.includes(from));
  if (!row) throw new Error(`seed plan: ${action} is not allowed from ${from}`);
  return typeof row.to === 'function' ? row.to({ overallRiskLevel: p.riskLevel }) : row.to;
}

function recommendationFor(ctx: SeedContext, p: SeededProject): string {
  if (p.riskLevel === 'critical') return ctx.rnd.chance(0.5) ? 'do_not_proceed' : 'proceed_with_conditions';
  return p.riskLevel === 'high' ? 'proceed_with_conditions' : 'proceed';
}

/** The manager nearest the project whose limit covers the budget (the department's, else the division's, else the board). */
function deciderFor(ctx: SeedContext, p: SeededProject): SeedUser {
  const unit = ctx.world.unitById.get(p.orgUnitId);
  const budget = p.budgetMinor ?? 0;
  for (const id of [unit?.departmentId, unit?.divisionId]) {
    const m = id ? ctx.world.managerOf.get(id) : undefined;
    if (m && (m.limitMinor ?? 0) >= budget) return m;
  }
  return ctx.world.rootManager;
}

function actorFor(ctx: SeedContext, p: SeededProject, action: string, w: Walk): SeedUser {
  if (['assign', 'request_info', 'complete_assessment'].includes(action)) return p.advisor!;
  if (action.startsWith('decide_')) return (w.decider = deciderFor(ctx, p));
  if (action === 'cosign') return ctx.world.cio;
  return p.proposer;
}

async function assess(ctx: SeedContext, p: SeededProject, at: number, w: Walk): Promise<void> {
  const { rnd, ins } = ctx;
  w.assessmentId = rnd.uuid();
  const recommendation = (w.recommendation = recommendationFor(ctx, p));
  await ins.add('risk_assessment', {
    ...{ id: w.assessmentId, project_id: p.id, revision: 1, framework_version_id: ctx.world.frameworkVersionId },
    ...{
      status: ctx.replica ? 'submitted' : 'draft',
      light: p.fastTrack,
      scope: [],
      created_by_id: p.advisor!.id,
      assessor_id: p.advisor!.id,
    },
    ...{
      recommendation,
      summary: 'Assessed with the team; see the ratings.',
      overall_level: p.riskLevel,
      mitigations: [],
      proposed_conditions: [],
    },
    ...{ submitted_at: iso(at), created_at: iso(w.enteredAt), updated_at: iso(at) },
  });
  for (const r of ctx.ratings.pick(rnd, p.riskLevel!)) await ins.add('risk_assessment_rating', { assessment_id: w.assessmentId, ...r });
}

function decide(ctx: SeedContext, p: SeededProject, action: string, at: number, w: Walk, actor: SeedUser): void {
  const outcome =
    action === 'decide_approve' ? (ctx.rnd.chance(0.3) ? 'approve_with_conditions' : 'approve') : action.replace('decide_', '');
  const cosignRequired = action === 'decide_approve' && (p.riskLevel === 'high' || p.riskLevel === 'critical');
  w.decision = {
    ...{ id: ctx.rnd.uuid(), project_id: p.id, assessment_id: w.assessmentId, assessment_revision: 1, assessor_id: p.advisor!.id },
    ...{ recommendation: w.recommendation, risk_level: p.riskLevel, decider_id: actor.id, outcome },
    ...{ rationale: 'Clear customer value; risks understood.', status: cosignRequired ? 'pending_cosign' : 'effective' },
    snapshot: {
      budget: p.budgetMinor === null ? null : { amount: p.budgetMinor, currency: 'EUR' },
      ...{ dataCategories: p.dataCategories, technologies: p.technologies, vendors: p.vendors, riskLevel: p.riskLevel },
      ...{
        recommendation: w.recommendation,
        assessmentId: w.assessmentId,
        assessmentRevision: 1,
        frameworkVersionId: ctx.world.frameworkVersionId,
      },
    },
    ...{ cosign_required: cosignRequired, cosigner_id: null, cosign_outcome: null, cosign_rationale: null, cosigned_at: null },
    ...{ decided_at: iso(at), superseded_at: null },
  };
}

async function publish(
  ctx: SeedContext,
  p: SeededProject,
  action: string,
  from: ProjectState,
  to: ProjectState,
  at: number,
  actor: SeedUser,
) {
  const type = lifecycleEventType(action, from);
  // The outbox keeps a recent window (older events are long dispatched): the last OUTBOX_DAYS only.
  if (!type || ctx.nowMs - at > OUTBOX_DAYS * DAY) return;
  const ref = {
    ...{ id: p.id, reference: p.reference, title: p.title, state: to, orgUnitId: p.orgUnitId, proposerId: p.proposer.id },
    ...{ assignedAdvisorId: p.advisor?.id ?? null, riskLevel: to === 'awaiting_decision' || p.actions.length > 3 ? p.riskLevel : null },
    fastTrack: p.fastTrack,
  };
  const data = lifecycleEventData(action, from, ref);
  const eventId = ctx.rnd.uuid();
  await ctx.ins.add('domain_event', {
    ...{
      id: eventId,
      type,
      schema_version: 1,
      occurred_at: iso(at),
      actor_type: 'user',
      actor_id: actor.id,
      actor_name: actor.displayName,
    },
    ...{ project_id: p.id, org_unit_id: p.orgUnitId, data },
  });
  if (actor.id === p.proposer.id) return;
  const budget = { budgetAmount: p.budgetMinor, budgetCurrency: p.budgetMinor === null ? null : 'EUR' };
  const message = notificationMessage(type, actor.displayName, data, budget);
  const text = renderNotificationMessage(message.id, message.params, 'en')!;
  await ctx.ins.add('notification', {
    ...{ id: ctx.rnd.uuid(), user_id: p.proposer.id, event_id: eventId, type, title: text.title, body: text.body, project_id: p.id },
    ...{ message_key: message.id, message_params: message.params },
    ...{ created_at: iso(at), read_at: ctx.nowMs - at > 14 * DAY ? iso(at + DAY) : null },
  });
}

async function step(ctx: SeedContext, p: SeededProject, action: LifecycleAction, at: number, w: Walk): Promise<void> {
  const from = w.state;
  const to = nextState(action, from, p);
  const actor = actorFor(ctx, p, action, w);
  if (action === 'complete_assessment') await assess(ctx, p, at, w);
  if (action.startsWith('decide_')) decide(ctx, p, action, at, w, actor);
  if (action === 'cosign' && w.decision) {
    Object.assign(w.decision, {
      status: 'effective',
      cosigner_id: actor.id,
      cosign_outcome: 'cosign',
      cosign_rationale: 'Agreed.',
      cosigned_at: iso(at),
    });
  }
  await ctx.ins.add('project_transition', {
    ...{ project_id: p.id, action, from_state: from, to_state: to, from_entered_at: iso(w.enteredAt), at: iso(at), actor_id: actor.id },
  });
  const before: Record<string, JsonValue> = { state: from };
  const after: Record<string, JsonValue> = { state: to };
  if (action === 'assign') {
    before.assignedAdvisorId = null;
    after.assignedAdvisorId = p.advisor!.id;
  }
  ctx.audit.add({ at, actor, action: `project.${action}`, entityType: 'project', entityId: p.id, projectId: p.id, before, after });
  if (action.startsWith('decide_') && w.decision) {
    const d = w.decision as { id: string; outcome: string; status: string };
    const entry = { outcome: d.outcome, status: d.status, rationale: 'Clear customer value; risks understood.' };
    ctx.audit.add({
      at,
      actor,
      action: 'decision.record',
      entityType: 'decision',
      entityId: d.id,
      projectId: p.id,
      before: null,
      after: entry,
    });
  }
  await publish(ctx, p, action, from, to, at, actor);
  w.state = to;
  w.enteredAt = at;
}

async function afterDecision(ctx: SeedContext, p: SeededProject, w: Walk): Promise<void> {
  const d = w.decision!;
  await ctx.ins.add('decision', d);
  const decidedAt = Date.parse(d.decided_at as string);
  const launchedAt = p.actions.find((a) => a.action === 'launch')?.at ?? null;
  if (d.outcome === 'approve_with_conditions') {
    const closed = launchedAt !== null;
    await ctx.ins.add('approval_condition', {
      ...{ id: ctx.rnd.uuid(), project_id: p.id, decision_id: d.id, position: 0, text: 'Run a privacy review before launch' },
      ...{ owner_id: p.proposer.id, due_date: iso(decidedAt + 30 * DAY).slice(0, 10), status: closed ? 'met' : 'open' },
      ...{ evidence_note: closed ? 'Review done, report attached' : null, closed_by_id: closed ? p.proposer.id : null },
      ...{ closed_at: closed ? iso(launchedAt - 60_000) : null, created_at: iso(decidedAt), updated_at: iso(decidedAt) },
    });
  }
  if (d.recommendation === 'do_not_proceed' && String(d.outcome).startsWith('approve')) {
    await ctx.ins.add('risk_acceptance', {
      ...{ id: ctx.rnd.uuid(), project_id: p.id, decision_id: d.id, accepted_by_id: d.decider_id },
      ...{ statement: 'The business accepts the residual risk for the pilot.', accepted_level: p.riskLevel },
      ...{ expires_on: iso(decidedAt + 365 * DAY).slice(0, 10), created_at: iso(decidedAt) },
    });
  }
}

async function outcomes(ctx: SeedContext, p: SeededProject, w: Walk): Promise<void> {
  const launchedAt = p.actions.find((a) => a.action === 'launch')?.at;
  if (launchedAt === undefined) return;
  for (const kpiId of p.kpiIds) {
    for (const k of [1, 2]) {
      const at = Math.min(ctx.nowMs - 1000, launchedAt + k * 14 * DAY);
      await ctx.ins.add('kpi_measurement', {
        ...{ id: ctx.rnd.uuid(), project_id: p.id, kpi_id: kpiId, measured_on: iso(at).slice(0, 10), value: ctx.rnd.int(100, 2000) },
        ...{
          note: '',
          recorded_by_type: 'user',
          recorded_by_id: p.proposer.id,
          recorded_by_name: p.proposer.displayName,
          recorded_at: iso(at),
        },
      });
    }
  }
  if (launchedAt + 31 * DAY < ctx.nowMs && w.decider) {
    await ctx.ins.add('post_launch_review', {
      ...{ id: ctx.rnd.uuid(), project_id: p.id, milestone: 30, due_on: iso(launchedAt + 30 * DAY).slice(0, 10) },
      ...{ outcome: p.state === 'retired' ? 'stop' : 'iterate', rationale: 'Early numbers are promising.', reviewer_id: w.decider.id },
      ...{ kpis: [], recorded_at: iso(launchedAt + 31 * DAY) },
    });
  }
}

async function extras(ctx: SeedContext, p: SeededProject): Promise<void> {
  const { rnd, ins } = ctx;
  const asked = p.actions.find((a) => a.action === 'request_info');
  if (asked) {
    await ins.add('project_comment', {
      ...{ id: rnd.uuid(), project_id: p.id, author_id: p.advisor!.id, author_name: p.advisor!.displayName, kind: 'question' },
      ...{ body: 'Which customer data does the vendor receive?', mentions: [], created_at: iso(asked.at) },
    });
  }
  if (rnd.chance(0.08)) {
    await ins.add('project_comment', {
      ...{ id: rnd.uuid(), project_id: p.id, author_id: p.proposer.id, author_name: p.proposer.displayName, kind: 'comment' },
      ...{ body: 'Customers in the pilot region asked for this twice last month.', mentions: [], created_at: iso(p.createdMs + 3_600_000) },
    });
  }
  const submitted = p.actions.find((a) => a.action === 'submit');
  if (p.state === 'submitted' && submitted && ctx.nowMs - submitted.at > 4 * DAY && rnd.chance(0.4)) {
    await ins.add('sla_breach', {
      ...{
        id: rnd.uuid(),
        project_id: p.id,
        stage: 'assignment',
        state_entered_at: iso(submitted.at),
        due_at: iso(submitted.at + 2 * DAY),
      },
      ...{ target_business_days: 2, detected_at: iso(submitted.at + 2 * DAY + 600_000), escalated_to: [ctx.world.cio.id] },
    });
  }
}

/** Every row a project's history leaves: transitions, assessment, decision, events, notifications, audit drafts. */
export async function seedLifecycle(ctx: SeedContext, p: SeededProject): Promise<void> {
  ctx.audit.add({
    ...{ at: p.createdMs, actor: p.proposer, action: 'project.create', entityType: 'project', entityId: p.id, projectId: p.id },
    ...{ before: null, after: { reference: p.reference, title: p.title, state: 'draft', orgUnitId: p.orgUnitId } },
  });
  const w: Walk = { state: 'draft', enteredAt: p.createdMs, assessmentId: null, recommendation: null, decision: null, decider: null };
  for (const { action, at } of p.actions) await step(ctx, p, action as LifecycleAction, at, w);
  if (w.state !== p.state) throw new Error(`seed plan for ${p.reference} ended in ${w.state}, expected ${p.state}`);
  if (w.decision) await afterDecision(ctx, p, w);
  await outcomes(ctx, p, w);
  await extras(ctx, p);
}
