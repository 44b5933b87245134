import { isAtLeast, levelRank, overallLevel, rateDimension, RISK_DIMENSIONS, type RiskLevel } from '../../src/risk/risk-scoring';
import type { Random } from '../lib/random';

/** One dimension's rating as risk_assessment_rating stores it, scored by the app's own rules. */
export interface RatingRow {
  dimension: string;
  likelihood: number;
  impact: number;
  residual_likelihood: number;
  residual_impact: number;
  rationale: string;
  inherent_score: number;
  inherent_level: RiskLevel;
  residual_score: number;
  residual_level: RiskLevel;
}

function rateOne(rnd: Random, dimension: string, ceiling: RiskLevel): RatingRow {
  for (;;) {
    const likelihood = rnd.int(1, 5);
    const impact = rnd.int(1, 5);
    const residualLikelihood = rnd.int(1, likelihood);
    const residualImpact = rnd.int(1, impact);
    const r = rateDimension({
      likelihood,
      impact,
      residualLikelihood,
      residualImpact,
      rationale: 'Assessed with the vendor and the team.',
    });
    if (levelRank(r.residualLevel) > levelRank(ceiling)) continue;
    return {
      dimension,
      likelihood,
      impact,
      residual_likelihood: residualLikelihood,
      residual_impact: residualImpact,
      rationale: isAtLeast(r.inherentLevel, 'medium') ? 'Assessed with the vendor and the team.' : '',
      inherent_score: r.inherentScore,
      inherent_level: r.inherentLevel,
      residual_score: r.residualScore,
      residual_level: r.residualLevel,
    };
  }
}

/** A full set of ratings (every dimension) whose overall (highest residual) level is exactly `level`. */
function ratingSet(rnd: Random, level: RiskLevel): RatingRow[] {
  for (;;) {
    const rows = RISK_DIMENSIONS.map((d) => rateOne(rnd, d, level));
    if (overallLevel(rows.map((r) => ({ residualLevel: r.residual_level }))) === level) return rows;
  }
}

/** Pre-built rating sets per level, reused across projects (scoring 500k ratings one by one is wasted time). */
export class RatingPool {
  private readonly pool = new Map<RiskLevel, RatingRow[][]>();

  constructor(rnd: Random, perLevel = 64) {
    for (const level of ['low', 'medium', 'high', 'critical'] as const) {
      this.pool.set(
        level,
        Array.from({ length: perLevel }, () => ratingSet(rnd, level)),
      );
    }
  }

  pick(rnd: Random, level: RiskLevel): RatingRow[] {
    return rnd.pick(this.pool.get(level)!);
  }
}
