import type { RiskLevel } from './risk-scoring';

/** The advisory recommendation of an assessment (DOMAIN.md §5). */
export const RECOMMENDATIONS = ['proceed', 'proceed_with_conditions', 'do_not_proceed'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/**
 * What the decision step needs from the latest submitted assessment revision of a project
 * (`AssessmentsService.latestSubmitted`): the recommendation, the overall residual level and the
 * proposed conditions, plus the revision and framework version for the
 * decision's evidence snapshot (DOMAIN.md §6).
 */
export interface SubmittedAssessmentSummary {
  id: string;
  revision: number;
  assessorId: string;
  recommendation: Recommendation;
  overallLevel: RiskLevel;
  frameworkVersionId: string;
  proposedConditions: { text: string; ownerId: string | null; dueDate: string | null }[];
}
