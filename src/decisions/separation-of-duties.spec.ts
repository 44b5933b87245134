import fc from 'fast-check';
import { RISK_LEVELS, type RiskLevel } from '../risk/risk-scoring';
import {
  DECISION_OUTCOMES,
  RECOMMENDATIONS,
  assertCanAssess,
  assertCanCosign,
  assertCanDecide,
  isWithinSubtree,
  needsCosign,
  needsRiskAcceptance,
  riskAcceptanceProblems,
  type Decider,
  type DecideRefusal,
  type ProjectUnderDecision,
} from './separation-of-duties';

const DIVISION = '/company/sales/';
const TEAM = '/company/sales/web-team/';

const manager: Decider = {
  userId: 'mia',
  roles: ['hero', 'manager'],
  approvalLimitMinor: 50_000_00,
  approvalCurrency: 'EUR',
  unitPath: DIVISION,
};
const project: ProjectUnderDecision = {
  proposerId: 'hugo',
  teamMemberIds: ['tess'],
  assessorId: 'ada',
  budgetMinor: 20_000_00,
  currency: 'EUR',
  unitPath: TEAM,
};

describe('isWithinSubtree', () => {
  it.each([
    [TEAM, DIVISION, true],
    [DIVISION, DIVISION, true],
    [DIVISION, TEAM, false],
    ['/company/salesforce/', '/company/sales/', false],
    ['/company/salesforce/', '/company/sales', false],
    ['/company/sales/web-team', '/company/sales', true],
    ['/other/sales/', DIVISION, false],
  ])('%s within %s: %s', (unit, root, expected) => expect(isWithinSubtree(unit, root)).toBe(expected));
});

describe('assertCanDecide', () => {
  type Case = [string, Partial<Decider>, Partial<ProjectUnderDecision>, DecideRefusal | null];
  it.each<Case>([
    ['a manager over the unit within the limit', {}, {}, null],
    ['a manager of exactly the project’s unit', { unitPath: TEAM }, {}, null],
    ['a budget equal to the limit', {}, { budgetMinor: 50_000_00 }, null],
    [
      'a project without a budget, manager without a limit',
      { approvalLimitMinor: null, approvalCurrency: null },
      { budgetMinor: null, currency: null },
      null,
    ],
    ['a zero budget in another currency', {}, { budgetMinor: 0, currency: 'USD' }, null],
    ['a currency code in lower case', { approvalCurrency: 'eur' }, {}, null],
    ['no assessor recorded', {}, { assessorId: null }, null],
    ['a hero without the manager role', { roles: ['hero'] }, {}, 'not_manager'],
    ['a CIO without the manager role', { roles: ['hero', 'cio'] }, {}, 'not_manager'],
    ['an admin', { roles: ['hero', 'admin'] }, {}, 'not_manager'],
    ['a manager of a sibling unit', { unitPath: '/company/marketing/' }, {}, 'outside_unit'],
    ['a manager below the project’s unit', { unitPath: '/company/sales/web-team/sub/' }, {}, 'outside_unit'],
    ['the proposer', { userId: 'hugo' }, {}, 'is_proposer'],
    ['a team member', { userId: 'tess' }, {}, 'is_team_member'],
    ['the assessor', { userId: 'ada' }, {}, 'is_assessor'],
    ['a limit in another currency', { approvalCurrency: 'USD' }, {}, 'currency_mismatch'],
    ['no limit currency set', { approvalCurrency: null }, {}, 'currency_mismatch'],
    ['a limit below the budget', { approvalLimitMinor: 19_999_99 }, {}, 'limit_too_low'],
    ['no limit set', { approvalLimitMinor: null }, {}, 'limit_too_low'],
    ['the proposer with too low a limit (conflict reported first)', { userId: 'hugo', approvalLimitMinor: 1 }, {}, 'is_proposer'],
    ['a non-manager outside the unit (role reported first)', { roles: ['hero'], unitPath: '/x/' }, {}, 'not_manager'],
  ])('%s', (_name, deciderPatch, projectPatch, reason) => {
    const result = assertCanDecide({ decider: { ...manager, ...deciderPatch }, project: { ...project, ...projectPatch } });
    expect(result).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });

  it('never lets the proposer, a team member or the assessor decide, whatever their authority', () => {
    fc.assert(
      fc.property(fc.constantFrom('hugo', 'tess', 'ada'), fc.nat(), (userId, limit) => {
        const result = assertCanDecide({ decider: { ...manager, userId, approvalLimitMinor: limit, unitPath: '/' }, project });
        return !result.ok;
      }),
    );
  });
});

