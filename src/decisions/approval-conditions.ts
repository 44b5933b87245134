import type { DecisionOutcome } from './separation-of-duties';
import { addDays } from './calendar';

/**
 * DOMAIN.md §6 conditions of approval: text, owner, due date, status open/met/waived. The owner
 * marks a condition met with an evidence note; only the deciding manager waives one, with a
 * reason; launch is refused while any condition of the decision in force is open.
 */

export const CONDITION_STATUSES = ['open', 'met', 'waived'] as const;
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];

export interface ConditionDraft {
  text: string;
  ownerId: string;
  dueDate: string;
}

export interface ProposedCondition {
  text: string;
  ownerId: string | null;
  dueDate: string | null;
}

/** How long a carried-over proposal without a due date gets when the project has no later launch date. */
export const DEFAULT_CONDITION_DAYS = 30;

/**
 * The conditions a decision creates:
 * - approve_with_conditions: the manager's list, or — when the request gives none — the
 *   assessment's proposed conditions. Where the advisor left an owner open (or named someone who
 *   cannot own one) the proposer owns it; where the due date is open or past it is due on the
 *   target launch date, or 30 days from today when that date is missing or past.
 * - every other outcome: none (a request that lists some is refused by the caller).
 */
export function conditionsForDecision(input: {
  outcome: DecisionOutcome;
  requested: readonly ConditionDraft[] | undefined;
  proposed: readonly ProposedCondition[];
  proposerId: string;
  allowedOwnerIds: readonly string[];
  targetLaunchDate: string | null;
  today: string;
}): ConditionDraft[] {
  if (input.outcome !== 'approve_with_conditions') return [];
  if (input.requested && input.requested.length > 0) return input.requested.map((c) => ({ ...c, text: c.text.trim() }));
  const fallbackDue =
    input.targetLaunchDate !== null && input.targetLaunchDate > input.today
      ? input.targetLaunchDate
      : addDays(input.today, DEFAULT_CONDITION_DAYS);
  return input.proposed
    .filter((p) => p.text.trim() !== '')
    .map((p) => ({
      text: p.text.trim(),
      ownerId: p.ownerId !== null && input.allowedOwnerIds.includes(p.ownerId) ? p.ownerId : input.proposerId,
      dueDate: p.dueDate !== null && p.dueDate >= input.today ? p.dueDate : fallbackDue,
    }));
}

export type ConditionChange = 'met' | 'waived';
export type ConditionChangeRefusal = 'not_open' | 'not_owner' | 'not_deciding_manager';

/** Who may close a condition: its owner marks it met, the manager who decided waives it. */
export function conditionChangeRefusal(input: {
  status: ConditionStatus;
  change: ConditionChange;
  actorId: string;
  ownerId: string;
  decidingManagerId: string;
}): ConditionChangeRefusal | null {
  if (input.status !== 'open') return 'not_open';
  if (input.change === 'met' && input.actorId !== input.ownerId) return 'not_owner';
  if (input.change === 'waived' && input.actorId !== input.decidingManagerId) return 'not_deciding_manager';
  return null;
}

/** The conditions that still block launch. */
export function openConditions<C extends { status: ConditionStatus }>(conditions: readonly C[]): C[] {
  return conditions.filter((c) => c.status === 'open');
}
