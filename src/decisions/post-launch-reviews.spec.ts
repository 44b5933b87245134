import fc from 'fast-check';
import { addDays, isoDay } from './calendar';
import { reviewRefusal, reviewSchedule } from './post-launch-reviews';

describe('calendar', () => {
  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2027-01-31', 30)).toBe('2027-03-02');
    expect(addDays('2027-12-15', 30)).toBe('2028-01-14');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('refuses what is not a date', () => expect(() => addDays('soon', 1)).toThrow(RangeError));

  it('gives the UTC day', () => expect(isoDay(new Date('2027-05-01T23:30:00-02:00'))).toBe('2027-05-02'));

  it('addDays then back is the identity', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: -400, max: 400 }),
        (d, n) => {
          const day = isoDay(d);
          expect(addDays(addDays(day, n), -n)).toBe(day);
        },
      ),
    );
  });
});

describe('post-launch reviews', () => {
  it('falls due 30 and 90 days after launch', () => {
    expect(reviewSchedule('2027-03-01', '2027-03-15', new Set())).toEqual([
      { milestone: 30, dueOn: '2027-03-31', status: 'upcoming' },
      { milestone: 90, dueOn: '2027-05-30', status: 'upcoming' },
    ]);
    expect(reviewSchedule('2027-03-01', '2027-03-31', new Set()).map((r) => r.status)).toEqual(['due', 'upcoming']);
    expect(reviewSchedule('2027-03-01', '2027-06-01', new Set([30])).map((r) => r.status)).toEqual(['done', 'due']);
    expect(reviewSchedule('2027-03-01', '2027-06-01', new Set([30]), false).map((r) => r.status)).toEqual(['done', 'skipped']);
  });

  it.each([
    [30, '2027-03-30', [], 'not_due_yet'],
    [30, '2027-03-31', [], null],
    [30, '2027-04-10', [30], 'already_recorded'],
    [90, '2027-04-10', [30], 'not_due_yet'],
    [90, '2027-05-30', [], null],
  ] as const)('milestone %s on %s (recorded %j): %s', (milestone, today, recorded, expected) => {
    expect(reviewRefusal(milestone, '2027-03-01', today, new Set(recorded))).toBe(expected);
  });
});
