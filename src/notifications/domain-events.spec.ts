import { LIFECYCLE_ACTIONS } from '../projects/project-lifecycle';
import { EVENT_TYPES, eventEnvelope, filterMatches, isEventType, lifecycleEventData, lifecycleEventType } from './domain-events';
import { audienceOf, notificationText } from './notification-audience';

const project = {
  id: 'p1',
  reference: 'HC-2026-0001',
  title: 'Delivery chatbot',
  state: 'submitted',
  orgUnitId: 'u1',
  proposerId: 'hero',
  assignedAdvisorId: null,
};

describe('domain events (DOMAIN.md §4, §10)', () => {
  it('gives every lifecycle action an event (§4: every transition emits one)', () => {
    for (const action of LIFECYCLE_ACTIONS) expect(isEventType(lifecycleEventType(action, 'draft') ?? '')).toBe(true);
  });

  it.each([
    ['submit', 'draft', 'project.submitted'],
    ['submit', 'changes_requested', 'project.resubmitted'],
    ['assign', 'submitted', 'project.assigned'],
    ['request_info', 'in_review', 'project.info_requested'],
    ['complete_assessment', 'in_review', 'assessment.submitted'],
    ['decide_approve', 'awaiting_decision', 'project.decided'],
    ['decide_reject', 'awaiting_decision', 'project.decided'],
    ['decide_request_changes', 'awaiting_decision', 'project.decided'],
    ['cosign', 'awaiting_cosign', 'project.cosigned'],
    ['decline_cosign', 'awaiting_cosign', 'project.cosigned'],
    ['launch', 'in_delivery', 'project.launched'],
    ['retire', 'launched', 'project.retired'],
  ])('%s from %s emits %s', (action, from, type) => expect(lifecycleEventType(action, from)).toBe(type));

  it('carries the outcome of decisions and co-signs', () => {
    expect(lifecycleEventData('decide_reject', 'awaiting_decision', { ...project, state: 'rejected' })).toMatchObject({
      action: 'decide_reject',
      previousState: 'awaiting_decision',
      outcome: 'reject',
      project: { reference: 'HC-2026-0001', state: 'rejected', riskLevel: null, fastTrack: false },
    });
    expect(lifecycleEventData('decline_cosign', 'awaiting_cosign', project).outcome).toBe('decline');
    expect(lifecycleEventData('submit', 'draft', project)).not.toHaveProperty('outcome');
  });

  it('builds a stable envelope', () => {
    const e = eventEnvelope({
      id: 'e1',
      type: 'project.submitted',
      schemaVersion: 1,
      occurredAt: new Date('2026-03-02T10:00:00Z'),
      actor: { type: 'user', id: 'hero', name: 'Hana' },
      data: { a: 1 },
    });
    expect(Object.keys(e)).toEqual(['id', 'type', 'version', 'timestamp', 'actor', 'data']);
    expect(e.timestamp).toBe('2026-03-02T10:00:00.000Z');
  });

  it('matches subscription filters', () => {
    expect(filterMatches(['*'], 'sla.breached')).toBe(true);
    expect(filterMatches(['project.submitted'], 'project.submitted')).toBe(true);
    expect(filterMatches(['project.submitted'], 'project.resubmitted')).toBe(false);
  });
});

describe('notification audiences', () => {
  it('defines an audience and a text for every event type', () => {
    for (const type of EVENT_TYPES) {
      expect(Array.isArray(audienceOf(type))).toBe(true);
      const text = notificationText(type, 'Hana', { project, stage: 'assignment', compactVersion: { number: 2 } });
      expect(text.title.length).toBeGreaterThan(3);
    }
  });

  it('tells the CIO about a decision only when it awaits the co-sign', () => {
    expect(audienceOf('project.decided', 'approved')).not.toContain('cio');
    expect(audienceOf('project.decided', 'awaiting_cosign')).toContain('cio');
    expect(audienceOf('assessment.submitted')).toContain('deciding_managers');
    expect(audienceOf('compact.published')).toEqual(['everyone']);
  });

  it('says what happened in the domain’s words', () => {
    expect(notificationText('project.decided', 'Morgan', { project, outcome: 'approve' })).toEqual({
      title: 'HC-2026-0001: approved',
      body: 'Delivery chatbot — approved by Morgan.',
    });
    expect(notificationText('compact.published', 'Camille', { compactVersion: { number: 3 } }).title).toBe(
      'HERO Compact version 3 published',
    );
  });
});
