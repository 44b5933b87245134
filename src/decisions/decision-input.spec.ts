import { decisionInputProblems } from './decision-input';

const base = {
  outcome: 'approve' as const,
  requestedConditions: undefined,
  conditions: [],
  allowedOwnerIds: ['hana', 'tom'],
  riskAcceptance: undefined,
  recommendation: 'proceed' as const,
  overallLevel: 'medium' as const,
  today: '2027-01-10',
};
const acceptance = { statement: 'We accept the vendor risk until the audit.', acceptedLevel: 'high' as const, expiresOn: '2027-06-30' };
const fields = (input: Partial<Parameters<typeof decisionInputProblems>[0]>) =>
  decisionInputProblems({ ...base, ...input }).map((p) => p.field);

describe('decisionInputProblems', () => {
  it('accepts a plain approval of proceed advice', () => expect(fields({})).toEqual([]));

  it('requires a risk acceptance to approve against do_not_proceed, for both approval outcomes', () => {
    expect(fields({ recommendation: 'do_not_proceed' })).toEqual(['riskAcceptance']);
    const withConditions = {
      outcome: 'approve_with_conditions' as const,
      conditions: [{ text: 'x', ownerId: 'hana', dueDate: '2027-02-01' }],
    };
    expect(fields({ ...withConditions, recommendation: 'do_not_proceed' })).toEqual(['riskAcceptance']);
    expect(fields({ recommendation: 'do_not_proceed', riskAcceptance: acceptance, overallLevel: 'high' })).toEqual([]);
  });

  it('does not require one to reject do_not_proceed advice, and refuses one that goes with a rejection', () => {
    expect(fields({ outcome: 'reject', recommendation: 'do_not_proceed' })).toEqual([]);
    expect(fields({ outcome: 'reject', riskAcceptance: acceptance })).toEqual(['riskAcceptance']);
  });

  it('names each field of a weak acceptance', () => {
    expect(fields({ riskAcceptance: { statement: '  ', acceptedLevel: 'low', expiresOn: '2027-01-10' }, overallLevel: 'high' })).toEqual([
      'riskAcceptance.statement',
      'riskAcceptance.acceptedLevel',
      'riskAcceptance.expiresOn',
    ]);
    expect(fields({ riskAcceptance: { ...acceptance, expiresOn: '2027-02-30' } })).toEqual(['riskAcceptance.expiresOn']);
  });

  it('checks conditions against the outcome, their owner and their due date', () => {
    const good = { text: 'Pen test', ownerId: 'tom', dueDate: '2027-03-01' };
    expect(fields({ requestedConditions: [good], conditions: [good] })).toEqual(['conditions']);
    expect(fields({ outcome: 'approve_with_conditions', conditions: [] })).toEqual(['conditions']);
    const bad = [good, { ...good, ownerId: 'stranger', dueDate: '2027-01-09' }];
    expect(fields({ outcome: 'approve_with_conditions', requestedConditions: bad, conditions: bad })).toEqual([
      'conditions[1].ownerId',
      'conditions[1].dueDate',
    ]);
  });
});
