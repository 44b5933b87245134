import type { ThresholdsDto } from '../api/generated/api';

export type Level = 'low' | 'medium' | 'high' | 'critical';
const LEVELS: Level[] = ['low', 'medium', 'high', 'critical'];

/** score 1–25 → level by the framework version's thresholds (the server computes the same). */
export function levelFor(score: number, thresholds: ThresholdsDto): Level {
  return LEVELS.find((l) => score >= thresholds[l].min && score <= thresholds[l].max) ?? 'critical';
}

/** The highest level of a list: one critical dimension makes the whole project critical. */
export function highestLevel(levels: Level[]): Level | null {
  return levels.reduce<Level | null>((max, l) => (max === null || LEVELS.indexOf(l) > LEVELS.indexOf(max) ? l : max), null);
}
