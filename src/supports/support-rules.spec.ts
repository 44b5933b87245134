import type { Actor } from '../projects/project-lifecycle';
import { normalizeNote, supportRefusal } from './support-rules';

describe('support rules', () => {
  it.each<[Actor[], boolean, string | null]>([
    [[], false, null],
    [['sponsor_manager'], false, null],
    [['advisor', 'assigned_advisor'], false, null],
    [['proposer'], false, 'own_project'],
    [['team_member'], false, 'own_project'],
    [['team_member'], true, 'own_project'],
    [[], true, 'closed'],
  ])('relations %j, closed %s → %s', (relations, closed, expected) => {
    expect(supportRefusal(new Set(relations), closed)).toBe(expected);
  });

  it('a blank note is no note', () => {
    expect(normalizeNote(undefined)).toBeNull();
    expect(normalizeNote('   ')).toBeNull();
    expect(normalizeNote('  we need it ')).toBe('we need it');
  });
});
