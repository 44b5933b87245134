import fc from 'fast-check';
import { addBusinessDays, isBusinessDay, nextBusinessStart } from './business-days';

const at = (iso: string): Date => new Date(iso);

describe('business days (DOMAIN.md §8)', () => {
  it.each([
    ['Monday 10:00 + 2 = Wednesday 10:00', '2026-03-02T10:00:00Z', 2, '2026-03-04T10:00:00Z'],
    ['Friday 10:00 + 1 = Monday 10:00', '2026-03-06T10:00:00Z', 1, '2026-03-09T10:00:00Z'],
    ['Friday 10:00 + 2 = Tuesday 10:00', '2026-03-06T10:00:00Z', 2, '2026-03-10T10:00:00Z'],
    ['Saturday 10:00 + 2 counts from Monday 00:00', '2026-03-07T10:00:00Z', 2, '2026-03-11T00:00:00Z'],
    ['Sunday 23:59 + 1 = Tuesday 00:00', '2026-03-08T23:59:00Z', 1, '2026-03-10T00:00:00Z'],
    ['Thursday + 5 = next Thursday', '2026-03-05T09:30:00Z', 5, '2026-03-12T09:30:00Z'],
    ['+ 0 on a business day is the same instant', '2026-03-04T12:00:00Z', 0, '2026-03-04T12:00:00Z'],
  ])('%s', (_name, start, days, due) => {
    expect(addBusinessDays(at(start), days).toISOString()).toBe(at(due).toISOString());
  });

  it('skips configured holidays', () => {
    const holidays = new Set(['2026-12-25', '2026-12-28']);
    // Thursday 24 Dec + 2: Friday 25 (holiday), weekend, Monday 28 (holiday) → Tuesday 29, Wednesday 30.
    expect(addBusinessDays(at('2026-12-24T15:00:00Z'), 2, holidays).toISOString()).toBe('2026-12-30T15:00:00.000Z');
    expect(isBusinessDay(at('2026-12-25T08:00:00Z'), holidays)).toBe(false);
    expect(nextBusinessStart(at('2026-12-25T08:00:00Z'), holidays).toISOString()).toBe('2026-12-29T00:00:00.000Z');
  });

  it('refuses a nonsensical target', () => {
    expect(() => addBusinessDays(at('2026-03-02T10:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessDays(at('2026-03-02T10:00:00Z'), 1.5)).toThrow(RangeError);
  });

  const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
  const holidayDates = fc.uniqueArray(
    fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2036-03-01T00:00:00Z'), noInvalidDate: true }),
    {
      maxLength: 40,
    },
  );

  it('lands on a business day, exactly n business days later, never earlier than n calendar days', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), holidayDates, (start, days, hs) => {
        const holidays = new Set(hs.map((d) => d.toISOString().slice(0, 10)));
        const due = addBusinessDays(start, days, holidays);
        expect(isBusinessDay(due, holidays)).toBe(true);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime() + days * 86_400_000);
        // Count the business days stepped over, one calendar day at a time.
        let t = nextBusinessStart(start, holidays);
        let counted = 0;
        while (t.getTime() < due.getTime()) {
          t = new Date(t.getTime() + 86_400_000);
          if (isBusinessDay(t, holidays)) counted++;
        }
        expect(counted).toBe(days);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic: a later start or a longer target is never due earlier', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (a, b, m, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addBusinessDays(late, m).getTime()).toBeGreaterThanOrEqual(addBusinessDays(early, m).getTime());
        expect(addBusinessDays(early, Math.max(m, n)).getTime()).toBeGreaterThanOrEqual(addBusinessDays(early, Math.min(m, n)).getTime());
      }),
    );
  });
});
