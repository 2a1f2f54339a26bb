/**
 * The token API as the screens see it, independent of the backend flavor (Terrakube today; HCP Terraform /
 * Terraform Enterprise later). Dates are ISO-8601 strings; `expiresAt` is `null` when the token never expires.
 */
import type { TokenDuration } from '../../contracts/tokenDuration';

export type { TokenDuration };

interface TokenBase {
  id: string;
  description: string;
  /** ISO-8601, or `null` when the backend sent no readable date. */
  createdAt: string | null;
  createdBy: string;
  /** The duration the token was created with; all zero means it never expires. */
  duration: TokenDuration;
  /** ISO-8601; `null` when the token never expires (or its creation date is unknown). */
  expiresAt: string | null;
}

export type PersonalToken = TokenBase;

export interface TeamToken extends TokenBase {
  /** The identity-provider group (the team's name) the token acts for. */
  group: string;
}

export interface Organization {
  id: string;
  name: string;
  description: string;
}

/** What a team may manage in Terrakube (its JSON:API `manage*` attributes). */
export const TEAM_PERMISSIONS = [
  'manageState',
  'manageWorkspace',
  'manageModule',
  'manageProvider',
  'manageVcs',
  'manageTemplate',
  'manageCollection',
  'manageJob',
] as const;
export type TeamPermission = (typeof TEAM_PERMISSIONS)[number];

export interface Team {
  id: string;
  organizationId: string;
  /** The identity-provider group name; team tokens use it as `group`. */
  name: string;
  /** A missing attribute counts as not granted. */
  permissions: Record<TeamPermission, boolean>;
}

export interface CreatePersonalTokenInput {
  description: string;
  /** Whole days; 0 = never expires. */
  days: number;
}

export interface CreateTeamTokenInput {
  group: string;
  description: string;
  days: number;
  hours: number;
  minutes: number;
}

/** The answer to a generate call. The secret is shown once and must never be cached or stored. */
export interface CreatedToken {
  token: string;
}

export interface TokenApi {
  listPersonalTokens(signal?: AbortSignal): Promise<PersonalToken[]>;
  createPersonalToken(input: CreatePersonalTokenInput): Promise<CreatedToken>;
  deletePersonalToken(id: string): Promise<void>;

  /** Tokens of every team the caller is in; filter by `group` for one team. */
  listTeamTokens(signal?: AbortSignal): Promise<TeamToken[]>;
  createTeamToken(input: CreateTeamTokenInput): Promise<CreatedToken>;
  deleteTeamToken(id: string): Promise<void>;
  /** The caller's group names (the teams whose tokens they may manage). */
  currentTeams(signal?: AbortSignal): Promise<string[]>;

  listOrganizations(signal?: AbortSignal): Promise<Organization[]>;
  listTeams(organizationId: string, signal?: AbortSignal): Promise<Team[]>;
  getTeam(organizationId: string, teamId: string, signal?: AbortSignal): Promise<Team>;
}
