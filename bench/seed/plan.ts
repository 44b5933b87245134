import type { LifecycleAction, ProjectState } from '../../src/projects/project-lifecycle';
import type { RiskLevel } from '../../src/risk/risk-scoring';
import type { Random } from '../lib/random';

/** Where each seeded project stands, in the lifecycle's own words (src/projects/project-lifecycle.ts). */
export const STATE_WEIGHTS: Record<ProjectState, number> = {
  draft: 14,
  submitted: 8,
  in_review: 10,
  info_requested: 3,
  awaiting_decision: 9,
  awaiting_cosign: 2,
  approved: 9,
  changes_requested: 3,
  rejected: 7,
  withdrawn: 5,
  in_delivery: 10,
  launched: 13,
  retired: 7,
};

const REVIEWED: LifecycleAction[] = ['submit', 'assign', 'complete_assessment'];
const APPROVED: LifecycleAction[] = [...REVIEWED, 'decide_approve'];

/** The actions that took a new project to `state` (cosign is added when the risk needs it). */
export function pathTo(state: ProjectState, needsCosign: boolean): LifecycleAction[] {
  const approved = needsCosign ? [...APPROVED, 'cosign' as const] : APPROVED;
  switch (state) {
    case 'draft':
      return [];
    case 'submitted':
      return ['submit'];
    case 'in_review':
      return ['submit', 'assign'];
    case 'info_requested':
      return ['submit', 'assign', 'request_info'];
    case 'awaiting_decision':
      return REVIEWED;
    case 'awaiting_cosign':
      return APPROVED;
    case 'approved':
      return approved;
    case 'changes_requested':
      return [...REVIEWED, 'decide_request_changes'];
    case 'rejected':
      return [...REVIEWED, 'decide_reject'];
    case 'withdrawn':
      return ['submit', 'withdraw'];
    case 'in_delivery':
      return [...approved, 'start_delivery'];
    case 'launched':
      return [...approved, 'start_delivery', 'launch'];
    case 'retired':
      return [...approved, 'start_delivery', 'launch', 'retire'];
    default:
      return [];
  }
}

/** States that went through a submitted assessment, i.e. have a risk level. */
export function isAssessed(state: ProjectState): boolean {
  return !['draft', 'submitted', 'in_review', 'info_requested', 'withdrawn'].includes(state);
}

export function riskLevelFor(rnd: Random, state: ProjectState): RiskLevel {
  if (state === 'awaiting_cosign') return rnd.chance(0.7) ? 'high' : 'critical';
  return rnd.weighted({ low: 35, medium: 35, high: 20, critical: 10 });
}

/**
 * Timestamps of each step: a few hours to three weeks apart, as a review really takes; squeezed
 * into the time left when the project is recent, so nothing happens in the future.
 */
export function stepTimes(rnd: Random, createdMs: number, nowMs: number, steps: number): number[] {
  const gaps = Array.from({ length: steps }, () => rnd.int(2, 21 * 24) * 3_600_000);
  const total = gaps.reduce((s, g) => s + g, 0);
  const room = nowMs - 60_000 - createdMs;
  const scale = total > room ? room / total : 1;
  let t = createdMs;
  return gaps.map((g) => (t += Math.max(1_000, Math.floor(g * scale))));
}
