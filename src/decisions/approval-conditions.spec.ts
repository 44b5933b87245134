import { conditionChangeRefusal, conditionsForDecision, openConditions } from './approval-conditions';

const base = {
  proposerId: 'hana',
  allowedOwnerIds: ['hana', 'tom', 'ari'],
  targetLaunchDate: '2027-06-01',
  today: '2027-01-10',
  proposed: [],
};

describe('conditionsForDecision', () => {
  const requested = [{ text: ' Pen test before launch ', ownerId: 'tom', dueDate: '2027-05-01' }];
  const proposed = [
    { text: 'DPA signed with the vendor', ownerId: null, dueDate: null },
    { text: 'SSO through the company IdP', ownerId: 'ari', dueDate: '2027-03-01' },
    { text: '   ', ownerId: null, dueDate: null },
  ];

  it('takes the manager’s list as given (trimmed)', () => {
    expect(conditionsForDecision({ ...base, outcome: 'approve_with_conditions', requested, proposed })).toEqual([
      { text: 'Pen test before launch', ownerId: 'tom', dueDate: '2027-05-01' },
    ]);
  });

  it('falls back to the assessment’s proposals, filling owner (proposer) and due date (launch date)', () => {
    expect(conditionsForDecision({ ...base, outcome: 'approve_with_conditions', requested: undefined, proposed })).toEqual([
      { text: 'DPA signed with the vendor', ownerId: 'hana', dueDate: '2027-06-01' },
      { text: 'SSO through the company IdP', ownerId: 'ari', dueDate: '2027-03-01' },
    ]);
  });

  it('replaces an owner who cannot own a condition, and a past due date', () => {
    const [c] = conditionsForDecision({
      ...base,
      outcome: 'approve_with_conditions',
      requested: undefined,
      proposed: [{ text: 'Vendor audit', ownerId: 'stranger', dueDate: '2026-01-01' }],
    });
    expect(c).toEqual({ text: 'Vendor audit', ownerId: 'hana', dueDate: '2027-06-01' });
  });

  it('uses 30 days from today when the launch date is missing or past', () => {
    const [c] = conditionsForDecision({
      ...base,
      targetLaunchDate: '2026-12-01',
      outcome: 'approve_with_conditions',
      requested: [],
      proposed,
    });
    expect(c.dueDate).toBe('2027-02-09');
    const [d] = conditionsForDecision({ ...base, targetLaunchDate: null, outcome: 'approve_with_conditions', requested: [], proposed });
    expect(d.dueDate).toBe('2027-02-09');
  });

  it.each(['approve', 'reject', 'request_changes'] as const)('%s creates no conditions', (outcome) => {
    expect(conditionsForDecision({ ...base, outcome, requested, proposed })).toEqual([]);
  });
});

describe('conditionChangeRefusal', () => {
  const open = { status: 'open' as const, ownerId: 'tom', decidingManagerId: 'max' };
  it.each([
    ['owner marks met', { ...open, change: 'met' as const, actorId: 'tom' }, null],
    ['someone else marks met', { ...open, change: 'met' as const, actorId: 'max' }, 'not_owner'],
    ['deciding manager waives', { ...open, change: 'waived' as const, actorId: 'max' }, null],
    ['owner waives', { ...open, change: 'waived' as const, actorId: 'tom' }, 'not_deciding_manager'],
    ['already met', { ...open, status: 'met' as const, change: 'waived' as const, actorId: 'max' }, 'not_open'],
    ['already waived', { ...open, status: 'waived' as const, change: 'met' as const, actorId: 'tom' }, 'not_open'],
  ])('%s', (_name, input, expected) => expect(conditionChangeRefusal(input)).toBe(expected));

  it('open conditions are the ones neither met nor waived', () => {
    expect(openConditions([{ status: 'open' }, { status: 'met' }, { status: 'waived' }, { status: 'open' }])).toHaveLength(2);
  });
});
