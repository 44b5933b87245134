import fc from 'fast-check';
import {
  EFFORT_KEYS,
  EFFORT_VALUE_QUESTIONS,
  VALUE_KEYS,
  VERDICT_MARGIN,
  effortValueProblems,
  scoreEffortValue,
  verdictFor,
  type EffortValueInput,
  type EffortValueKey,
} from './effort-value';

const ALL_KEYS = [...VALUE_KEYS, ...EFFORT_KEYS];
const point = fc.integer({ min: 0, max: 4 });
const input = fc.record(Object.fromEntries(ALL_KEYS.map((k) => [k, point])) as Record<EffortValueKey, fc.Arbitrary<number>>);
function answers(value: number, effort: number): EffortValueInput {
  return Object.fromEntries([...VALUE_KEYS.map((k) => [k, value]), ...EFFORT_KEYS.map((k) => [k, effort])]) as EffortValueInput;
}

describe('the effort & value questionnaire', () => {
  it('asks every input once with five labels per scale', () => {
    expect(EFFORT_VALUE_QUESTIONS.map((q) => q.key)).toEqual(ALL_KEYS);
    expect(EFFORT_VALUE_QUESTIONS.filter((q) => q.side === 'value').map((q) => q.key)).toEqual([...VALUE_KEYS]);
    for (const q of EFFORT_VALUE_QUESTIONS) expect(new Set(q.labels).size).toBe(5);
  });
});

describe('scoreEffortValue', () => {
  it.each([
    [answers(0, 0), 0, 0, 'balanced'],
    [answers(4, 4), 100, 100, 'balanced'],
    [answers(4, 0), 100, 0, 'no_brainer'],
    [answers(0, 4), 0, 100, 'effort_exceeds_value'],
    [answers(3, 2), 75, 50, 'no_brainer'],
    [answers(2, 3), 50, 75, 'effort_exceeds_value'],
    [{ ...answers(2, 1), strategicFit: 1 }, 42, 25, 'balanced'],
    [{ ...answers(1, 1), customersReached: 4 }, 50, 25, 'no_brainer'],
  ] as const)('%j scores value %i, effort %i: %s', (given, valueScore, effortScore, verdict) => {
    expect(scoreEffortValue(given)).toEqual({ valueScore, effortScore, verdict });
  });

  it('keeps both scores whole numbers within 0–100', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { valueScore, effortScore } = scoreEffortValue(i);
        return [valueScore, effortScore].every((s) => Number.isInteger(s) && s >= 0 && s <= 100);
      }),
    );
  });

  it('gives a verdict consistent with the difference of the scores shown', () => {
    fc.assert(
      fc.property(input, (i) => {
        const { valueScore, effortScore, verdict } = scoreEffortValue(i);
        const gap = valueScore - effortScore;
        return verdict === (gap >= VERDICT_MARGIN ? 'no_brainer' : -gap >= VERDICT_MARGIN ? 'effort_exceeds_value' : 'balanced');
      }),
    );
  });

  it('never lowers value when an answer on the value side goes up', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...VALUE_KEYS), (i, key) => {
        const raised = { ...i, [key]: Math.min(4, i[key] + 1) };
        return scoreEffortValue(raised).valueScore >= scoreEffortValue(i).valueScore;
      }),
    );
  });

  it.each([
    [{ ...answers(2, 2), weeks: 5 }, ['weeks']],
    [{ ...answers(2, 2), money: -1 }, ['money']],
    [{ ...answers(2, 2), strategicFit: 1.5 }, ['strategicFit']],
  ])('refuses %j', (given, keys) => {
    expect(effortValueProblems(given)).toEqual(keys);
    expect(() => scoreEffortValue(given)).toThrow(RangeError);
  });

  it('reports every missing or non-numeric answer', () => {
    expect(effortValueProblems({ customersReached: 2, people: '3' })).toEqual(ALL_KEYS.filter((k) => k !== 'customersReached'));
  });
});

describe('verdictFor', () => {
  it.each([
    [50, 25, 'no_brainer'],
    [50, 26, 'balanced'],
    [26, 50, 'balanced'],
    [25, 50, 'effort_exceeds_value'],
  ] as const)('value %i, effort %i → %s', (value, effort, verdict) => expect(verdictFor(value, effort)).toBe(verdict));
});
