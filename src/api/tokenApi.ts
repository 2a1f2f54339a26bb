/**
 * The token API as the screens see it: one port, whatever the backend (Terrakube, HCP Terraform / Terraform
 * Enterprise). Nothing here is one backend's wire shape; each adapter turns its wire into these types and declares
 * what differs between backends once, as its capabilities. Dates are ISO-8601 strings.
 */

export interface ApiToken {
  id: string;
  /** '' when the backend keeps none (HCP Terraform's descriptions are optional; legacy team tokens have none). */
  description: string;
  /** `null` when the backend sent no readable date. */
  createdAt: string | null;
  /** A display name of who made the token, or `null` when the backend does not say. */
  createdBy: string | null;
  /** `null`: the token never expires. */
  expiresAt: string | null;
  /** `null`: never used. Absent: the backend does not say. */
  lastUsedAt?: string | null;
}

/** A team token, as listed with the other tokens of its organization. */
export interface TeamToken extends ApiToken {
  teamId: string;
}

export interface Organization {
  id: string;
  name: string;
  description: string;
}

/** One thing a team may or may not do, in words the adapter supplies ("Manage workspaces"). */
export interface TeamPermission {
  label: string;
  granted: boolean;
}

export interface Team {
  id: string;
  organizationId: string;
  name: string;
  /** Whether the signed-in person may list, generate and delete this team's tokens. */
  canManageTokens: boolean;
  /** Whether the signed-in person is a member of the team, when the backend says. */
  isMember?: boolean;
  permissions: TeamPermission[];
}

/** How an expiry is chosen: in whole days, to the minute, or any date and time. */
export type ExpiryGranularity = 'day' | 'minute' | 'instant';

/** What a collection of tokens (personal, or a team's) accepts and offers. */
export interface CollectionCapabilities {
  expiry: {
    granularity: ExpiryGranularity;
    /** The longest lifetime a new token may have, in ms from now. */
    maxMs: number;
    /** Whether a token may be made that never expires. */
    allowsNever: boolean;
  };
  /** Whether a new token takes a description (legacy single team tokens take none). */
  takesDescription: boolean;
  /** Descriptions must be unique within the collection (the backend refuses a duplicate). */
  uniqueDescriptions: boolean;
  /** 'many': tokens add up; 'one': a team has at most one token, and generating revokes and replaces it. */
  tokensPerCollection: 'many' | 'one';
  /** Whether several tokens can be deleted in one request. */
  bulkDelete: boolean;
}

export interface TokenApiCapabilities {
  personal: CollectionCapabilities;
  team: CollectionCapabilities;
  /** The host the Terraform CLI keys credentials by (`app.terraform.io`, `terrakube-api.example.com`). */
  cliHost: string;
}

export interface GenerateTokenInput {
  /** Trimmed; '' when the collection takes no description. */
  description: string;
  /** `null`: never expires. Adapters round to their granularity. */
  expiresAt: Date | null;
}

/** The answer to a generate call. The secret is shown once and must never be cached or stored. */
export interface CreatedToken {
  secret: string;
  /** The expiry the backend gave the token (ISO, or `null` = never); absent when it does not say. */
  expiresAt?: string | null;
  /** When the backend made it (ISO), where it says: the lifetime counts from here. */
  createdAt?: string;
}

/** Identifies one team for the team-token calls. */
export interface TeamRef {
  organizationId: string;
  teamId: string;
}

/**
 * A list as far as it has arrived: a backend that pages its lists hands over the first page's items before the
 * rest are read. Items are in the backend's order, each once.
 */
export interface ListPart<T> {
  items: T[];
  /** Whether these are all of the list. False while later pages are on their way, or when they never came. */
  complete: boolean;
  /** How many items the backend says the list has, when it says. */
  totalCount?: number;
  /** Why the list stops short though nothing more is coming (the backend claimed too many pages, or its pages disagreed). */
  shortBecause?: string;
}

export interface TokenApi {
  /** The platform's name for page copy: "Terrakube", "HCP Terraform" or "Terraform Enterprise". */
  readonly platformName: string;
  readonly capabilities: TokenApiCapabilities;

  listPersonalTokens(signal?: AbortSignal): Promise<ApiToken[]>;
  /**
   * The same list as it arrives, the last part the whole of it; offered by backends that page their lists. The
   * iteration rejects when a page cannot be read, after handing over the parts that could.
   */
  streamPersonalTokens?(signal?: AbortSignal): AsyncIterable<ListPart<ApiToken>>;
  createPersonalToken(input: GenerateTokenInput): Promise<CreatedToken>;
  /** Rejects with a not-found {@link ApiError} (status 404) when the token is already gone. */
  deletePersonalToken(id: string): Promise<void>;

  listOrganizations(signal?: AbortSignal): Promise<Organization[]>;
  listTeams(organizationId: string, signal?: AbortSignal): Promise<Team[]>;
  /** Rejects with a not-found {@link ApiError} (status 404) for an unknown organization or team. */
  getTeam(team: TeamRef, signal?: AbortSignal): Promise<Team>;

  /**
   * What the signed-in person may do in the organization through all their teams there, in the backend's words.
   * Absent where the backend does not say.
   */
  getOrganizationAccess?(organizationId: string, signal?: AbortSignal): Promise<TeamPermission[]>;

  /** Every token of the organization's teams that the signed-in person may see, each with its team's id. */
  listTeamTokens(organizationId: string, signal?: AbortSignal): Promise<TeamToken[]>;
  /** {@link listTeamTokens} as it arrives, as {@link streamPersonalTokens} is. */
  streamTeamTokens?(organizationId: string, signal?: AbortSignal): AsyncIterable<ListPart<TeamToken>>;
  createTeamToken(team: TeamRef, input: GenerateTokenInput): Promise<CreatedToken>;
  deleteTeamToken(team: TeamRef, id: string): Promise<void>;
  /**
   * Deletes several of an organization's team tokens in one request, all or none; offered where the backend can,
   * and usable while `capabilities.team.bulkDelete` says so.
   */
  deleteTeamTokens?(organizationId: string, ids: readonly string[]): Promise<void>;
}
