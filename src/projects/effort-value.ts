/**
 * DOMAIN.md §3 effort and value: the HERO's case in a short questionnaire. Value (customers
 * reached, how much the customer task improves, strategic fit) and effort (people, weeks, money,
 * integration work) are each answered on a labelled 0–4 scale and scored 0–100. Value well above
 * effort marks a "no-brainer"; effort well above value flags the project for the manager.
 */

export const SCALE_MIN = 0;
export const SCALE_MAX = 4;
/** "Well above": the gap, in points of 0–100, that makes a verdict. */
export const VERDICT_MARGIN = 25;

export const VALUE_KEYS = ['customersReached', 'taskImprovement', 'strategicFit'] as const;
export const EFFORT_KEYS = ['people', 'weeks', 'money', 'integrationWork'] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];
export type EffortKey = (typeof EFFORT_KEYS)[number];
export type EffortValueKey = ValueKey | EffortKey;
export type EffortValueInput = Readonly<Record<EffortValueKey, number>>;

export interface EffortValueQuestion {
  key: EffortValueKey;
  side: 'value' | 'effort';
  text: string;
  /** One label per scale point, index 0 to 4. */
  labels: readonly [string, string, string, string, string];
}

export const EFFORT_VALUE_QUESTIONS: readonly EffortValueQuestion[] = [
  {
    key: 'customersReached',
    side: 'value',
    text: 'How many customers will it reach?',
    labels: ['A handful', 'Hundreds', 'Thousands', 'Tens of thousands', 'Most of our customers'],
  },
  {
    key: 'taskImprovement',
    side: 'value',
    text: 'How much easier or faster does it make the customer’s task?',
    labels: ['No noticeable change', 'A little', 'Noticeably', 'Much easier or faster', 'It transforms the task'],
  },
  {
    key: 'strategicFit',
    side: 'value',
    text: 'How closely does it serve the company’s stated goals?',
    labels: ['Unrelated', 'Loosely related', 'Supports a goal', 'Directly advances a goal', 'Core to the strategy'],
  },
  {
    key: 'people',
    side: 'effort',
    text: 'How many people will it take to build and run?',
    labels: ['Just me', '2–3 people', 'A small team (4–6)', 'Several teams', 'A large programme'],
  },
  {
    key: 'weeks',
    side: 'effort',
    text: 'How long until the first version reaches customers?',
    labels: ['Under 2 weeks', '2–6 weeks', '6 weeks to 3 months', '3–6 months', 'More than 6 months'],
  },
  {
    key: 'money',
    side: 'effort',
    text: 'How much money does it need beyond people’s time?',
    labels: [
      'Nothing new',
      'Small change from the team budget',
      'A real part of the team budget',
      'A department budget',
      'A division or company budget',
    ],
  },
  {
    key: 'integrationWork',
    side: 'effort',
    text: 'How much work with existing systems does it need?',
    labels: [
      'None, it stands alone',
      'Reads data from one system',
      'Reads and writes one system',
      'Several systems',
      'Changes to core systems',
    ],
  },
];

export type EffortValueVerdict = 'no_brainer' | 'effort_exceeds_value' | 'balanced';

export interface EffortValueScore {
  valueScore: number;
  effortScore: number;
  verdict: EffortValueVerdict;
}

/** The verdict for two 0–100 scores. */
export function verdictFor(valueScore: number, effortScore: number): EffortValueVerdict {
  if (valueScore - effortScore >= VERDICT_MARGIN) return 'no_brainer';
  if (effortScore - valueScore >= VERDICT_MARGIN) return 'effort_exceeds_value';
  return 'balanced';
}

/** Problems with an answer set: each answer must be a whole number on the 0–4 scale. */
export function effortValueProblems(input: Partial<Record<EffortValueKey, unknown>>): EffortValueKey[] {
  return [...VALUE_KEYS, ...EFFORT_KEYS].filter((key) => {
    const answer = input[key];
    return typeof answer !== 'number' || !Number.isInteger(answer) || answer < SCALE_MIN || answer > SCALE_MAX;
  });
}

/** Equal weights within a side: the share of the maximum, as whole points 0–100. */
function sideScore(input: EffortValueInput, keys: readonly EffortValueKey[]): number {
  const total = keys.reduce((sum, key) => sum + input[key], 0);
  return Math.round((total / (keys.length * SCALE_MAX)) * 100);
}

/**
 * Scores the questionnaire. The verdict is taken on the rounded scores, so it always agrees with
 * the numbers shown on the project.
 */
export function scoreEffortValue(input: EffortValueInput): EffortValueScore {
  const problems = effortValueProblems(input);
  if (problems.length > 0) throw new RangeError(`answers must be integers ${SCALE_MIN}–${SCALE_MAX}: ${problems.join(', ')}`);
  const valueScore = sideScore(input, VALUE_KEYS);
  const effortScore = sideScore(input, EFFORT_KEYS);
  return { valueScore, effortScore, verdict: verdictFor(valueScore, effortScore) };
}
