import type { TeamRow } from './organizationRepository';

/** Terrakube's permission set, in the order its API sends the fields. */
export interface PermissionSet {
  manageState: boolean;
  manageWorkspace: boolean;
  manageModule: boolean;
  manageProvider: boolean;
  manageVcs: boolean;
  manageTemplate: boolean;
  manageCollection: boolean;
  manageJob: boolean;
}

/**
 * What a caller may do in an organization: a permission is granted when any of the caller's teams there grants
 * it. A caller in none of its teams gets every permission false, as Terrakube answers.
 */
export function callerPermissions(teams: readonly TeamRow[]): PermissionSet {
  const any = (granted: (team: TeamRow) => boolean) => teams.some(granted);
  return {
    manageState: any((team) => team.manage_state),
    manageWorkspace: any((team) => team.manage_workspace),
    manageModule: any((team) => team.manage_module),
    manageProvider: any((team) => team.manage_provider),
    manageVcs: any((team) => team.manage_vcs),
    manageTemplate: any((team) => team.manage_template),
    manageCollection: any((team) => team.manage_collection),
    manageJob: any((team) => team.manage_job),
  };
}
