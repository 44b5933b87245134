import { isApproval, type CosignOutcome, type DecisionOutcome } from './separation-of-duties';

/**
 * DOMAIN.md §6: which decision currently authorises a project. An approval is in force while it is
 * the project's current decision (not superseded by a later one), has taken effect (co-signed when
 * needed, not declined) and the project is still being delivered or run under it. An amendment
 * sends the project back to in_review, so the approval stops being in force at once, before the
 * new decision supersedes it.
 */

export const AUTHORISED_STATES = ['approved', 'in_delivery', 'launched'] as const;

export interface DecisionStanding {
  outcome: DecisionOutcome;
  status: 'pending_cosign' | 'effective' | 'cosign_declined';
  supersededAt: Date | null;
}

export function approvalInForce(decision: DecisionStanding, projectState: string): boolean {
  return (
    isApproval(decision.outcome) &&
    decision.status === 'effective' &&
    decision.supersededAt === null &&
    (AUTHORISED_STATES as readonly string[]).includes(projectState)
  );
}

export type CosignStatus = 'not_required' | 'pending' | 'cosigned' | 'declined';

export function cosignStatus(d: { cosignRequired: boolean; cosignOutcome: CosignOutcome | null }): CosignStatus {
  if (!d.cosignRequired) return 'not_required';
  if (d.cosignOutcome === null) return 'pending';
  return d.cosignOutcome === 'cosign' ? 'cosigned' : 'declined';
}

/** Expired once the expiry day has passed (an acceptance expiring today still holds today). */
export function acceptanceExpired(expiresOn: string, today: string): boolean {
  return expiresOn < today;
}
