import type { Role } from '../identity/auth/roles';
import { isAtLeast, type RiskLevel } from '../risk/risk-scoring';

/**
 * DOMAIN.md §6 decisions (segregation of duties), with the §4 co-sign row and the §5 rule that the
 * proposer and team never assess their own project. Pure checks: the caller loads the people and
 * the project, these say yes or why not. Checks run in a fixed order, so the reason returned is the
 * most fundamental one (a higher approval limit would not cure a conflict of interest).
 */

export const DECISION_OUTCOMES = ['approve', 'approve_with_conditions', 'reject', 'request_changes'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const COSIGN_OUTCOMES = ['cosign', 'decline'] as const;
export type CosignOutcome = (typeof COSIGN_OUTCOMES)[number];

export const RECOMMENDATIONS = ['proceed', 'proceed_with_conditions', 'do_not_proceed'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export type DutyCheck<Reason extends string> = { ok: true } | { ok: false; reason: Reason };

const ALLOWED = { ok: true } as const;
function refuse<Reason extends string>(reason: Reason): DutyCheck<Reason> {
  return { ok: false, reason };
}

/**
 * Org units are a materialized path ('/<rootId>/<childId>/'); a unit is in a subtree iff its path
 * starts with the subtree root's path. The trailing '/' is enforced so '/a' never covers '/ab/'.
 */
export function isWithinSubtree(unitPath: string, subtreeRootPath: string): boolean {
  const withSlash = (p: string) => (p.endsWith('/') ? p : `${p}/`);
  return withSlash(unitPath).startsWith(withSlash(subtreeRootPath));
}

export interface Decider {
  userId: string;
  roles: readonly Role[];
  /** Null means no limit has been set: the manager may decide only projects without a budget. */
  approvalLimitMinor: number | null;
  approvalCurrency: string | null;
  unitPath: string;
}

export interface ProjectUnderDecision {
  proposerId: string;
  teamMemberIds: readonly string[];
  /** The assessor of the assessment revision being decided on. */
  assessorId: string | null;
  /** Null (no budget declared) is treated as zero: no money to authorise. */
  budgetMinor: number | null;
  currency: string | null;
  unitPath: string;
}

export type DecideRefusal =
  'not_manager' | 'outside_unit' | 'is_proposer' | 'is_team_member' | 'is_assessor' | 'currency_mismatch' | 'limit_too_low';

/**
 * May `decider` approve, reject or request changes on `project`? All three outcomes need the same
 * authority, limit included. `limit_too_low` means the project waits for a manager higher up.
 * Limits are compared in one currency; there is no conversion in a governance rule.
 */
export function assertCanDecide({ decider, project }: { decider: Decider; project: ProjectUnderDecision }): DutyCheck<DecideRefusal> {
  if (!decider.roles.includes('manager')) return refuse('not_manager');
  if (!isWithinSubtree(project.unitPath, decider.unitPath)) return refuse('outside_unit');
  if (decider.userId === project.proposerId) return refuse('is_proposer');
  if (project.teamMemberIds.includes(decider.userId)) return refuse('is_team_member');
  if (project.assessorId !== null && decider.userId === project.assessorId) return refuse('is_assessor');
  const budget = project.budgetMinor ?? 0;
  if (budget === 0) return ALLOWED;
  if (!sameCurrency(decider.approvalCurrency, project.currency)) return refuse('currency_mismatch');
  if ((decider.approvalLimitMinor ?? 0) < budget) return refuse('limit_too_low');
  return ALLOWED;
}

function sameCurrency(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toUpperCase() === b.toUpperCase();
}

export interface Person {
  userId: string;
  roles: readonly Role[];
}

export interface Participants {
  proposerId: string;
  teamMemberIds: readonly string[];
}

export type CosignRefusal = 'not_cio' | 'is_deciding_manager' | 'is_assessor' | 'is_proposer' | 'is_team_member';

/** The CIO's co-sign is a second pair of eyes: never the decider's, the assessor's or the project's own. */
export function assertCanCosign(input: {
  cosigner: Person;
  decidingManagerId: string;
  assessorId: string | null;
  proposerId: string;
  teamMemberIds: readonly string[];
}): DutyCheck<CosignRefusal> {
  const { cosigner } = input;
  if (!cosigner.roles.includes('cio')) return refuse('not_cio');
  if (cosigner.userId === input.decidingManagerId) return refuse('is_deciding_manager');
  if (input.assessorId !== null && cosigner.userId === input.assessorId) return refuse('is_assessor');
  if (cosigner.userId === input.proposerId) return refuse('is_proposer');
  if (input.teamMemberIds.includes(cosigner.userId)) return refuse('is_team_member');
  return ALLOWED;
}

export type AssessorRefusal = 'not_advisor' | 'is_proposer' | 'is_team_member';

/** May `advisor` be assigned to (and write the assessment of) a project? §4 assign guard, §5. */
export function assertCanAssess({ advisor, project }: { advisor: Person; project: Participants }): DutyCheck<AssessorRefusal> {
  if (!advisor.roles.includes('it_advisor') && !advisor.roles.includes('cio')) return refuse('not_advisor');
  if (advisor.userId === project.proposerId) return refuse('is_proposer');
  if (project.teamMemberIds.includes(advisor.userId)) return refuse('is_team_member');
  return ALLOWED;
}

/**
 * High or critical overall risk needs the CIO's co-sign after the manager approves. Unrated risk
 * (null: no dimension rated) is not low risk, so it needs the co-sign too.
 */
export function needsCosign(overallLevel: RiskLevel | null): boolean {
  return overallLevel === null || isAtLeast(overallLevel, 'high');
}

export function isApproval(outcome: DecisionOutcome): boolean {
  return outcome === 'approve' || outcome === 'approve_with_conditions';
}

/** Approving against IT's `do_not_proceed` advice needs a written risk acceptance. */
export function needsRiskAcceptance(recommendation: Recommendation | null, outcome: DecisionOutcome): boolean {
  return recommendation === 'do_not_proceed' && isApproval(outcome);
}

export interface RiskAcceptance {
  statement: string;
  acceptedLevel: RiskLevel;
  /** ISO date, YYYY-MM-DD. */
  expiresOn: string;
}

export type RiskAcceptanceProblem = 'statement_required' | 'level_below_overall' | 'expiry_invalid' | 'expiry_not_in_future';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A risk acceptance must be written, must accept at least the risk that is there (overall level),
 * and must expire after `today` (ISO date) — an acceptance is reviewed, not granted forever.
 */
export function riskAcceptanceProblems(acceptance: RiskAcceptance, overallLevel: RiskLevel | null, today: string): RiskAcceptanceProblem[] {
  const problems: RiskAcceptanceProblem[] = [];
  if (!acceptance.statement.trim()) problems.push('statement_required');
  if (overallLevel !== null && !isAtLeast(acceptance.acceptedLevel, overallLevel)) problems.push('level_below_overall');
  if (!ISO_DATE.test(acceptance.expiresOn)) problems.push('expiry_invalid');
  else if (acceptance.expiresOn <= today) problems.push('expiry_not_in_future');
  return problems;
}
