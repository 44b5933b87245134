import fc from 'fast-check';
import { kpiProgress, progressTowardTarget, targetMet, wentOffTrack, type KpiDefinition, type Measurement } from './kpi-tracking';

const calls: KpiDefinition = { baseline: 1200, target: 800, direction: 'decrease' };
const signups: KpiDefinition = { baseline: 100, target: 300, direction: 'increase' };
const m = (measuredOn: string, value: number, recordedAt = `${measuredOn}T12:00:00.000Z`): Measurement => ({
  measuredOn,
  value,
  recordedAt,
});

describe('kpiProgress', () => {
  it('has no status without measurements', () => {
    expect(kpiProgress(calls, [])).toMatchObject({ latest: null, trend: null, progress: null, status: 'no_data' });
  });

  it.each<[string, KpiDefinition, Measurement[], object]>([
    ['one value better than baseline', calls, [m('2027-01-10', 1100)], { trend: null, status: 'on_track', progress: 0.25 }],
    ['one value at the baseline', calls, [m('2027-01-10', 1200)], { status: 'off_track', progress: 0 }],
    ['improving toward target', calls, [m('2027-01-10', 1100), m('2027-01-17', 1000)], { trend: 'improving', status: 'on_track' }],
    [
      'falling back while short of target',
      calls,
      [m('2027-01-10', 900), m('2027-01-17', 1000)],
      { trend: 'worsening', status: 'off_track' },
    ],
    ['worse than baseline', calls, [m('2027-01-10', 1300)], { status: 'off_track', progress: -0.25 }],
    [
      'target met, even if slipping',
      calls,
      [m('2027-01-10', 700), m('2027-01-17', 780)],
      { trend: 'worsening', status: 'on_track', targetMet: true },
    ],
    ['increase KPI beyond target', signups, [m('2027-01-10', 350)], { status: 'on_track', targetMet: true, progress: 1.25 }],
    ['flat above baseline', signups, [m('2027-01-10', 150), m('2027-01-17', 150)], { trend: 'flat', status: 'on_track' }],
  ])('%s', (_name, kpi, values, expected) => {
    expect(kpiProgress(kpi, values)).toMatchObject(expected);
  });

  it('takes the latest by measurement date, whatever the order they were posted in', () => {
    const result = kpiProgress(signups, [m('2027-02-01', 250), m('2027-01-01', 120), m('2027-01-15', 200)]);
    expect(result.latest?.value).toBe(250);
    expect(result.previous?.value).toBe(200);
    expect(result.trend).toBe('improving');
  });

  it('breaks a same-day tie by the later recording', () => {
    const result = kpiProgress(signups, [
      m('2027-01-01', 200, '2027-01-01T08:00:00.000Z'),
      m('2027-01-01', 180, '2027-01-01T09:00:00.000Z'),
    ]);
    expect(result.latest?.value).toBe(180);
    expect(result.trend).toBe('worsening');
  });

  it('a met target is always on track, a value no better than baseline never is', () => {
    const kpi = fc.record({
      baseline: fc.integer({ min: -1000, max: 1000 }),
      target: fc.integer({ min: -1000, max: 1000 }),
      direction: fc.constantFrom<'increase' | 'decrease'>('increase', 'decrease'),
    });
    fc.assert(
      fc.property(kpi, fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: 1, maxLength: 5 }), (k, values) => {
        const ms = values.map((v, i) => m(`2027-01-${String(i + 10)}`, v));
        const result = kpiProgress(k, ms);
        const latest = values[values.length - 1];
        if (targetMet(k, latest)) expect(result.status).toBe('on_track');
        else if (k.direction === 'increase' ? latest <= k.baseline : latest >= k.baseline) expect(result.status).toBe('off_track');
      }),
    );
  });
});

describe('progressTowardTarget and wentOffTrack', () => {
  it('handles a target equal to the baseline', () => {
    expect(progressTowardTarget({ baseline: 5, target: 5, direction: 'increase' }, 5)).toBe(1);
    expect(progressTowardTarget({ baseline: 5, target: 5, direction: 'increase' }, 4)).toBe(0);
  });

  it.each([
    ['no_data', 'off_track', true],
    ['on_track', 'off_track', true],
    ['off_track', 'off_track', false],
    ['off_track', 'on_track', false],
  ] as const)('%s → %s goes off track: %s', (before, after, expected) => expect(wentOffTrack(before, after)).toBe(expected));
});
