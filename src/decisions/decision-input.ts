import type { FieldError } from '../common/problem/problem';
import type { RiskLevel } from '../risk/risk-scoring';
import type { ConditionDraft } from './approval-conditions';
import { isIsoDate } from './calendar';
import {
  isApproval,
  needsRiskAcceptance,
  riskAcceptanceProblems,
  type DecisionOutcome,
  type Recommendation,
  type RiskAcceptance,
} from './separation-of-duties';

/**
 * DOMAIN.md §6: what a decision request must say given its outcome and the advice it answers.
 * Each problem names the field, so the manager knows exactly what is missing.
 */
export function decisionInputProblems(input: {
  outcome: DecisionOutcome;
  requestedConditions: readonly ConditionDraft[] | undefined;
  conditions: readonly ConditionDraft[];
  allowedOwnerIds: readonly string[];
  riskAcceptance: RiskAcceptance | undefined;
  recommendation: Recommendation;
  overallLevel: RiskLevel;
  today: string;
}): FieldError[] {
  const problems: FieldError[] = [];
  const { outcome } = input;
  if (input.requestedConditions?.length && outcome !== 'approve_with_conditions') {
    problems.push({ field: 'conditions', message: 'conditions are only given with the outcome approve_with_conditions' });
  }
  if (outcome === 'approve_with_conditions' && input.conditions.length === 0) {
    problems.push({ field: 'conditions', message: 'approve_with_conditions needs at least one condition (the assessment proposed none)' });
  }
  (input.requestedConditions ?? []).forEach((c, i) => {
    if (!input.allowedOwnerIds.includes(c.ownerId)) {
      problems.push({
        field: `conditions[${i}].ownerId`,
        message: 'the owner must be the proposer, a team member or the assigned advisor',
      });
    }
    if (!isIsoDate(c.dueDate) || c.dueDate < input.today) {
      problems.push({ field: `conditions[${i}].dueDate`, message: `dueDate must be a date from today (${input.today}) on` });
    }
  });
  problems.push(...acceptanceProblems(input));
  return problems;
}

function acceptanceProblems(input: Parameters<typeof decisionInputProblems>[0]): FieldError[] {
  const { riskAcceptance: acceptance, outcome } = input;
  if (acceptance && !isApproval(outcome)) {
    return [{ field: 'riskAcceptance', message: 'a risk acceptance only goes with an approval' }];
  }
  if (!acceptance) {
    if (!needsRiskAcceptance(input.recommendation, outcome)) return [];
    return [
      {
        field: 'riskAcceptance',
        message: 'approving against a do_not_proceed recommendation requires a risk acceptance: statement, acceptedLevel and expiresOn',
      },
    ];
  }
  // The pure rule checks the date's shape only; 2027-02-30 has the shape but is no date.
  const validDate = isIsoDate(acceptance.expiresOn);
  const problems = riskAcceptanceProblems(acceptance, input.overallLevel, input.today).filter(
    (p) => validDate || p !== 'expiry_not_in_future',
  );
  if (!validDate && !problems.includes('expiry_invalid')) problems.push('expiry_invalid');
  return problems.map((p) => {
    switch (p) {
      case 'statement_required':
        return { field: 'riskAcceptance.statement', message: 'the statement must say in writing which risk is accepted' };
      case 'level_below_overall':
        return {
          field: 'riskAcceptance.acceptedLevel',
          message: `the accepted level must be at least the overall risk level (${input.overallLevel})`,
        };
      case 'expiry_invalid':
        return { field: 'riskAcceptance.expiresOn', message: 'expiresOn must be a date (YYYY-MM-DD)' };
      case 'expiry_not_in_future':
        return {
          field: 'riskAcceptance.expiresOn',
          message: `expiresOn must be after today (${input.today}): an acceptance is reviewed, not granted forever`,
        };
    }
  });
}
