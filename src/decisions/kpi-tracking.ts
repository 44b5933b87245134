/**
 * DOMAIN.md §7 outcomes: each KPI shows its latest value, its trend and whether it is on track
 * against its target. Pure: measurements in, status out. "Better" always follows the KPI's
 * direction (a KPI to decrease improves when the value goes down).
 */

export type KpiDirection = 'increase' | 'decrease';

export interface KpiDefinition {
  baseline: number;
  target: number;
  direction: KpiDirection;
}

export interface Measurement {
  /** ISO date the value was measured on. */
  measuredOn: string;
  value: number;
  /** Tie-break for two values measured the same day: the later recording wins. */
  recordedAt: string;
}

export type KpiTrend = 'improving' | 'worsening' | 'flat';
export type KpiStatus = 'no_data' | 'on_track' | 'off_track';

export interface KpiProgress {
  latest: Measurement | null;
  previous: Measurement | null;
  trend: KpiTrend | null;
  /** Share of the way from baseline to target covered by the latest value (1 = target reached). */
  progress: number | null;
  targetMet: boolean;
  status: KpiStatus;
}

/** Newest first: by measurement date, then by when it was recorded. */
export function byRecency(a: Measurement, b: Measurement): number {
  if (a.measuredOn !== b.measuredOn) return a.measuredOn < b.measuredOn ? 1 : -1;
  return a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0;
}

/** +1 when `to` is better than `from` for this KPI, -1 when worse, 0 when equal. */
export function betterness(kpi: KpiDefinition, from: number, to: number): number {
  const sign = Math.sign(to - from);
  return kpi.direction === 'increase' ? sign : -sign;
}

export function targetMet(kpi: KpiDefinition, value: number): boolean {
  return betterness(kpi, kpi.target, value) >= 0;
}

/** 0 at the baseline, 1 at the target, negative when worse than the baseline; rounded to 2 decimals. */
export function progressTowardTarget(kpi: KpiDefinition, value: number): number {
  const span = kpi.target - kpi.baseline;
  if (span === 0) return targetMet(kpi, value) ? 1 : 0;
  // `+ 0` turns -0 into 0 so a value at the baseline reads 0 in JSON and in comparisons.
  return Math.round(((value - kpi.baseline) / span) * 100) / 100 + 0;
}

/**
 * On track: the target is met, or the latest value is better than the baseline and not getting
 * worse. Off track: no better than the baseline, or falling back while short of the target.
 */
export function kpiProgress(kpi: KpiDefinition, measurements: readonly Measurement[]): KpiProgress {
  const [latest = null, previous = null] = [...measurements].sort(byRecency);
  if (latest === null) return { latest, previous, trend: null, progress: null, targetMet: false, status: 'no_data' };
  const trend = previous === null ? null : trendOf(betterness(kpi, previous.value, latest.value));
  const met = targetMet(kpi, latest.value);
  const beyondBaseline = betterness(kpi, kpi.baseline, latest.value) > 0;
  const onTrack = met || (beyondBaseline && trend !== 'worsening');
  return {
    latest,
    previous,
    trend,
    progress: progressTowardTarget(kpi, latest.value),
    targetMet: met,
    status: onTrack ? 'on_track' : 'off_track',
  };
}

function trendOf(better: number): KpiTrend {
  return better > 0 ? 'improving' : better < 0 ? 'worsening' : 'flat';
}

/** A KPI "goes off track" (§7: notify and emit kpi.off_track) when a new value flips it to off_track. */
export function wentOffTrack(before: KpiStatus, after: KpiStatus): boolean {
  return after === 'off_track' && before !== 'off_track';
}
