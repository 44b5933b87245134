import { acceptanceExpired, approvalInForce, cosignStatus } from './decision-standing';

describe('approvalInForce', () => {
  const approval = { outcome: 'approve' as const, status: 'effective' as const, supersededAt: null };
  it.each([
    ['an effective approval of an approved project', approval, 'approved', true],
    ['…in delivery', approval, 'in_delivery', true],
    ['…launched', approval, 'launched', true],
    ['…after an amendment sent the project back to review', approval, 'in_review', false],
    ['…once retired', approval, 'retired', false],
    ['an approval with conditions', { ...approval, outcome: 'approve_with_conditions' as const }, 'approved', true],
    ['an approval waiting for the CIO', { ...approval, status: 'pending_cosign' as const }, 'awaiting_cosign', false],
    ['an approval the CIO declined', { ...approval, status: 'cosign_declined' as const }, 'rejected', false],
    ['a superseded approval', { ...approval, supersededAt: new Date() }, 'approved', false],
    ['a rejection', { ...approval, outcome: 'reject' as const }, 'rejected', false],
  ])('%s: %s', (_name, decision, state, expected) => expect(approvalInForce(decision, state)).toBe(expected));
});

describe('cosignStatus and acceptanceExpired', () => {
  it('reads the co-sign', () => {
    expect(cosignStatus({ cosignRequired: false, cosignOutcome: null })).toBe('not_required');
    expect(cosignStatus({ cosignRequired: true, cosignOutcome: null })).toBe('pending');
    expect(cosignStatus({ cosignRequired: true, cosignOutcome: 'cosign' })).toBe('cosigned');
    expect(cosignStatus({ cosignRequired: true, cosignOutcome: 'decline' })).toBe('declined');
  });

  it('an acceptance holds through its expiry day', () => {
    expect(acceptanceExpired('2027-01-10', '2027-01-10')).toBe(false);
    expect(acceptanceExpired('2027-01-10', '2027-01-11')).toBe(true);
  });
});
