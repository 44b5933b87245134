/** Enumerations of DOMAIN.md §3 project fields. */
export const TECHNOLOGIES = ['mobile', 'social', 'video', 'cloud', 'iot', 'ai', 'web', 'other'] as const;
export type Technology = (typeof TECHNOLOGIES)[number];

export const DATA_CATEGORIES = ['none', 'personal', 'sensitive', 'payment', 'health', 'children', 'location'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const KPI_DIRECTIONS = ['increase', 'decrease'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export const RISK_LEVEL_VALUES = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevelValue = (typeof RISK_LEVEL_VALUES)[number];
