import type { TeamPermission } from '../tokenApi';
import { isRecord } from './jsonApi';

/** HCP Terraform's organization-access settings in the words its own settings pages use, in that order. */
const LABEL_OF_ORGANIZATION_ACCESS: Record<string, string> = {
  'read-workspaces': 'Read workspaces',
  'manage-workspaces': 'Manage workspaces',
  'read-projects': 'Read projects',
  'manage-projects': 'Manage projects',
  'manage-policies': 'Manage policies',
  'manage-policy-overrides': 'Override policies',
  'delegate-policy-overrides': 'Delegate policy overrides',
  'manage-run-tasks': 'Manage run tasks',
  'manage-vcs-settings': 'Manage VCS settings',
  'manage-agent-pools': 'Manage agent pools',
  'manage-providers': 'Manage private providers',
  'manage-modules': 'Manage private modules',
  'manage-public-providers': 'Manage public providers',
  'manage-public-modules': 'Manage public modules',
  'manage-registry-components': 'Manage registry components',
  'manage-membership': 'Manage membership',
  'manage-teams': 'Manage teams',
  'manage-organization-access': 'Manage organization access',
  'access-secret-teams': 'Access secret teams',
};

/** A label for a setting this app does not know yet: `manage-foo-bars` → "Manage foo bars". */
export function labelFromKey(key: string): string {
  const words = key.split(/[-_\s]+/).filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A team's `organization-access` as labelled facts: the known settings first, in a stable order, then any newer
 * ones. Only true counts as granted; a value that is not a boolean (or null) is no setting the screen can show.
 */
export function teamPermissionsOf(organizationAccess: unknown): TeamPermission[] {
  if (!isRecord(organizationAccess)) return [];
  const settings = Object.entries(organizationAccess).filter(
    (entry): entry is [string, boolean | null] => typeof entry[1] === 'boolean' || entry[1] === null,
  );
  const known = Object.keys(LABEL_OF_ORGANIZATION_ACCESS);
  const rank = (key: string) => (known.includes(key) ? known.indexOf(key) : known.length);
  return settings
    .map(([key, value], index) => ({ key, value, index }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.index - b.index)
    .map(({ key, value }) => ({
      label: LABEL_OF_ORGANIZATION_ACCESS[key] ?? labelFromKey(key),
      granted: value === true,
    }));
}
