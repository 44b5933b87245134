import { RISK_DIMENSIONS, type RiskDimensionKey } from '../risk/risk-scoring';

/**
 * DOMAIN.md §3 self-screening: the HERO's own first look at risk, seven yes/no questions in plain
 * language. It yields an indicative tier and the fast track (no "yes" at all). It is indicative
 * only: the advisor's assessment (§5) decides the real risk level, and the advisor may take a
 * project off the fast track with a reason.
 */

export const SELF_SCREENING_KEYS = [
  'personalOrSensitiveData',
  'payments',
  'speaksPublicly',
  'connectedDevices',
  'integratesCoreSystems',
  'newExternalVendor',
  'budgetAboveFastTrack',
] as const;
export type SelfScreeningKey = (typeof SELF_SCREENING_KEYS)[number];
export type SelfScreeningAnswers = Readonly<Record<SelfScreeningKey, boolean>>;

export interface SelfScreeningQuestion {
  key: SelfScreeningKey;
  /** Written for an employee outside IT. */
  text: string;
  /** The §5 risk dimensions a "yes" brings into play, the advisor's starting points. */
  touches: readonly RiskDimensionKey[];
}

export const SELF_SCREENING_QUESTIONS: readonly SelfScreeningQuestion[] = [
  {
    key: 'personalOrSensitiveData',
    text: 'Will it collect, store or look at information about individual people — names, contact details, health, location, children?',
    touches: ['privacy', 'security', 'compliance'],
  },
  {
    key: 'payments',
    text: 'Will customers pay through it, or will it handle card or bank details?',
    touches: ['financial', 'security', 'compliance'],
  },
  {
    key: 'speaksPublicly',
    text: 'Will it publish or say things in the company’s name — posts, messages, a chatbot, videos?',
    touches: ['brand', 'compliance'],
  },
  {
    key: 'connectedDevices',
    text: 'Does it involve physical devices connected to the internet — sensors, beacons, smart screens?',
    touches: ['security', 'operations'],
  },
  {
    key: 'integratesCoreSystems',
    text: 'Does it need to read from or write to the company’s own systems — orders, customer records, billing?',
    touches: ['integration', 'security', 'operations'],
  },
  {
    key: 'newExternalVendor',
    text: 'Will we use an outside company or online service we have not used before?',
    touches: ['vendor', 'security', 'privacy'],
  },
  {
    key: 'budgetAboveFastTrack',
    text: 'Will it cost more than the fast-track budget limit?',
    touches: ['financial'],
  },
];

/** Question → risk dimensions it touches, derived from the question list. */
export const DIMENSIONS_BY_QUESTION = Object.fromEntries(SELF_SCREENING_QUESTIONS.map((q) => [q.key, q.touches])) as Readonly<
  Record<SelfScreeningKey, readonly RiskDimensionKey[]>
>;

export type IndicativeTier = 'low' | 'medium' | 'high';

export interface SelfScreeningResult {
  yesCount: number;
  indicativeTier: IndicativeTier;
  /** No "yes" at all: light assessment, shorter SLAs, no CIO co-sign. */
  fastTrack: boolean;
  /** In the framework's dimension order, each once. */
  touchedDimensions: RiskDimensionKey[];
}

/** Three or more "yes" answers make the tier high on their own. */
export const HIGH_TIER_YES_COUNT = 3;
/** Money and personal data are where harm is most direct: with any other "yes" they make the tier high. */
const AGGRAVATING: readonly SelfScreeningKey[] = ['payments', 'personalOrSensitiveData'];

/**
 * Tier: no "yes" → low; three or more → high; payments or personal/sensitive data together with
 * any other "yes" → high; otherwise (one or two) → medium.
 */
export function evaluateSelfScreening(answers: SelfScreeningAnswers): SelfScreeningResult {
  const yes = SELF_SCREENING_KEYS.filter((key) => answers[key]);
  const aggravated = yes.length >= 2 && yes.some((key) => AGGRAVATING.includes(key));
  const indicativeTier: IndicativeTier = yes.length === 0 ? 'low' : yes.length >= HIGH_TIER_YES_COUNT || aggravated ? 'high' : 'medium';
  const touched = new Set(SELF_SCREENING_QUESTIONS.filter((q) => answers[q.key]).flatMap((q) => q.touches));
  return {
    yesCount: yes.length,
    indicativeTier,
    fastTrack: yes.length === 0,
    touchedDimensions: RISK_DIMENSIONS.filter((d) => touched.has(d)),
  };
}

/** A stored answer set (jsonb) that answers every question with a boolean. */
export function isCompleteSelfScreening(value: unknown): value is SelfScreeningAnswers {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return SELF_SCREENING_KEYS.every((key) => typeof record[key] === 'boolean');
}

/**
 * Suggests the answer to the budget question. "Above" is strict: a budget equal to the threshold
 * still fits the fast track. Both amounts are integer minor units of the same currency.
 */
export function budgetAboveFastTrack(amountMinor: number, thresholdMinor: number): boolean {
  if (!Number.isSafeInteger(amountMinor) || !Number.isSafeInteger(thresholdMinor) || amountMinor < 0 || thresholdMinor < 0) {
    throw new RangeError('amounts must be non-negative integer minor units');
  }
  return amountMinor > thresholdMinor;
}
