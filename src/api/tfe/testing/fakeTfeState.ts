import { ref, type JsonBody } from './fakeTfeWire';

/** What the fake HCP Terraform holds, and its resources as the wire shows them. */

export interface FakeUser {
  id: string;
  username: string;
  email: string;
  /** A token that signs this user in (as a user API token does). */
  accessToken: string;
}

export interface FakeOrganization {
  name: string;
  email: string;
  /** Whether the signed-in user belongs to it; HCP Terraform answers 404 for one they do not. */
  member: boolean;
}

export interface FakeTeam {
  id: string;
  organization: string;
  name: string;
  /** `permissions["can-update-api-token"]`: whether the signed-in user may manage the team's tokens. */
  canManageTokens: boolean;
  organizationAccess: Record<string, boolean | null>;
}

export interface FakeToken {
  id: string;
  /** A user's token, or a team's: `legacy` is the team's one descriptionless token of the old endpoint. */
  kind: 'user' | 'team' | 'legacy';
  /** The user's or the team's id. */
  ownerId: string;
  description: string | null;
  createdAt: string;
  /** `undefined`: the server keeps no expiry at all (releases older than expiring tokens). */
  expiredAt: string | null | undefined;
  lastUsedAt: string | null;
  secret: string;
  createdBy: { type: string; id: string };
}

export interface FakeTfeState {
  users: FakeUser[];
  organizations: FakeOrganization[];
  teams: FakeTeam[];
  tokens: FakeToken[];
  nextId(prefix: string): string;
  now(): Date;
}

export function createFakeTfeState(now: () => Date): FakeTfeState {
  let counter = 0;
  return {
    users: [],
    organizations: [],
    teams: [],
    tokens: [],
    nextId: (prefix) => `${prefix}-${(++counter).toString(36).padStart(8, '0')}`,
    now,
  };
}

export function tokenResource(token: FakeToken, options: { withSecret?: boolean } = {}): JsonBody {
  const attributes: JsonBody = {
    'created-at': token.createdAt,
    'last-used-at': token.lastUsedAt,
    description: token.description,
  };
  if (token.expiredAt !== undefined) attributes['expired-at'] = token.expiredAt;
  if (options.withSecret) attributes.token = token.secret;
  const relationships: JsonBody = { 'created-by': ref(token.createdBy.type, token.createdBy.id) };
  if (token.kind !== 'user') relationships.team = ref('teams', token.ownerId);
  return { id: token.id, type: 'authentication-tokens', attributes, relationships };
}

export function teamResource(team: FakeTeam): JsonBody {
  return {
    id: team.id,
    type: 'teams',
    attributes: {
      name: team.name,
      'users-count': 1,
      visibility: 'organization',
      permissions: {
        'can-update-membership': team.canManageTokens,
        'can-destroy': team.canManageTokens,
        'can-update-organization-access': team.canManageTokens,
        'can-update-api-token': team.canManageTokens,
        'can-update-visibility': team.canManageTokens,
      },
      'organization-access': team.organizationAccess,
    },
    relationships: { organization: ref('organizations', team.organization) },
  };
}

export function organizationResource(organization: FakeOrganization): JsonBody {
  return {
    id: organization.name,
    type: 'organizations',
    attributes: { name: organization.name, email: organization.email, 'external-id': `org-${organization.name}` },
  };
}

export function userResource(user: FakeUser): JsonBody {
  return { id: user.id, type: 'users', attributes: { username: user.username, email: user.email, 'is-service-account': false } };
}
