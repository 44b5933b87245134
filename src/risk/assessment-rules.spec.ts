import fc from 'fast-check';
import { SELF_SCREENING_KEYS, type SelfScreeningAnswers } from '../projects/self-screening';
import {
  assessmentScope,
  inFrameworkOrder,
  ratingInputProblems,
  submissionProblems,
  submittedOverallLevel,
  type RatingInput,
} from './assessment-rules';
import { isAtLeast, rateDimension, RISK_DIMENSIONS, SEED_THRESHOLDS } from './risk-scoring';

const KEYS: string[] = [...RISK_DIMENSIONS];
const NO = Object.fromEntries(SELF_SCREENING_KEYS.map((k) => [k, false])) as SelfScreeningAnswers;
const answers = fc.record(Object.fromEntries(SELF_SCREENING_KEYS.map((k) => [k, fc.boolean()]))) as fc.Arbitrary<SelfScreeningAnswers>;
const factor = fc.integer({ min: 1, max: 5 });
const validRating = (dimension: string) =>
  fc.tuple(factor, factor).chain(([likelihood, impact]) =>
    fc.record({
      dimension: fc.constant(dimension),
      likelihood: fc.constant(likelihood),
      impact: fc.constant(impact),
      residualLikelihood: fc.integer({ min: 1, max: likelihood }),
      residualImpact: fc.integer({ min: 1, max: impact }),
      rationale: fc.constant('why'),
    }),
  );

describe('assessmentScope', () => {
  it('a full assessment covers every dimension, flagging those the self-screening touches', () => {
    const scope = assessmentScope(KEYS, false, { ...NO, payments: true });
    expect(scope.light).toBe(false);
    expect(scope.scope.map((s) => s.dimension)).toEqual(KEYS);
    expect(scope.scope.filter((s) => s.attention).map((s) => s.dimension)).toEqual(['security', 'compliance', 'financial']);
  });

  it('a light (fast-track) assessment covers only touched dimensions — none when nothing is answered yes', () => {
    expect(assessmentScope(KEYS, true, NO)).toEqual({ light: true, scope: [] });
  });

  it('ignores an incomplete self-screening (no attention flags)', () => {
    expect(assessmentScope(KEYS, false, { payments: true }).scope.some((s) => s.attention)).toBe(false);
    expect(assessmentScope(KEYS, false, null).scope).toHaveLength(8);
  });

  it('flags exactly the touched dimensions, in framework order, for any answers', () => {
    fc.assert(
      fc.property(answers, fc.boolean(), (a, fastTrack) => {
        const { scope } = assessmentScope(KEYS, fastTrack, a);
        const keys = scope.map((s) => s.dimension);
        const ordered = keys.every((k, i) => i === 0 || KEYS.indexOf(keys[i - 1]) < KEYS.indexOf(k));
        return ordered && (fastTrack ? scope.every((s) => s.attention) : keys.length === KEYS.length);
      }),
    );
  });
});

describe('ratingInputProblems', () => {
  const full = assessmentScope(KEYS, false, NO);
  const rating = (dimension: string): RatingInput => ({ dimension, likelihood: 1, impact: 1 });

  it('accepts each framework dimension once', () => {
    expect(ratingInputProblems(KEYS.map(rating), KEYS, full)).toEqual([]);
  });

  it('names the field of an unknown, duplicate or out-of-scope dimension', () => {
    expect(ratingInputProblems([rating('weather')], KEYS, full).map((p) => p.field)).toEqual(['ratings[0].dimension']);
    expect(ratingInputProblems([rating('brand'), rating('brand')], KEYS, full).map((p) => p.field)).toEqual(['ratings[1].dimension']);
    const light = assessmentScope(KEYS, true, NO);
    expect(ratingInputProblems([rating('brand')], KEYS, light)[0].message).toMatch(/fast track/);
  });
});

describe('submissionProblems', () => {
  const full = assessmentScope(KEYS, false, NO);
  const allLow = KEYS.map((dimension) => ({ dimension, likelihood: 1, impact: 2 }));

  it('passes a complete assessment', () => {
    expect(
      submissionProblems({ scope: full, ratings: allLow, recommendation: 'proceed', proposedConditionCount: 0 }, SEED_THRESHOLDS),
    ).toEqual([]);
  });

  it('requires every dimension in scope rated, and a recommendation', () => {
    const problems = submissionProblems(
      { scope: full, ratings: allLow.slice(1), recommendation: null, proposedConditionCount: 0 },
      SEED_THRESHOLDS,
    );
    expect(problems.map((p) => p.field)).toEqual(['ratings', 'recommendation']);
    expect(problems[0].message).toContain('security');
  });

  it('requires a rationale from medium up (score 5) and names the rating', () => {
    const ratings = [...allLow];
    ratings[2] = { dimension: 'compliance', likelihood: 1, impact: 5 };
    const problems = submissionProblems({ scope: full, ratings, recommendation: 'proceed', proposedConditionCount: 0 }, SEED_THRESHOLDS);
    expect(problems).toEqual([{ field: 'ratings[2].rationale', message: expect.stringContaining('compliance') }]);
  });

  it('requires a proposed condition to proceed with conditions', () => {
    const problems = submissionProblems(
      { scope: full, ratings: allLow, recommendation: 'proceed_with_conditions', proposedConditionCount: 0 },
      SEED_THRESHOLDS,
    );
    expect(problems.map((p) => p.field)).toEqual(['proposedConditions']);
  });

  it('lets a light assessment with nothing in scope be submitted with no ratings', () => {
    const light = assessmentScope(KEYS, true, NO);
    expect(
      submissionProblems({ scope: light, ratings: [], recommendation: 'proceed', proposedConditionCount: 0 }, SEED_THRESHOLDS),
    ).toEqual([]);
    expect(submittedOverallLevel([])).toBe('low');
  });
});

describe('submittedOverallLevel', () => {
  it('is never below any dimension’s residual level', () => {
    fc.assert(
      fc.property(
        fc.subarray(KEYS, { minLength: 1 }).chain((keys) => fc.tuple(...keys.map(validRating))),
        (inputs) => {
          const rated = inputs.map((r) => rateDimension(r));
          const overall = submittedOverallLevel(rated);
          return rated.every((r) => isAtLeast(overall, r.residualLevel));
        },
      ),
    );
  });
});

describe('inFrameworkOrder', () => {
  it('sorts ratings by the framework’s dimension order', () => {
    const shuffled = [{ dimension: 'integration' }, { dimension: 'security' }, { dimension: 'brand' }];
    expect(inFrameworkOrder(shuffled, KEYS).map((r) => r.dimension)).toEqual(['security', 'brand', 'integration']);
  });
});
