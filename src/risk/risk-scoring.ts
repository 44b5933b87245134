/**
 * DOMAIN.md §5 risk assessment: each dimension is rated likelihood 1–5 × impact 1–5, the score maps
 * to a level through the framework version's thresholds, and the project's overall level is the
 * highest residual level of any dimension — one critical dimension makes the project critical.
 */

/** Ordered from least to most severe; the order is the meaning (see `levelRank`). */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The dimensions of the seeded risk framework, version 1. */
export const RISK_DIMENSIONS = ['security', 'privacy', 'compliance', 'brand', 'operations', 'vendor', 'financial', 'integration'] as const;
export type RiskDimensionKey = (typeof RISK_DIMENSIONS)[number];

export const MIN_FACTOR = 1;
export const MAX_FACTOR = 5;
export const MIN_SCORE = MIN_FACTOR * MIN_FACTOR;
export const MAX_SCORE = MAX_FACTOR * MAX_FACTOR;

/** Inclusive score range per level, as a framework version publishes it. */
export type RiskThresholds = Readonly<Record<RiskLevel, Readonly<{ min: number; max: number }>>>;

export const SEED_THRESHOLDS: RiskThresholds = {
  low: { min: 1, max: 4 },
  medium: { min: 5, max: 9 },
  high: { min: 10, max: 16 },
  critical: { min: 17, max: 25 },
};

export function levelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

export function isAtLeast(level: RiskLevel, floor: RiskLevel): boolean {
  return levelRank(level) >= levelRank(floor);
}

/** The most severe of `levels`, or null when there are none. */
export function maxLevel(levels: Iterable<RiskLevel>): RiskLevel | null {
  let highest: RiskLevel | null = null;
  for (const level of levels) {
    if (highest === null || levelRank(level) > levelRank(highest)) highest = level;
  }
  return highest;
}

function assertFactor(name: string, value: number): void {
  if (!Number.isInteger(value) || value < MIN_FACTOR || value > MAX_FACTOR) {
    throw new RangeError(`${name} must be an integer from ${MIN_FACTOR} to ${MAX_FACTOR}, got ${value}`);
  }
}

/** Likelihood × impact, 1–25. */
export function score(likelihood: number, impact: number): number {
  assertFactor('likelihood', likelihood);
  assertFactor('impact', impact);
  return likelihood * impact;
}

/** The level whose range holds `riskScore` under `thresholds`. */
export function levelFor(riskScore: number, thresholds: RiskThresholds = SEED_THRESHOLDS): RiskLevel {
  const level = RISK_LEVELS.find((l) => riskScore >= thresholds[l].min && riskScore <= thresholds[l].max);
  if (!level) throw new RangeError(`no risk level covers score ${riskScore}`);
  return level;
}

/**
 * Problems with thresholds a CIO wants to publish: the ranges must be integers, follow the level
 * order and cover 1–25 with no gap and no overlap, so every score has exactly one level.
 */
export function thresholdProblems(thresholds: RiskThresholds): string[] {
  const problems: string[] = [];
  let expectedMin = MIN_SCORE;
  for (const level of RISK_LEVELS) {
    const { min, max } = thresholds[level];
    if (!Number.isInteger(min) || !Number.isInteger(max)) problems.push(`${level}: bounds must be integers`);
    else if (min > max) problems.push(`${level}: min ${min} is above max ${max}`);
    else if (min !== expectedMin) problems.push(`${level}: must start at ${expectedMin}, starts at ${min}`);
    expectedMin = max + 1;
  }
  if (expectedMin !== MAX_SCORE + 1) problems.push(`critical: must end at ${MAX_SCORE}`);
  return problems;
}

export interface DimensionRatingInput {
  likelihood: number;
  impact: number;
  /** After mitigations; when absent the residual equals the inherent rating (nothing mitigated yet). */
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  rationale?: string | null;
}

export type RatingProblemCode = 'rationale_required' | 'residual_exceeds_inherent';

export interface RatingProblem {
  field: 'rationale' | 'residualLikelihood' | 'residualImpact';
  code: RatingProblemCode;
}

export interface DimensionRating {
  inherentScore: number;
  inherentLevel: RiskLevel;
  residualScore: number;
  residualLevel: RiskLevel;
  /** Empty when the rating may be submitted. A draft may hold problems; submission may not. */
  problems: RatingProblem[];
}

/**
 * Rates one dimension. Mitigations lower likelihood or impact; they never raise either, so each
 * residual factor must not exceed its inherent one (which also keeps residual score ≤ inherent).
 * A rationale is required when the inherent level is medium or above: the risk before mitigation
 * is what needs explaining.
 */
export function rateDimension(input: DimensionRatingInput, thresholds: RiskThresholds = SEED_THRESHOLDS): DimensionRating {
  const residualLikelihood = input.residualLikelihood ?? input.likelihood;
  const residualImpact = input.residualImpact ?? input.impact;
  const inherentScore = score(input.likelihood, input.impact);
  const residualScore = score(residualLikelihood, residualImpact);
  const inherentLevel = levelFor(inherentScore, thresholds);
  const problems: RatingProblem[] = [];
  if (isAtLeast(inherentLevel, 'medium') && !input.rationale?.trim()) problems.push({ field: 'rationale', code: 'rationale_required' });
  if (residualLikelihood > input.likelihood) problems.push({ field: 'residualLikelihood', code: 'residual_exceeds_inherent' });
  if (residualImpact > input.impact) problems.push({ field: 'residualImpact', code: 'residual_exceeds_inherent' });
  return { inherentScore, inherentLevel, residualScore, residualLevel: levelFor(residualScore, thresholds), problems };
}

/** The project's overall level: the highest residual level, never an average; null with no ratings. */
export function overallLevel(ratings: Iterable<Pick<DimensionRating, 'residualLevel'>>): RiskLevel | null {
  return maxLevel(Array.from(ratings, (r) => r.residualLevel));
}