describe('assertCanCosign', () => {
  const base = {
    cosigner: { userId: 'carl', roles: ['hero', 'cio'] as const },
    decidingManagerId: 'mia',
    assessorId: 'ada',
    proposerId: 'hugo',
    teamMemberIds: ['tess'],
  };
  it.each([
    ['another CIO', {}, null],
    ['a CIO when no assessor is recorded', { assessorId: null }, null],
    ['a manager who is not CIO', { cosigner: { userId: 'max', roles: ['manager'] } }, 'not_cio'],
    ['an advisor', { cosigner: { userId: 'ivy', roles: ['it_advisor'] } }, 'not_cio'],
    ['the deciding manager', { decidingManagerId: 'carl' }, 'is_deciding_manager'],
    ['the assessor', { assessorId: 'carl' }, 'is_assessor'],
    ['the proposer', { proposerId: 'carl' }, 'is_proposer'],
    ['a team member', { teamMemberIds: ['carl'] }, 'is_team_member'],
  ] as const)('%s', (_name, patch, reason) => {
    expect(assertCanCosign({ ...base, ...patch })).toEqual(reason === null ? { ok: true } : { ok: false, reason });
  });
});

describe('assertCanAssess', () => {
  const participants = { proposerId: 'hugo', teamMemberIds: ['tess'] };
  it.each([
    ['an IT advisor', 'ivy', ['hero', 'it_advisor'], null],
    ['the CIO', 'carl', ['hero', 'cio'], null],
    ['a manager', 'mia', ['hero', 'manager'], 'not_advisor'],
    ['an advisor who proposed it', 'hugo', ['hero', 'it_advisor'], 'is_proposer'],
    ['a CIO on the team', 'tess', ['hero', 'cio'], 'is_team_member'],
  ] as const)('%s', (_name, userId, roles, reason) => {
    expect(assertCanAssess({ advisor: { userId, roles }, project: participants })).toEqual(
      reason === null ? { ok: true } : { ok: false, reason },
    );
  });
});

describe('needsCosign', () => {
  it.each<[RiskLevel | null, boolean]>([
    [null, true],
    ['low', false],
    ['medium', false],
    ['high', true],
    ['critical', true],
  ])('%s → %s', (level, expected) => expect(needsCosign(level)).toBe(expected));
});

describe('needsRiskAcceptance', () => {
  const expected = new Set(['do_not_proceed/approve', 'do_not_proceed/approve_with_conditions']);
  const cases = [null, ...RECOMMENDATIONS].flatMap((r) => DECISION_OUTCOMES.map((o) => [r, o] as const));
  it.each(cases)('advice %s, outcome %s', (recommendation, outcome) => {
    expect(needsRiskAcceptance(recommendation, outcome)).toBe(expected.has(`${recommendation}/${outcome}`));
  });
});

describe('riskAcceptanceProblems', () => {
  const today = '2026-03-01';
  const valid = { statement: 'We accept the vendor risk until the audit.', acceptedLevel: 'high' as RiskLevel, expiresOn: '2026-09-01' };
  it.each([
    ['a complete acceptance', {}, 'high', []],
    ['accepting more than there is', { acceptedLevel: 'critical' }, 'medium', []],
    ['no overall level yet', {}, null, []],
    ['a blank statement', { statement: '  ' }, 'high', ['statement_required']],
    ['accepting less than there is', { acceptedLevel: 'medium' }, 'critical', ['level_below_overall']],
    ['an expiry today', { expiresOn: today }, 'high', ['expiry_not_in_future']],
    ['an expiry in the past', { expiresOn: '2025-12-31' }, 'high', ['expiry_not_in_future']],
    ['an expiry that is not a date', { expiresOn: '9999' }, 'high', ['expiry_invalid']],
  ] as const)('%s', (_name, patch, overall, problems) => {
    expect(riskAcceptanceProblems({ ...valid, ...patch }, overall, today)).toEqual(problems);
  });

  it('accepts any level at or above the overall level', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RISK_LEVELS), fc.constantFrom(...RISK_LEVELS), (accepted, overall) => {
        const problems = riskAcceptanceProblems({ ...valid, acceptedLevel: accepted }, overall, today);
        return problems.includes('level_below_overall') === RISK_LEVELS.indexOf(accepted) < RISK_LEVELS.indexOf(overall);
      }),
    );
  });
});
