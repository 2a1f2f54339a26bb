/**
 * The test kit's data: time units, the runtime config, each backend's capabilities, and token, organization and
 * team factories. Import it through `./testKit`.
 */
import type { ApiToken, Organization, Team, TeamToken, TokenApiCapabilities } from '../api';
import { terrakubeCapabilities } from '../api/terrakube/terrakubeTokenApi';
import type { RuntimeConfig } from '../config';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const TEST_CONFIG: RuntimeConfig = {
  tokenBackend: 'terrakube',
  apiUrl: 'https://terrakube-api.example.com/api/v1/',
  apiOrigin: 'https://terrakube-api.example.com',
  apiHost: 'terrakube-api.example.com',
  oidc: {
    authority: 'https://terrakube-dex.example.com/dex',
    clientId: 'example-app',
    redirectUri: 'https://terrakube-ui.example.com/',
    scope: 'email openid profile offline_access groups',
  },
};

/** Terrakube's capabilities: personal tokens in whole days, team tokens to the minute. */
export const TERRAKUBE_CAPABILITIES: TokenApiCapabilities = terrakubeCapabilities('terrakube-api.example.com');

/** HCP Terraform's: any date and time, descriptions unique per team, bulk delete. */
export const TFE_CAPABILITIES: TokenApiCapabilities = {
  personal: { ...TERRAKUBE_CAPABILITIES.personal, expiry: { granularity: 'instant', maxMs: 3650 * DAY, allowsNever: true } },
  team: {
    ...TERRAKUBE_CAPABILITIES.team,
    expiry: { granularity: 'instant', maxMs: 3650 * DAY, allowsNever: true },
    uniqueDescriptions: true,
    bulkDelete: true,
  },
  cliHost: 'app.terraform.io',
};

/** A legacy team token API: one token per team, without a description, generating replaces it. */
export const SINGLE_TEAM_TOKEN_CAPABILITIES: TokenApiCapabilities = {
  ...TFE_CAPABILITIES,
  team: { ...TFE_CAPABILITIES.team, takesDescription: false, tokensPerCollection: 'one', uniqueDescriptions: false },
};

let sequence = 0;

export interface TokenSpec extends Partial<ApiToken> {
  /** Time left until expiry from now, in ms (negative: expired); `null` for a token that never expires. Default 30 days. */
  expiresIn?: number | null;
  /** How long ago it was created, in ms. Default 1 day. */
  createdAgo?: number;
}

/** A token, consistent in its dates, relative to the current time (real or faked). */
export function aToken({ expiresIn = 30 * DAY, createdAgo = DAY, ...overrides }: TokenSpec = {}): ApiToken {
  sequence += 1;
  const now = Date.now();
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    description: `Token ${sequence}`,
    createdAt: new Date(now - createdAgo).toISOString(),
    createdBy: 'admin@example.com',
    expiresAt: expiresIn === null ? null : new Date(now + expiresIn).toISOString(),
    ...overrides,
  };
}

export const aTeamToken = (teamId: string, spec: TokenSpec = {}): TeamToken => ({ ...aToken(spec), teamId });

export const ORGANIZATION: Organization = { id: 'd9b58bd3-f3fc-4056-a026-1163297e80a8', name: 'simple', description: 'Demo teams' };
export const OTHER_ORGANIZATION: Organization = { id: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', name: 'other', description: '' };

export const PERMISSION_LABELS = ['Manage state', 'Manage workspaces', 'Manage modules', 'Manage providers'];

export interface TeamSpec {
  /** Whether the signed-in person is in the team (default true; `undefined`: the backend does not say). */
  member?: boolean | undefined;
  /** Whether they may manage its tokens; by default, when they are a member. */
  canManageTokens?: boolean;
  /** The labels of PERMISSION_LABELS the team is granted. */
  granted?: string[];
  organizationId?: string;
}

export function aTeam(name: string, id: string, spec: TeamSpec = {}): Team {
  const { canManageTokens, granted = [], organizationId = ORGANIZATION.id } = spec;
  // `member: undefined` stands for a backend that does not say.
  const member = 'member' in spec ? spec.member : true;
  return {
    id,
    organizationId,
    name,
    canManageTokens: canManageTokens ?? member === true,
    isMember: member,
    permissions: PERMISSION_LABELS.map((label) => ({ label, granted: granted.includes(label) })),
  };
}

/** The embedded server's demo teams, as admin@example.com (in TERRAKUBE_ADMIN and TERRAKUBE_DEVELOPERS) sees them. */
export const ADMIN_TEAM = aTeam('TERRAKUBE_ADMIN', '58529721-425e-44d7-8b0d-1d515043c2f7', { granted: PERMISSION_LABELS });
export const DEVELOPERS_TEAM = aTeam('TERRAKUBE_DEVELOPERS', '0f7a8c8e-3c1b-4f0e-9a65-6a2f4c9b1d10', {
  granted: ['Manage state', 'Manage workspaces'],
});
export const AWS_TEAM = aTeam('AWS_DEVELOPERS', 'c3d4e5f6-7a8b-4c9d-8e0f-1a2b3c4d5e6f', { member: false });
