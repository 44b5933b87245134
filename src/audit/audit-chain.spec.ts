import fc from 'fast-check';
import { canonicalJson, changedFields, type ChainedEvent, eventHash, GENESIS_HASH, verifySegment } from './audit-chain';

const content = (i: number) => ({
  occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  actorType: 'user',
  actorId: null,
  actorName: `user ${i}`,
  action: 'project.edit',
  entityType: 'project',
  entityId: `e${i}`,
  projectId: null,
  before: { title: 'old' },
  after: { title: `new ${i}` },
  requestId: `r${i}`,
});

function chain(n: number): ChainedEvent[] {
  const events: ChainedEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const hash = eventHash(prev, content(i));
    events.push({ ...content(i), seq: String(i + 1), prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });
  it('same value ⇒ same text; different values ⇒ different text (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = canonicalJson(a) === canonicalJson(b);
        expect(same).toBe(canonicalJson(JSON.parse(JSON.stringify(a))) === canonicalJson(JSON.parse(JSON.stringify(b))));
      }),
    );
  });
});

describe('changedFields', () => {
  it('keeps only what changed', () => {
    expect(changedFields({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], c: 'x', d: true })).toEqual({
      before: { b: [1, 2], d: null },
      after: { b: [1, 3], d: true },
    });
  });
  it('keeps the whole after of a creation', () => {
    expect(changedFields(undefined, { a: 1 })).toEqual({ before: null, after: { a: 1 } });
  });
  it('turns dates into ISO strings, as jsonb will return them', () => {
    expect(changedFields(undefined, { at: new Date('2026-01-02T03:04:05.006Z') }).after).toEqual({ at: '2026-01-02T03:04:05.006Z' });
  });
});

describe('verifySegment', () => {
  it('accepts an intact chain and returns its last hash', () => {
    const events = chain(5);
    expect(verifySegment(GENESIS_HASH, events)).toEqual({ broken: null, lastHash: events[4].hash });
  });
  it('names the edited event (hash-mismatch)', () => {
    const events = chain(5);
    events[2] = { ...events[2], after: { title: 'forged' } };
    expect(verifySegment(GENESIS_HASH, events).broken).toMatchObject({ seq: '3', reason: 'hash-mismatch' });
  });
  it('names the event after a deleted one (prev-hash-mismatch)', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifySegment(GENESIS_HASH, events).broken).toMatchObject({ seq: '3', reason: 'prev-hash-mismatch' });
  });
  it('an edit whose hash was recomputed still breaks the next link', () => {
    const events = chain(4);
    const forged = { ...events[1], actorName: 'someone else' };
    forged.hash = eventHash(forged.prevHash, forged);
    events[1] = forged;
    expect(verifySegment(GENESIS_HASH, events).broken).toMatchObject({ seq: '3', reason: 'prev-hash-mismatch' });
  });
  it('any single-field change anywhere is detected (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 7 }),
        fc.constantFrom('actorName', 'action', 'entityId', 'requestId'),
        fc.string(),
        (i, field, value) => {
          const events = chain(8);
          fc.pre(events[i][field] !== value);
          events[i] = { ...events[i], [field]: value };
          expect(verifySegment(GENESIS_HASH, events).broken?.seq).toBe(String(i + 1));
        },
      ),
    );
  });
});
