import type { TeamRow } from './organizationRepository';

/** Terrakube's eight team permissions, in the order its API sends them, and the column each is kept in. */
export const TEAM_PERMISSIONS = [
  ['manageState', 'manage_state'],
  ['manageWorkspace', 'manage_workspace'],
  ['manageModule', 'manage_module'],
  ['manageProvider', 'manage_provider'],
  ['manageVcs', 'manage_vcs'],
  ['manageTemplate', 'manage_template'],
  ['manageCollection', 'manage_collection'],
  ['manageJob', 'manage_job'],
] as const satisfies readonly (readonly [string, keyof TeamRow])[];

/** Terrakube's permission set, in the order its API sends the fields. */
export type PermissionSet = Record<(typeof TEAM_PERMISSIONS)[number][0], boolean>;

/** A permission set where each permission is granted when `granted` says so for its column. */
function permissionSet(granted: (column: (typeof TEAM_PERMISSIONS)[number][1]) => boolean): PermissionSet {
  return Object.fromEntries(TEAM_PERMISSIONS.map(([name, column]) => [name, granted(column)])) as PermissionSet;
}

/** One team's permissions, under Terrakube's names. */
export function teamPermissions(team: TeamRow): PermissionSet {
  return permissionSet((column) => team[column]);
}

/**
 * What a caller may do in an organization: a permission is granted when any of the caller's teams there grants
 * it. A caller in none of its teams gets every permission false, as Terrakube answers.
 */
export function callerPermissions(teams: readonly TeamRow[]): PermissionSet {
  return permissionSet((column) => teams.some((team) => team[column]));
}
