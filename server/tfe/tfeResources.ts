import type { Caller } from '../auth/authentication';
import type { OrganizationRow, TeamRow } from '../organizations/organizationRepository';
import type { TfeTokenRow } from './tfeTokenRepository';
import { serviceUserIdOf, teamIdOf, tokenIdOf, userIdOf } from './tfeIds';

/** HCP Terraform's JSON:API resources, built from our rows. Dates are ISO-8601 with milliseconds and `Z`. */
const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** `authentication-tokens`; `secret` (the `token` attribute) only in the answer that creates the token. */
export function tokenResource(row: TfeTokenRow, secret?: string) {
  return {
    id: tokenIdOf(row.id),
    type: 'authentication-tokens',
    attributes: {
      'created-at': iso(row.created_date),
      // To the minute: a token is recorded at most once a minute.
      'last-used-at': iso(row.last_used_at),
      description: row.description,
      'expired-at': iso(row.expires_at),
      ...(secret === undefined ? {} : { token: secret }),
    },
    relationships: {
      'created-by': { data: { type: 'users', id: userIdOf(row.created_by) } },
      ...(row.kind === 'team' ? { team: { data: row.team_id ? { type: 'teams', id: teamIdOf(row.team_id) } : null } } : {}),
    },
    links: { self: `/api/v2/authentication-tokens/${tokenIdOf(row.id)}` },
  };
}

/** Whether the caller is a member of the team: its name is one of the caller's identity-provider groups. */
export const isMember = (caller: Caller, team: TeamRow): boolean => caller.groups.includes(team.name);

/**
 * Terrakube's team permissions under HCP Terraform's names, where one exists. Terrakube's state, template,
 * collection and job permissions have no HCP Terraform counterpart and are left out; HCP Terraform's own
 * permissions that Terrakube lacks are false.
 */
function organizationAccessOf(team: TeamRow) {
  return {
    'manage-workspaces': team.manage_workspace,
    'read-workspaces': team.manage_workspace,
    'manage-modules': team.manage_module,
    'manage-providers': team.manage_provider,
    'manage-vcs-settings': team.manage_vcs,
    'manage-policies': false,
    'manage-policy-overrides': false,
    'delegate-policy-overrides': false,
    'manage-run-tasks': false,
    'manage-projects': false,
    'read-projects': false,
    'manage-membership': false,
    'manage-teams': false,
    'manage-organization-access': false,
    'access-secret-teams': false,
    'manage-agent-pools': false,
  };
}

/** `teams`: members may manage the team's tokens; nothing else about a team can be changed here. */
export function teamResource(team: TeamRow, caller: Caller) {
  const member = isMember(caller, team);
  return {
    id: teamIdOf(team.id),
    type: 'teams',
    attributes: {
      name: team.name,
      visibility: 'organization',
      'allow-member-token-management': true,
      permissions: {
        'can-update-membership': false,
        'can-destroy': false,
        'can-update-organization-access': false,
        'can-update-api-token': member,
        'can-view-api-token': member,
        'can-update-visibility': false,
        'can-update-name': false,
        'can-update-sso-team-id': false,
        'can-update-member-token-management': false,
      },
      'organization-access': organizationAccessOf(team),
    },
    relationships: { organization: { data: { type: 'organizations', id: team.organization_name } } },
    links: { self: `/api/v2/teams/${teamIdOf(team.id)}` },
  };
}

/** `organizations`, addressed by name as HCP Terraform does; `external-id` is the Terrakube uuid. */
export function organizationResource(organization: OrganizationRow) {
  return {
    id: organization.name,
    type: 'organizations',
    attributes: { name: organization.name, 'external-id': `org-${organization.id}` },
    links: { self: `/api/v2/organizations/${encodeURIComponent(organization.name)}` },
  };
}

/** `users` for `/account/details`: the signed-in person, or for a team token the team's service user. */
export function userResource(caller: Caller) {
  if (caller.credential === 'team-token') {
    const team = caller.groups[0] ?? '';
    return {
      id: serviceUserIdOf(team),
      type: 'users',
      attributes: { username: `api-team_${team}`, email: null, 'is-service-account': true },
    };
  }
  return {
    id: userIdOf(caller.email),
    type: 'users',
    attributes: {
      // HCP Terraform usernames have no "@"; the email's local part is the nearest. Display only.
      username: caller.email.split('@')[0] || caller.email,
      email: caller.email,
      'is-service-account': false,
    },
  };
}
