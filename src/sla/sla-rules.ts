import { addBusinessDays, type Holidays } from './business-days';

/**
 * DOMAIN.md §8 time limits: which stage a project's state is in, its target in business days, and
 * whom a breach escalates to. Pure; the SLA service applies it to the database.
 */
export const SLA_STAGES = ['assignment', 'assessment', 'decision', 'cosign'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

export interface SlaTargets {
  assignment: number;
  assessment: number;
  fastTrackAssessment: number;
  decision: number;
  cosign: number;
}

const STAGE_OF_STATE: Record<string, SlaStage> = {
  submitted: 'assignment',
  in_review: 'assessment',
  awaiting_decision: 'decision',
  awaiting_cosign: 'cosign',
};

/** The states an SLA clock runs in. */
export const TIMED_STATES = Object.keys(STAGE_OF_STATE);

export function stageOf(state: string): SlaStage | null {
  return STAGE_OF_STATE[state] ?? null;
}

export function targetDays(stage: SlaStage, targets: SlaTargets, fastTrack: boolean): number {
  if (stage === 'assessment' && fastTrack) return targets.fastTrackAssessment;
  return targets[stage];
}

export interface SlaClock {
  stage: SlaStage;
  targetBusinessDays: number;
  dueAt: Date;
}

/** The running clock of a project in a timed state, measured from when it entered that state. */
export function slaClock(state: string, enteredAt: Date, fastTrack: boolean, targets: SlaTargets, holidays: Holidays): SlaClock | null {
  const stage = stageOf(state);
  if (!stage) return null;
  const days = targetDays(stage, targets, fastTrack);
  return { stage, targetBusinessDays: days, dueAt: addBusinessDays(enteredAt, days, holidays) };
}

export function isBreached(clock: SlaClock, now: Date): boolean {
  return now.getTime() > clock.dueAt.getTime();
}

/** The smallest target: no project entered a timed state less than this many calendar days ago can be late. */
export function shortestTarget(targets: SlaTargets): number {
  return Math.min(targets.assignment, targets.assessment, targets.fastTrackAssessment, targets.decision, targets.cosign);
}

/** Who a breach goes to: the CIO, except a late decision, which goes to the next manager up. */
export function escalationKind(stage: SlaStage): 'cio' | 'next_manager_up' {
  return stage === 'decision' ? 'next_manager_up' : 'cio';
}

export interface ManagerCandidate {
  userId: string;
  /** Depth of the manager's unit (0 = company). Only managers over the project's unit are candidates. */
  depth: number;
  /** Their approval limit covers the project's budget. */
  canApprove: boolean;
}

/**
 * "The next manager up" of a late decision: the managers one level above the closest level of
 * managers who may decide it (the decision waits on them; their superiors hear about it). When
 * nobody sits above them, or nobody may decide at all, nobody is returned and the CIO is told.
 */
export function nextManagerUp(candidates: readonly ManagerCandidate[]): string[] {
  const deciders = candidates.filter((c) => c.canApprove);
  if (deciders.length === 0) return [];
  const decidingDepth = Math.max(...deciders.map((c) => c.depth));
  const above = candidates.filter((c) => c.depth < decidingDepth);
  if (above.length === 0) return [];
  const nextDepth = Math.max(...above.map((c) => c.depth));
  return above.filter((c) => c.depth === nextDepth).map((c) => c.userId);
}
