import { assertCanDecide, type DecideRefusal, type Decider, type ProjectUnderDecision } from './separation-of-duties';

/**
 * DOMAIN.md §6 "else the project waits for a manager higher up, and the response says so": when a
 * manager may not decide, which level of the org tree can? Pure: the caller loads the project's
 * unit and its ancestors with the managers placed in each.
 */

export interface UnitLevel {
  unitId: string;
  unitName: string;
  unitKind: string;
  /** 0 = the root (company); deeper units have higher numbers. */
  depth: number;
  /** The managers whose own unit is this one (their authority covers it and everything below). */
  managers: readonly Decider[];
}

export interface DecidingLevel {
  unitId: string;
  unitName: string;
  unitKind: string;
  /** The managers of that unit who may decide (usually one). */
  managerIds: string[];
}

/**
 * The nearest unit, from the project's own unit up to the root, with a manager for whom
 * `assertCanDecide` holds; null when nobody in the chain can decide (an admin must raise a limit).
 * `chain` may come in any order: the deepest unit is the nearest.
 */
export function nearestDecidingLevel(chain: readonly UnitLevel[], project: ProjectUnderDecision): DecidingLevel | null {
  const nearestFirst = [...chain].sort((a, b) => b.depth - a.depth);
  for (const level of nearestFirst) {
    const managerIds = level.managers.filter((decider) => assertCanDecide({ decider, project }).ok).map((m) => m.userId);
    if (managerIds.length) return { unitId: level.unitId, unitName: level.unitName, unitKind: level.unitKind, managerIds };
  }
  return null;
}

/** Refusals that are about authority (who is high enough), as opposed to a conflict of interest. */
export const AUTHORITY_REFUSALS: readonly DecideRefusal[] = ['not_manager', 'outside_unit', 'currency_mismatch', 'limit_too_low'];

export function isAuthorityRefusal(reason: DecideRefusal): boolean {
  return AUTHORITY_REFUSALS.includes(reason);
}

/** Plain-language reason for the problem `detail`. */
export function refusalText(reason: DecideRefusal): string {
  switch (reason) {
    case 'not_manager':
      return 'Only a manager decides on projects.';
    case 'outside_unit':
      return 'The project’s unit is outside your unit subtree.';
    case 'is_proposer':
      return 'You proposed this project: nobody approves their own project.';
    case 'is_team_member':
      return 'You work on this project: nobody approves their own project.';
    case 'is_assessor':
      return 'You assessed this project: the assessor advises, a different person decides.';
    case 'currency_mismatch':
      return 'Your approval limit is in another currency than the budget; limits are never converted.';
    case 'limit_too_low':
      return 'The budget is above your approval limit.';
  }
}
