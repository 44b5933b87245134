import fc from 'fast-check';
import { RISK_DIMENSIONS } from '../risk/risk-scoring';
import {
  DIMENSIONS_BY_QUESTION,
  SELF_SCREENING_KEYS,
  SELF_SCREENING_QUESTIONS,
  budgetAboveFastTrack,
  evaluateSelfScreening,
  isCompleteSelfScreening,
  type SelfScreeningAnswers,
  type SelfScreeningKey,
} from './self-screening';

const allNo = Object.fromEntries(SELF_SCREENING_KEYS.map((k) => [k, false])) as Record<SelfScreeningKey, boolean>;
function yesTo(...keys: SelfScreeningKey[]): SelfScreeningAnswers {
  return { ...allNo, ...Object.fromEntries(keys.map((k) => [k, true])) };
}
const answers = fc.record(
  Object.fromEntries(SELF_SCREENING_KEYS.map((k) => [k, fc.boolean()])) as Record<SelfScreeningKey, fc.Arbitrary<boolean>>,
);

describe('self-screening questions', () => {
  it('asks every question once, in plain words ending with a question mark', () => {
    expect(SELF_SCREENING_QUESTIONS.map((q) => q.key)).toEqual([...SELF_SCREENING_KEYS]);
    for (const q of SELF_SCREENING_QUESTIONS) expect(q.text).toMatch(/\?$/);
  });

  it('maps every question to at least one known risk dimension', () => {
    for (const key of SELF_SCREENING_KEYS) {
      expect(DIMENSIONS_BY_QUESTION[key].length).toBeGreaterThan(0);
      for (const d of DIMENSIONS_BY_QUESTION[key]) expect(RISK_DIMENSIONS).toContain(d);
    }
  });
});

describe('evaluateSelfScreening', () => {
  it('puts a project with no "yes" on the fast track at low tier', () => {
    expect(evaluateSelfScreening(allNo)).toEqual({ yesCount: 0, indicativeTier: 'low', fastTrack: true, touchedDimensions: [] });
  });

  it.each<[SelfScreeningKey[], 'low' | 'medium' | 'high']>([
    [['speaksPublicly'], 'medium'],
    [['payments'], 'medium'],
    [['personalOrSensitiveData'], 'medium'],
    [['speaksPublicly', 'connectedDevices'], 'medium'],
    [['newExternalVendor', 'budgetAboveFastTrack'], 'medium'],
    [['payments', 'speaksPublicly'], 'high'],
    [['personalOrSensitiveData', 'newExternalVendor'], 'high'],
    [['payments', 'personalOrSensitiveData'], 'high'],
    [['speaksPublicly', 'connectedDevices', 'integratesCoreSystems'], 'high'],
  ])('yes to %j is %s', (keys, tier) => {
    const result = evaluateSelfScreening(yesTo(...keys));
    expect(result).toMatchObject({ yesCount: keys.length, indicativeTier: tier, fastTrack: false });
  });

  it('lists touched dimensions once each, in framework order', () => {
    expect(evaluateSelfScreening(yesTo('payments', 'personalOrSensitiveData')).touchedDimensions).toEqual([
      'security',
      'privacy',
      'compliance',
      'financial',
    ]);
    expect(evaluateSelfScreening(yesTo('budgetAboveFastTrack')).touchedDimensions).toEqual(['financial']);
  });

  it('fast-tracks iff nothing is answered yes, and never rates a riskier answer set lower', () => {
    const rank = { low: 0, medium: 1, high: 2 };
    fc.assert(
      fc.property(answers, fc.constantFrom(...SELF_SCREENING_KEYS), (a, extra) => {
        const before = evaluateSelfScreening(a);
        const after = evaluateSelfScreening({ ...a, [extra]: true });
        const fastTrackRight = before.fastTrack === (before.yesCount === 0) && before.fastTrack === (before.indicativeTier === 'low');
        return fastTrackRight && rank[after.indicativeTier] >= rank[before.indicativeTier];
      }),
    );
  });

  it('touches exactly the dimensions of the questions answered yes', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const expected = new Set(SELF_SCREENING_KEYS.filter((k) => a[k]).flatMap((k) => DIMENSIONS_BY_QUESTION[k]));
        const touched = evaluateSelfScreening(a).touchedDimensions;
        return touched.length === expected.size && touched.every((d) => expected.has(d));
      }),
    );
  });
});

describe('isCompleteSelfScreening', () => {
  it.each([
    [allNo, true],
    [yesTo('payments'), true],
    [{ ...allNo, payments: 'yes' }, false],
    [{ payments: true }, false],
    [null, false],
    ['yes', false],
  ])('%j → %s', (value, expected) => expect(isCompleteSelfScreening(value)).toBe(expected));
});

describe('budgetAboveFastTrack', () => {
  it.each([
    [0, 500_000, false],
    [500_000, 500_000, false],
    [500_001, 500_000, true],
  ])('%i against a %i threshold → %s', (amount, threshold, expected) => expect(budgetAboveFastTrack(amount, threshold)).toBe(expected));

  it.each([
    [-1, 100],
    [1.5, 100],
    [100, -1],
  ])('refuses %p against %p', (amount, threshold) => expect(() => budgetAboveFastTrack(amount, threshold)).toThrow(RangeError));
});
