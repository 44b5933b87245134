import type { AssessmentScope } from './assessment-rules';
import type { SubmittedAssessmentSummary } from './assessment-summary';
import { AssessmentDto, RatingDto } from './dto/assessment.dto';
import { RiskAssessment, RiskAssessmentRating } from './entities/risk-assessment.entity';
import { RiskFrameworkVersion } from './entities/risk-framework-version.entity';
import { overallLevel, rateDimension } from './risk-scoring';

/** Ratings as the API shows them: stored values, server-computed scores, and what blocks submission. */
export function toRatingDtos(
  ratings: readonly RiskAssessmentRating[],
  framework: RiskFrameworkVersion,
  scope: AssessmentScope,
): RatingDto[] {
  const attention = new Set(scope.scope.filter((s) => s.attention).map((s) => s.dimension));
  return ratings.map((r) => ({
    dimension: r.dimension,
    attention: attention.has(r.dimension),
    likelihood: r.likelihood,
    impact: r.impact,
    residualLikelihood: r.residualLikelihood,
    residualImpact: r.residualImpact,
    rationale: r.rationale,
    inherentScore: r.inherentScore,
    inherentLevel: r.inherentLevel,
    residualScore: r.residualScore,
    residualLevel: r.residualLevel,
    problems: rateDimension(r, framework.thresholds).problems,
  }));
}

export function toAssessmentDto(
  a: RiskAssessment,
  ratings: readonly RiskAssessmentRating[],
  framework: RiskFrameworkVersion,
  scope: AssessmentScope,
): AssessmentDto {
  const rated = new Set(ratings.map((r) => r.dimension));
  return {
    id: a.id,
    projectId: a.projectId,
    revision: a.revision,
    status: a.status,
    framework: { id: framework.id, number: framework.number ?? 0 },
    light: scope.light,
    scope: scope.scope.map((s) => ({ ...s, rated: rated.has(s.dimension) })),
    ratings: toRatingDtos(ratings, framework, scope),
    overallLevel: a.status === 'submitted' ? a.overallLevel : overallLevel(ratings),
    mitigations: a.mitigations,
    proposedConditions: a.proposedConditions,
    recommendation: a.recommendation,
    summary: a.summary,
    assessorId: a.assessorId,
    createdById: a.createdById,
    copiedFromId: a.copiedFromId,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

/** Fields recorded in audit events for an assessment change. */
export function assessmentAuditView(a: RiskAssessment, ratings: readonly RiskAssessmentRating[]): Record<string, unknown> {
  return {
    revision: a.revision,
    status: a.status,
    frameworkVersionId: a.frameworkVersionId,
    light: a.light,
    scope: a.scope,
    assessorId: a.assessorId,
    recommendation: a.recommendation,
    summary: a.summary,
    overallLevel: a.overallLevel,
    ratings: ratings.map((r) => ({
      dimension: r.dimension,
      likelihood: r.likelihood,
      impact: r.impact,
      residualLikelihood: r.residualLikelihood,
      residualImpact: r.residualImpact,
      residualLevel: r.residualLevel,
      rationale: r.rationale,
    })),
    mitigations: a.mitigations,
    proposedConditions: a.proposedConditions,
    copiedFromId: a.copiedFromId,
  };
}

export function toSubmittedSummary(a: RiskAssessment): SubmittedAssessmentSummary {
  return {
    id: a.id,
    revision: a.revision,
    assessorId: a.assessorId,
    recommendation: a.recommendation!,
    overallLevel: a.overallLevel!,
    frameworkVersionId: a.frameworkVersionId,
    proposedConditions: a.proposedConditions.map((c) => ({ text: c.text, ownerId: c.ownerId, dueDate: c.dueDate })),
  };
}
