import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { RISK_LEVELS } from '../risk/risk-scoring';
import {
  ACTORS,
  EDITABLE_STATES,
  InvalidTransitionError,
  LIFECYCLE,
  LIFECYCLE_ACTIONS,
  PROJECT_STATES,
  allowedActions,
  cosignAction,
  decisionAction,
  isEditable,
  isFinal,
  isLifecycleAction,
  isProjectState,
  lifecycleMermaid,
  targetsOf,
  transition,
  type Actor,
  type LifecycleAction,
  type ProjectState,
} from './project-lifecycle';

const state = fc.constantFrom(...PROJECT_STATES);
const action = fc.constantFrom(...LIFECYCLE_ACTIONS);
const relations = fc.uniqueArray(fc.constantFrom(...ACTORS)).map((a) => new Set<Actor>(a));
const ctx = fc.record({ overallRiskLevel: fc.option(fc.constantFrom(...RISK_LEVELS)) });

function rowOf(a: LifecycleAction) {
  const row = LIFECYCLE.find((r) => r.action === a);
  if (!row) throw new Error(`no row for ${a}`);
  return row;
}

describe('the lifecycle table', () => {
  it('has exactly one row per action', () => {
    expect(LIFECYCLE.map((r) => r.action).sort()).toEqual([...LIFECYCLE_ACTIONS].sort());
  });

  it('reaches every state from draft', () => {
    const seen = new Set<ProjectState>(['draft']);
    for (let grew = true; grew;) {
      grew = false;
      for (const row of LIFECYCLE.filter((r) => r.from.some((f) => seen.has(f)))) {
        for (const to of targetsOf(row).filter((t) => !seen.has(t))) {
          seen.add(to);
          grew = true;
        }
      }
    }
    expect([...seen].sort()).toEqual([...PROJECT_STATES].sort());
  });

  it('ends only in rejected, withdrawn and retired', () => {
    expect(PROJECT_STATES.filter(isFinal)).toEqual(['rejected', 'withdrawn', 'retired']);
  });

  describe.each(LIFECYCLE.map((row) => [row.action, row] as const))('%s', (_action, row) => {
    const others = ACTORS.filter((a) => !row.actors.includes(a));

    it.each(row.actors.flatMap((actor) => row.from.map((from) => [actor, from] as const)))('is allowed for %s from %s', (actor, from) => {
      expect(allowedActions(from, new Set([actor]))).toContain(row.action);
      expect(targetsOf(row)).toContain(transition(from, row.action, new Set([actor]), { overallRiskLevel: 'low' }));
    });

    it('is refused for every other relation and every other state', () => {
      for (const from of row.from) {
        expect(allowedActions(from, new Set(others))).not.toContain(row.action);
        expect(() => transition(from, row.action, new Set(others))).toThrow(InvalidTransitionError);
      }
      for (const from of PROJECT_STATES.filter((s) => !row.from.includes(s))) {
        expect(allowedActions(from, new Set(ACTORS))).not.toContain(row.action);
      }
    });

    it('is refused for its actors who also hold a barred relation', () => {
      for (const bar of row.barred ?? []) {
        for (const actor of row.actors) expect(allowedActions(row.from[0], new Set([actor, bar]))).not.toContain(row.action);
      }
    });
  });

  it('never lets the proposer or team assess, decide or co-sign, nor the assessor decide or co-sign', () => {
    const judging: LifecycleAction[] = ['decide_approve', 'decide_reject', 'decide_request_changes', 'cosign', 'decline_cosign'];
    const assessing: LifecycleAction[] = ['assign', 'request_info', 'complete_assessment'];
    fc.assert(
      fc.property(state, relations, (s, rel) => {
        const allowed = allowedActions(s, rel);
        const own = rel.has('proposer') || rel.has('team_member');
        const forbidden = own ? [...judging, ...assessing] : rel.has('assigned_advisor') ? judging : [];
        return forbidden.every((a) => !allowed.includes(a));
      }),
    );
  });
});

