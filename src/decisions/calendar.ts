/**
 * Calendar days for due dates, expiries and review milestones: ISO dates (YYYY-MM-DD) in UTC, so a
 * date means the same day whichever replica or time zone computes it.
 */

/** The UTC calendar day of `at`, as an ISO date. */
export function isoDay(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/** `isoDate` + `days` calendar days, as an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not an ISO date: ${isoDate}`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A real calendar date in YYYY-MM-DD form (rejects 2027-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
