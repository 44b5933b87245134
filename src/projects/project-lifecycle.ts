import { needsCosign, type CosignOutcome, type DecisionOutcome } from '../decisions/separation-of-duties';
import type { RiskLevel } from '../risk/risk-scoring';

/**
 * DOMAIN.md §4 lifecycle, as data. The allowed actions, the 409's `allowedActions`, the docs
 * diagram and the web app's buttons all derive from `LIFECYCLE`. Guards that need more than the
 * caller's relation (compact acknowledged, conditions met, rationale given…) are described here and
 * checked by the service that runs the transition; `create` (→ draft) is not a transition.
 */

export const PROJECT_STATES = [
  'draft',
  'submitted',
  'in_review',
  'info_requested',
  'awaiting_decision',
  'awaiting_cosign',
  'approved',
  'changes_requested',
  'rejected',
  'withdrawn',
  'in_delivery',
  'launched',
  'retired',
] as const;
export type ProjectState = (typeof PROJECT_STATES)[number];

export const LIFECYCLE_ACTIONS = [
  'submit',
  'assign',
  'request_info',
  'respond',
  'complete_assessment',
  'decide_approve',
  'decide_reject',
  'decide_request_changes',
  'cosign',
  'decline_cosign',
  'withdraw',
  'amend',
  'start_delivery',
  'launch',
  'retire',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/**
 * The caller's relation to the project. The service computes them; the table only matches them.
 * - `advisor`: any it_advisor or CIO (may self-assign from the queue).
 * - `deciding_manager`: a manager for whom `assertCanDecide` holds (authority, limit, no conflict).
 * - `sponsor_manager`: a manager whose unit subtree holds the project's unit (no limit needed);
 *   may retire a launched project (§4 "retire: proposer/team or manager", §7 post-launch stop).
 * - `system`: the application itself, retiring after a post-launch review decided "stop" (§7).
 */
export const ACTORS = [
  'proposer',
  'team_member',
  'assigned_advisor',
  'advisor',
  'cio',
  'deciding_manager',
  'sponsor_manager',
  'system',
] as const;
export type Actor = (typeof ACTORS)[number];

export interface TransitionContext {
  /** Overall residual risk level of the assessment being decided on (§5). */
  overallRiskLevel?: RiskLevel | null;
}

interface RowBase {
  action: LifecycleAction;
  from: readonly ProjectState[];
  /** Any one of these relations may act… */
  actors: readonly Actor[];
  /** …unless the caller also holds one of these (conflict of interest, §5/§6). */
  barred?: readonly Actor[];
  guard: string;
}
export type LifecycleRow =
  | (RowBase & { to: ProjectState })
  | (RowBase & { to: (ctx: TransitionContext) => ProjectState; /** every state `to` can return */ reaches: readonly ProjectState[] });

const PROJECT_TEAM: readonly Actor[] = ['proposer', 'team_member'];
const ASSESSOR: readonly Actor[] = ['assigned_advisor', 'cio'];
const CONFLICTED: readonly Actor[] = ['proposer', 'team_member'];
const DECIDER_CONFLICTS: readonly Actor[] = ['proposer', 'team_member', 'assigned_advisor'];

/** Unknown risk is not low risk: without an overall level, approval waits for the CIO too. */
function approvedOrAwaitingCosign(ctx: TransitionContext): ProjectState {
  return needsCosign(ctx.overallRiskLevel ?? null) ? 'awaiting_cosign' : 'approved';
}

export const LIFECYCLE: readonly LifecycleRow[] = [
  {
    action: 'submit',
    from: ['draft', 'changes_requested'],
    to: 'submitted',
    actors: ['proposer'],
    guard: 'compact acknowledged; required fields complete; self-screening done; resubmission voids the previous decision',
  },
  {
    action: 'assign',
    from: ['submitted'],
    to: 'in_review',
    actors: ['cio', 'advisor'],
    barred: CONFLICTED,
    guard: 'the CIO assigns any advisor, an advisor assigns themself; the assignee passes assertCanAssess (not proposer or team)',
  },
  { action: 'request_info', from: ['in_review'], to: 'info_requested', actors: ASSESSOR, barred: CONFLICTED, guard: 'question text' },
  {
    action: 'respond',
    from: ['info_requested'],
    to: 'in_review',
    actors: PROJECT_TEAM,
    guard: 'answer text; edits allowed while info is requested',
  },
  {
    action: 'complete_assessment',
    from: ['in_review'],
    to: 'awaiting_decision',
    actors: ASSESSOR,
    barred: CONFLICTED,
    guard: 'an assessment revision is submitted with every rating valid',
  },
  {
    action: 'decide_approve',
    from: ['awaiting_decision'],
    to: approvedOrAwaitingCosign,
    reaches: ['approved', 'awaiting_cosign'],
    actors: ['deciding_manager'],
    barred: DECIDER_CONFLICTS,
    guard: 'approve or approve_with_conditions; risk acceptance when advised do_not_proceed; high/critical risk awaits the CIO co-sign',
  },
  {
    action: 'decide_reject',
    from: ['awaiting_decision'],
    to: 'rejected',
    actors: ['deciding_manager'],
    barred: DECIDER_CONFLICTS,
    guard: 'rationale',
  },
  {
    action: 'decide_request_changes',
    from: ['awaiting_decision'],
    to: 'changes_requested',
    actors: ['deciding_manager'],
    barred: DECIDER_CONFLICTS,
    guard: 'rationale',
  },
  {
    action: 'cosign',
    from: ['awaiting_cosign'],
    to: 'approved',
    actors: ['cio'],
    barred: DECIDER_CONFLICTS,
    guard: 'rationale; assertCanCosign (not the deciding manager nor the assessor)',
  },
  {
    action: 'decline_cosign',
    from: ['awaiting_cosign'],
    to: 'rejected',
    actors: ['cio'],
    barred: DECIDER_CONFLICTS,
    guard: 'rationale; assertCanCosign (not the deciding manager nor the assessor)',
  },
  {
    action: 'withdraw',
    from: ['draft', 'submitted', 'in_review', 'info_requested', 'changes_requested', 'awaiting_decision'],
    to: 'withdrawn',
    actors: ['proposer'],
    guard: 'none',
  },
  {
    action: 'amend',
    from: ['approved', 'in_delivery'],
    to: 'in_review',
    actors: PROJECT_TEAM,
    guard: 'changes a field the decision snapshotted (budget, data categories, technologies, vendors)',
  },
  { action: 'start_delivery', from: ['approved'], to: 'in_delivery', actors: PROJECT_TEAM, guard: 'none' },
  { action: 'launch', from: ['in_delivery'], to: 'launched', actors: PROJECT_TEAM, guard: 'every condition of approval met or waived' },
  { action: 'retire', from: ['launched'], to: 'retired', actors: [...PROJECT_TEAM, 'sponsor_manager', 'system'], guard: 'reason' },
];

/** States in which the proposer and team may edit the project's fields. */
export const EDITABLE_STATES: readonly ProjectState[] = ['draft', 'info_requested', 'changes_requested'];

export function isEditable(state: ProjectState): boolean {
  return EDITABLE_STATES.includes(state);
}

export function isProjectState(value: string): value is ProjectState {
  return (PROJECT_STATES as readonly string[]).includes(value);
}

export function isLifecycleAction(value: string): value is LifecycleAction {
  return (LIFECYCLE_ACTIONS as readonly string[]).includes(value);
}

/** Every state a row can lead to. */
export function targetsOf(row: LifecycleRow): readonly ProjectState[] {
  return typeof row.to === 'string' ? [row.to] : row.reaches;
}

/** States no action leaves. */
export function isFinal(state: ProjectState): boolean {
  return !LIFECYCLE.some((row) => row.from.includes(state));
}

function permits(row: LifecycleRow, state: ProjectState, relations: ReadonlySet<Actor>): boolean {
  return row.from.includes(state) && row.actors.some((a) => relations.has(a)) && !(row.barred ?? []).some((a) => relations.has(a));
}

/** The actions a caller with `relations` may take on a project in `state`, in table order. */
export function allowedActions(state: ProjectState, relations: ReadonlySet<Actor>): LifecycleAction[] {
  return LIFECYCLE.filter((row) => permits(row, state, relations)).map((row) => row.action);
}

/** Thrown for any transition the table does not allow; the API answers 409 `invalid-transition`. */
export class InvalidTransitionError extends Error {
  readonly code = 'invalid-transition';
  readonly allowedActions: LifecycleAction[];

  constructor(
    readonly state: ProjectState,
    readonly action: LifecycleAction,
    allowed: LifecycleAction[],
  ) {
    super(`Cannot ${action} a project that is ${state}; allowed now: ${allowed.length ? allowed.join(', ') : 'none'}`);
    this.name = 'InvalidTransitionError';
    this.allowedActions = allowed;
  }
}

/** The state after `action`, or InvalidTransitionError listing what the caller may do instead. */
export function transition(
  state: ProjectState,
  action: LifecycleAction,
  relations: ReadonlySet<Actor>,
  ctx: TransitionContext = {},
): ProjectState {
  const row = LIFECYCLE.find((r) => r.action === action);
  if (!row || !permits(row, state, relations)) throw new InvalidTransitionError(state, action, allowedActions(state, relations));
  return typeof row.to === 'string' ? row.to : row.to(ctx);
}

/** The lifecycle action behind an API decision outcome (`POST /projects/{id}/decision`). */
export function decisionAction(outcome: DecisionOutcome): LifecycleAction {
  if (outcome === 'reject') return 'decide_reject';
  if (outcome === 'request_changes') return 'decide_request_changes';
  return 'decide_approve';
}

/** The lifecycle action behind an API co-sign outcome (`POST /projects/{id}/cosign`). */
export function cosignAction(outcome: CosignOutcome): LifecycleAction {
  return outcome === 'cosign' ? 'cosign' : 'decline_cosign';
}

/** The lifecycle as a Mermaid `stateDiagram-v2`: one edge per (from, to, action), in table order. */
export function lifecycleMermaid(): string {
  const lines = ['stateDiagram-v2', '    [*] --> draft: create'];
  for (const row of LIFECYCLE) {
    for (const from of row.from) {
      for (const to of targetsOf(row)) lines.push(`    ${from} --> ${to}: ${row.action}`);
    }
  }
  for (const state of PROJECT_STATES.filter(isFinal)) lines.push(`    ${state} --> [*]`);
  return `${lines.join('\n')}\n`;
}
