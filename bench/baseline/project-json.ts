import { acceptanceExpired, approvalInForce, cosignStatus } from '../../src/decisions/decision-standing';
import type { CosignOutcome, DecisionOutcome } from '../../src/decisions/separation-of-duties';
import { allowedActions, isProjectState, type Actor } from '../../src/projects/project-lifecycle';

/** The app's project JSON (src/projects/project.mapper.ts, decisions' summary), built from plain rows. */
export interface ProjectRow {
  id: string;
  reference: string;
  title: string;
  summary: string;
  customer_problem: string;
  customer_task: string;
  target_customers: string;
  solution: string;
  technologies: string[];
  data_categories: string[];
  budget_amount: string | null;
  budget_currency: string | null;
  target_launch_date: string | null;
  tags: string[];
  proposer_id: string;
  org_unit_id: string;
  state: string;
  risk_level: string | null;
  self_screening: Record<string, boolean> | null;
  indicative_tier: string | null;
  fast_track: boolean;
  fast_track_removed_reason: string | null;
  effort_value: Record<string, number> | null;
  value_score: number | null;
  effort_score: number | null;
  value_verdict: string | null;
  assigned_advisor_id: string | null;
  submitted_at: Date | null;
  state_changed_at: Date | null;
  launched_at: Date | null;
  retired_at: Date | null;
  retirement_reason: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  /** The app's virtual column: count of project_support rows. */
  support_count?: number;
}

export interface ProjectChildren {
  vendors: { id: string; name: string; service: string; data_shared: string }[];
  kpis: { id: string; name: string; unit: string; baseline: string | number; target: string | number; direction: string }[];
  team: string[];
}

export interface DecisionRow {
  id: string;
  outcome: DecisionOutcome;
  status: 'pending_cosign' | 'effective' | 'cosign_declined';
  decider_id: string;
  decider_name: string | null;
  decided_at: string;
  assessment_revision: number;
  cosign_required: boolean;
  cosign_outcome: CosignOutcome | null;
  superseded_at: string | null;
  acceptance: { statement: string; accepted_level: string; expires_on: string } | null;
  open: number;
  met: number;
  waived: number;
}

const money = (amount: string | number | null, currency: string | null) =>
  amount === null || currency === null ? null : { amount: Number(amount), currency: currency.trim() };

export function summaryOf(p: ProjectRow) {
  return {
    id: p.id,
    reference: p.reference,
    title: p.title,
    customerTask: p.customer_task,
    state: p.state,
    riskLevel: p.risk_level,
    fastTrack: p.fast_track,
    technologies: p.technologies,
    budget: money(p.budget_amount, p.budget_currency),
    targetLaunchDate: p.target_launch_date,
    proposerId: p.proposer_id,
    orgUnitId: p.org_unit_id,
    assignedAdvisorId: p.assigned_advisor_id,
    valueScore: p.value_score,
    effortScore: p.effort_score,
    valueVerdict: p.value_verdict,
    submittedAt: p.submitted_at?.toISOString() ?? null,
    createdAt: p.created_at.toISOString(),
    updatedAt: p.updated_at.toISOString(),
    version: p.version,
    supportCount: p.support_count ?? 0,
  };
}

export function decisionOf(d: DecisionRow | null, state: string, today: string) {
  if (!d) return null;
  return {
    id: d.id,
    outcome: d.outcome,
    status: d.status,
    inForce: approvalInForce(
      { outcome: d.outcome, status: d.status, supersededAt: d.superseded_at ? new Date(d.superseded_at) : null },
      state,
    ),
    decidedById: d.decider_id,
    decidedByName: d.decider_name ?? 'Unknown',
    decidedAt: new Date(d.decided_at).toISOString(),
    assessmentRevision: d.assessment_revision,
    cosign: cosignStatus({ cosignRequired: d.cosign_required, cosignOutcome: d.cosign_outcome }),
    riskAcceptance: d.acceptance
      ? {
          statement: d.acceptance.statement,
          acceptedLevel: d.acceptance.accepted_level,
          expiresOn: d.acceptance.expires_on,
          expired: acceptanceExpired(d.acceptance.expires_on, today),
        }
      : null,
    conditions: { total: d.open + d.met + d.waived, open: d.open, met: d.met, waived: d.waived },
  };
}

export function detailOf(
  p: ProjectRow,
  c: ProjectChildren,
  names: Map<string, string>,
  unitName: string,
  relations: ReadonlySet<Actor>,
  decision: ReturnType<typeof decisionOf>,
) {
  const person = (id: string) => ({ id, displayName: names.get(id) ?? 'Unknown' });
  return {
    ...summaryOf(p),
    summary: p.summary,
    customerProblem: p.customer_problem,
    targetCustomers: p.target_customers,
    solution: p.solution,
    dataCategories: p.data_categories,
    vendors: c.vendors.map((v) => ({ id: v.id, name: v.name, service: v.service, dataShared: v.data_shared })),
    kpis: c.kpis.map((k) => ({
      id: k.id,
      name: k.name,
      unit: k.unit,
      baseline: Number(k.baseline),
      target: Number(k.target),
      direction: k.direction,
    })),
    tags: p.tags,
    proposer: person(p.proposer_id),
    orgUnit: { id: p.org_unit_id, name: unitName },
    assignedAdvisor: p.assigned_advisor_id ? person(p.assigned_advisor_id) : null,
    team: c.team.map(person),
    selfScreening:
      p.self_screening && p.indicative_tier
        ? {
            answers: p.self_screening,
            indicativeTier: p.indicative_tier,
            fastTrack: p.fast_track,
            fastTrackRemovedReason: p.fast_track_removed_reason,
          }
        : null,
    effortValue:
      p.effort_value && p.value_score !== null && p.effort_score !== null && p.value_verdict
        ? { answers: p.effort_value, valueScore: p.value_score, effortScore: p.effort_score, verdict: p.value_verdict }
        : null,
    launchedAt: p.launched_at?.toISOString() ?? null,
    retiredAt: p.retired_at?.toISOString() ?? null,
    retirementReason: p.retirement_reason,
    decision,
    allowedActions: isProjectState(p.state) ? allowedActions(p.state, relations) : [],
  };
}
