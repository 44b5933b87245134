import { escalationKind, isBreached, nextManagerUp, shortestTarget, slaClock, stageOf, type SlaTargets } from './sla-rules';

const TARGETS: SlaTargets = { assignment: 2, assessment: 5, fastTrackAssessment: 2, decision: 3, cosign: 2 };

describe('SLA rules (DOMAIN.md §8)', () => {
  it.each([
    ['submitted', 'assignment'],
    ['in_review', 'assessment'],
    ['awaiting_decision', 'decision'],
    ['awaiting_cosign', 'cosign'],
    ['draft', null],
    ['info_requested', null],
    ['approved', null],
  ])('state %s runs the %s clock', (state, stage) => expect(stageOf(state)).toBe(stage));

  it('uses the fast-track target for the assessment of a fast-track project', () => {
    const entered = new Date('2026-03-02T10:00:00Z'); // Monday
    expect(slaClock('in_review', entered, false, TARGETS, new Set())).toMatchObject({
      targetBusinessDays: 5,
      dueAt: new Date('2026-03-09T10:00:00Z'),
    });
    expect(slaClock('in_review', entered, true, TARGETS, new Set())).toMatchObject({
      targetBusinessDays: 2,
      dueAt: new Date('2026-03-04T10:00:00Z'),
    });
    expect(slaClock('submitted', entered, true, TARGETS, new Set())).toMatchObject({ stage: 'assignment', targetBusinessDays: 2 });
    expect(slaClock('draft', entered, false, TARGETS, new Set())).toBeNull();
  });

  it('is breached only after the due instant', () => {
    const clock = slaClock('awaiting_decision', new Date('2026-03-02T10:00:00Z'), false, TARGETS, new Set())!;
    expect(clock.dueAt.toISOString()).toBe('2026-03-05T10:00:00.000Z');
    expect(isBreached(clock, new Date('2026-03-05T10:00:00Z'))).toBe(false);
    expect(isBreached(clock, new Date('2026-03-05T10:00:01Z'))).toBe(true);
  });

  it('escalates decisions up the line and everything else to the CIO', () => {
    expect(escalationKind('decision')).toBe('next_manager_up');
    expect(['assignment', 'assessment', 'cosign'].map((s) => escalationKind(s as never))).toEqual(['cio', 'cio', 'cio']);
    expect(shortestTarget(TARGETS)).toBe(2);
  });

  describe('nextManagerUp', () => {
    it('is the level above the closest managers who may decide', () => {
      const candidates = [
        { userId: 'ceo', depth: 0, canApprove: true },
        { userId: 'division', depth: 1, canApprove: true },
        { userId: 'department', depth: 2, canApprove: true },
      ];
      expect(nextManagerUp(candidates)).toEqual(['division']);
    });

    it('skips managers below the approval limit: the decision waits higher up', () => {
      expect(
        nextManagerUp([
          { userId: 'ceo', depth: 0, canApprove: true },
          { userId: 'division', depth: 1, canApprove: true },
          { userId: 'department', depth: 2, canApprove: false },
        ]),
      ).toEqual(['ceo']);
    });

    it('returns every manager of the next level, and nobody when there is no level above', () => {
      expect(
        nextManagerUp([
          { userId: 'a', depth: 0, canApprove: false },
          { userId: 'b', depth: 0, canApprove: false },
          { userId: 'c', depth: 1, canApprove: true },
        ]).sort(),
      ).toEqual(['a', 'b']);
      expect(nextManagerUp([{ userId: 'ceo', depth: 0, canApprove: true }])).toEqual([]);
      expect(nextManagerUp([{ userId: 'ceo', depth: 0, canApprove: false }])).toEqual([]);
      expect(nextManagerUp([])).toEqual([]);
    });
  });
});
