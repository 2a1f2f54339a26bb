import { describe, expect, it } from 'vitest';
import { labelFromKey, teamPermissionsOf } from './teamPermissions';

describe('team permissions', () => {
  it('labels the known organization-access settings in a stable order, then newer ones from their keys', () => {
    expect(
      teamPermissionsOf({
        'manage-teams': false,
        'manage-stacks-of-things': true,
        'manage-workspaces': true,
        'read-workspaces': true,
        'manage-vcs-settings': null,
      }),
    ).toEqual([
      { label: 'Read workspaces', granted: true },
      { label: 'Manage workspaces', granted: true },
      { label: 'Manage VCS settings', granted: false },
      { label: 'Manage teams', granted: false },
      { label: 'Manage stacks of things', granted: true },
    ]);
  });

  it('shows nothing for a missing or odd organization-access', () => {
    expect(teamPermissionsOf(null)).toEqual([]);
    expect(teamPermissionsOf(['manage-workspaces'])).toEqual([]);
    expect(teamPermissionsOf({ 'manage-workspaces': 'yes', nested: { a: true } })).toEqual([]);
  });

  it('makes a label from a key', () => {
    expect(labelFromKey('manage-registry_artifact-tags')).toBe('Manage registry artifact tags');
  });
});
