import { evaluateSelfScreening, isCompleteSelfScreening } from '../projects/self-screening';
import type { Recommendation } from './assessment-summary';
import { overallLevel, rateDimension, type DimensionRating, type RiskLevel, type RiskThresholds } from './risk-scoring';

/**
 * DOMAIN.md §5 assessment rules, §3 self-screening pre-fill and fast track: which dimensions an
 * assessment covers, which the HERO's answers point at, and what must hold before it is submitted.
 */

export interface ScopeEntry {
  dimension: string;
  /** The HERO's self-screening answered "yes" to a question touching this dimension. */
  attention: boolean;
}

export interface AssessmentScope {
  /** A fast-track project's light assessment: only the dimensions its self-screening touches. */
  light: boolean;
  scope: ScopeEntry[];
}

/**
 * The dimensions an assessment covers, in framework order. A full assessment covers every
 * dimension of its framework version; a light one (fast track) only those the self-screening
 * touches — none when nothing was answered "yes" — and the advisor takes the project off the fast
 * track to rate more. Attention flags mark the dimensions the answers touch.
 */
export function assessmentScope(frameworkKeys: readonly string[], fastTrack: boolean, selfScreening: unknown): AssessmentScope {
  const touched = new Set<string>(isCompleteSelfScreening(selfScreening) ? evaluateSelfScreening(selfScreening).touchedDimensions : []);
  const keys = fastTrack ? frameworkKeys.filter((k) => touched.has(k)) : frameworkKeys;
  return { light: fastTrack, scope: keys.map((dimension) => ({ dimension, attention: touched.has(dimension) })) };
}

export interface RatingInput {
  dimension: string;
  likelihood: number;
  impact: number;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  rationale?: string | null;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Ratings the framework or the scope does not allow: unknown dimension, out of scope, rated twice. */
export function ratingInputProblems(
  ratings: readonly RatingInput[],
  frameworkKeys: readonly string[],
  scope: AssessmentScope,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const inScope = new Set(scope.scope.map((s) => s.dimension));
  const seen = new Set<string>();
  ratings.forEach((r, i) => {
    const field = `ratings[${i}].dimension`;
    if (!frameworkKeys.includes(r.dimension)) {
      problems.push({ field, message: `${r.dimension} is not a dimension of this framework version (${frameworkKeys.join(', ')})` });
    } else if (!inScope.has(r.dimension)) {
      problems.push({
        field,
        message: `${r.dimension} is not in scope of this light (fast-track) assessment: take the project off the fast track to rate it`,
      });
    } else if (seen.has(r.dimension)) {
      problems.push({ field, message: `${r.dimension} is rated more than once` });
    }
    seen.add(r.dimension);
  });
  return problems;
}

/** Puts ratings in framework order, the order the API returns them in (and field paths refer to). */
export function inFrameworkOrder<T extends { dimension: string }>(ratings: readonly T[], frameworkKeys: readonly string[]): T[] {
  return [...ratings].sort((a, b) => frameworkKeys.indexOf(a.dimension) - frameworkKeys.indexOf(b.dimension));
}

export interface SubmissionInput {
  scope: AssessmentScope;
  /** In framework order. */
  ratings: readonly RatingInput[];
  recommendation: Recommendation | null;
  proposedConditionCount: number;
}

/**
 * What stops a draft from being submitted: every dimension in scope rated, each rating valid
 * (rationale from medium up, residual never above inherent), a recommendation, and at least one
 * proposed condition when the recommendation is to proceed with conditions.
 */
export function submissionProblems(input: SubmissionInput, thresholds: RiskThresholds): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const rated = new Set(input.ratings.map((r) => r.dimension));
  const unrated = input.scope.scope.filter((s) => !rated.has(s.dimension)).map((s) => s.dimension);
  if (unrated.length)
    problems.push({ field: 'ratings', message: `every dimension in scope must be rated; not rated: ${unrated.join(', ')}` });
  input.ratings.forEach((r, i) => {
    for (const p of rateDimension(r, thresholds).problems) {
      const message =
        p.code === 'rationale_required'
          ? `${r.dimension}: a rationale is required for a medium or higher rating`
          : `${r.dimension}: the residual ${p.field === 'residualLikelihood' ? 'likelihood' : 'impact'} cannot be above the rating before mitigation`;
      problems.push({ field: `ratings[${i}].${p.field}`, message });
    }
  });
  if (!input.recommendation) problems.push({ field: 'recommendation', message: 'an advisory recommendation is required to submit' });
  if (input.recommendation === 'proceed_with_conditions' && input.proposedConditionCount === 0) {
    problems.push({ field: 'proposedConditions', message: 'proceed_with_conditions needs at least one proposed condition' });
  }
  return problems;
}

/**
 * The overall level of a submitted assessment: the highest residual level. A light assessment with
 * nothing in scope has no rating and is low — the fast track is for projects the HERO screened as
 * touching no risk dimension, and the advisor agreed by not taking it off the fast track.
 */
export function submittedOverallLevel(ratings: readonly Pick<DimensionRating, 'residualLevel'>[]): RiskLevel {
  return overallLevel(ratings) ?? 'low';
}
