import { groupsForRoles, missingGroups } from './compact-groups';

describe('compact groups', () => {
  it.each([
    [['hero'], ['hero']],
    [['manager'], ['hero', 'manager']],
    [['it_advisor'], ['hero', 'it']],
    [
      ['cio', 'manager'],
      ['hero', 'manager', 'it'],
    ],
    [['admin'], ['hero']],
  ] as const)('roles %j commit as %j', (roles, groups) => expect(groupsForRoles(roles)).toEqual(groups));

  it('lists what is still to acknowledge', () => {
    expect(missingGroups(['hero', 'manager'], ['hero'])).toEqual(['manager']);
    expect(missingGroups(['hero'], ['hero', 'it'])).toEqual([]);
  });
});