describe('transition', () => {
  it('succeeds iff the action is allowed now, and lands on a state its row can reach', () => {
    fc.assert(
      fc.property(state, action, relations, ctx, (s, a, rel, c) => {
        const allowed = allowedActions(s, rel).includes(a);
        try {
          const next = transition(s, a, rel, c);
          return allowed && targetsOf(rowOf(a)).includes(next);
        } catch (e) {
          return !allowed && e instanceof InvalidTransitionError && e.state === s && e.action === a;
        }
      }),
    );
  });

  it.each([
    ['low', 'approved'],
    ['medium', 'approved'],
    ['high', 'awaiting_cosign'],
    ['critical', 'awaiting_cosign'],
    [null, 'awaiting_cosign'],
    [undefined, 'awaiting_cosign'],
  ] as const)('approval at %s overall risk goes to %s', (overallRiskLevel, expected) => {
    expect(transition('awaiting_decision', 'decide_approve', new Set(['deciding_manager']), { overallRiskLevel })).toBe(expected);
  });

  it('follows the happy path from submission to retirement', () => {
    const steps: [LifecycleAction, Actor, ProjectState][] = [
      ['submit', 'proposer', 'submitted'],
      ['assign', 'advisor', 'in_review'],
      ['request_info', 'assigned_advisor', 'info_requested'],
      ['respond', 'team_member', 'in_review'],
      ['complete_assessment', 'assigned_advisor', 'awaiting_decision'],
      ['decide_approve', 'deciding_manager', 'awaiting_cosign'],
      ['cosign', 'cio', 'approved'],
      ['start_delivery', 'proposer', 'in_delivery'],
      ['amend', 'team_member', 'in_review'],
      ['complete_assessment', 'cio', 'awaiting_decision'],
      ['decide_approve', 'deciding_manager', 'awaiting_cosign'],
      ['cosign', 'cio', 'approved'],
      ['start_delivery', 'proposer', 'in_delivery'],
      ['launch', 'proposer', 'launched'],
      ['retire', 'sponsor_manager', 'retired'],
    ];
    let s: ProjectState = 'draft';
    for (const [a, actor, expected] of steps) {
      s = transition(s, a, new Set([actor]), { overallRiskLevel: 'high' });
      expect(s).toBe(expected);
    }
  });

  it('sends a project back for changes and lets the proposer resubmit', () => {
    const manager = new Set<Actor>(['deciding_manager']);
    expect(transition('awaiting_decision', 'decide_request_changes', manager)).toBe('changes_requested');
    expect(transition('changes_requested', 'submit', new Set(['proposer']))).toBe('submitted');
  });

  it('explains a refused transition with the actions allowed now', () => {
    let error: unknown;
    try {
      transition('approved', 'withdraw', new Set(['proposer']));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      code: 'invalid-transition',
      state: 'approved',
      action: 'withdraw',
      allowedActions: ['amend', 'start_delivery'],
    });
    expect((error as Error).message).toContain('allowed now: amend, start_delivery');
  });

  it('lists no action for a caller with no relation to the project', () => {
    fc.assert(fc.property(state, (s) => allowedActions(s, new Set()).length === 0));
  });
});

describe('helpers', () => {
  it('names the editable states', () => {
    expect(EDITABLE_STATES).toEqual(['draft', 'info_requested', 'changes_requested']);
    expect(PROJECT_STATES.filter(isEditable)).toEqual(['draft', 'info_requested', 'changes_requested']);
  });

  it('recognises states and actions stored as text', () => {
    expect(isProjectState('in_review')).toBe(true);
    expect(isProjectState('in-review')).toBe(false);
    expect(isLifecycleAction('request_info')).toBe(true);
    expect(isLifecycleAction('approve')).toBe(false);
  });

  it('maps API outcomes to actions', () => {
    expect(['approve', 'approve_with_conditions', 'reject', 'request_changes'].map((o) => decisionAction(o as never))).toEqual([
      'decide_approve',
      'decide_approve',
      'decide_reject',
      'decide_request_changes',
    ]);
    expect([cosignAction('cosign'), cosignAction('decline')]).toEqual(['cosign', 'decline_cosign']);
  });
});

describe('lifecycleMermaid', () => {
  const diagram = lifecycleMermaid();
  const edges = diagram.split('\n').filter((l) => /^ {4}\w+ --> \w+: \w+$/.test(l));

  it('is a stateDiagram-v2 that starts in draft and is the same every time', () => {
    expect(diagram.startsWith('stateDiagram-v2\n    [*] --> draft: create\n')).toBe(true);
    expect(lifecycleMermaid()).toBe(diagram);
  });

  it('draws one edge per (from, to, action) of the table', () => {
    const expected = LIFECYCLE.flatMap((row) =>
      row.from.flatMap((from) => targetsOf(row).map((to) => `    ${from} --> ${to}: ${row.action}`)),
    );
    expect(new Set(expected).size).toBe(expected.length);
    expect(edges).toEqual(expected);
  });

  it('is the diagram published in docs/domain.md', () => {
    const doc = readFileSync(join(__dirname, '../../docs/domain.md'), 'utf8');
    expect(doc).toContain(`\`\`\`mermaid\n${diagram}\`\`\``);
  });

  it('marks the final states', () => {
    expect(diagram).toContain('    rejected --> [*]\n    withdrawn --> [*]\n    retired --> [*]\n');
  });
});
