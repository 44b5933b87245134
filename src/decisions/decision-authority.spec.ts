import { nearestDecidingLevel, isAuthorityRefusal, refusalText, type UnitLevel } from './decision-authority';
import type { Decider, DecideRefusal, ProjectUnderDecision } from './separation-of-duties';

const mgr = (userId: string, unitPath: string, limit: number | null, currency = 'EUR'): Decider => ({
  userId,
  roles: ['hero', 'manager'],
  approvalLimitMinor: limit,
  approvalCurrency: currency,
  unitPath,
});

const COMPANY = '/corp/';
const MARKETING = '/corp/mkt/';
const DIGITAL = '/corp/mkt/digital/';

const chain = (managers: { company?: Decider[]; marketing?: Decider[]; digital?: Decider[] }): UnitLevel[] => [
  { unitId: 'corp', unitName: 'Demo Corp', unitKind: 'company', depth: 0, managers: managers.company ?? [] },
  { unitId: 'mkt', unitName: 'Marketing', unitKind: 'division', depth: 1, managers: managers.marketing ?? [] },
  { unitId: 'digital', unitName: 'Digital Marketing', unitKind: 'department', depth: 2, managers: managers.digital ?? [] },
];

const project: ProjectUnderDecision = {
  proposerId: 'hana',
  teamMemberIds: ['tom'],
  assessorId: 'ari',
  budgetMinor: 120_000_00,
  currency: 'EUR',
  unitPath: DIGITAL,
};

describe('nearestDecidingLevel', () => {
  it('skips levels whose managers lack the limit and names the first one that has it', () => {
    const level = nearestDecidingLevel(
      chain({ marketing: [mgr('max', MARKETING, 50_000_00)], company: [mgr('morgan', COMPANY, 500_000_00)] }),
      project,
    );
    expect(level).toEqual({ unitId: 'corp', unitName: 'Demo Corp', unitKind: 'company', managerIds: ['morgan'] });
  });

  it('prefers the nearest level, whatever order the chain comes in', () => {
    const levels = chain({ marketing: [mgr('max', MARKETING, 200_000_00)], company: [mgr('morgan', COMPANY, 500_000_00)] }).reverse();
    expect(nearestDecidingLevel(levels, project)?.unitName).toBe('Marketing');
  });

  it('passes over a manager who is conflicted (here: the proposer) even with a high limit', () => {
    const level = nearestDecidingLevel(
      chain({ marketing: [mgr('hana', MARKETING, 900_000_00)], company: [mgr('morgan', COMPANY, 500_000_00)] }),
      { ...project },
    );
    expect(level?.managerIds).toEqual(['morgan']);
  });

  it('ignores limits in another currency', () => {
    const level = nearestDecidingLevel(chain({ marketing: [mgr('max', MARKETING, 900_000_00, 'USD')] }), project);
    expect(level).toBeNull();
  });

  it('is null when nobody in the chain has enough authority', () => {
    expect(nearestDecidingLevel(chain({ company: [mgr('morgan', COMPANY, 1)] }), project)).toBeNull();
  });

  it('lists every able manager of the level', () => {
    const level = nearestDecidingLevel(
      chain({ digital: [mgr('a', DIGITAL, 200_000_00), mgr('b', DIGITAL, 10), mgr('c', DIGITAL, 300_000_00)] }),
      project,
    );
    expect(level?.managerIds).toEqual(['a', 'c']);
  });
});

describe('refusal classification', () => {
  it.each<[DecideRefusal, boolean]>([
    ['not_manager', true],
    ['outside_unit', true],
    ['currency_mismatch', true],
    ['limit_too_low', true],
    ['is_proposer', false],
    ['is_team_member', false],
    ['is_assessor', false],
  ])('%s is an authority refusal: %s', (reason, authority) => {
    expect(isAuthorityRefusal(reason)).toBe(authority);
    expect(refusalText(reason)).toMatch(/\w+/);
  });
});
