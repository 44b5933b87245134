import fc from 'fast-check';
import {
  RISK_LEVELS,
  SEED_THRESHOLDS,
  isAtLeast,
  levelFor,
  levelRank,
  maxLevel,
  overallLevel,
  rateDimension,
  score,
  thresholdProblems,
  type RiskLevel,
  type RiskThresholds,
} from './risk-scoring';

const factor = fc.integer({ min: 1, max: 5 });
const level = fc.constantFrom(...RISK_LEVELS);
const rating = fc.tuple(factor, factor).chain(([likelihood, impact]) =>
  fc.record({
    likelihood: fc.constant(likelihood),
    impact: fc.constant(impact),
    residualLikelihood: fc.integer({ min: 1, max: likelihood }),
    residualImpact: fc.integer({ min: 1, max: impact }),
    rationale: fc.constant('because'),
  }),
);

describe('score', () => {
  it('is likelihood × impact', () => {
    fc.assert(fc.property(factor, factor, (l, i) => score(l, i) === l * i));
  });

  it('is always within 1–25', () => {
    fc.assert(fc.property(factor, factor, (l, i) => score(l, i) >= 1 && score(l, i) <= 25));
  });

  it.each([
    [0, 3],
    [6, 3],
    [3, 0],
    [2.5, 3],
  ])('refuses likelihood %p × impact %p', (l, i) => expect(() => score(l, i)).toThrow(RangeError));
});

describe('levelFor with the seed thresholds', () => {
  it.each([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [16, 'high'],
    [17, 'critical'],
    [25, 'critical'],
  ] as const)('score %i is %s', (s, expected) => expect(levelFor(s)).toBe(expected));

  it.each([
    [4, 5, 'low', 'medium'],
    [9, 10, 'medium', 'high'],
    [16, 17, 'high', 'critical'],
  ] as const)('changes level between %i and %i (%s → %s)', (below, above, lower, upper) => {
    expect([levelFor(below), levelFor(above)]).toEqual([lower, upper]);
  });

  it('partitions 1–25 exactly: every score matches one and only one level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), (s) => {
        const matching = RISK_LEVELS.filter((l) => s >= SEED_THRESHOLDS[l].min && s <= SEED_THRESHOLDS[l].max);
        return matching.length === 1 && matching[0] === levelFor(s);
      }),
    );
    expect(thresholdProblems(SEED_THRESHOLDS)).toEqual([]);
  });

  it('never lowers the level as the score grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return levelRank(levelFor(lo)) <= levelRank(levelFor(hi));
      }),
    );
  });

  it('refuses a score outside 1–25', () => {
    expect(() => levelFor(0)).toThrow(RangeError);
    expect(() => levelFor(26)).toThrow(RangeError);
  });

  it('follows a published framework’s own thresholds', () => {
    const strict: RiskThresholds = {
      low: { min: 1, max: 2 },
      medium: { min: 3, max: 5 },
      high: { min: 6, max: 11 },
      critical: { min: 12, max: 25 },
    };
    expect(thresholdProblems(strict)).toEqual([]);
    expect(levelFor(12, strict)).toBe('critical');
  });
});

describe('thresholdProblems', () => {
  it.each<[string, RiskThresholds]>([
    ['a gap', { ...SEED_THRESHOLDS, medium: { min: 6, max: 9 } }],
    ['an overlap', { ...SEED_THRESHOLDS, high: { min: 9, max: 16 } }],
    ['a short top', { ...SEED_THRESHOLDS, critical: { min: 17, max: 24 } }],
    ['an inverted range', { ...SEED_THRESHOLDS, high: { min: 16, max: 10 } }],
    ['a fraction', { ...SEED_THRESHOLDS, low: { min: 1, max: 4.5 } }],
  ])('reports %s', (_name, thresholds) => expect(thresholdProblems(thresholds).length).toBeGreaterThan(0));
});

describe('maxLevel and isAtLeast', () => {
  it('orders low < medium < high < critical', () => {
    expect(RISK_LEVELS.map(levelRank)).toEqual([0, 1, 2, 3]);
    expect(isAtLeast('high', 'medium')).toBe(true);
    expect(isAtLeast('low', 'medium')).toBe(false);
  });

  it('is null for no levels and otherwise one of them, at least as severe as each', () => {
    expect(maxLevel([])).toBeNull();
    fc.assert(
      fc.property(fc.array(level, { minLength: 1 }), (levels) => {
        const max = maxLevel(levels) as RiskLevel;
        return levels.includes(max) && levels.every((l) => isAtLeast(max, l));
      }),
    );
  });
});

describe('rateDimension', () => {
  it('scores inherent and residual ratings', () => {
    expect(rateDimension({ likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3, rationale: 'card data' })).toEqual({
      inherentScore: 20,
      inherentLevel: 'critical',
      residualScore: 6,
      residualLevel: 'medium',
      problems: [],
    });
  });

  it('takes the residual as the inherent rating when nothing is mitigated yet', () => {
    const r = rateDimension({ likelihood: 2, impact: 2 });
    expect([r.residualScore, r.residualLevel, r.problems]).toEqual([4, 'low', []]);
  });

  it.each([
    [{ likelihood: 1, impact: 4 }, []],
    [{ likelihood: 1, impact: 5 }, ['rationale']],
    [{ likelihood: 1, impact: 5, rationale: '   ' }, ['rationale']],
    [{ likelihood: 1, impact: 5, rationale: 'why' }, []],
    [{ likelihood: 2, impact: 2, residualLikelihood: 3 }, ['residualLikelihood']],
    [{ likelihood: 2, impact: 2, residualImpact: 3 }, ['residualImpact']],
    [{ likelihood: 3, impact: 4, residualLikelihood: 4, residualImpact: 1 }, ['rationale', 'residualLikelihood']],
  ])('%j has problems with %j', (input, fields) => expect(rateDimension(input).problems.map((p) => p.field)).toEqual(fields));

  it('never reports a residual score above the inherent one when the rating is valid', () => {
    fc.assert(
      fc.property(rating, (input) => {
        const r = rateDimension(input);
        return r.problems.length === 0 && r.residualScore <= r.inherentScore && isAtLeast(r.inherentLevel, r.residualLevel);
      }),
    );
  });
});

describe('overallLevel', () => {
  it('is null when nothing is rated', () => expect(overallLevel([])).toBeNull());

  it('is at least every residual level and equal to one of them (no averaging)', () => {
    fc.assert(
      fc.property(fc.array(rating, { minLength: 1, maxLength: 8 }), (inputs) => {
        const ratings = inputs.map((i) => rateDimension(i));
        const overall = overallLevel(ratings) as RiskLevel;
        return ratings.every((r) => isAtLeast(overall, r.residualLevel)) && ratings.some((r) => r.residualLevel === overall);
      }),
    );
  });

  it('is critical as soon as one dimension is critical', () => {
    fc.assert(
      fc.property(fc.array(level), fc.nat(), (others, at) => {
        const levels = [...others];
        levels.splice(at % (levels.length + 1), 0, 'critical');
        return overallLevel(levels.map((residualLevel) => ({ residualLevel }))) === 'critical';
      }),
    );
  });
});
