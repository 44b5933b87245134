import type { Actor } from '../projects/project-lifecycle';
import { mayDelete, mayUpload } from './attachment-rules';

describe('attachment rules', () => {
  it.each<[Actor[], boolean]>([
    [['proposer'], true],
    [['team_member'], true],
    [['assigned_advisor', 'advisor'], true],
    [['cio', 'advisor'], true],
    [['sponsor_manager', 'deciding_manager'], true],
    [['advisor'], false],
    [[], false],
  ])('relations %j may upload: %s', (relations, expected) => {
    expect(mayUpload(new Set(relations))).toBe(expected);
  });

  it('the uploader (same person or same key) or the CIO deletes', () => {
    const uploadedBy = { type: 'user' as const, id: 'u1' };
    expect(mayDelete({ type: 'user', id: 'u1', isCio: false }, uploadedBy)).toBe(true);
    expect(mayDelete({ type: 'user', id: 'u2', isCio: false }, uploadedBy)).toBe(false);
    expect(mayDelete({ type: 'user', id: 'u2', isCio: true }, uploadedBy)).toBe(true);
    // An API key whose id happened to equal a user id is still not that user.
    expect(mayDelete({ type: 'api_key', id: 'u1', isCio: false }, uploadedBy)).toBe(false);
    expect(mayDelete({ type: 'api_key', id: 'k1', isCio: false }, { type: 'api_key', id: 'k1' })).toBe(true);
  });
});
