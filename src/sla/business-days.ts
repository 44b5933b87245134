/**
 * DOMAIN.md §8: SLA targets are in business days. Weekends (Saturday, Sunday) and configured
 * holidays are not business days. Days are UTC calendar days.
 *
 * `addBusinessDays(start, n)` is the instant n business days after `start` at the same time of
 * day: Monday 10:00 + 2 = Wednesday 10:00, Friday 10:00 + 1 = Monday 10:00. A start outside
 * business days counts from the beginning of the next business day (Saturday 10:00 + 2 =
 * Wednesday 00:00), so the clock never runs over a weekend or a holiday.
 */
const DAY_MS = 86_400_000;
/** Enough for any target of up to a year with generous holidays: the loops always end. */
const MAX_STEPS = 2_000;

export type Holidays = ReadonlySet<string>;

export function isoDate(t: Date): string {
  return t.toISOString().slice(0, 10);
}

export function isBusinessDay(t: Date, holidays: Holidays = new Set()): boolean {
  const day = t.getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(isoDate(t));
}

function startOfUtcDay(t: Date): Date {
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
}

/** The start of the first business day at or after `t` (t itself when it is a business day). */
export function nextBusinessStart(t: Date, holidays: Holidays = new Set()): Date {
  if (isBusinessDay(t, holidays)) return t;
  let day = startOfUtcDay(t);
  for (let i = 0; i < MAX_STEPS; i++) {
    day = new Date(day.getTime() + DAY_MS);
    if (isBusinessDay(day, holidays)) return day;
  }
  throw new Error('No business day found: check the holiday calendar');
}

export function addBusinessDays(start: Date, days: number, holidays: Holidays = new Set()): Date {
  if (!Number.isInteger(days) || days < 0 || days > 366) throw new RangeError(`days must be an integer 0–366, got ${days}`);
  let t = nextBusinessStart(start, holidays);
  let remaining = days;
  for (let i = 0; remaining > 0; i++) {
    if (i >= MAX_STEPS) throw new Error('No business day found: check the holiday calendar');
    t = new Date(t.getTime() + DAY_MS);
    if (isBusinessDay(t, holidays)) remaining--;
  }
  return t;
}
